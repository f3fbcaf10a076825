import type { MappedText } from '../normalize/mapped-text.js';
import type { Figure, Finding } from '../schema.js';

/**
 * Arithmetic checks over one document's figures:
 * - sum-mismatch: the parts of a breakdown ("trong đó", "gồm", a bracket after the total), all in the
 *   total's unit, do not add up to it. More than the total is an error; less is a warning, since a
 *   breakdown may list only some parts.
 * - percent-mismatch: a percentage right after a ratio contradicts it ("3.071/4.888 (đạt 62,8%)"
 *   agrees; a difference above one point does not).
 */
const PERCENT_TOLERANCE = 1;

export function checkFigures(figures: readonly Figure[], mt: MappedText): Finding[] {
  return [...sumMismatches(figures), ...percentMismatches(figures, mt)];
}

const vn = (n: number): string => n.toLocaleString('de-DE');

function sumMismatches(figures: readonly Figure[]): Finding[] {
  const groups = new Map<number, Figure[]>();
  for (const f of figures) {
    if (f.breakdown === null || f.partOf === null) continue;
    groups.set(f.breakdown, [...(groups.get(f.breakdown) ?? []), f]);
  }
  const findings: Finding[] = [];
  for (const parts of groups.values()) {
    const total = figures[parts[0]!.partOf!]!;
    if (total.value === null || parts.length < 2) continue;
    // Only parts stated in the total's own unit add up to it: "68 Quyết định … 247 TTHC" is no breakdown.
    if (total.unit === null || parts.some((p) => p.unit !== total.unit)) continue;
    const sum = parts.reduce((a, p) => a + (p.value ?? 0), 0);
    if (sum === total.value) continue;
    const over = sum > total.value;
    findings.push({
      code: 'sum-mismatch',
      severity: over ? 'error' : 'warning',
      message: `"${total.text}" (${vn(total.value)}) is broken down into ${parts.map((p) => vn(p.value ?? 0)).join(' + ')} = ${vn(sum)}` +
        (over ? ', more than the total' : ', less than the total (a part may be unlisted)'),
      suggestion: null,
      span: total.span,
    });
  }
  return findings;
}

function percentMismatches(figures: readonly Figure[], mt: MappedText): Finding[] {
  const findings: Finding[] = [];
  for (let i = 0; i + 1 < figures.length; i++) {
    const a = figures[i]!;
    const b = figures[i + 1]!;
    // "3.071/4.888 TTHC (đạt 62,8%)", and "đạt 62,8% (3.071/4.888)": the clause says one is the other.
    const ratioFirst = a.kind === 'ratio' && b.kind === 'percent';
    const percentFirst = a.kind === 'percent' && b.kind === 'ratio';
    if (!ratioFirst && !percentFirst) continue;
    const ratio = ratioFirst ? a : b;
    const pct = ratioFirst ? b : a;
    // A target ("tối thiểu 20%") is no statement of what the ratio is.
    if (!ratio.denominator || pct.value === null || pct.status === 'target') continue;
    const between = mt.source.slice(a.span.end, b.span.start);
    // Only close together in one sentence; a ratio after a percentage only in the brackets right after it.
    if (ratioFirst ? between.length > 60 || /[.;]\s/.test(between) : !/^\s*\(\s*$/.test(between)) continue;
    const computed = (100 * ratio.numerator!) / ratio.denominator;
    if (Math.abs(computed - pct.value) <= PERCENT_TOLERANCE) continue;
    findings.push({
      code: 'percent-mismatch',
      severity: 'error',
      message: `"${ratio.text}" is ${computed.toFixed(1).replace('.', ',')}%, but the text says ${String(pct.value).replace('.', ',')}%`,
      suggestion: null,
      span: pct.span,
    });
  }
  return findings;
}
