import { processIo, type Io } from './io.js';
import { shownPath } from '../util/shown.js';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { recordId } from '../engine/tables.js';
import { defaultRules, type Rules } from '../rules/compile.js';
import { RecordSchema, type ExtractionRecord } from '../schema.js';
import { numberedLines } from '../util/lines.js';
import { makeFolder } from '../util/output-files.js';
import { documentPage, type DocumentView } from '../view/document.js';
import { sourceTextOf, viewFileNames, writePage } from '../view/source.js';
import { expandInputs, type Input } from '../engine/inputs.js';
import { startPool } from '../engine/pool.js';
import { progress } from '../engine/progress.js';
import { pooledRecords } from '../engine/records.js';
import { tuneEngineForBatch } from '../engine/v8-flags.js';
import { ENGINE_OPTIONS, engineOptions, type EngineSettings } from './options.js';
import { UsageError } from './usage.js';

/** Inputs that are records already (`extract --out x.json`, `--out x.jsonl`): viewed without extracting again. */
const RECORD_FILE = /\.(json|jsonl|ndjson)$/i;

/** One page to write: a document extracted now, a record read from a file, or a record file that failed. */
type Item = { view: DocumentView; failed: boolean } | { problem: string };

/** vnreform view: an annotated HTML page per document, from the document or from its record. */
export async function viewCommand(argv: string[], io: Io = processIo()): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    // The engine's options but --cache: it keeps records, not the text a page shows.
    options: { out: { type: 'string', short: 'o' }, quiet: ENGINE_OPTIONS.quiet, jobs: ENGINE_OPTIONS.jobs, timeout: ENGINE_OPTIONS.timeout, 'max-memory': ENGINE_OPTIONS['max-memory'] },
  });
  if (!positionals.length) throw new UsageError('view needs inputs: documents, or records written by extract (.json, .jsonl)');
  if (!values.out) throw new UsageError('view needs --out DIR (a page per document) or --out FILE.html (one document)');
  const out = values.out;
  const single = /\.html?$/i.test(out) && !out.endsWith('/');
  const { engine } = engineOptions(values);
  tuneEngineForBatch(engine.jobs);
  const rules = defaultRules();
  // A page is written as soon as it is made, so memory stays flat however many documents there are.
  const items = collect(positionals, rules, engine, io, !!values.quiet);
  try {
    let first = await items.next();
    if (single) {
      const second = first.done ? first : await items.next();
      if (first.done || !second.done) throw new UsageError(`--out ${out} holds one page, but the inputs give ${first.done ? 'no' : 'more than one'} document: name a folder`);
    } else {
      makeFolder(out);
    }
    const taken = new Set<string>();
    let documents = 0;
    let failed = 0;
    let written = 0;
    for (; !first.done; first = await items.next()) {
      const item = first.value;
      documents++;
      if ('problem' in item) {
        io.stderr.write(`vnreform view: ${item.problem}\n`);
        failed++;
        continue;
      }
      const { record } = item.view;
      // Two inputs of one run with the same file name: the second page's name takes the record id's start.
      const [plain, disambiguated] = viewFileNames(record.source.path, recordId(record.source.path, record.source.sha256));
      const name = taken.has(plain) ? disambiguated : plain;
      taken.add(name);
      const path = single ? out : join(out, name);
      writePage(path, documentPage(item.view));
      written++;
      if (item.failed) {
        failed++;
        const why = record.errors[0] ? `${record.errors[0].code}: ${record.errors[0].message}` : item.view.missingText;
        io.stderr.write(`vnreform view: ${shownPath(record.source.path)}: ${why} (the page says so: ${shownPath(path)})\n`);
      }
    }
    if (!values.quiet) io.stderr.write(`vnreform view: ${documents} document(s), ${written} page(s) written to ${shownPath(out)}, ${failed} failed\n`);
    return failed ? 1 : 0;
  } finally {
    // A run that stops early (a usage error, a failed write) ends the pool of the documents being read.
    await items.return(undefined);
  }
}

const isRecordFile = (arg: string): boolean => RECORD_FILE.test(arg) && !!statSync(arg, { throwIfNoEntry: false })?.isFile();

async function* collect(args: readonly string[], rules: Rules, engine: EngineSettings, io: Io, quiet: boolean): AsyncGenerator<Item> {
  // In the order given; record files among documents keep their place. The documents between two
  // record files are read through the engine's pool, their text and pages sent back with each record.
  for (let i = 0; i < args.length;) {
    if (isRecordFile(args[i]!)) {
      yield* fromRecordFile(args[i++]!, rules);
      continue;
    }
    const inputs: Input[] = [];
    // Each argument listed on its own, as named: a file given twice has two pages.
    for (; i < args.length && !isRecordFile(args[i]!); i++) inputs.push(...(await expandInputs([args[i]!])).inputs);
    const bar = progress({ total: inputs.length, quiet, stream: io.stderr });
    try {
      for await (const { record, text } of pooledRecords(inputs, rules, { ...engine, cache: null, stdin: io.stdin, withText: true }, startPool(engine), bar)) {
        yield { view: { record, text: text?.source ?? null, pages: text?.pages ?? null, missingText: record.errors[0]?.message }, failed: record.errors.length > 0 };
      }
    } finally {
      bar.done();
    }
  }
}

/** The records of a .json (one record or an array) or JSON Lines file, each with its source text read again. */
async function* fromRecordFile(path: string, rules: Rules): AsyncGenerator<Item> {
  const add = async (value: unknown, where: string): Promise<Item> => {
    const parsed = RecordSchema.safeParse(value);
    if (!parsed.success) return { problem: `${where}: not a vnreform record (${parsed.error.issues[0]!.path.join('.') || 'top'}: ${parsed.error.issues[0]!.message})` };
    return viewOfRecord(parsed.data, rules);
  };
  if (/\.json$/i.test(path)) {
    let value: unknown;
    try {
      value = JSON.parse(readFileSync(path, 'utf8'));
    } catch (err) {
      yield { problem: `${path}: cannot read the records: ${(err as Error).message}` };
      return;
    }
    const list = Array.isArray(value) ? value : [value];
    for (const [i, v] of list.entries()) yield await add(v, Array.isArray(value) ? `${path} [${i}]` : path);
    return;
  }
  for await (const [n, line] of numberedLines(path)) {
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (err) {
      yield { problem: `${path}:${n}: not JSON: ${(err as Error).message}` };
      continue;
    }
    yield await add(value, `${path}:${n}`);
  }
}

async function viewOfRecord(record: ExtractionRecord, rules: Rules): Promise<Item> {
  // An error record has no text to show: its page says what went wrong.
  if (record.errors.length) return { view: { record, text: null, missingText: record.errors[0]!.message }, failed: true };
  const source = await sourceTextOf(record, rules);
  if ('missing' in source) return { view: { record, text: null, missingText: source.missing }, failed: true };
  return { view: { record, text: source.text, pages: source.pages }, failed: false };
}
