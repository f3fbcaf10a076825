import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { recordId } from '../batch/tables.js';
import { defaultRules, type Rules } from '../rules/compile.js';
import { RecordSchema, type ExtractionRecord } from '../schema.js';
import { numberedLines } from '../util/lines.js';
import { makeFolder } from '../util/output-files.js';
import { documentPage, type DocumentView } from '../view/document.js';
import { fileStem, sourceTextOf, viewFileNames, writePage } from '../view/source.js';
import { expandInputs } from './inputs.js';
import { processInput } from './run.js';
import { UsageError } from './usage.js';

/** Inputs that are records already (`extract --out x.json`, `--out x.jsonl`): viewed without extracting again. */
const RECORD_FILE = /\.(json|jsonl|ndjson)$/i;

/** One page to write: a document extracted now, a record read from a file, or a record file that failed. */
type Item = { view: DocumentView; failed: boolean } | { problem: string };

/** vnreform view: an annotated HTML page per document, from the document or from its record. */
export async function viewCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { out: { type: 'string', short: 'o' }, quiet: { type: 'boolean', short: 'q' } },
  });
  if (!positionals.length) throw new UsageError('view needs inputs: documents, or records written by extract (.json, .jsonl)');
  if (!values.out) throw new UsageError('view needs --out DIR (a page per document) or --out FILE.html (one document)');
  const out = values.out;
  const single = /\.html?$/i.test(out) && !out.endsWith('/');
  const rules = defaultRules();
  const items = await collect(positionals, rules);
  if (single && items.length !== 1) throw new UsageError(`--out ${out} holds one page, but the inputs give ${items.length} documents: name a folder`);
  if (!single) makeFolder(out);
  const stems = new Map<string, number>();
  for (const item of items) if ('view' in item) stems.set(fileStem(item.view.record.source.path), (stems.get(fileStem(item.view.record.source.path)) ?? 0) + 1);
  let failed = 0;
  let written = 0;
  for (const item of items) {
    if ('problem' in item) {
      process.stderr.write(`vnreform view: ${item.problem}\n`);
      failed++;
      continue;
    }
    const { record } = item.view;
    const [plain, disambiguated] = viewFileNames(record.source.path, recordId(record.source.path, record.source.sha256));
    const path = single ? out : join(out, stems.get(fileStem(record.source.path))! > 1 ? disambiguated : plain);
    writePage(path, documentPage(item.view));
    written++;
    if (item.failed) {
      failed++;
      const why = record.errors[0] ? `${record.errors[0].code}: ${record.errors[0].message}` : item.view.missingText;
      process.stderr.write(`vnreform view: ${record.source.path}: ${why} (the page says so: ${path})\n`);
    }
  }
  if (!values.quiet) process.stderr.write(`vnreform view: ${items.length} document(s), ${written} page(s) written to ${out}, ${failed} failed\n`);
  return failed ? 1 : 0;
}

async function collect(args: readonly string[], rules: Rules): Promise<Item[]> {
  const items: Item[] = [];
  // In the order given; record files among documents keep their place.
  for (const arg of args) {
    if (RECORD_FILE.test(arg) && statSync(arg, { throwIfNoEntry: false })?.isFile()) {
      items.push(...await fromRecordFile(arg, rules));
      continue;
    }
    for (const input of (await expandInputs([arg])).inputs) {
      const { record, analysis } = await processInput(input, rules);
      items.push({ view: { record, text: analysis?.source ?? null, pages: analysis?.pages ?? null, missingText: record.errors[0]?.message }, failed: record.errors.length > 0 });
    }
  }
  return items;
}

/** The records of a .json (one record or an array) or JSON Lines file, each with its source text read again. */
async function fromRecordFile(path: string, rules: Rules): Promise<Item[]> {
  const items: Item[] = [];
  const add = async (value: unknown, where: string): Promise<void> => {
    const parsed = RecordSchema.safeParse(value);
    if (!parsed.success) {
      items.push({ problem: `${where}: not a vnreform record (${parsed.error.issues[0]!.path.join('.') || 'top'}: ${parsed.error.issues[0]!.message})` });
      return;
    }
    items.push(await viewOfRecord(parsed.data, rules));
  };
  if (/\.json$/i.test(path)) {
    let value: unknown;
    try {
      value = JSON.parse(readFileSync(path, 'utf8'));
    } catch (err) {
      return [{ problem: `${path}: cannot read the records: ${(err as Error).message}` }];
    }
    const list = Array.isArray(value) ? value : [value];
    for (const [i, v] of list.entries()) await add(v, Array.isArray(value) ? `${path} [${i}]` : path);
    return items;
  }
  for await (const [n, line] of numberedLines(path)) {
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (err) {
      items.push({ problem: `${path}:${n}: not JSON: ${(err as Error).message}` });
      continue;
    }
    await add(value, `${path}:${n}`);
  }
  return items;
}

async function viewOfRecord(record: ExtractionRecord, rules: Rules): Promise<Item> {
  // An error record has no text to show: its page says what went wrong.
  if (record.errors.length) return { view: { record, text: null, missingText: record.errors[0]!.message }, failed: true };
  const source = await sourceTextOf(record, rules);
  if ('missing' in source) return { view: { record, text: null, missingText: source.missing }, failed: true };
  return { view: { record, text: source.text, pages: source.pages }, failed: false };
}
