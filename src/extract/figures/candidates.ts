import { checkItemCount } from '../limits.js';
import type { Rules } from '../../rules/compile.js';
import { NUMBER_SOURCE, parseVnNumber } from './numbers.js';
import { figurePatterns } from './patterns.js';
import { matchesAtDigitRuns, oneSpaced } from '../../util/text.js';

/**
 * The pattern step: each number of the text read as a count ("11.093 hồ sơ"), a percentage
 * ("98,9%"), a ratio ("145/145 xã", "3.071 TTHC/4.888 TTHC"), money ("1.833 triệu đồng") or a range
 * ("từ 500 đến 2.000 lượt xem") — or dropped: a number with no unit, a label ("Lĩnh vực 7"), a part
 * of a date, a document number or a period. Offsets are in the normalized text.
 */
export interface Candidate {
  kind: 'count' | 'percent' | 'ratio' | 'money' | 'range';
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  low: number | null;
  high: number | null;
  unit: string | null;
  unitText: string | null;
  /** The unit form as matched (lower case), for meanings a form carries ("dvctt"). */
  unitForm: string | null;
  /** The number (or first number) and the end of the unit. */
  start: number;
  end: number;
  rule: string;
  /** Fields not written with the number (schema: inferred): a unit from the header, the next ratio, the default đồng. */
  inferred?: readonly ('unit')[];
  /** A value alone in a table cell (figures/table.ts): what it means, its row and column say. */
  cell?: true;
}

// The number after a slash: NUMBER_SOURCE without its look-behind (which refuses a slash before).
const NUMBER_AT = new RegExp(`[ ]*${NUMBER_SOURCE.replace(/^\(\?<!\[[^\]]*\]\)/, '')}`, 'uy');

export function findCandidates(text: string, folded: string, rules: Rules, isExcluded: (at: number) => boolean): Candidate[] {
  const p = figurePatterns(rules);
  const out: Candidate[] = [];
  let consumedTo = -1;
  for (const m of numberMatches(text, rules)) {
    const start = m.index;
    const numEnd = start + m[0].length;
    if (start < consumedTo || isExcluded(start)) continue;
    const value = parseVnNumber(m[1]!);
    const before = folded.slice(Math.max(0, start - 30), start);
    const found = readAt(text, folded, start, numEnd, value, before, rules, p);
    if (!found) continue;
    out.push(found);
    checkItemCount(out.length, 'figures');
    consumedTo = found.end;
  }
  return out;
}

/**
 * Every number of the text, as the global `number` pattern finds them. A number begins where a run
 * of digits does (its look-behind refuses a digit before it): the pattern is tried there alone,
 * sticky; searched for globally, look-behind first, it was tried at every character.
 */
export function numberMatches(text: string, rules: Rules): Iterable<RegExpExecArray> {
  return matchesAtDigitRuns(text, figurePatterns(rules).numberAt);
}

