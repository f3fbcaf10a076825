import { createHash } from 'node:crypto';
import type { WriteStream } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { pathForFs } from '../read/file-name.js';
import type { ExtractionRecord } from '../schema.js';
import { endStream, makeFolder, openWriteStream, put as putOn } from '../util/output-files.js';

/** Where records go: a folder of JSON files, one JSONL or JSON file, or standard output. */
export interface RecordSink {
  write(record: ExtractionRecord): Promise<void>;
  /** JSON Lines sinks: a record already serialized (by a worker) as a UTF-8 line, written as is. */
  writeLine?(line: Uint8Array): Promise<void>;
  close(): Promise<void>;
  describe(): string;
}

import { UsageError } from './usage.js';
import { shownPath } from '../util/shown.js';

export type Format = 'json' | 'jsonl';

/**
 * What --out names, by its extension (any case): a JSON Lines file (.jsonl, .ndjson), a JSON file
 * (.json), or a folder (no extension, or a trailing "/"). Any other extension ("x.csv") is a
 * mistake to say, not a folder to make.
 */
export function outKind(out: string): Format | 'folder' {
  if (/\/$/.test(out)) return 'folder';
  const ext = /\.([^./\\]+)$/.exec(out)?.[1]?.toLowerCase();
  if (ext === 'jsonl' || ext === 'ndjson') return 'jsonl';
  if (ext === 'json') return 'json';
  if (ext === undefined) return 'folder';
  throw new UsageError(`--out ${shownPath(out)}: write to a folder, FILE.jsonl (or .ndjson) or FILE.json; .${ext} is none of them (a folder whose name has a dot: end it with /)`);
}

/** Opens where records go; a place that cannot be written fails here (OutputError), before any work. */
export async function openSink(
  out: string | undefined, format: Format | undefined, options: { append?: boolean; stdout?: NodeJS.WritableStream } = {},
): Promise<RecordSink> {
  if (!out) return streamSink(options.stdout ?? process.stdout, format ?? 'jsonl', 'standard output', false);
  const kind = outKind(out);
  if (format && kind !== 'folder' && format !== kind) throw new UsageError(`--format ${format} contradicts --out ${shownPath(out)}, which is ${kind}`);
  if (kind === 'jsonl') return fileSink(out, 'jsonl', !!options.append);
  if (kind === 'json') return fileSink(out, 'json', false);
  return folderSink(out);
}

/** A JSON or JSON Lines file; JSON Lines may be appended to (a resumed run), a whole line per write. */
async function fileSink(path: string, format: Format, append: boolean): Promise<RecordSink> {
  makeFolder(dirname(path), path);
  return streamSink(await openWriteStream(path, append ? 'a' : 'w'), format, path, true);
}

function streamSink(stream: NodeJS.WritableStream | WriteStream, format: Format, name: string, closeAtEnd: boolean): RecordSink {
  let count = 0;
  // Wait for each chunk to be handed on: memory stays flat however many records there are.
  const put = (s: string | Uint8Array): Promise<void> => putOn(stream, s, name);
  return {
    ...(format === 'jsonl' ? {
      async writeLine(line: Uint8Array) {
        await put(line);
        count++;
      },
    } : {}),
    async write(record) {
      if (format === 'jsonl') await put(JSON.stringify(record) + '\n');
      else await put((count === 0 ? '[\n' : ',\n') + JSON.stringify(record, null, 2));
      count++;
    },
    async close() {
      if (format === 'json') await put(count === 0 ? '[]\n' : '\n]\n');
      if (closeAtEnd) await endStream(stream as WriteStream, name);
    },
    describe: () => name,
  };
}

/** One JSON file per input, named after it; two inputs with one base name get a hash suffix. */
function folderSink(dir: string): RecordSink {
  makeFolder(dir);
  const used = new Set<string>();
  return {
    async write(record) {
      // A name with escaped bytes (not UTF-8, see read/file-name.ts) is written with U+FFFD, as the
      // file system would store it anyway, so that two such names meet in `used` and the suffix,
      // a hash of the path's real bytes, keeps them apart.
      const base = basename(record.source.path).replace(/\.[^.]+$/, '').replace(/\p{Cs}/gu, '\uFFFD') || 'stdin';
      let name = `${base}.json`;
      if (used.has(name)) name = `${base}-${createHash('sha1').update(pathForFs(record.source.path)).digest('hex').slice(0, 8)}.json`;
      used.add(name);
      const path = join(dir, name);
      const file = await openWriteStream(path, 'w');
      await putOn(file, JSON.stringify(record, null, 2) + '\n', path);
      await endStream(file, path);
    },
    async close() {},
    describe: () => `${dir}/`,
  };
}
