import { createHash } from 'node:crypto';
import { renameSync, rmSync, statSync, truncateSync, type WriteStream } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { pathForFs } from '../read/file-name.js';
import type { ExtractionRecord } from '../schema.js';
import { endStream, makeFolder, openWriteStream, outputError, put as putOn } from '../util/output-files.js';

/** Where records go: a folder of JSON files, one JSONL or JSON file, or standard output. */
export interface RecordSink {
  write(record: ExtractionRecord): Promise<void>;
  /** JSON Lines sinks: a record already serialized (by a worker) as a UTF-8 line, written as is. */
  writeLine?(line: Uint8Array): Promise<void>;
  close(): Promise<void>;
  describe(): string;
}

import { UsageError } from '../util/usage-error.js';
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

/**
 * A JSON Lines file, appended to by a resumed run, a whole line per write: when a write fails (a
 * full disk) the file is cut back to its last whole line before the run stops, so `--resume` goes
 * on from there. A JSON file is written under a temporary name and renamed when whole: a run that
 * fails leaves the file that was there, not half an array.
 */
async function fileSink(path: string, format: Format, append: boolean): Promise<RecordSink> {
  makeFolder(dirname(path), path);
  if (format === 'json') {
    const tmp = `${path}.tmp-${process.pid}`;
    const sink = streamSink(await openWriteStream(tmp, 'w'), format, path, true);
    return {
      ...sink,
      async close() {
        try {
          await sink.close();
          renameSync(tmp, path);
        } catch (err) {
          rmSync(tmp, { force: true });
          throw outputError(path, err);
        }
      },
    };
  }
  const whole = append ? statSync(path, { throwIfNoEntry: false })?.size ?? 0 : 0;
  return streamSink(await openWriteStream(path, append ? 'a' : 'w'), format, path, true, whole);
}

export function streamSink(stream: NodeJS.WritableStream | WriteStream, format: Format, name: string, closeAtEnd: boolean, whole?: number): RecordSink {
  let count = 0;
  // Bytes of the file known written whole (a file sink only).
  let written = whole;
  // Wait for each chunk to be handed on: memory stays flat however many records there are.
  const put = async (s: string | Uint8Array): Promise<void> => {
    try {
      await putOn(stream, s, name);
      if (written !== undefined) written += typeof s === 'string' ? Buffer.byteLength(s) : s.byteLength;
    } catch (err) {
      if (written !== undefined) cutBack(name, written);
      throw err;
    }
  };
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

/** After a failed write, the file is cut back to what was written whole (best effort: the disk may be gone). */
function cutBack(path: string, size: number): void {
  try {
    truncateSync(path, size);
  } catch {
    // nothing more can be done; --resume cuts a half line off itself
  }
}

/** One JSON file per input, named after it (written under a temporary name, then renamed: a file is whole or absent); two inputs with one base name get a hash suffix. */
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
      const tmp = join(dir, `.${name}.tmp-${process.pid}`);
      const file = await openWriteStream(tmp, 'w');
      try {
        await putOn(file, JSON.stringify(record, null, 2) + '\n', path);
        await endStream(file, path);
        renameSync(tmp, path);
      } catch (err) {
        file.destroy();
        rmSync(tmp, { force: true });
        throw outputError(path, err);
      }
    },
    async close() {},
    describe: () => `${dir}/`,
  };
}
