import { processInput } from '../cli/run.js';
import type { Input } from '../cli/inputs.js';
import { defaultRules } from '../rules/compile.js';
import type { ExtractionRecord } from '../schema.js';

/**
 * A pool worker: a chunk of inputs → their records, in order. Rules load once per worker (memoized
 * by defaultRules), and every input yields a record (processInput never throws).
 */
export default async function extractChunk(inputs: Input[]): Promise<ExtractionRecord[]> {
  const rules = defaultRules();
  const records: ExtractionRecord[] = [];
  for (const input of inputs) records.push((await processInput(input, rules)).record);
  return records;
}