function readAt(
  text: string, folded: string, start: number, numEnd: number, value: number, before: string,
  rules: Rules, p: ReturnType<typeof figurePatterns>,
): Candidate | null {
  // Every candidate of one shape (spread over a shared base, each return made an object of its own shape).
  const read = (f: Partial<Candidate> & Pick<Candidate, 'kind' | 'end' | 'rule'>): Candidate => ({
    kind: f.kind, value: f.value ?? null, numerator: null, denominator: null, low: f.low ?? null, high: f.high ?? null,
    unit: f.unit ?? null, unitText: f.unitText ?? null, unitForm: f.unitForm ?? null, start, end: f.end, rule: f.rule, inferred: f.inferred,
  });
  // "(80, 68%)": a decimal comma with a stray space, alone in its parentheses, is one percentage.
  const split = /^,[ ](\d{1,2})[ ]?%(?=[ ]*\))/.exec(text.slice(numEnd, numEnd + 10));
  if (split && /\([ ]*$/.test(text.slice(Math.max(0, start - 3), start)) && Number.isInteger(value)) {
    return read({ kind: 'percent', value: Number(`${value}.${split[1]}`), end: numEnd + split[0].length, rule: 'percent-split-decimal' });
  }
  // 98,9%
  const pct = /^[ ]?%/.exec(text.slice(numEnd, numEnd + 2));
  if (pct) return read({ kind: 'percent', value, end: numEnd + pct[0].length, rule: 'percent' });
  // "8,3 - 8,5%", "từ 8,3 đến 8,5%": one percentage with two bounds.
  p.percentRangeAfter.lastIndex = numEnd;
  const pr = p.percentRangeAfter.exec(text);
  const high = pr ? parseVnNumber(pr[1]!) : NaN;
  if (pr && value < high && !p.labelBefore.test(before)) {
    return read({ kind: 'percent', low: value, high, end: numEnd + pr[0].length, rule: 'percent-range' });
  }

  // x/y and "3.071 TTHC/4.888 TTHC"
  const ratio = ratioAt(text, folded, start, numEnd, value, before, p);
  if (ratio !== undefined) return ratio;

  // "từ 500 đến 2.000 lượt xem"
  if (p.fromWord.test(before)) {
    p.rangeAfter.lastIndex = numEnd;
    const r = p.rangeAfter.exec(folded);
    if (r) {
      const noun = nounAt(folded, numEnd + r[0].length, p);
      if (noun) {
        return read({
          kind: 'range', low: value, unitForm: noun.form, high: parseVnNumber(text.slice(numEnd + r[0].length - r[1]!.length, numEnd + r[0].length)),
          unit: noun.unit, unitText: text.slice(noun.start, noun.end), end: noun.end, rule: 'range',
        });
      }
    }
  }

  // "2,3 triệu lượt", "1.833 triệu đồng": a scale word multiplies what follows.
  p.scaleAfter.lastIndex = numEnd;
  const scaleWord = p.scaleAfter.exec(folded);
  const scale = scaleWord ? p.scaleByWord.get(oneSpaced(scaleWord[1]!))! : 1;
  const unitAt = numEnd + (scaleWord ? scaleWord[0].length : 0);
  const scaled = Math.round(value * scale * 1000) / 1000;

  // "1.833 triệu đồng", "500.000đ" — but not "05 đồng chí"
  const money = moneyUnitAt(folded, unitAt, p);
  if (money) {
    return read({ kind: 'money', value: Math.round(scaled * money.scale), unit: money.unit, unitText: text.slice(numEnd, money.end).trim(), end: money.end, rule: 'money' });
  }

  // "11.093 hồ sơ", but not "Lĩnh vực 7" nor "năm 2019 …"
  if (p.labelBefore.test(before)) return null;
  const noun = nounAt(folded, unitAt, p);
  // "1.500.000 đồng/01 hồ sơ", "500.000đồng/ 01 hồ sơ": a price per dossier, no count of them.
  if (noun && /\p{L}[ ]*\/[ ]*$/u.test(before)) return null;
  // Things counted are whole: "9,5 điểm" is a score, "2,3 triệu lượt" a scaled count.
  if (noun && !scaleWord && !Number.isInteger(value)) return null;
  if (noun) return read({ kind: 'count', value: scaled, unit: noun.unit, unitText: text.slice(noun.start, noun.end), unitForm: noun.form, end: noun.end, rule: scaleWord ? 'count-scaled' : 'count' });
  // "hỗ trợ mỗi xã 45 triệu": millions and billions with nothing counted are money.
  if (scaleWord && scale >= 1_000_000) {
    return read({ kind: 'money', value: Math.round(scaled), unit: rules.data.figureNouns.money[0]!.unit, unitText: scaleWord[1]!, end: unitAt, rule: 'money-scale-only', inferred: ['unit'] });
  }

  // "Số lượng DVCTT toàn trình: 995;", "số hồ sơ tiếp nhận là 193.457": the noun stands first.
  // (A letter before the colon: "ISO 9001: 2015" and "14: 30" are no such phrase.)
  const link = p.nounFirstLink.exec(text.slice(Math.max(0, start - 8), start));
  if (link && Number.isInteger(value)) {
    // "Số lượng hồ sơ: 01 bộ" is what a procedure asks for, not a count of hồ sơ.
    p.requirementAfter.lastIndex = numEnd;
    if (p.requirementAfter.test(folded)) return null;
    const clause = folded.slice(Math.max(0, start - 80), start - link[0].length);
    const phrase = clause.split(/[.;()\n]/).pop()!;
    const colon = link[0].includes(':');
    // After "là" the noun must be introduced as counted: "số hồ sơ …", "tổng số TTHC …".
    const noun = colon ? lastNounIn(phrase, p) : countedNounIn(phrase, p);
    if (noun) return read({ kind: 'count', value, unit: noun.unit, unitText: null, unitForm: noun.form, end: numEnd, rule: colon ? 'count-after-colon' : 'count-noun-first' });
  }
  return null;
}

