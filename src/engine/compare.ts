import { recordKeys } from './tables.js';
import type { Rules } from '../rules/compile.js';
import type { ExtractionRecord, Figure, Period } from '../schema.js';
import { oneSpaced } from '../util/text.js';

/**
 * The comparison table: one row per document with a fixed set of standard metrics (rules/metrics.json).
 * A cell holds the figure that states the document-level value: a result (never a target) of the
 * province or body the document reports on (never one unit's, one level's or a pilot's), and never a
 * part of a total that fits the cell itself, nor a total whose parts mix what the cell asks for
 * ("363 TTHC (trong đó mới 179, bãi bỏ 171 …)" is no count of new TTHC). Candidates that agree give
 * the value; else an explicit total ("tổng số", "toàn tỉnh", a total broken down) decides; else the
 * cell stays blank and `rule` says "tie", with the candidates kept for `--long`.
 */
export interface MetricValue {
  metric: string;
  /** null when candidates tie. */
  value: number | null;
  figure: Figure | null;
  /** How the value was chosen: only, agree (several candidates, one value), total, tie. */
  rule: 'only' | 'agree' | 'total' | 'tie';
  candidates: Figure[];
}

/** A document's row; the fields are its columns (snake_case, as in the --tables CSV). */
export interface ComparisonRow {
  /** The keys of the record's rows in the --tables CSV, to join on. */
  record_id: string;
  path: string;
  content_sha256: string | null;
  province: string | null;
  year: number | null;
  quarter: number | null;
  half: number | null;
  type: string | null;
  date: string | null;
  error: string | null;
  metrics: Record<string, MetricValue | null>;
}

type Metric = Rules['data']['metrics']['metrics'][number];
type Dimension = keyof Figure['meaning'];

function meaningFits(f: Figure, m: Metric): boolean {
  return Object.entries(m.where).every(([dim, want]) => (dim === 'level'
    // "toàn tỉnh, các sở, ban, ngành, huyện … đã tiếp nhận 193.457 hồ sơ" names levels but is the whole's.
    ? f.level === want || (want === null && f.scope === 'whole')
    : f.meaning[dim as Dimension] === want));
}

/** The province's own figure: no unit, pilot or cited document says otherwise. */
function wholeScope(f: Figure): boolean {
  return f.scope !== 'unit' && f.scope !== 'pilot' && f.scope !== 'cited';
}

/**
 * The document's own period: never "cùng kỳ năm trước"; "từ đầu năm đến nay" only where the year so
 * far is the period (a year's, a first quarter's or a first half's report, or one without a period).
 */
function ownPeriod(f: Figure, period: Period | null): boolean {
  if (f.when === 'earlier') return false;
  if (f.when === 'year-to-date') return !period || (period.quarter ?? 1) === 1 && (period.half ?? 1) === 1;
  return true;
}

/** A total whose parts say something else on a dimension the metric asks a value of. */
function mixedTotal(f: Figure, parts: readonly Figure[], m: Metric): boolean {
  return Object.entries(m.where).some(([dim, want]) => want !== null && dim !== 'level'
    && parts.some((p) => p.meaning[dim as Dimension] !== null && p.meaning[dim as Dimension] !== want));
}

/** The parts of each total, by the total's index. */
function partsByTotal(figures: readonly Figure[]): Map<number, Figure[]> {
  const partsOf = new Map<number, Figure[]>();
  for (const f of figures) if (f.partOf !== null) partsOf.set(f.partOf, [...(partsOf.get(f.partOf) ?? []), f]);
  return partsOf;
}

export function metricValue(
  figures: readonly Figure[], m: Metric, period: Period | null = null, partsOf: ReadonlyMap<number, Figure[]> = partsByTotal(figures),
): MetricValue | null {
  const fits = figures.filter((f) => f.kind === m.kind && f.status === 'result' && f.value !== null && (!m.unit || f.unit === m.unit)
    && meaningFits(f, m) && (m.scope === 'any' || wholeScope(f)) && ownPeriod(f, period) && !mixedTotal(f, partsOf.get(f.index) ?? [], m));
  const fitting = new Set(fits.map((f) => f.index));
  // "tiếp nhận 11.093 hồ sơ, trong đó cấp tỉnh 5.000": a part of a total that fits is a sub-group.
  const candidates = fits.filter((f) => f.partOf === null || !fitting.has(f.partOf));
  if (!candidates.length) return null;
  const pick = (figure: Figure, rule: MetricValue['rule']): MetricValue => ({ metric: m.id, value: figure.value, figure, rule, candidates });
  if (new Set(candidates.map((f) => f.value)).size === 1) return pick(candidates[0]!, candidates.length === 1 ? 'only' : 'agree');
  const totals = candidates.filter((f) => f.scope === 'whole' || partsOf.has(f.index));
  if (totals.length && new Set(totals.map((f) => f.value)).size === 1) return pick(totals[0]!, 'total');
  return { metric: m.id, value: null, figure: null, rule: 'tie', candidates };
}

export function metricValues(record: ExtractionRecord, rules: Rules): Record<string, MetricValue | null> {
  const partsOf = partsByTotal(record.figures);
  return Object.fromEntries(rules.data.metrics.metrics.map((m) => [m.id, metricValue(record.figures, m, record.document?.period ?? null, partsOf)]));
}

export function comparisonRow(record: ExtractionRecord, rules: Rules): ComparisonRow {
  const d = record.document;
  return {
    ...recordKeys(record),
    province: d?.province ?? null,
    year: d?.period?.year ?? null,
    quarter: d?.period?.quarter ?? null,
    half: d?.period?.half ?? null,
    type: d?.type ?? null,
    date: d?.date ?? null,
    error: record.errors[0]?.code ?? null,
    metrics: metricValues(record, rules),
  };
}

export const WIDE_FIXED = ['record_id', 'path', 'content_sha256', 'province', 'year', 'quarter', 'half', 'type', 'date', 'error'] as const;
export const LONG_HEADER = [
  'record_id', 'path', 'content_sha256', 'province', 'year', 'quarter', 'half', 'type', 'date',
  'metric', 'value', 'rule', 'text', 'section', 'span_start', 'span_end', 'page', 'table_index', 'table_row', 'table_column', 'table_header', 'table_row_label',
];

export function wideHeader(rules: Rules): string[] {
  return [...WIDE_FIXED, ...rules.data.metrics.metrics.map((m) => m.id)];
}

export function wideValues(row: ComparisonRow, rules: Rules): unknown[] {
  return [...WIDE_FIXED.map((k) => row[k]), ...rules.data.metrics.metrics.map((m) => row.metrics[m.id]?.value ?? null)];
}

/**
 * One line per metric value, with the rule that chose it; a tie gives one line per candidate (rule
 * "tie") so a researcher sees why the wide cell is blank.
 */
export function longValues(row: ComparisonRow): unknown[][] {
  return Object.values(row.metrics).filter((v): v is MetricValue => v !== null).flatMap((v) =>
    (v.figure ? [v.figure] : v.candidates).map((f) => [
      row.record_id, row.path, row.content_sha256, row.province, row.year, row.quarter, row.half, row.type, row.date,
      v.metric, f.value, v.rule, oneSpaced(f.text), f.section, f.span.start, f.span.end, f.span.page ?? null,
      // Where a value read from a table stands, so a researcher can trace it.
      f.table?.index ?? null, f.table?.row ?? null, f.table?.column ?? null,
      f.table?.header ?? null, f.table?.rowLabel ?? null,
    ]));
}
