import type { WriteStream } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { csvLine } from '../compare.js';
import { lines } from '../util/lines.js';
import { endStream, makeFolder, openWriteStream, put } from '../util/output-files.js';
import {
  AgencySchema, DocumentSchema, ErrorSchema, FigureSchema, FindingSchema, ReferenceSchema, SourceSchema, TaskSchema,
  type ExtractionRecord,
} from '../schema.js';

/**
 * Long-format CSV tables for pandas, R and DuckDB (`--tables DIR`): one row per item, each with the
 * document's path and id (its content hash), a header row, RFC 4180 quoting, UTF-8, values as
 * extracted. Columns come from the record schema, so a field added there appears here: nested
 * objects are flattened with "_" (span_start, meaning_stage), lists joined with "; ".
 */
export const TABLES = ['documents', 'references', 'figures', 'agencies', 'tasks', 'findings', 'errors'] as const;
type Table = (typeof TABLES)[number];

type Row = Record<string, unknown>;
const KEY_COLUMNS = ['path', 'document_id'];

function unwrap(schema: z.ZodType): z.ZodType {
  let s = schema;
  while (s instanceof z.ZodNullable || s instanceof z.ZodOptional) s = s.unwrap() as z.ZodType;
  return s;
}

/** Column names of an object schema, nested objects flattened; `skip` leaves fields out. */
export function columnsOf(schema: z.ZodObject, skip: string[] = [], prefix = ''): string[] {
  return Object.entries(schema.shape).flatMap(([key, field]) => {
    if (skip.includes(key)) return [];
    const inner = unwrap(field as z.ZodType);
    return inner instanceof z.ZodObject ? columnsOf(inner, [], `${prefix}${key}_`) : [`${prefix}${key}`];
  });
}

function flatten(value: Row, prefix = '', out: Row = {}): Row {
  for (const [key, v] of Object.entries(value)) {
    if (v && typeof v === 'object' && !Array.isArray(v)) flatten(v as Row, `${prefix}${key}_`, out);
    else out[`${prefix}${key}`] = v;
  }
  return out;
}

const COLUMNS: Record<Table, string[]> = {
  documents: [...columnsOf(SourceSchema, ['path'], 'source_'), ...columnsOf(DocumentSchema, ['evidence']), 'references', 'figures', 'agencies', 'findings', 'errors'],
  references: columnsOf(ReferenceSchema),
  figures: columnsOf(FigureSchema),
  agencies: columnsOf(AgencySchema),
  tasks: columnsOf(TaskSchema),
  findings: columnsOf(FindingSchema),
  errors: columnsOf(ErrorSchema),
};

/** The rows a record gives each table. */
export function rowsOf(record: ExtractionRecord): Record<Table, Row[]> {
  const keys = { path: record.source.path, document_id: record.source.sha256 };
  const items = (list: object[]): Row[] => list.map((item) => ({ ...keys, ...flatten(item as Row) }));
  const { path: _path, ...source } = record.source;
  const document = record.document ? flatten(record.document as unknown as Row) : {};
  delete document.evidence;
  for (const k of Object.keys(document)) if (k.startsWith('evidence_')) delete document[k];
  return {
    documents: [{
      ...keys, ...flatten(source, 'source_'), ...document,
      signatures: record.document?.signatures.map((s) => [s.authority, s.authorityOf, s.title, s.name].filter(Boolean).join(' ')),
      references: record.references.length, figures: record.figures.length, agencies: record.agencies.length,
      findings: record.findings.length, errors: record.errors.length,
    }],
    references: items(record.references),
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
    await put(stream, csvLine([...KEY_COLUMNS, ...COLUMNS[table]]), path);
  }
  return {
    async write(record) {
      const rows = rowsOf(record);
      for (const table of TABLES) {
        const columns = [...KEY_COLUMNS, ...COLUMNS[table]];
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
