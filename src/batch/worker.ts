import { readFileSync } from 'node:fs';
import { processInput } from '../cli/run.js';
import type { Input } from '../cli/inputs.js';
import { defaultRules } from '../rules/compile.js';
import type { ExtractionRecord } from '../schema.js';
import { cacheGet, cacheKey, cachePut } from './cache.js';

export interface ChunkTask {
  inputs: Input[];
  /** The --cache folder, or null. */
  cache: string | null;
}

/**
 * A pool worker: a chunk of inputs → their records, in order. Rules load once per worker (memoized
 * by defaultRules), and every input yields a record (processInput never throws).
 */
export default async function extractChunk(task: ChunkTask): Promise<ExtractionRecord[]> {
  const rules = defaultRules();
  const records: ExtractionRecord[] = [];
  for (const input of task.inputs) {
    const path = input.kind === 'file' ? input.path : null;
    const key = task.cache && path ? keyOf(path, rules.version) : null;
    const cached = key && path ? cacheGet(task.cache!, key, path) : null;
    if (cached) {
      records.push(cached);
      continue;
    }
    const { record } = await processInput(input, rules);
    if (key && record.source.sha256) cachePut(task.cache!, key, record);
    records.push(record);
  }
  return records;
}

function keyOf(path: string, rulesVersion: string): string | null {
  try {
    return cacheKey(readFileSync(path), rulesVersion);
  } catch {
    return null; // unreadable: processInput says why
  }
}
