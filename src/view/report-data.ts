import { recordId } from '../engine/tables.js';
import { comparisonRow } from '../engine/compare.js';
import type { Rules } from '../rules/compile.js';
import type { ExtractionRecord } from '../schema.js';

/**
 * What `vnreform report` shows, aggregated record by record in Node so that neither memory here nor
 * the page grows with the documents' contents: the page gets counts, sums and means, plus one short
 * row per document for its table.
 */
export interface DocumentRow {
  id: string;
  path: string;
  title: string | null;
  type: string | null;
  province: string | null;
  date: string | null;
  period: string | null;
  references: number;
  figures: number;
  agencies: number;
  tasks: number;
  findings: number;
  error: string | null;
  /** The view's file name beside the report, when there is one. */
  view: string | null;
}

export interface Count { key: string; count: number }
export interface RateCell { province: string; period: string; rate: number; documents: number }
export interface ReceivedCell { province: string; period: string; received: number; documents: number }
export interface Cited { key: string; kind: string; citedBy: number; mentions: number; inArchive: boolean }
export interface CitationGraph {
  nodes: { id: string; label: string; role: 'cited' | 'citing' | 'both'; citedBy: number }[];
  links: { source: string; target: string }[];
}
export interface CodeCount { code: string; severity: string; count: number; documents: number }

export interface ReportData {
  documents: number;
  read: number;
  failed: number;
  /** Lines of the input that held no record: their line number and why. */
  badLines: { line: number; message: string }[];
  totals: { references: number; figures: number; agencies: number; tasks: number; findings: number };
  byProvince: Count[];
  byYear: Count[];
  byType: Count[];
  onTime: RateCell[];
  online: RateCell[];
  received: ReceivedCell[];
  cited: Cited[];
  graph: CitationGraph;
  findings: CodeCount[];
  errors: CodeCount[];
  rows: DocumentRow[];
}

const UNKNOWN = '(unknown)';
/** The documents most cited, listed in the table; the graph shows the first GRAPH_CITED of them. */
const TOP_CITED = 30;
const GRAPH_CITED = 15;
const GRAPH_CITING = 40;

/** A period as text that sorts by year: 2019 (a whole year), 2019-H1, 2019-Q1. */
export function periodLabel(period: { year: number; quarter: number | null; half: number | null } | null | undefined): string | null {
  if (!period) return null;
  if (period.quarter) return `${period.year}-Q${period.quarter}`;
  if (period.half) return `${period.year}-H${period.half}`;
  return `${period.year}`;
}

const bump = (map: Map<string, number>, key: string, by = 1): void => void map.set(key, (map.get(key) ?? 0) + by);
const counts = (map: Map<string, number>, order: (a: Count, b: Count) => number): Count[] =>
  [...map].map(([key, count]) => ({ key, count })).sort(order);
const byCount = (a: Count, b: Count): number => b.count - a.count || a.key.localeCompare(b.key);
const byKey = (a: Count, b: Count): number => a.key.localeCompare(b.key);

export class ReportAggregator {
  private documents = 0;
  private failed = 0;
  private readonly badLines: ReportData['badLines'] = [];
  private readonly totals = { references: 0, figures: 0, agencies: 0, tasks: 0, findings: 0 };
  private readonly provinces = new Map<string, number>();
  private readonly years = new Map<string, number>();
  private readonly types = new Map<string, number>();
  /** province \u0000 period → sum and count of the documents' stated rates. */
  private readonly onTime = new Map<string, { sum: number; n: number }>();
  private readonly online = new Map<string, { sum: number; n: number }>();
  private readonly received = new Map<string, { sum: number; n: number }>();
  /** Cited document (its number, or its name) → kind, mentions and the documents citing it. */
  private readonly cited = new Map<string, { kind: string; mentions: number; citers: Set<number> }>();
  /** A document's own number → its row, to know a cited document is in the archive. */
  private readonly ownNumbers = new Map<string, number>();
  private readonly findings = new Map<string, { severity: string; count: number; documents: number }>();
  private readonly errors = new Map<string, { count: number; documents: number }>();
  private readonly rows: DocumentRow[] = [];

  constructor(private readonly rules: Rules) {}

  add(record: ExtractionRecord): void {
    const index = this.documents++;
    const d = record.document;
    const error = record.errors[0]?.code ?? null;
    if (record.errors.length) this.failed++;
    const province = d?.province ?? UNKNOWN;
    // A document without a stated period counts in the year of its date; with neither, its metrics
    // still count, in the period "(unknown)", rather than vanish from the charts.
    const period = periodLabel(d?.period) ?? d?.date?.slice(0, 4) ?? null;
    if (!error) {
      bump(this.provinces, province);
      bump(this.years, d?.period?.year ? String(d.period.year) : d?.date?.slice(0, 4) ?? UNKNOWN);
      bump(this.types, d?.type ?? UNKNOWN);
    }
    this.totals.references += record.references.length;
    this.totals.figures += record.figures.length;
    this.totals.agencies += record.agencies.length;
    this.totals.tasks += record.tasks.length;
    this.totals.findings += record.findings.length;
    if (!error) this.addMetrics(record, province, period ?? UNKNOWN);
    if (d?.number) this.ownNumbers.set(d.number, index);
    for (const ref of record.references) {
      const key = ref.id ?? ref.name;
      if (!key) continue;
      const c = this.cited.get(key) ?? { kind: ref.kind, mentions: 0, citers: new Set<number>() };
      c.mentions++;
      c.citers.add(index);
      this.cited.set(key, c);
    }
    const findingCodes = new Set<string>();
    for (const f of record.findings) {
      const c = this.findings.get(f.code) ?? { severity: f.severity, count: 0, documents: 0 };
      c.count++;
      if (!findingCodes.has(f.code)) c.documents++;
      findingCodes.add(f.code);
      this.findings.set(f.code, c);
    }
    const errorCodes = new Set<string>();
    for (const e of record.errors) {
      const c = this.errors.get(e.code) ?? { count: 0, documents: 0 };
      c.count++;
      if (!errorCodes.has(e.code)) c.documents++;
      errorCodes.add(e.code);
      this.errors.set(e.code, c);
    }
    this.rows.push({
      id: recordId(record.source.path, record.source.sha256), path: record.source.path, title: d?.title ?? null, type: d?.type ?? null,
      province: d?.province ?? null, date: d?.date ?? null, period, references: record.references.length, figures: record.figures.length,
      agencies: record.agencies.length, tasks: record.tasks.length, findings: record.findings.length, error, view: null,
    });
  }

