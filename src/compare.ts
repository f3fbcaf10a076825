import type { Rules } from './rules/compile.js';
import type { ExtractionRecord, Figure } from './schema.js';

/**
 * The comparison table: one row per document with a fixed set of standard metrics (rules/metrics.json).
 * A metric takes the first figure of the document, in text order, that fits its definition and is
 * reported as a result — never a target, never a number computed from others. A metric the document
 * does not state stays blank.
 */
export interface MetricValue {
  metric: string;
  value: number;
  figure: Figure;
}

export interface ComparisonRow {
  file: string;
  province: string | null;
  year: number | null;
  quarter: number | null;
  half: number | null;
  type: string | null;
  date: string | null;
  error: string | null;
  metrics: Record<string, MetricValue | null>;
}

export function metricValues(record: ExtractionRecord, rules: Rules): Record<string, MetricValue | null> {
  const out: Record<string, MetricValue | null> = {};
  for (const m of rules.data.metrics.metrics) {
    const figure = record.figures.find((f) => f.kind === m.kind && f.status === 'result' && (!m.unit || f.unit === m.unit)
      && Object.entries(m.where).every(([dim, want]) => (dim === 'level' ? f.level : f.meaning[dim as keyof Figure['meaning']]) === want));
    out[m.id] = figure && figure.value !== null ? { metric: m.id, value: figure.value, figure } : null;
  }
  return out;
}

export function comparisonRow(record: ExtractionRecord, rules: Rules): ComparisonRow {
  const d = record.document;
  return {
    file: record.source.path,
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

/** RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled; a list joined with "; ". */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  const s = Array.isArray(value) ? value.join('; ') : typeof value === 'object' ? JSON.stringify(value) : String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(values: unknown[]): string {
  return values.map(csvField).join(',') + '\r\n';
}

export const WIDE_FIXED = ['file', 'province', 'year', 'quarter', 'half', 'type', 'date', 'error'] as const;
export const LONG_HEADER = [
  'file', 'province', 'year', 'quarter', 'half', 'type', 'date', 'metric', 'value', 'text', 'section', 'span_start', 'span_end',
  'table_index', 'table_row', 'table_column', 'table_header', 'table_row_label',
];

export function wideHeader(rules: Rules): string[] {
  return [...WIDE_FIXED, ...rules.data.metrics.metrics.map((m) => m.id)];
}

export function wideValues(row: ComparisonRow, rules: Rules): unknown[] {
  return [...WIDE_FIXED.map((k) => row[k]), ...rules.data.metrics.metrics.map((m) => row.metrics[m.id]?.value ?? null)];
}

export function longValues(row: ComparisonRow): unknown[][] {
  return Object.values(row.metrics).filter((v): v is MetricValue => v !== null).map((v) => [
    row.file, row.province, row.year, row.quarter, row.half, row.type, row.date, v.metric, v.value,
    v.figure.text.replace(/\s+/g, ' '), v.figure.section, v.figure.span.start, v.figure.span.end,
    // Where a value read from a table stands, so a researcher can trace it.
    v.figure.table?.index ?? null, v.figure.table?.row ?? null, v.figure.table?.column ?? null,
    v.figure.table?.header ?? null, v.figure.table?.rowLabel ?? null,
  ]);
}
