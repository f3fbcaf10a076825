import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fold } from '../src/normalize/fold.js';
import { normalize } from '../src/normalize/normalize.js';
import type { ExtractionRecord } from '../src/schema.js';

/** Reading corpus/gold and scoring records against it: shared by `npm run eval` and the tests. */

export const CORPUS_DIR = new URL('../corpus/', import.meta.url).pathname;
export const GOLD_DIR = join(CORPUS_DIR, 'gold');

export interface GoldMetadata {
  type: string | null;
  number: string | null;
  date: string | null;
  place: string | null;
  province: string | null;
  issuer: string | null;
  title: string | null;
  period: { year: number; quarter: number | null; half: number | null } | null;
  signatures: { authority: string | null; authorityOf: string | null; title: string | null; name: string | null }[];
  addressees: string[];
  recipients: string[];
}

export interface GoldReference {
  kind: string;
  id: string | null;
  name?: string;
  date: string | null;
  text?: string;
  line?: number;
}

export interface GoldDocument {
  name: string;
  textPath: string;
  metadata: GoldMetadata | null;
  references: GoldReference[] | null;
}

export function corpusDocuments(): GoldDocument[] {
  return readdirSync(CORPUS_DIR)
    .filter((f) => /\.(txt|md)$/.test(f))
    .sort()
    .map((file) => {
      const name = file.replace(/\.[^.]+$/, '');
      const metaPath = join(GOLD_DIR, `${name}.json`);
      const refPath = join(GOLD_DIR, `${name}.references.json`);
      return {
        name,
        textPath: join(CORPUS_DIR, file),
        metadata: existsSync(metaPath) ? (JSON.parse(readFileSync(metaPath, 'utf8')).metadata as GoldMetadata) : null,
        references: existsSync(refPath) ? (JSON.parse(readFileSync(refPath, 'utf8')).references as GoldReference[]) : null,
      };
    });
}

