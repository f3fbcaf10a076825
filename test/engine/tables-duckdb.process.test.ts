import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePdf } from '../../support/format-fixtures.js';
import { headerOf, openTables, recordId, TABLES } from '../../src/engine/tables.js';
import { comparisonRow, LONG_HEADER, longValues, WIDE_FIXED } from '../../src/engine/compare.js';
import { extractFile } from '../../src/pipeline.js';
import { defaultRules } from '../../src/rules/compile.js';
import type { ExtractionRecord } from '../../src/schema.js';
import { tempDir } from '../helpers/temp.js';

/**
 * The CSV tables as a user loads them: written for the corpus (plus a second copy of one report
 * under another path, and one report as a PDF for its pages), read by DuckDB, queried with the
 * README's own examples, and checked against the JSON records they come from.
 */
const ROOT = new URL('../../', import.meta.url).pathname;
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');

/** The README's first ```sql block, as { comment line → the statements below it }. */
function readmeQueries(): Map<string, string> {
  const block = /```sql\n([\s\S]*?)```/.exec(README)?.[1];
  if (!block) throw new Error('README.md has no ```sql block');
  const queries = new Map<string, string>();
  for (const chunk of block.split(/^(?=-- )/m).filter((c) => c.trim())) {
    const [comment, ...body] = chunk.split('\n');
    queries.set(comment!.replace(/^-- /, ''), body.join('\n').trim());
  }
  return queries;
}

type Row = Record<string, unknown>;
let db: DuckDBInstance;
let sql: DuckDBConnection;
let dir: string;
const records: ExtractionRecord[] = [];
const queries = readmeQueries();

/** Every statement of `text` run in turn; the rows of the last, numbers as numbers. */
async function run(text: string): Promise<Row[]> {
  const statements = await sql.extractStatements(text.replaceAll(`'tables/`, `'${dir}/tables/`));
  let rows: Row[] = [];
  for (let i = 0; i < statements.count; i++) {
    const result = await (await statements.prepare(i)).runAndReadAll();
    rows = result.getRowObjectsJS().map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v])));
  }
  return rows;
}

/** The README query under `comment` (the test fails here if the README drops or renames it). */
function readme(comment: string): Promise<Row[]> {
  const query = queries.get(comment);
  if (!query) throw new Error(`README.md has no query "-- ${comment}"; it has: ${[...queries.keys()].join(' | ')}`);
  return run(query);
}

/** How often each key occurs. */
function tally(keys: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const k of keys) out[k] = (out[k] ?? 0) + 1;
  return out;
}

const idOf = (r: ExtractionRecord) => recordId(r.source.path, r.source.sha256);
const KG = 'kien-giang_2020_q3_bao-cao-cchc.txt';

beforeAll(async () => {
  dir = tempDir('duckdb');
  const inputs = readdirSync(join(ROOT, 'corpus')).filter((f) => f.endsWith('.txt')).map((f) => join(ROOT, 'corpus', f));
  // One file twice under two paths: its rows must not double in a join.
  mkdirSync(join(dir, 'copy'));
  copyFileSync(join(ROOT, 'corpus', KG), join(dir, 'copy', KG));
  inputs.push(join(dir, 'copy', KG));
  // A paged input: its items carry a page.
  const pdf = join(dir, 'an-giang-2023.pdf');
  writeFileSync(pdf, await makePdf(readFileSync(join(ROOT, 'corpus', 'an-giang_2023_q1_bao-cao-cchc.txt'), 'utf8')));
  inputs.push(pdf);
  const tables = await openTables(join(dir, 'tables'));
  for (const input of inputs) {
    const record = await extractFile(input);
    records.push(record);
    await tables.write(record);
  }
  await tables.close();
  db = await DuckDBInstance.create(':memory:');
  sql = await db.connect();
  await readme('load the tables written by: vnreform extract corpus --out all.jsonl --tables tables/');
  // The tables the README leaves out load the same way, by their file's name unquoted.
  for (const table of TABLES) await run(`CREATE TABLE IF NOT EXISTS ${table} AS FROM 'tables/${table}.csv'`);
}, 180_000);

afterAll(() => {
  sql?.closeSync();
  db?.closeSync();
});

