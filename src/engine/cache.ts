import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RecordSchema, type ExtractionRecord } from '../schema.js';

/**
 * The opt-in result cache (`--cache DIR`): a record kept under the hash of the file's bytes, the
 * rules' version and a fingerprint of the code that made it, so an unchanged file is not extracted
 * again while neither the rules nor the code changed. Entries are written whole (temporary file,
 * then rename), so a crash never leaves half an entry; an entry that is damaged or not what its key
 * says is ignored, counted, and written anew.
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

/**
 * The key of a file's record: its bytes, the rules' version, the code, and how files are read here
 * (`readSettings`: the OCR mode and engine, since `--ocr never`, `always` and a newly installed
 * tesseract each give another record of the same bytes).
 */
export function cacheKey(bytes: Uint8Array, rulesVersion: string, readSettings = ''): string {
  return createHash('sha256').update(bytes).update('\0').update(rulesVersion).update('\0').update(codeFingerprint()).update('\0').update(readSettings).digest('hex');
}

const entryPath = (dir: string, key: string): string => join(dir, key.slice(0, 2), `${key}.json`);

/** What the cache holds for a key: the record, nothing, or an entry not to trust (damaged, another key's, another file's, an old shape). */
export type CacheLookup = { record: ExtractionRecord; positions: number[] } | { miss: 'absent' | 'bad' };

/**
 * The cached record for a key, with the path of the input now asking (one content may sit under
 * many paths). An entry is served only when it is whole, names this key, holds a record of the
 * schema, and that record is of these very bytes (`sha256`).
 */
export function cacheGet(dir: string, key: string, path: string, sha256: string): CacheLookup {
  let raw: string;
  try {
    raw = readFileSync(entryPath(dir, key), 'utf8');
  } catch {
    return { miss: 'absent' };
  }
  try {
    const entry = JSON.parse(raw) as { key?: unknown; record?: unknown; positions?: unknown };
    const parsed = RecordSchema.safeParse(entry.record);
    if (entry.key !== key || !parsed.success || parsed.data.source.sha256 !== sha256 || !isPositions(entry.positions)) return { miss: 'bad' };
    return { record: { ...parsed.data, source: { ...parsed.data.source, path } }, positions: entry.positions };
  } catch {
    return { miss: 'bad' };
  }
}

/**
 * Keeps a record under its key with the line and column of its spans (`check` reads those, not the
 * text), whole (temporary file, then rename). A cache that cannot be written
 * (a full disk) costs the cache, not the record: false, and the run goes on.
 */
export function cachePut(dir: string, key: string, record: ExtractionRecord, positions: number[]): boolean {
  const path = entryPath(dir, key);
  const tmp = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(tmp, JSON.stringify({ key, record, positions }));
    renameSync(tmp, path);
    return true;
  } catch {
    try {
      rmSync(tmp, { force: true });
    } catch {
      // no folder, no temporary file
    }
    return false;
  }
}

/** Line and column triples (spanPositions) as an entry holds them. */
function isPositions(value: unknown): value is number[] {
  return Array.isArray(value) && value.length % 3 === 0 && value.every((n) => Number.isInteger(n) && n >= 0);
}
