import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyLevel, DEFAULT_LEVELS } from '../src/cli/check-config.js';
import { metricValues } from '../src/engine/compare.js';
import type { Rules } from '../src/rules/compile.js';
import type { ExtractionRecord, Finding } from '../src/schema.js';

/**
 * Gold for `compare` (<name>.compare.json: the standard metrics the document states, docs/annotation.md)
 * and for `check` (<name>.findings.json: the findings the text deserves), and their scores: cell
 * accuracy per metric, and the precision of the findings `check` emits at its default levels.
 */

export interface CompareGold {
  document: string;
  metrics: Record<string, number | null>;
}

export interface FindingGold {
  code: string;
  /** Words of the text the finding points at (the citation as written). */
  text: string;
  note?: string;
}

export function readGold<T>(dir: string, name: string, suffix: string): T | null {
  const path = join(dir, `${name}.${suffix}.json`);
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as T) : null;
}

export interface CellScore {
  metric: string;
  right: boolean;
  gold: number | null;
  got: number | null;
}

/** Each metric cell: right when the value equals the gold's, or both are blank. */
export function scoreCompare(gold: CompareGold, record: ExtractionRecord, rules: Rules): CellScore[] {
  const got = metricValues(record, rules);
  return rules.data.metrics.metrics.map((m) => {
    if (!(m.id in gold.metrics)) throw new Error(`${gold.document}: compare gold lacks metric ${m.id}`);
    const want = gold.metrics[m.id] ?? null;
    const value = got[m.id]?.value ?? null;
    return { metric: m.id, right: want === null ? value === null : value !== null && Math.abs(value - want) < 1e-9, gold: want, got: value };
  });
}

/** The findings `check` prints for a record at its default levels. */
export function emittedFindings(record: ExtractionRecord): Finding[] {
  return record.findings.flatMap((f) => applyLevel(f, DEFAULT_LEVELS) ?? []);
}

export interface FindingScore {
  right: Finding[];
  wrong: Finding[];
  missed: FindingGold[];
}

/** A finding is right when a gold finding of its code points at words inside its span (each gold used once). */
export function scoreFindings(gold: FindingGold[], record: ExtractionRecord, source: string): FindingScore {
  const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();
  const open = [...gold];
  const right: Finding[] = [];
  const wrong: Finding[] = [];
  for (const f of emittedFindings(record)) {
    const at = f.span ? squash(source.slice(f.span.start, f.span.end)) : "";
    const k = open.findIndex((g) => g.code === f.code && at.includes(squash(g.text)));
    if (k === -1) wrong.push(f);
    else {
      right.push(f);
      open.splice(k, 1);
    }
  }
  return { right, wrong, missed: open };
}