describe('the CSV tables in DuckDB', () => {
  it('has one row per input in documents, record_id unique, copies sharing only content_sha256', async () => {
    expect(records).toHaveLength(7);
    const [row] = await run('SELECT count(*) AS n, count(DISTINCT record_id) AS ids, count(DISTINCT content_sha256) AS contents FROM documents');
    expect(row).toEqual({ n: 7, ids: 7, contents: 6 });
    const copies = await run(`SELECT record_id, content_sha256 FROM documents WHERE path LIKE '%${KG}' ORDER BY path`);
    expect(copies).toHaveLength(2);
    expect(copies[0]!.content_sha256).toBe(copies[1]!.content_sha256);
    expect(copies[0]!.record_id).not.toBe(copies[1]!.record_id);
  });

  it('derives record_id as docs/tables.md says: sha256(path, a line feed, content_sha256), 16 hex digits', async () => {
    const [row] = await run(`SELECT bool_and(record_id = left(sha256(path || chr(10) || coalesce(content_sha256, '')), 16)) AS ok FROM documents`);
    expect(row!.ok).toBe(true);
    // Stable: the same input gives the same id in another run.
    expect(idOf(await extractFile(join(ROOT, 'corpus', KG)))).toBe(idOf(records.find((r) => r.source.path === join(ROOT, 'corpus', KG))!));
  });

  it('has as many rows per record as the JSON record has items, in every table', async () => {
    const want: Record<string, (r: ExtractionRecord) => number> = {
      documents: () => 1, signatures: (r) => r.document?.signatures.length ?? 0, citations: (r) => r.references.length,
      figures: (r) => r.figures.length, agencies: (r) => r.agencies.length, tasks: (r) => r.tasks.length,
      findings: (r) => r.findings.length, errors: (r) => r.errors.length,
    };
    expect(Object.keys(want)).toEqual([...TABLES]);
    for (const table of TABLES) {
      const got = await run(`SELECT record_id, count(*) AS n FROM ${table} GROUP BY record_id`);
      const expected = Object.fromEntries(records.map((r) => [idOf(r), want[table]!(r)]).filter(([, n]) => n));
      expect(Object.fromEntries(got.map((r) => [r.record_id, r.n])), table).toEqual(expected);
    }
    const [counts] = await run('SELECT sum(figure_count) AS figures, sum(citation_count) AS citations, sum(task_count) AS tasks FROM documents');
    const sum = (f: (r: ExtractionRecord) => number) => records.reduce((a, r) => a + f(r), 0);
    expect(counts).toEqual({ figures: sum((r) => r.figures.length), citations: sum((r) => r.references.length), tasks: sum((r) => r.tasks.length) });
  });

  it('names every column in snake_case, no table or column an SQL keyword DuckDB reserves, all usable unquoted', async () => {
    const reserved = new Set((await run(`SELECT keyword_name FROM duckdb_keywords() WHERE keyword_category <> 'unreserved'`)).map((r) => r.keyword_name));
    expect(reserved).toContain('group');
    for (const table of TABLES) {
      const columns = headerOf(table);
      expect(readFileSync(join(dir, 'tables', `${table}.csv`), 'utf8').split('\r\n')[0]).toBe(columns.join(','));
      expect(columns.filter((c) => !/^[a-z][a-z0-9]*(_[a-z0-9]+)*$/.test(c) || reserved.has(c)), table).toEqual([]);
      expect(reserved.has(table)).toBe(false);
      // Each column selected unquoted, by name: a keyword would be a syntax error here.
      await expect(run(`SELECT ${columns.join(', ')} FROM ${table} LIMIT 1`)).resolves.toBeDefined();
    }
    for (const column of [...WIDE_FIXED, ...LONG_HEADER]) expect(reserved.has(column) || !/^[a-z][a-z0-9_]*$/.test(column), column).toBe(false);
  });

  it('runs the README query joining figures to documents: one row per figure, none doubled by the copy', async () => {
    const rows = await readme('figures with the province and date of their document');
    const counted = (r: ExtractionRecord) => r.figures.filter((f) => f.kind === 'count' && f.status === 'result');
    expect(rows).toHaveLength(records.reduce((a, r) => a + counted(r).length, 0));
    const kg = records.find((r) => r.source.path.endsWith(`copy/${KG}`))!;
    expect(counted(kg).length).toBeGreaterThan(0);
    // The two copies give their figures once each: a join on content_sha256 would give each twice.
    const [{ joined }] = await run(`SELECT count(*) AS joined FROM figures f JOIN documents d USING (content_sha256) WHERE f.kind = 'count' AND f.status = 'result'`) as [{ joined: number }];
    expect(joined).toBe(rows.length + 2 * counted(kg).length);
    expect(rows.filter((r) => r.province === 'Kiên Giang')).toHaveLength(2 * counted(kg).length);
    const first = counted(kg)[0]!;
    expect(rows).toContainEqual(expect.objectContaining({ province: 'Kiên Giang', value: first.value, unit: first.unit, text: first.text }));
  });

  it('runs the README query counting citations by type per province, as the JSON records count them', async () => {
    const rows = await readme('citations by type per province');
    const want = tally(records.flatMap((r) => r.references.map((c) => `${r.document?.province}|${c.kind}`)));
    expect(Object.fromEntries(rows.map((r) => [`${r.province}|${r.kind}`, r.citations]))).toEqual(want);
    expect(rows.length).toBeGreaterThan(5);
  });

  it('runs the README query reading the roles lists as JSON arrays', async () => {
    const rows = await readme('agencies by role (roles is a JSON array)');
    expect(Object.fromEntries(rows.map((r) => [r.role, r.agencies]))).toEqual(tally(records.flatMap((r) => r.agencies.flatMap((a) => a.roles))));
    // Every list cell reads back as the list it was, in order.
    const tasks = await run(`SELECT record_id, index, from_json(coordinators, '["VARCHAR"]') AS coordinators FROM tasks`);
    const byKey = new Map(records.flatMap((r) => r.tasks.map((t) => [`${idOf(r)}#${t.index}`, t.coordinators])));
    expect(tasks.length).toBe(byKey.size);
    for (const t of tasks) expect(t.coordinators, `${t.record_id}#${t.index}`).toEqual(byKey.get(`${t.record_id}#${t.index}`));
    expect(tasks.some((t) => (t.coordinators as string[]).length > 1)).toBe(true);
  });

  it('keeps signatures as rows of their own, one per signer', async () => {
    const rows = await run('SELECT record_id, index, authority, authority_of, title, name FROM signatures ORDER BY record_id, index');
    const want = records.flatMap((r) => (r.document?.signatures ?? []).map((s, index) => ({
      record_id: idOf(r), index, authority: s.authority, authority_of: s.authorityOf, title: s.title, name: s.name,
    }))).sort((a, b) => (a.record_id < b.record_id ? -1 : a.record_id > b.record_id ? 1 : a.index - b.index));
    expect(rows).toEqual(want);
    expect(rows.some((r) => r.authority !== null && r.name !== null)).toBe(true);
  });

  it('gives the items of a PDF their page', async () => {
    const pdf = records.find((r) => r.source.format === 'pdf')!;
    expect(pdf.source.pages).toBeGreaterThan(1);
    const rows = await run(`SELECT index, page FROM figures WHERE record_id = '${idOf(pdf)}' ORDER BY index`);
    expect(rows).toEqual(pdf.figures.map((f) => ({ index: f.index, page: f.span.page })));
    expect(new Set(rows.map((r) => r.page)).size).toBeGreaterThan(1);
    const [cited] = await run(`SELECT count(*) AS n, count(page) AS paged FROM citations WHERE record_id = '${idOf(pdf)}'`);
    expect(cited).toEqual({ n: pdf.references.length, paged: pdf.references.length });
  });
});

