import { analyzeBytes, analyzeFile, errorRecord, isAnalysis, type Analysis } from '../pipeline.js';
import type { Rules } from '../rules/compile.js';
import type { ExtractionRecord } from '../schema.js';
import type { Input } from './inputs.js';
import { maxFileBytes, tooLarge } from '../read/index.js';
import { ReadError } from '../read/types.js';
import { shownPath, shownText } from '../util/shown.js';

export interface Processed {
  record: ExtractionRecord;
  /** The text spans point into, when the input was read. */
  analysis: Analysis | null;
}

/**
 * A stream's bytes (standard input), refused with `too-large` as soon as they pass the size limit of
 * a file: `cat archive.tar | vnreform extract -` must not fill the memory before anything is said.
 */
export async function readAll(stream: AsyncIterable<Uint8Array>, limit = maxFileBytes()): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of stream) {
    size += chunk.length;
    if (size > limit) throw tooLarge('standard input is past the limit of a file', limit);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/**
 * One input → exactly one record (a result or an error record). Never throws. `bytes`, when given,
 * are the file's content already read (by the worker, to key the cache): the record is made from
 * them, not from a second read that could see the file changed in between. `stdin` is read for "-".
 */
export async function processInput(
  input: Input, rules: Rules, bytes: Uint8Array | null = null, stdin: AsyncIterable<Uint8Array> = process.stdin,
): Promise<Processed> {
  try {
    const result = input.kind === 'stdin'
      ? await analyzeBytes(bytes ?? await readAll(stdin), '-', rules)
      : input.kind === 'failed'
        ? errorRecord(missingSource(input.path), { code: input.code, message: input.message }, rules)
        : bytes
          ? await analyzeBytes(bytes, input.path, rules)
          : await analyzeFile(input.path, rules);
    return isAnalysis(result) ? { record: result.record, analysis: result } : { record: result, analysis: null };
  } catch (err) {
    const path = input.kind === 'stdin' ? '-' : input.path;
    const error = err instanceof ReadError ? { code: err.code, message: err.message } : { code: 'internal-error', message: (err as Error).message };
    return { record: errorRecord(missingSource(path), error, rules), analysis: null };
  }
}

function missingSource(path: string): ExtractionRecord['source'] {
  return { path, format: 'unknown', encoding: null, sha256: null, bytes: null, pages: null, ocr: null };
}

export function inputPath(input: Input): string {
  return input.kind === 'stdin' ? '-' : input.path;
}

/** An input that failed, on standard error: one line whatever its name or the message hold. */
export function failureLine(path: string, errors: readonly { code: string; message: string }[]): string {
  return `${shownPath(path)}: ${errors.map((e) => `${e.code}: ${shownText(e.message)}`).join('; ')}\n`;
}
