import { extractText } from '../src/pipeline.js';

/**
 * The one-line fixture format of corpus/fixtures/*.cases:
 *   <input> => <kind> | <id> | <date or -> [;; <kind> | <id> | <date or ->]
 * Lines without " => " (the negative files) must yield no reference at all. "\n" in an input is a
 * line break. The items list numbered references; laws by name and short names have their own tests.
 */
export interface FixtureCase {
  line: number;
  input: string;
  /** null for a negative case. */
  expected: { kind: string; id: string; date: string | null }[] | null;
}

/** The lines of a .cases file: input ("\n" for a line break) and its items (split on ";;"), null for a negative line. */
function caseLines(content: string): { line: number; input: string; items: string[] | null }[] {
  const out: { line: number; input: string; items: string[] | null }[] = [];
  content.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const [input, items] = line.split(' => ');
    out.push({ line: i + 1, input: input!.replace(/\\n/g, '\n'), items: items === undefined ? null : items.split(';;').map((x) => x.trim()) });
  });
  return out;
}

export function loadFixtureCases(content: string): FixtureCase[] {
  return caseLines(content).map(({ line, input, items }) => ({
    line,
    input,
    expected: items && items.map((item) => {
      const [kind, id, date] = item.split('|').map((s) => s.trim());
      return { kind: kind!, id: id!, date: date === '-' ? null : date! };
    }),
  }));
}

/** null when the case passes, else what went wrong. */
export function runFixtureCase(c: FixtureCase): string | null {
  const refs = extractText(c.input).references;
  if (c.expected === null) {
    return refs.length ? `expected nothing, got ${refs.map((r) => r.id ?? r.name).join(', ')} in "${c.input}"` : null;
  }
  const got = refs.filter((r) => r.id !== null).map((r) => `${r.kind} | ${r.id} | ${r.date ?? '-'}`);
  const want = c.expected.map((e) => `${e.kind} | ${e.id} | ${e.date ?? '-'}`);
  return got.join(' ;; ') === want.join(' ;; ') ? null : `"${c.input}"\n      want ${want.join(' ;; ')}\n      got  ${got.join(' ;; ')}`;
}

/**
 * Figure cases (corpus/fixtures/figures*.cases):
 *   <input> => <kind> | <value> | <unit> | <status> | <comparator> [;; …]
 * value: a number; "x/y" for ratios; "low-high" for ranges; money in đồng. unit "-" for none.
 */
export interface FigureCase {
  line: number;
  input: string;
  expected: string[] | null;
}

export function loadFigureCases(content: string): FigureCase[] {
  return caseLines(content).map(({ line, input, items }) => ({
    line,
    input,
    expected: items && items.map((item) => item.split('|').map((s) => s.trim()).join(' | ')),
  }));
}

function figureLine(f: ReturnType<typeof extractText>['figures'][number]): string {
  const bounds = f.kind === 'range' || (f.kind === 'percent' && f.value === null);
  const value = f.kind === 'ratio' ? `${f.numerator}/${f.denominator}` : bounds ? `${f.low}-${f.high}` : String(f.value);
  const unit = f.kind === 'percent' ? '-' : f.kind === 'ratio' && f.unitText && f.unit !== f.unitText.toLowerCase() && /đồng/.test(f.unitText) ? f.unitText : f.unit ?? '-';
  return [f.kind, value, unit, f.status, f.comparator ?? '-'].join(' | ');
}

export function runFigureCase(c: FigureCase): string | null {
  const got = extractText(c.input).figures.map(figureLine);
  if (c.expected === null) return got.length ? `expected nothing, got ${got.join(' ;; ')} in "${c.input}"` : null;
  return got.join(' ;; ') === c.expected.join(' ;; ') ? null : `"${c.input}"\n      want ${c.expected.join(' ;; ')}\n      got  ${got.join(' ;; ')}`;
}

/** Agency cases (corpus/fixtures/agencies*.cases): "<input> => <name> [;; <name> …]"; groups are not listed. */
export function runAgencyCase(c: { input: string; expected: string[] | null }): string | null {
  const got = extractText(c.input).agencies.filter((a) => !a.group).map((a) => a.name);
  const want = c.expected ?? [];
  const norm = (s: string): string => s.normalize('NFC').replace(/\s+/g, ' ').trim();
  return got.map(norm).join(' ;; ') === want.map(norm).join(' ;; ') ? null : `"${c.input}"\n      want ${want.join(' ;; ')}\n      got  ${got.join(' ;; ')}`;
}

export function loadAgencyCases(content: string): { line: number; input: string; expected: string[] | null }[] {
  return caseLines(content).map(({ line, input, items }) => ({ line, input, expected: items }));
}