  /** A line of the input that held no record. */
  addBadLine(line: number, message: string): void {
    this.badLines.push({ line, message });
  }

  private addMetrics(record: ExtractionRecord, province: string, period: string): void {
    const { metrics } = comparisonRow(record, this.rules);
    const key = `${province}\u0000${period}`;
    const add = (map: Map<string, { sum: number; n: number }>, value: number | null | undefined): void => {
      if (value === null || value === undefined) return;
      const cell = map.get(key) ?? { sum: 0, n: 0 };
      cell.sum += value;
      cell.n++;
      map.set(key, cell);
    };
    add(this.onTime, metrics.rate_on_time?.value);
    add(this.online, metrics.rate_online?.value);
    add(this.received, metrics.hs_received?.value);
  }

  /** The aggregates; `viewOf` names a document's view beside the report, when one is there. */
  result(viewOf: (row: DocumentRow) => string | null = () => null): ReportData {
    const cells = <T>(map: Map<string, { sum: number; n: number }>, make: (province: string, period: string, v: { sum: number; n: number }) => T): T[] =>
      [...map].map(([key, v]) => {
        const [province, period] = key.split('\u0000') as [string, string];
        return make(province, period, v);
      });
    const rate = (map: Map<string, { sum: number; n: number }>): RateCell[] =>
      cells(map, (province, period, v) => ({ province, period, rate: Math.round((v.sum / v.n) * 100) / 100, documents: v.n }))
        .sort((a, b) => a.province.localeCompare(b.province) || a.period.localeCompare(b.period));
    const cited = [...this.cited].map(([key, c]) => ({ key, kind: c.kind, citedBy: c.citers.size, mentions: c.mentions, inArchive: this.ownNumbers.has(key) }))
      .sort((a, b) => b.citedBy - a.citedBy || b.mentions - a.mentions || a.key.localeCompare(b.key)).slice(0, TOP_CITED);
    const code = (map: Map<string, { severity?: string; count: number; documents: number }>, severity = 'error'): CodeCount[] =>
      [...map].map(([c, v]) => ({ code: c, severity: v.severity ?? severity, count: v.count, documents: v.documents })).sort((a, b) => b.count - a.count || a.code.localeCompare(b.code));
    return {
      documents: this.documents,
      read: this.documents - this.failed,
      failed: this.failed,
      badLines: this.badLines,
      totals: this.totals,
      byProvince: counts(this.provinces, byCount),
      byYear: counts(this.years, byKey),
      byType: counts(this.types, byCount),
      onTime: rate(this.onTime),
      online: rate(this.online),
      received: cells(this.received, (province, period, v) => ({ province, period, received: v.sum, documents: v.n }))
        .sort((a, b) => a.period.localeCompare(b.period) || a.province.localeCompare(b.province)),
      cited,
      graph: this.graph(cited.slice(0, GRAPH_CITED)),
      findings: code(this.findings),
      errors: code(this.errors),
      rows: this.rows.map((row) => ({ ...row, view: viewOf(row) })),
    };
  }

  /**
   * Which documents cite which: the most cited documents and the archive's documents that cite most
   * of them (a citing document that is itself cited is one node). A document is named by its number,
   * else by its file name.
   */
  private graph(top: Cited[]): CitationGraph {
    const citing = new Map<number, number>();
    for (const c of top) for (const i of this.cited.get(c.key)!.citers) citing.set(i, (citing.get(i) ?? 0) + 1);
    const kept = [...citing].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, GRAPH_CITING).map(([i]) => i);
    const citedIds = new Set(top.map((c) => c.key));
    const nameOf = (i: number): string => {
      const row = this.rows[i]!;
      const number = [...this.ownNumbers].find(([, j]) => j === i)?.[0];
      return number ?? row.path.split('/').pop()!;
    };
    const nodes: CitationGraph['nodes'] = top.map((c) => ({ id: c.key, label: c.key, role: 'cited', citedBy: c.citedBy }));
    const links: CitationGraph['links'] = [];
    for (const i of kept) {
      const name = nameOf(i);
      const id = citedIds.has(name) ? name : `doc:${i}`;
      if (citedIds.has(name)) nodes.find((n) => n.id === name)!.role = 'both';
      else nodes.push({ id, label: name, role: 'citing', citedBy: 0 });
      for (const c of top) if (this.cited.get(c.key)!.citers.has(i) && c.key !== name) links.push({ source: id, target: c.key });
    }
    return { nodes, links };
  }
}