/** Text fields compare after the same normalization the pipeline applies, with spacing folded. */
export function sameText(a: string | null, b: string | null): boolean {
  if (a === null || b === null) return a === b;
  const norm = (s: string): string => normalize(s).text.replace(/\s+/g, ' ').trim();
  return norm(a) === norm(b);
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export const emptyCounts = (): Counts => ({ tp: 0, fp: 0, fn: 0 });

export function add(a: Counts, b: Counts): Counts {
  return { tp: a.tp + b.tp, fp: a.fp + b.fp, fn: a.fn + b.fn };
}

export function prf(c: Counts): { p: number; r: number; f1: number } {
  const p = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 1;
  const r = c.tp + c.fn ? c.tp / (c.tp + c.fn) : 1;
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
}

/** A scalar field: a wrong value counts as both a false positive and a false negative. */
export function scoreScalar<T>(gold: T | null, predicted: T | null, same: (a: T, b: T) => boolean): Counts {
  if (gold === null && predicted === null) return emptyCounts();
  if (gold === null) return { tp: 0, fp: 1, fn: 0 };
  if (predicted === null) return { tp: 0, fp: 0, fn: 1 };
  return same(gold, predicted) ? { tp: 1, fp: 0, fn: 0 } : { tp: 0, fp: 1, fn: 1 };
}

/** A list field: items match as a multiset of keys. */
export function scoreMultiset(gold: string[], predicted: string[]): Counts {
  const left = new Map<string, number>();
  for (const g of gold) left.set(g, (left.get(g) ?? 0) + 1);
  let tp = 0;
  for (const p of predicted) {
    const n = left.get(p) ?? 0;
    if (n > 0) {
      tp++;
      left.set(p, n - 1);
    }
  }
  return { tp, fp: predicted.length - tp, fn: gold.length - tp };
}

const textKey = (s: string | null): string => (s === null ? '∅' : normalize(s).text.replace(/\s+/g, ' ').trim());

export const METADATA_FIELDS = [
  'type', 'number', 'date', 'place', 'province', 'issuer', 'title', 'period', 'signatures', 'addressees', 'recipients',
] as const;

export function scoreMetadata(gold: GoldMetadata, doc: ExtractionRecord['document']): Record<(typeof METADATA_FIELDS)[number], Counts> {
  const d = doc ?? {
    type: null, number: null, date: null, place: null, province: null, issuer: null, title: null, period: null,
    signatures: [], addressees: [], recipients: [],
  };
  const periodKey = (p: GoldMetadata['period']): string | null => (p ? `${p.year}/${p.quarter ?? '-'}/${p.half ?? '-'}` : null);
  const sigKey = (s: GoldMetadata['signatures'][number]): string =>
    [s.authority, s.authorityOf, s.title, s.name].map(textKey).join(' | ');
  return {
    type: scoreScalar(gold.type, d.type, sameText),
    number: scoreScalar(gold.number, d.number, (a, b) => a === b),
    date: scoreScalar(gold.date, d.date, (a, b) => a === b),
    place: scoreScalar(gold.place, d.place, sameText),
    province: scoreScalar(gold.province, d.province, sameText),
    issuer: scoreScalar(gold.issuer, d.issuer, sameText),
    title: scoreScalar(gold.title, d.title, sameText),
    period: scoreScalar(periodKey(gold.period), periodKey(d.period), (a, b) => a === b),
    signatures: scoreMultiset(gold.signatures.map(sigKey), d.signatures.map(sigKey)),
    addressees: scoreMultiset(gold.addressees.map(textKey), d.addressees.map(textKey)),
    recipients: scoreMultiset(gold.recipients.map(textKey), d.recipients.map(textKey)),
  };
}

/** References match on kind and id (or, for laws and short names, the folded name); repeats count. */
export function referenceKey(r: { kind: string; id: string | null; name?: string | null }): string {
  return `${fold(r.kind)} | ${r.id ?? fold(r.name ?? '').replace(/[,\s]+/g, ' ').trim()}`;
}

export interface ReferenceScore extends Counts {
  datesRight: number;
  datesCompared: number;
  missed: GoldReference[];
  extra: { kind: string; id: string | null; name: string | null; text: string }[];
  wrongDates: { key: string; gold: string | null; predicted: string | null }[];
}

export function scoreReferences(gold: GoldReference[], predicted: ExtractionRecord['references']): ReferenceScore {
  const byKey = new Map<string, { gold: GoldReference[]; pred: ExtractionRecord['references'] }>();
  for (const g of gold) {
    const k = referenceKey(g);
    const e = byKey.get(k) ?? { gold: [], pred: [] };
    e.gold.push(g);
    byKey.set(k, e);
  }
  for (const p of predicted) {
    const k = referenceKey(p);
    const e = byKey.get(k) ?? { gold: [], pred: [] };
    e.pred.push(p);
    byKey.set(k, e);
  }
  const score: ReferenceScore = { tp: 0, fp: 0, fn: 0, datesRight: 0, datesCompared: 0, missed: [], extra: [], wrongDates: [] };
  for (const [key, { gold: g, pred: p }] of byKey) {
    const matched = Math.min(g.length, p.length);
    score.tp += matched;
    score.fp += p.length - matched;
    score.fn += g.length - matched;
    score.missed.push(...g.slice(matched));
    score.extra.push(...p.slice(matched).map((r) => ({ kind: r.kind, id: r.id, name: r.name, text: r.text })));
    // Pair repeats in text order: the i-th gold mention of a document with the i-th predicted one.
    for (let i = 0; i < matched; i++) {
      score.datesCompared++;
      if (g[i]!.date === p[i]!.date) score.datesRight++;
      else score.wrongDates.push({ key, gold: g[i]!.date, predicted: p[i]!.date });
    }
  }
  return score;
}

export interface GoldFigure {
  kind: 'count' | 'percent' | 'ratio';
  value?: number;
  numerator?: number;
  denominator?: number;
  unit?: string | null;
  status: 'target' | 'result';
  meaning?: { stage?: string | null; channel?: string | null; timeliness?: string | null; service?: string | null } | null;
  partOf?: number | null;
  text?: string;
  line?: number;
}

export function goldFigures(name: string): GoldFigure[] | null {
  const path = join(GOLD_DIR, `${name}.figures.json`);
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')).figures as GoldFigure[]) : null;
}

/** Counts are scored for the units the gold covers; percentages and ratios all. */
export const SCORED_COUNT_UNITS = ['hồ sơ', 'thủ tục hành chính', 'dịch vụ công'];
export const FIGURE_KINDS = ['count', 'percent', 'ratio'] as const;

type AnyFigure = { kind: string; value?: number | null; numerator?: number | null; denominator?: number | null; low?: number | null; high?: number | null; unit?: string | null };

export function figureKey(f: AnyFigure): string | null {
  if (f.kind === 'count') return f.unit && SCORED_COUNT_UNITS.includes(f.unit) ? `count|${f.value}|${f.unit}` : null;
  // A range "8,3 - 8,5%" is one percentage with its two bounds.
  if (f.kind === 'percent') return f.value == null && f.low != null ? `percent|${f.low}-${f.high}` : `percent|${f.value}`;
  if (f.kind === 'ratio') return `ratio|${f.numerator}/${f.denominator}`;
  return null;
}

export interface FigureScore {
  byKind: Record<(typeof FIGURE_KINDS)[number], Counts>;
  statusRight: number;
  meaningRight: number;
  meaningCompared: number;
  partOfRight: number;
  partOfCompared: number;
  /** The meanings the comparison table rests on: received, online, resolved, on-time, late of hồ sơ. */
  hoSoMeaningRight: number;
  hoSoMeaningCompared: number;
  matched: number;
  missed: GoldFigure[];
  extra: ExtractionRecord['figures'];
  wrong: string[];
}

export function scoreFigures(gold: GoldFigure[], predicted: ExtractionRecord['figures']): FigureScore {
  const score: FigureScore = {
    byKind: { count: emptyCounts(), percent: emptyCounts(), ratio: emptyCounts() },
    statusRight: 0, meaningRight: 0, meaningCompared: 0, partOfRight: 0, partOfCompared: 0, hoSoMeaningRight: 0, hoSoMeaningCompared: 0, matched: 0,
    missed: [], extra: [], wrong: [],
  };
  const groups = new Map<string, { g: number[]; p: number[] }>();
  gold.forEach((g, i) => {
    const k = figureKey(g)!;
    const e = groups.get(k) ?? { g: [], p: [] };
    e.g.push(i);
    groups.set(k, e);
  });
  predicted.forEach((p, i) => {
    const k = figureKey(p);
    if (!k) return;
    const e = groups.get(k) ?? { g: [], p: [] };
    e.p.push(i);
    groups.set(k, e);
  });
  const predOfGold = new Map<number, number>();
  for (const [key, { g, p }] of groups) {
    const kind = key.split('|')[0] as (typeof FIGURE_KINDS)[number];
    const n = Math.min(g.length, p.length);
    score.byKind[kind] = add(score.byKind[kind], { tp: n, fp: p.length - n, fn: g.length - n });
    score.missed.push(...g.slice(n).map((i) => gold[i]!));
    score.extra.push(...p.slice(n).map((i) => predicted[i]!));
    for (let k = 0; k < n; k++) predOfGold.set(g[k]!, p[k]!);
  }
  for (const [gi, pi] of predOfGold) {
    const g = gold[gi]!;
    const p = predicted[pi]!;
    score.matched++;
    if (g.status === p.status) score.statusRight++;
    else score.wrong.push(`status of ${figureKey(g)} "${g.text}": gold ${g.status}, got ${p.status}`);
    if (g.kind === 'count') {
      score.meaningCompared++;
      const dims = ['stage', 'channel', 'timeliness'] as const;
      const same = dims.every((d) => (g.meaning?.[d] ?? null) === (p.meaning[d] ?? null));
      if (same) score.meaningRight++;
      else score.wrong.push(`meaning of ${figureKey(g)} "${g.text}": gold ${JSON.stringify(g.meaning)}, got ${JSON.stringify(p.meaning)}`);
      if (g.unit === 'hồ sơ') {
        score.hoSoMeaningCompared++;
        if (same) score.hoSoMeaningRight++;
      }
      score.partOfCompared++;
      const goldTotal = g.partOf ?? null;
      const predTotal = p.partOf ?? null;
      const right = goldTotal === null ? predTotal === null : predTotal !== null && predOfGold.get(goldTotal) === predTotal;
      if (right) score.partOfRight++;
      else score.wrong.push(`partOf of ${figureKey(g)} "${g.text}": gold ${goldTotal}, got ${predTotal}`);
    }
  }
  return score;
}

export interface GoldAgency {
  name: string;
  resolved: string;
  level?: string | null;
  first?: string;
  line?: number;
}

export interface GoldTask {
  lead: string;
  group?: boolean;
  coordinators?: string[];
  deadline: string | null;
  action?: string;
  line?: number;
}

function readGold<T>(name: string, suffix: string, field: string, folder = ''): T[] | null {
  const path = join(GOLD_DIR, folder, `${name}.${suffix}.json`);
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8'))[field] as T[]) : null;
}

export const goldAgencies = (name: string, folder = ''): GoldAgency[] | null => readGold<GoldAgency>(name, 'agencies', 'agencies', folder);
export const goldTasks = (name: string): GoldTask[] | null => readGold<GoldTask>(name, 'tasks', 'tasks');

/** Agencies compare as the set of distinct resolved names (folded: case and diacritics aside, spacing folded). */
export const agencyKey = (resolved: string): string => fold(normalize(resolved).text).replace(/[\s,-]+/g, ' ').trim();

export function scoreAgencies(gold: GoldAgency[], predicted: ExtractionRecord['agencies']): Counts & { missed: string[]; extra: string[] } {
  const g = new Set(gold.map((a) => agencyKey(a.resolved)));
  const p = new Set(predicted.filter((a) => !a.group).map((a) => agencyKey(a.resolved)));
  const tp = [...p].filter((k) => g.has(k)).length;
  return { tp, fp: p.size - tp, fn: g.size - tp, missed: [...g].filter((k) => !p.has(k)), extra: [...p].filter((k) => !g.has(k)) };
}

/** Tasks match on lead and deadline, repeats counted. */
export function scoreTasks(gold: GoldTask[], predicted: ExtractionRecord['tasks']): Counts & { missed: string[]; extra: string[] } {
  const key = (lead: string, deadline: string | null): string => `${agencyKey(lead)} | ${deadline ?? '-'}`;
  const gk = gold.map((t) => key(t.lead, t.deadline));
  const pk = predicted.map((t) => key(t.lead, t.deadline));
  const c = scoreMultiset(gk, pk);
  const left = [...gk];
  const extra: string[] = [];
  for (const k of pk) {
    const i = left.indexOf(k);
    if (i >= 0) left.splice(i, 1);
    else extra.push(k);
  }
  return { ...c, missed: left, extra };
}
