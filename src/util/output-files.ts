import { createWriteStream, mkdirSync, statSync, type WriteStream } from 'node:fs';
import { dirname } from 'node:path';
import { shownPath } from './shown.js';

/**
 * The output cannot be written: a file stands where a folder is needed, no permission, a full or
 * read-only disk. The CLI exits 73 (EX_CANTCREAT) with this message; records already written stay
 * whole lines, so `--resume` continues once the cause is fixed.
 */
export class OutputError extends Error {
  override name = 'OutputError';
  constructor(message: string, readonly code: string | undefined) {
    super(message);
  }
}

// What the system's error codes mean for someone choosing where output goes.
const REASONS: Record<string, string> = {
  EEXIST: 'a file stands where a folder is needed',
  ENOTDIR: 'a file stands where a folder is needed',
  EISDIR: 'it is a folder, not a file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  ENAMETOOLONG: 'the name is too long',
};

export function outputError(path: string, err: unknown): OutputError {
  if (err instanceof OutputError) return err;
  const e = err as NodeJS.ErrnoException;
  return new OutputError(`cannot write ${shownPath(path)}: ${REASONS[e.code ?? ''] ?? e.message}`, e.code);
}

/** Makes a folder and its parents, or says in words why it cannot. */
export function makeFolder(dir: string, forPath: string = dir): void {
  try {
    makeFolders(dir);
  } catch (err) {
    throw outputError(forPath, err);
  }
}

/** mkdir -p a level at a time: Node's recursive mkdir never returns under /proc ("--cache /proc/nope" hung). */
function makeFolders(dir: string): void {
  const info = statSync(dir, { throwIfNoEntry: false });
  if (info) {
    if (!info.isDirectory()) throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR' });
    return;
  }
  const parent = dirname(dir);
  if (parent !== dir) makeFolders(parent);
  mkdirSync(dir);
}

/**
 * A write stream that is open: a path that cannot be opened fails here, before any work is done,
 * not as an unhandled 'error' event later. Later write errors reach the write's callback (`put`).
 */
export async function openWriteStream(path: string, flags: 'w' | 'a'): Promise<WriteStream> {
  const stream = createWriteStream(path, { flags, encoding: 'utf8' });
  await new Promise<void>((resolve, reject) => {
    stream.once('open', () => resolve());
    stream.once('error', (err) => reject(outputError(path, err)));
  });
  // A failed write is reported through its callback; without a listener the stream would also throw.
  stream.on('error', () => undefined);
  return stream;
}

/** Writes a chunk and waits until it is handed on (memory stays flat), or fails with an OutputError. */
export function put(stream: NodeJS.WritableStream, chunk: string | Uint8Array, path: string): Promise<void> {
  return new Promise((resolve, reject) => {
    stream.write(chunk, (err?: Error | null) => (err ? reject(outputError(path, err)) : resolve()));
  });
}

/** Ends a stream and waits until its data is flushed, or fails with an OutputError. */
export function endStream(stream: WriteStream, path: string): Promise<void> {
  return new Promise((resolve, reject) => {
    stream.once('error', (err) => reject(outputError(path, err)));
    stream.end(() => resolve());
  });
}
