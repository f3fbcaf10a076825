import type { Rules } from '../../rules/compile.js';
import { NUMBER_SOURCE, parseVnNumber } from './numbers.js';
import { figurePatterns } from './patterns.js';

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
}

// The number after a slash: NUMBER_SOURCE without its look-behind (which refuses a slash before).
const NUMBER_AT = new RegExp(`[ ]*${NUMBER_SOURCE.replace(/^\(\?<!\[[^\]]*\]\)/, '')}`, 'uy');

export function findCandidates(text: string, folded: string, rules: Rules, isExcluded: (at: number) => boolean): Candidate[] {
  const p = figurePatterns(rules);
  const out: Candidate[] = [];
  let consumedTo = -1;
  const numbers = p.number;
  numbers.lastIndex = 0;
  for (let m = numbers.exec(text); m; m = numbers.exec(text)) {
    const start = m.index;
    const numEnd = start + m[0].length;
    if (start < consumedTo || isExcluded(start)) continue;
    const value = parseVnNumber(m[1]!);
    const before = folded.slice(Math.max(0, start - 30), start);
    const found = readAt(text, folded, start, numEnd, value, before, rules, p);
    if (!found) continue;
    out.push(found);
    consumedTo = found.end;
  }
  return out;
}

function readAt(
  text: string, folded: string, start: number, numEnd: number, value: number, before: string,
  rules: Rules, p: ReturnType<typeof figurePatterns>,
): Candidate | null {
  const base = { value: null, numerator: null, denominator: null, low: null, high: null, unit: null, unitText: null, unitForm: null, start };
  // 98,9%
  const pct = /^[ ]?%/.exec(text.slice(numEnd, numEnd + 2));
  if (pct) return { ...base, kind: 'percent', value, end: numEnd + pct[0].length, rule: 'percent' };

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
        return {
          ...base, kind: 'range', low: value, unitForm: noun.form, high: parseVnNumber(text.slice(numEnd + r[0].length - r[1]!.length, numEnd + r[0].length)),
          unit: noun.unit, unitText: text.slice(noun.start, noun.end), end: noun.end, rule: 'range',
        };
      }
    }
  }

  // "2,3 triệu lượt", "1.833 triệu đồng": a scale word multiplies what follows.
  p.scaleAfter.lastIndex = numEnd;
  const scaleWord = p.scaleAfter.exec(folded);
  const scale = scaleWord ? p.scaleByWord.get(scaleWord[1]!.replace(/\s+/g, ' '))! : 1;
  const unitAt = numEnd + (scaleWord ? scaleWord[0].length : 0);
  const scaled = Math.round(value * scale * 1000) / 1000;

  // "1.833 triệu đồng", "500.000đ" — but not "05 đồng chí"
  const money = moneyUnitAt(folded, unitAt, p);
  if (money) {
    return { ...base, kind: 'money', value: Math.round(scaled * money.scale), unit: money.unit, unitText: text.slice(numEnd, money.end).trim(), end: money.end, rule: 'money' };
  }

  // "11.093 hồ sơ", but not "Lĩnh vực 7" nor "năm 2019 …"
  if (p.labelBefore.test(before)) return null;
  const noun = nounAt(folded, unitAt, p);
  if (noun) return { ...base, kind: 'count', value: scaled, unit: noun.unit, unitText: text.slice(noun.start, noun.end), unitForm: noun.form, end: noun.end, rule: scaleWord ? 'count-scaled' : 'count' };
  // "hỗ trợ mỗi xã 45 triệu": millions and billions with nothing counted are money.
  if (scaleWord && scale >= 1_000_000) {
    return { ...base, kind: 'money', value: Math.round(scaled), unit: rules.data.figureNouns.money[0]!.unit, unitText: scaleWord[1]!, end: unitAt, rule: 'money-scale-only' };
  }

  // "Số lượng DVCTT toàn trình: 995;" — the noun stands before a colon.
  // (A letter before the colon: "ISO 9001: 2015" and "14: 30" are no such phrase.)
  const colon = /(?<=\p{L})[ ]*:[ ]*$/u.exec(text.slice(Math.max(0, start - 4), start));
  if (colon) {
    const clause = folded.slice(Math.max(0, start - 80), start - colon[0].length);
    const phrase = clause.split(/[.;()\n]/).pop()!;
    const noun = lastNounIn(phrase, p);
    if (noun && Number.isInteger(value)) return { ...base, kind: 'count', value, unit: noun.unit, unitText: null, unitForm: noun.form, end: numEnd, rule: 'count-after-colon' };
  }
  return null;
}

function nounAt(folded: string, at: number, p: ReturnType<typeof figurePatterns>): { unit: string; form: string; start: number; end: number } | null {
  p.nounAfter.lastIndex = at;
  const n = p.nounAfter.exec(folded);
  if (!n) return null;
  const end = at + n[0].length;
  const form = n[1]!.replace(/\s+/g, ' ');
  return { unit: p.nounByForm.get(form)!, form, start: end - n[1]!.length, end };
}

function lastNounIn(phrase: string, p: ReturnType<typeof figurePatterns>): { unit: string; form: string } | null {
  let found: { unit: string; form: string } | null = null;
  p.nounAnywhere.lastIndex = 0;
  for (let m = p.nounAnywhere.exec(phrase); m; m = p.nounAnywhere.exec(phrase)) {
    const form = m[1]!.replace(/\s+/g, ' ');
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
  const after = nounAt(folded, secondEnd, p) ?? moneyUnitAt(folded, secondEnd, p);
  // "01 kỳ/15 phút": a unit before the slash must come back after it.
  if (between && after?.unit !== between.unit) return null;
  // A ratio of money keeps the unit as written ("triệu đồng"): its numbers are as written too.
  const unit = after && 'scale' in after ? text.slice(after.start, after.end).trim() : after?.unit ?? between?.unit ?? null;
  const end = after?.end ?? secondEnd;
  return {
    kind: 'ratio', value: null, numerator: value, denominator, low: null, high: null, unit, unitForm: null,
    unitText: after ? text.slice(after.start, after.end).trim() : null, start, end, rule: between ? 'ratio-with-units' : 'ratio',
  };
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
  const unit = p.moneyByForm.get(form.replace(/\s+/g, ' '))!;
  const end = from + m[0].length;
  return { unit: unit.unit, scale: unit.scale, start: sc ? at + sc[0].length - sc[1]!.length : end - form.length, end };
}
