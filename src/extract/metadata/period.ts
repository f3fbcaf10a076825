import { alternation, memo, type Rules } from '../../rules/compile.js';
import type { Period } from '../../schema.js';
import type { Found, MetaContext } from './context.js';

const ROMAN: Record<string, number> = { I: 1, II: 2, III: 3, IV: 4 };

/**
 * The period a report covers (only a type marked `periodic`), read from its title: "quý I và phương hướng, nhiệm vụ quý II năm
 * 2019" → 2019 Q1 (the first period named is the one reported on; the rest is the plan);
 * "quý I/2019", "6 tháng đầu năm 2019", "năm 2024".
 */
export function extractPeriod(ctx: MetaContext, title: Found<string> | null, type: Found<string> | null): Found<Period> | null {
  if (!title || !type || !periodicTypes(ctx.rules).has(type.value)) return null;
  const text = ctx.mt.text.slice(title.start, title.end);
  const found = periodIn(text, ctx);
  return found ? { ...found, start: title.start + found.start, end: title.start + found.end } : null;
}

/** Type names that report on a period (rules/document-types.json, `periodic`): "Báo cáo". */
function periodicTypes(rules: Rules): Set<string> {
  return memo(rules, 'periodic-types', () => new Set(rules.data.documentTypes.types.filter((t) => t.periodic).map((t) => t.name)));
}

interface PeriodPatterns {
  quarter: RegExp;
  year: RegExp;
  halves: { re: RegExp; half: 1 | 2 }[];
}

function patterns(rules: Rules): PeriodPatterns {
  return memo(rules, 'period', () => {
    const lx = rules.data.lexicon;
    return {
      quarter: new RegExp(
        `(?<!\\p{L})(?:${alternation(lx.quarterWord)})\\s+(IV|III|II|I|[1-4])(?![\\p{L}\\d])(?:\\s*/\\s*(\\d{4})(?!\\d))?`, 'iu'),
      year: new RegExp(`(?:${alternation(lx.yearWord)})\\s+(\\d{4})(?!\\d)`, 'iu'),
      halves: lx.halfYear.map((h) => ({ re: new RegExp(`${alternation([h.words])}\\s+(\\d{4})(?!\\d)`, 'iu'), half: h.half })),
    };
  });
}

export function periodIn(text: string, ctx: Pick<MetaContext, 'rules'>): Found<Period> | null {
  const p = patterns(ctx.rules);
  const q = p.quarter.exec(text);
  if (q) {
    const quarterNo = ROMAN[q[1]!.toUpperCase()] ?? Number(q[1]);
    if (q[2]) return period(Number(q[2]), quarterNo, null, q.index, q.index + q[0].length, text, 'quarter-slash-year');
    const y = p.year.exec(text.slice(q.index));
    if (y) return period(Number(y[1]), quarterNo, null, q.index, q.index + y.index + y[0].length, text, 'quarter-year');
  }
  for (const h of p.halves) {
    const m = h.re.exec(text);
    if (m) return period(Number(m[1]), null, h.half, m.index, m.index + m[0].length, text, 'half-year');
  }
  const y = p.year.exec(text);
  if (y) return period(Number(y[1]), null, null, y.index, y.index + y[0].length, text, 'year');
  return null;
}

function period(
  year: number, quarter: number | null, half: 1 | 2 | null, start: number, end: number, text: string, rule: string,
): Found<Period> {
  return { value: { year, quarter, half, text: text.slice(start, end) }, start, end, rule };
}
