import { createHash } from 'node:crypto';
import { move, transferableSymbol, valueSymbol } from 'piscina';
import { ocrAvailable, ocrModeOf } from '../ocr/pages.js';
import { ocrEngine } from '../ocr/tesseract.js';
import { processInput } from './process.js';
import type { Input } from './inputs.js';
import { readFileBytes } from '../read/index.js';
import { defaultRules } from '../rules/compile.js';
import type { ExtractionRecord } from '../schema.js';
import { cacheGet, cacheKey, cachePut } from './cache.js';
import { spanPositions } from './positions.js';
import { warmUp } from './warm-up.js';

/** A record as it crosses back from a worker: its JSON line (written as is) and what the summary counts. */
export interface Produced {
  /**
   * The record's JSON and a newline, as UTF-8 bytes moved to the main thread, not copied. As strings,
   * a chunk's records came in one message of over 100 KB, which V8 reads straight into the old
   * generation: up to 70 MB of the main thread's heap was written records awaiting a full collection.
   */
  line: Uint8Array;
  path: string;
  bytes: number | null;
  errors: { code: string; message: string }[];
  /** With --cache: served from it, a bad entry found (and replaced), or the record could not be kept. */
  cache?: 'hit' | 'bad-entry' | 'not-written';
  /** With `locate`: line and column of the record's span starts (spanPositions), for `check`. */
  positions?: number[];
  /** With `withText`: the text the spans point into (null when the input was not read) and its pages, for `view`. */
  text?: { source: string | null; pages: { start: number; end: number }[] | null };
}

const utf8 = new TextEncoder();

// The extractors' patterns built and compiled as the worker starts, while the main thread lists the
// inputs (issue 29): the pool's warm-up task waits for this, and the first file no longer pays it.
warmUp(defaultRules());

export function produced(record: ExtractionRecord): Produced {
  return { line: utf8.encode(`${JSON.stringify(record)}\n`), path: record.source.path, bytes: record.source.bytes, errors: record.errors };
}

/** A chunk's records with their bytes on the transfer list (piscina unwraps it: the main thread gets the array). */
function moved(records: Produced[]): Produced[] {
  return move({ [transferableSymbol]: records.map((r) => r.line.buffer), [valueSymbol]: records }) as unknown as Produced[];
}

export interface ChunkTask {
  inputs: Input[];
  /** The --cache folder, or null. */
  cache: string | null;
  /** Shared with the main thread's watchdog: [index of the file being read, Date.now() when it began, 1 if it is this worker's first]. */
  progress?: SharedArrayBuffer;
  /**
   * Shared with the main thread: [the index of the next file to claim]. The worker claims a file by
   * moving it on by one before beginning it; the main thread takes the files not yet begun by
   * setting it to -1 - that index, and the worker, failing its next claim, stops there.
   */
  claims?: SharedArrayBuffer;
  /** Standard input's bytes, read by the main thread (the chunk is then that one input). */
  stdin?: Uint8Array;
  /** Send each record's positions (check prints line and column; the text stays here). */
  locate?: boolean;
  /** Send each record's text and pages (view draws them); the cache is not used, as it keeps no text. */
  withText?: boolean;
}

/**
 * A pool worker: a chunk of inputs → their records as JSON, in order (the main thread only writes
 * them: serializing there would make it the bottleneck of two workers). Rules load once per worker (memoized
 * by defaultRules), and every input yields a record (processInput never throws).
 */
// Files this worker thread has started on: its first pays for compiling the code it runs.
let filesRead = 0;

export default async function extractChunk(task: ChunkTask): Promise<Produced[]> {
  const rules = defaultRules();
  const records: Produced[] = [];
  const progress = task.progress ? new Float64Array(task.progress) : null;
  const claims = task.claims ? new Int32Array(task.claims) : null;
  for (const [index, input] of task.inputs.entries()) {
    // The files from here on were taken to another worker while this one was slow on the last.
    if (claims && Atomics.compareExchange(claims, 0, index, index + 1) !== index) break;
    if (progress) {
      progress[2] = filesRead === 0 ? 1 : 0;
      progress[1] = Date.now();
      progress[0] = index;
    }
    filesRead++;
    if (input.kind === 'stdin' || task.withText) {
      const { record, analysis } = await processInput(input, rules, input.kind === 'stdin' ? task.stdin ?? null : null);
      const out = located(produced(record), task.locate ? spanPositions(record, analysis?.source ?? '') : undefined);
      records.push(task.withText ? { ...out, text: { source: analysis?.source ?? null, pages: analysis?.pages?.pages ?? null } } : out);
      continue;
    }
    const path = input.kind === 'file' ? input.path : null;
    // One read for the key and the record: read twice, a file rewritten in between was cached
    // under its old content's key with its new content's record.
    const bytes = task.cache && path ? bytesOrNull(path) : null;
    const key = bytes ? cacheKey(bytes, rules.version, readSettings()) : null;
    const lookup = key && path ? cacheGet(task.cache!, key, path, sha256(bytes!)) : null;
    if (lookup && 'record' in lookup) {
      records.push(located({ ...produced(lookup.record), cache: 'hit' }, task.locate ? lookup.positions : undefined));
      continue;
    }
    const { record, analysis } = await processInput(input, rules, bytes);
    // Kept with the record, so that `check` can be served from the cache too.
    const positions = task.locate || key ? spanPositions(record, analysis?.source ?? '') : undefined;
    // Only results: a file that failed is tried again next time (a reader may have been fixed).
    const kept = key && record.errors.length === 0 ? cachePut(task.cache!, key, record, positions!) : true;
    const cache = !kept ? 'not-written' : lookup && 'miss' in lookup && lookup.miss === 'bad' ? 'bad-entry' : undefined;
    records.push(located({ ...produced(record), ...(cache ? { cache } : {}) }, task.locate ? positions : undefined));
  }
  return moved(records);
}

/** A record with its positions when the task asked for them. */
function located(record: Produced, positions: number[] | undefined): Produced {
  return positions ? { ...record, positions } : record;
}

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** How this worker reads files, as far as it changes a record: the OCR mode and engine. */
function readSettings(): string {
  return `ocr=${ocrModeOf()};engine=${ocrAvailable() ? ocrEngine().version : 'none'}`;
}

function bytesOrNull(path: string): Uint8Array | null {
  try {
    return readFileBytes(path);
  } catch {
    return null; // not a regular file, or unreadable: processInput reads it again and says why
  }
}
