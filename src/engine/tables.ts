import { createHash } from 'node:crypto';
import type { WriteStream } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { csvLine } from '../util/csv.js';
import { lines } from '../util/lines.js';
import { endStream, makeFolder, openWriteStream, put } from '../util/output-files.js';
import {
  AgencySchema, DocumentSchema, ErrorSchema, FigureSchema, FindingSchema, ReferenceSchema, SignatureSchema, SourceSchema, TaskSchema,
  type ExtractionRecord,
} from '../schema.js';

/**
 * Long-format CSV tables for pandas, R and DuckDB (`--tables DIR`, docs/tables.md): one row per
 * item, each starting with the keys of its record (record_id, path, content_sha256), a header row,
 * RFC 4180 quoting, UTF-8, values as extracted. Columns come from the record schema, so a field
 * added there appears here: a column is the field's JSON path in snake_case, nested objects joined
 * with "_" (span_start, meaning_stage, table_row_label), lists as JSON arrays. Names stay usable
 * unquoted in SQL: no table or column is a reserved word (see RENAMED).
 */
export const TABLES = ['documents', 'signatures', 'citations', 'figures', 'agencies', 'tasks', 'findings', 'errors'] as const;
export type Table = (typeof TABLES)[number];

type Row = Record<string, unknown>;
export const KEY_COLUMNS = ['record_id', 'path', 'content_sha256'] as const;

/**
 * Columns that do not take their JSON path's name: a span's page is the item's `page`; `group` and
 * `when` are reserved words in SQL (`SELECT group FROM agencies` fails in DuckDB and PostgreSQL).
 */
const RENAMED: Record<string, string> = { span_page: 'page', group: 'is_group', when: 'time_frame' };

/** typeWord → type_word, rowLabel → row_label. */
const snakeCase = (key: string): string => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** The column of a field by its JSON path: ["table", "rowLabel"] → table_row_label. */
function columnName(path: readonly string[]): string {
  const name = path.map(snakeCase).join('_');
  return RENAMED[name] ?? name;
}

/**
 * The key of one input: the first 16 hex digits of SHA-256 over its path, a line feed and its
 * content hash (empty when the file could not be read). Two copies of one file share
 * content_sha256 but not record_id; an unchanged file keeps its record_id from run to run.
 */
export function recordId(path: string, sha256: string | null): string {
  return createHash('sha256').update(`${path}\n${sha256 ?? ''}`).digest('hex').slice(0, 16);
}

/** The key columns of a record's rows. */
export function recordKeys(record: ExtractionRecord): { record_id: string; path: string; content_sha256: string | null } {
  return { record_id: recordId(record.source.path, record.source.sha256), path: record.source.path, content_sha256: record.source.sha256 };
}

function unwrap(schema: z.ZodType): z.ZodType {
  let s = schema;
  while (s instanceof z.ZodNullable || s instanceof z.ZodOptional) s = s.unwrap() as z.ZodType;
  return s;
}

/** Column names of an object schema, nested objects flattened; `skip` leaves fields out. */
export function columnsOf(schema: z.ZodObject, skip: string[] = [], path: string[] = []): string[] {
  return Object.entries(schema.shape).flatMap(([key, field]) => {
    if (skip.includes(key)) return [];
    const inner = unwrap(field as z.ZodType);
    return inner instanceof z.ZodObject ? columnsOf(inner, [], [...path, key]) : [columnName([...path, key])];
  });
}

/** A value's fields by column name, nested objects flattened as columnsOf names them; lists stay whole. */
function flatten(value: object, path: string[] = [], out: Row = {}): Row {
  for (const [key, v] of Object.entries(value)) {
    if (v && typeof v === 'object' && !Array.isArray(v)) flatten(v as object, [...path, key], out);
    else out[columnName([...path, key])] = v;
  }
  return out;
}

