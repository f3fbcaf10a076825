import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ExtractionRecord } from '../schema.js';

/**
 * The opt-in result cache (`--cache DIR`): a record kept under the hash of the file's bytes, the
 * rules' version and a fingerprint of the code that made it, so an unchanged file is not extracted
 * again while neither the rules nor the code changed. Entries are written whole (temporary file,
 * then rename), so a crash never leaves half an entry; a damaged entry reads as a miss.
 */
let fingerprint: string | null = null;

/** The hash of the code beside this file (src/ under tsx, dist/ when built): any change, a new key. */
export function codeFingerprint(): string {
  if (fingerprint) return fingerprint;
  const root = dirname(dirname(fileURLToPath(import.meta.url)));
  const hash = createHash('sha256');
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(ts|js)$/.test(entry.name)) hash.update(entry.name).update(readFileSync(path));
    }
  };
  walk(root);
  return (fingerprint = hash.digest('hex').slice(0, 16));
}

export function cacheKey(bytes: Uint8Array, rulesVersion: string): string {
  return createHash('sha256').update(bytes).update('\0').update(rulesVersion).update('\0').update(codeFingerprint()).digest('hex');
}

const entryPath = (dir: string, key: string): string => join(dir, key.slice(0, 2), `${key}.json`);

/** The cached record for a key, with the path of the input now asking (one content may sit under many paths). */
export function cacheGet(dir: string, key: string, path: string): ExtractionRecord | null {
  try {
    const record = JSON.parse(readFileSync(entryPath(dir, key), 'utf8')) as ExtractionRecord;
    return { ...record, source: { ...record.source, path } };
  } catch {
    return null;
  }
}

export function cachePut(dir: string, key: string, record: ExtractionRecord): void {
  const path = entryPath(dir, key);
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  writeFileSync(tmp, JSON.stringify(record));
  renameSync(tmp, path);
}
