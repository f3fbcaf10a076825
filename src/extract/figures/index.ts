import { inAnyRange } from '../../util/sorted.js';
import { lower } from '../../normalize/fold.js';
import { FIGURE_INFERABLE, type Figure } from '../../schema.js';
import { sectionPathAt } from '../../segment/sections.js';
import { dateRanges } from '../../rules/dates.js';
import { inferredOf, type Drafted, type NormalizedDocument } from '../document.js';
import { linkParts } from './breakdown.js';
import { cellAt } from '../../segment/tables.js';
import { findCandidates } from './candidates.js';
import { labelsOf, meaningOfLabels, statusOfLabels, tableCandidates } from './table.js';
import { comparatorOf, meaningOf, statusOf, type Context } from './meaning.js';
import { scopesOf, type ScopeBody } from './scope.js';
import { figurePatterns } from './patterns.js';

/** A figure as the extractor returns it: `at` in the normalized text. */
export type FigureItem = Drafted<Figure>;
type FigureField = (typeof FIGURE_INFERABLE)[number];

/** What figures need of earlier extractors: the document's type and issuer (metadata), the bodies named (agencies). */
export interface FigureInputs {
  documentType: string | null;
  issuer: string | null;
  bodies: readonly ScopeBody[];
}

/**
 * Figures: counts, percentages, ratios, money and ranges with their meaning (figures/ holds the
 * steps: candidates → meaning → breakdown). Stage-less parts take the stage of their total
 * ("9.772 hồ sơ" on time, of "9.782 hồ sơ" resolved).
 */
export function extractFigures(doc: NormalizedDocument, { documentType, issuer, bodies }: FigureInputs = { documentType: null, issuer: null, bodies: [] }): FigureItem[] {
  const { text, rules, sections, tables } = doc;
  const folded = doc.lowered;
  const isExcluded = inAnyRange(excludedRanges(doc));
  const scanned = findCandidates(text, folded, rules, isExcluded);
  const inScanned = inAnyRange(scanned.map((c) => ({ start: c.start, end: c.end })));
  const cands = [...scanned, ...tableCandidates(tables, (at) => inScanned(at) || isExcluded(at), rules)].sort((a, b) => a.start - b.start);
  const topTitles = new Map(sections.filter((s) => s.rank === 1).map((s) => [s.path, lower(s.title)]));
  const figures: FigureItem[] = [];
  // What each figure took from elsewhere, noted as it is taken (schema: inferred).
  const inferred = cands.map((c) => new Set<FigureField>(c.inferred));
  const scopes = scopesOf(cands, { folded, rules, bodies, issuer });
  cands.forEach((c, i) => {
    const path = sectionPathAt(sections, c.start);
    const ctx: Context = { folded, rules, topSectionTitle: path ? topTitles.get(path.split('.')[0]!) ?? null : null, documentType };
    const cell = cellAt(tables, c.start);
    const labels = cell ? labelsOf(cell.table, cell.row, cell.column, rules) : null;
    const read = meaningOf(c, i > 0 ? cands[i - 1]!.end : 0, cands[i + 1]?.start ?? text.length, ctx);
    // A value alone in its cell means what its row and column say ("Hồ sơ trực tuyến | 2.031").
    const byLabels = c.cell === true && labels;
    const meaning = byLabels ? meaningOfLabels(labels, rules) : read.meaning;
    const level = read.level;
    const previous = i > 0 ? { end: cands[i - 1]!.end, status: figures[i - 1]!.status } : null;
    const status = byLabels ? { status: statusOfLabels(labels, rules), stated: false } : statusOf(c, previous, ctx);
    if (byLabels) for (const k of MEANING_KEYS) inferred[i]!.add(`meaning.${k}`);
    if (!status.stated) inferred[i]!.add('status');
    for (const field of scopes[i]!.inferred) inferred[i]!.add(field);
    figures.push({
      index: i, kind: c.kind, value: c.value, numerator: c.numerator, denominator: c.denominator, low: c.low, high: c.high,
      unit: c.unit, unitText: c.unitText, comparator: comparatorOf(c, ctx), status: status.status, meaning, level,
      scope: scopes[i]!.scope, scopeOf: scopes[i]!.of, when: scopes[i]!.when, partOf: null, breakdown: null, section: path,
      table: cell && labels ? { index: cell.table.index, row: cell.row, column: cell.column, ...labels } : null, inferred: [], rule: c.rule,
      at: { start: c.start, end: c.end },
    });
  });
  linkParts(cands, folded, rules).forEach((link, i) => {
    const f = figures[i]!;
    f.partOf = link.partOf;
    f.breakdown = link.breakdown;
    if (link.partOf !== null && f.meaning.stage === null) {
      f.meaning.stage = figures[link.partOf]!.meaning.stage;
      inferred[i]!.add('meaning.stage');
    }
  });
  inheritStageAlongLists(figures, cands, folded, inferred);
  sharePercentOfCount(figures, cands, folded, figurePatterns(rules).shareOfCount, inferred);
  for (const f of figures) f.inferred = inferredOf(f, inferred[f.index], FIGURE_INFERABLE);
  return figures;
}