function nounAt(folded: string, at: number, p: ReturnType<typeof figurePatterns>): { unit: string; form: string; start: number; end: number } | null {
  p.nounAfter.lastIndex = at;
  const n = p.nounAfter.exec(folded);
  if (!n) return null;
  const end = at + n[0].length;
  const form = oneSpaced(n[1]!);
  return { unit: p.nounByForm.get(form)!, form, start: end - n[1]!.length, end };
}

/** "tổng số hồ sơ tiếp nhận": a noun right after a count lead ("số", "tổng số", "số lượng"). */
export function countedNounIn(phrase: string, p: ReturnType<typeof figurePatterns>): { unit: string; form: string } | null {
  const m = p.countLeadNoun.exec(phrase);
  if (!m) return null;
  const form = oneSpaced(m[1]!);
  const unit = p.nounByForm.get(form);
  return unit ? { unit, form } : null;
}

export function lastNounIn(phrase: string, p: ReturnType<typeof figurePatterns>): { unit: string; form: string } | null {
  let found: { unit: string; form: string } | null = null;
  p.nounAnywhere.lastIndex = 0;
  for (let m = p.nounAnywhere.exec(phrase); m; m = p.nounAnywhere.exec(phrase)) {
    const form = oneSpaced(m[1]!);
    const unit = p.nounByForm.get(form);
    if (unit) found = { unit, form };
  }
  return found;
}

