import { analyzeBytes, analyzeFile, errorRecord, isAnalysis, type Analysis } from '../pipeline.js';
import type { Rules } from '../rules/compile.js';
import type { ExtractionRecord } from '../schema.js';
import type { Input } from './inputs.js';
import { shownPath, shownText } from '../util/shown.js';

export interface Processed {
  record: ExtractionRecord;
  /** The text spans point into, when the input was read. */
  analysis: Analysis | null;
}

export async function readAll(stream: AsyncIterable<Uint8Array>): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of stream) chunks.push(chunk);
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
    return { record: errorRecord(missingSource(path), { code: 'internal-error', message: (err as Error).message }, rules), analysis: null };
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