const MEANING_KEYS = ['stage', 'channel', 'timeliness', 'service'] as const;

/**
 * "giải quyết đúng hạn 11.385 hồ sơ (tỷ lệ 99%)": a percentage in brackets right after a count,
 * saying nothing of its own, is the share of that count and means what it means.
 */
function sharePercentOfCount(
  figures: FigureItem[], cands: readonly { start: number; end: number }[], folded: string, shareOfCount: RegExp, inferred: Set<FigureField>[],
): void {
  for (let i = 1; i < figures.length; i++) {
    const f = figures[i]!;
    const prev = figures[i - 1]!;
    if (f.kind !== 'percent' || prev.kind !== 'count' || Object.values(f.meaning).some((v) => v !== null)) continue;
    const gap = folded.slice(cands[i - 1]!.end, cands[i]!.start);
    if (!shareOfCount.test(gap)) continue;
    f.meaning = { ...prev.meaning };
    for (const k of MEANING_KEYS) inferred[i]!.add(`meaning.${k}`);
  }
}

/**
 * "cung cấp 1.507 dịch vụ công mức độ 1 và 2; 369 dịch vụ công mức độ 3 và 257 …": counts listed
 * one after the other with nothing but separators and their own qualifiers between them share the
 * stage the first one states.
 */
function inheritStageAlongLists(figures: FigureItem[], cands: readonly { start: number; end: number }[], folded: string, inferred: Set<FigureField>[]): void {
  for (let i = 1; i < figures.length; i++) {
    const f = figures[i]!;
    const prev = figures[i - 1]!;
    if (f.kind !== 'count' || f.meaning.stage !== null || prev.kind !== 'count' || prev.unit !== f.unit || !prev.meaning.stage) continue;
    const gap = folded.slice(cands[i - 1]!.end, cands[i]!.start);
    if (/[.:()\n]/.test(gap) || gap.length > 40) continue;
    f.meaning.stage = prev.meaning.stage;
    inferred[i]!.add('meaning.stage');
  }
}

/** Numbers that belong to dates, document numbers, URLs and e-mail addresses are no figures. */
function excludedRanges(doc: NormalizedDocument): { start: number; end: number }[] {
  const { text, rules } = doc;
  const ranges: { start: number; end: number }[] = doc.symbols.map((m) => ({ start: m.index, end: m.index + m[0].length }));
  ranges.push(...dateRanges(text, rules));
  for (const m of webAddresses(text)) ranges.push({ start: m.index, end: m.index + m[0].length });
  return ranges;
}

// A link or an e-mail address: one match of WEB_ADDRESS, tried where one can begin (webAddresses).
const WEB_ADDRESS = /(?:https?:\/\/|www\.)[^\s<>()"]+|[\w.+-]+@[\w-]+\.[\w.]+/uy;
const LINK_START = /https?:\/\/|www\./g;

/** [\w.+-] of one code unit: what an address's name before "@" is written with. */
function inAddressName(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || code === 0x5f || code === 0x2e || code === 0x2b || code === 0x2d;
}

/**
 * The matches of WEB_ADDRESS searched for globally, found from where one can begin: a link's
 * "http://", "https://" or "www.", and the first character of the name before an "@". Searched for
 * globally, the address's "[\w.+-]+@" was read from every character of every word (10 ms per MB of
 * a text with one address in it). Each link start and each "@" is found once.
 */
export function* webAddresses(text: string): Iterable<RegExpExecArray> {
  if (!text.includes('://') && !text.includes('www.') && !text.includes('@')) return;
  let from = 0;
  // The next "@" not yet failed and where its name begins, read back once per "@" (names of two "@"s
  // do not overlap), so that links tried and failed before it do not read a long name again.
  let sign = -1;
  let nameStart = -1;
  // The next link's start, looked for again only once the search has passed it.
  let linkAt = -1;
  for (;;) {
    if (linkAt < from) {
      LINK_START.lastIndex = from;
      linkAt = LINK_START.exec(text)?.index ?? Infinity;
    }
    // The first "@" with a name before it: an address of a later "@" starts after this one.
    while (sign !== -2 && (sign < from || Math.max(nameStart, from) >= sign)) {
      const next = text.indexOf('@', Math.max(from, sign + 1));
      if (next === -1) sign = -2;
      else {
        let start = next;
        while (start > 0 && inAddressName(text.charCodeAt(start - 1))) start--;
        [sign, nameStart] = [next, start];
      }
    }
    const nameAt = sign >= 0 ? Math.max(nameStart, from) : Infinity;
    const at = Math.min(linkAt, nameAt);
    if (at === Infinity) return;
    WEB_ADDRESS.lastIndex = at;
    const m = WEB_ADDRESS.exec(text);
    if (m) {
      from = at + m[0].length;
      yield m;
    } else {
      from = at + 1;
      // Whether the part after an "@" makes an address does not depend on where its name starts.
      if (at === nameAt) nameStart = sign;
    }
  }
}