/** undefined: not a ratio shape; null: a ratio shape that is no figure (a period "tháng 12/2022"). */
function ratioAt(
  text: string, folded: string, start: number, numEnd: number, value: number, before: string, p: ReturnType<typeof figurePatterns>,
): Candidate | null | undefined {
  const between = nounAt(folded, numEnd, p);
  const slashAt = between ? between.end : numEnd;
  const slash = /^[ ]*\/[ ]*/.exec(text.slice(slashAt, slashAt + 4));
  if (!slash) return undefined;
  NUMBER_AT.lastIndex = slashAt + slash[0].length;
  const second = NUMBER_AT.exec(text);
  if (!second) return undefined;
  const secondEnd = slashAt + slash[0].length + second[0].length;
  const denominator = parseVnNumber(second[1]!);
  // "12/12/2019" and "61/2018/NĐ-CP" go on with another slash: dates and symbols.
  if (/^[ ]*\//.test(text.slice(secondEnd, secondEnd + 3))) return null;
  if (p.periodBefore.test(before)) return null; // "tháng 12/2022", "đợt 1/2023", "ngày 11/12"
  if (denominator >= 1900 && denominator <= 2100 && value <= 12) return null; // "12/2022": month/year
  if (p.notRatios.has(`${value}/${denominator}`)) return null; // "hoạt động 24/7"
  const after = nounAt(folded, secondEnd, p) ?? moneyUnitAt(folded, secondEnd, p)
    ?? (between ? null : openNounAt(folded, secondEnd, p) ?? sharedNounAhead(folded, secondEnd, p));
  // "01 kỳ/15 phút": a unit before the slash must come back after it.
  if (between && after?.unit !== between.unit) return null;
  // A ratio counts something: "34/34 xã". A bare x/y ("tỷ lệ 1/500"), a rank ("xếp thứ 12/63 tỉnh"),
  // a score ("9,49/10 điểm", "9,49/ 9,5") and a fraction of what is not whole are no ratios.
  if (!after && !between) return null;
  if (p.rankBefore.test(before)) return null;
  // "tỷ lệ 1/500", "bản đồ 1/2000": a map scale.
  if (value === 1 && denominator >= 100 && p.scaleBefore.test(before)) return null;
  const isMoney = !!after && 'scale' in after;
  if (!isMoney && (!Number.isInteger(value) || !Number.isInteger(denominator))) return null;
  const counted = (between ?? after) as { form?: string } | null;
  if (counted?.form && p.scoreForms.has(counted.form)) return null;
  // A ratio of money keeps the unit as written ("triệu đồng"): its numbers are as written too.
  const unit = after && 'scale' in after ? text.slice(after.start, after.end).trim() : after?.unit ?? between?.unit ?? null;
  const end = after?.end ?? secondEnd;
  return {
    kind: 'ratio', value: null, numerator: value, denominator, low: null, high: null, unit, unitForm: null,
    unitText: after ? text.slice(after.start, after.end).trim() : null, start, end, rule: between ? 'ratio-with-units' : 'ratio',
    inferred: after && 'ahead' in after ? ['unit'] : [],
  };
}

/**
 * A noun the rules do not list, right after x/y: "9/20 trường dữ liệu" (up to three words, cut at
 * a word that counts nothing: "1/500 của", "24/7 tại" — figure-cues.json notCountedWords).
 */
function openNounAt(folded: string, at: number, p: ReturnType<typeof figurePatterns>): { unit: string; form: string; start: number; end: number } | null {
  p.openNounAfter.lastIndex = at;
  const m = p.openNounAfter.exec(folded);
  if (!m) return null;
  const kept: string[] = [];
  for (const w of m[1]!.split(/[ ]+/)) {
    if (p.notCounted.has(w)) break;
    kept.push(w);
  }
  if (!kept.length) return null;
  const form = kept.join(' ');
  const start = at + m[0].length - m[1]!.length;
  return { unit: form, form, start, end: start + form.length };
}

/** "cấp tỉnh 138/138, cấp huyện 713/713 đơn vị": the noun of the next x/y of the same list. */
function sharedNounAhead(folded: string, at: number, p: ReturnType<typeof figurePatterns>): { unit: string; form: string; start: number; end: number; ahead: true } | null {
  const clause = folded.slice(at, at + 80).split(/[.;:\n()]/)[0]!;
  const next = /^,[^,]{0,30}?\d[\d.]*[ ]*\/[ ]*\d[\d.]*/u.exec(clause);
  if (!next) return null;
  const noun = nounAt(folded, at + next[0].length, p);
  // The noun stands after the other x/y: this one ends where it did, and its unit is inferred.
  return noun ? { ...noun, start: at, end: at, ahead: true } : null;
}

/** A money unit at `at`, after an optional scale word: "đồng", "triệu đồng", "đ" right after the number. */
function moneyUnitAt(folded: string, at: number, p: ReturnType<typeof figurePatterns>): { unit: string; scale: number; start: number; end: number } | null {
  p.scaleAfter.lastIndex = at;
  const sc = p.scaleAfter.exec(folded);
  const from = sc ? at + sc[0].length : at;
  p.notMoneyAt.lastIndex = from;
  if (p.notMoneyAt.test(folded)) return null;
  p.moneyAfter.lastIndex = from;
  const m = p.moneyAfter.exec(folded);
  if (!m) return null;
  const form = (m[1] ?? m[2])!;
  const unit = p.moneyByForm.get(oneSpaced(form))!;
  const end = from + m[0].length;
  return { unit: unit.unit, scale: unit.scale, start: sc ? at + sc[0].length - sc[1]!.length : end - form.length, end };
}