describe('compare beside the tables', () => {
  it('keys each row as the tables do and gives a PDF value its page in --long', async () => {
    const pdf = records.find((r) => r.source.format === 'pdf')!;
    const long = longValues(comparisonRow(pdf, defaultRules())).map((v) => Object.fromEntries(LONG_HEADER.map((h, i) => [h, v[i]])));
    expect(long.find((r) => r.metric === 'dvc_total')).toMatchObject({ value: 2129, record_id: idOf(pdf), path: pdf.source.path });
    const figures = await run(`SELECT span_start, page FROM figures WHERE record_id = '${idOf(pdf)}'`);
    for (const r of long) expect(r.page, String(r.metric)).toBe(figures.find((f) => f.span_start === r.span_start)!.page);
    expect(long.every((r) => typeof r.page === 'number')).toBe(true);
  });
});

describe('docs/tables.md', () => {
  const doc = readFileSync(join(ROOT, 'docs', 'tables.md'), 'utf8');
  /** The first cells of the markdown table under the heading that names `file`. */
  const documented = (file: string): string[] => {
    const section = doc.split(/^## /m).find((s) => s.startsWith(`\`${file}\``) || s.startsWith(file));
    if (!section) throw new Error(`docs/tables.md has no section "## ${file}"`);
    return [...section.matchAll(/^\| `([^`]+)` \|/gm)].map((m) => m[1]!);
  };

  it('documents every column of every table, in order', () => {
    for (const table of TABLES) expect(documented(`${table}.csv`), table).toEqual(headerOf(table));
  });

  it('documents the columns of compare, wide and --long', () => {
    expect(documented('compare')).toEqual([...WIDE_FIXED, '<metric>']);
    expect(documented('compare --long')).toEqual(LONG_HEADER);
  });

  it('is linked from the README', () => {
    expect(README).toContain('](docs/tables.md)');
  });
});
