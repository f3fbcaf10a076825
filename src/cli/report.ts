import { processIo, type Io } from './io.js';
import { shownPath } from '../util/shown.js';
import { readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { defaultRules } from '../rules/compile.js';
import { RecordSchema } from '../schema.js';
import { numberedLines } from '../util/lines.js';
import { makeFolder } from '../util/output-files.js';
import { ReportAggregator, type DocumentRow } from '../view/report-data.js';
import { reportPage } from '../view/report.js';
import { headOf, viewFileNames, viewRecordId, writePage } from '../view/source.js';
import { UsageError } from './usage.js';

/** vnreform report: an HTML report of a batch's records, aggregated as they are read. */
export async function reportCommand(argv: string[], io: Io = processIo()): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { out: { type: 'string', short: 'o' }, quiet: { type: 'boolean', short: 'q' } },
  });
  if (positionals.length !== 1) throw new UsageError('report reads one records file: vnreform report RECORDS.jsonl --out report.html');
  const out = values.out;
  if (!out || !/\.html?$/i.test(out)) throw new UsageError('report needs --out FILE.html');
  const source = positionals[0]!;
  if (!statSync(source, { throwIfNoEntry: false })?.isFile()) throw new UsageError(`${source}: no such records file`);
  const aggregator = new ReportAggregator(defaultRules());
  const add = (value: unknown, line: number): void => {
    const parsed = RecordSchema.safeParse(value);
    if (parsed.success) aggregator.add(parsed.data);
    else aggregator.addBadLine(line, `not a vnreform record: ${parsed.error.issues[0]!.path.join('.') || 'top'}: ${parsed.error.issues[0]!.message}`);
  };
  if (/\.json$/i.test(source)) {
    // extract --out FILE.json: one JSON array.
    const value = JSON.parse(readFileSync(source, 'utf8')) as unknown;
    (Array.isArray(value) ? value : [value]).forEach((v, i) => add(v, i + 1));
  } else {
    for await (const [n, line] of numberedLines(source)) {
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch (err) {
        aggregator.addBadLine(n, `not JSON: ${(err as Error).message}`);
        continue;
      }
      add(value, n);
    }
  }
  const folder = dirname(out);
  makeFolder(folder, out);
  const data = aggregator.result((row) => viewBeside(folder, row));
  writePage(out, reportPage(data, source));
  for (const bad of data.badLines.slice(0, 10)) io.stderr.write(`vnreform report: ${shownPath(source)}:${bad.line}: ${bad.message}\n`);
  if (!values.quiet) {
    const views = data.rows.filter((r) => r.view).length;
    io.stderr.write(`vnreform report: ${data.documents} record(s) (${data.failed} failed${data.badLines.length ? `, ${data.badLines.length} line(s) not records` : ''}), ${views} view(s) linked, written to ${shownPath(out)}\n`);
  }
  return data.badLines.length ? 1 : 0;
}

/** The view `vnreform view` wrote for this record into the report's folder, if it is there. */
function viewBeside(folder: string, row: DocumentRow): string | null {
  return viewFileNames(row.path, row.id).find((name) => viewRecordId(headOf(join(folder, name))) === row.id) ?? null;
}