/** The documents table counts each list of the record: citation_count is the length of `references`. */
const COUNTS = {
  signature_count: (r: ExtractionRecord) => r.document?.signatures.length ?? 0,
  citation_count: (r: ExtractionRecord) => r.references.length,
  figure_count: (r: ExtractionRecord) => r.figures.length,
  agency_count: (r: ExtractionRecord) => r.agencies.length,
  task_count: (r: ExtractionRecord) => r.tasks.length,
  finding_count: (r: ExtractionRecord) => r.findings.length,
  error_count: (r: ExtractionRecord) => r.errors.length,
};

/** Each table's columns after the keys. */
export const COLUMNS: Record<Table, string[]> = {
  documents: [
    ...columnsOf(SourceSchema, ['path', 'sha256'], ['source']),
    ...columnsOf(DocumentSchema, ['evidence', 'signatures']),
    ...Object.keys(COUNTS),
  ],
  signatures: ['index', ...columnsOf(SignatureSchema)],
  citations: columnsOf(ReferenceSchema),
  figures: columnsOf(FigureSchema),
  agencies: columnsOf(AgencySchema),
  tasks: columnsOf(TaskSchema),
  findings: columnsOf(FindingSchema),
  errors: columnsOf(ErrorSchema),
};

/** A table's header: the keys, then its columns. */
export function headerOf(table: Table): string[] {
  return [...KEY_COLUMNS, ...COLUMNS[table]];
}

/** The rows a record gives each table. */
export function rowsOf(record: ExtractionRecord): Record<Table, Row[]> {
  const keys = recordKeys(record);
  const items = (list: readonly object[]): Row[] => list.map((item) => ({ ...keys, ...flatten(item) }));
  const { path: _path, sha256: _sha256, ...source } = record.source;
  const { evidence: _evidence, signatures, ...document } = record.document ?? { evidence: {}, signatures: [] };
  return {
    documents: [{
      ...keys, ...flatten(source, ['source']), ...flatten(document),
      ...Object.fromEntries(Object.entries(COUNTS).map(([column, count]) => [column, count(record)])),
    }],
    signatures: signatures.map((signature, index) => ({ ...keys, index, ...flatten(signature) })),
    citations: items(record.references),
    figures: items(record.figures),
    agencies: items(record.agencies),
    tasks: items(record.tasks),
    findings: items(record.findings),
    errors: items(record.errors),
  };
}

export interface TableWriter {
  write(record: ExtractionRecord): Promise<void>;
  close(): Promise<void>;
}

/**
 * The tables in DIR, written anew and appended to record by record (memory stays flat). A resumed
 * run writes them anew too, from the records already in its output (see extract): appending to
 * the old files would keep the rows of records that run again, and a kill can cut a row in half
 * or land between a record's line and its rows.
 */
export async function openTables(dir: string): Promise<TableWriter> {
  makeFolder(dir);
  // Each table's stream with its path, for the messages of a failed write.
  const files = new Map<Table, { stream: WriteStream; path: string }>();
  for (const table of TABLES) {
    const path = join(dir, `${table}.csv`);
    const stream = await openWriteStream(path, 'w');
    files.set(table, { stream, path });
    await put(stream, csvLine(headerOf(table)), path);
  }
  return {
    async write(record) {
      const rows = rowsOf(record);
      for (const table of TABLES) {
        const columns = headerOf(table);
        const text = rows[table].map((row) => csvLine(columns.map((c) => row[c]))).join('');
        const file = files.get(table)!;
        if (text) await put(file.stream, text, file.path);
      }
    },
    async close() {
      await Promise.all([...files.values()].map((file) => endStream(file.stream, file.path)));
    },
  };
}

/** Rows for every record of a JSON Lines output, read a line at a time (a resumed run, a merge). */
export async function writeRowsOf(jsonl: string, tables: TableWriter): Promise<void> {
  for await (const line of lines(jsonl)) await tables.write(JSON.parse(line) as ExtractionRecord);
}
