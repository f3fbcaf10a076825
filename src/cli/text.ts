import { parseArgs } from 'node:util';
import { pageOf, type PageMap } from '../pipeline.js';
import { defaultRules } from '../rules/compile.js';
import { put } from '../util/output-files.js';
import { shownPath } from '../util/shown.js';
import { expandInputs } from '../engine/inputs.js';
import { processIo, type Io } from './io.js';
import { failureLine, processInput } from '../engine/process.js';
import { UsageError } from './usage.js';

/**
 * `vnreform text FILE [--page N] [--plain]`: the text as read, the very text `check` counts lines
 * and columns in (a PDF's rebuilt lines, a DOCX's paragraphs, a legacy encoding converted), so
 * that `report.pdf:57:12` can be found: line 57 here, its 12th character. Numbered as `cat -n`
 * does (the number right-aligned, a tab, the line); a paged input gets a header line before each
 * page ("==> page 2 <==", "==> page 2, footnotes <=="), which has no number and no tab.
 * --page N keeps one page's lines with their numbers in the whole text; --plain prints the lines
 * alone, nothing added (the whole text: line L of the output is line L of `check`).
 */
export async function textCommand(argv: string[], io: Io = processIo()): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { page: { type: 'string', short: 'p' }, plain: { type: 'boolean' } },
  });
  if (positionals.length !== 1) throw new UsageError(`text reads one file (or - for standard input), not ${positionals.length}`);
  const page = values.page === undefined ? null : Number(values.page);
  if (page !== null && !(Number.isInteger(page) && page >= 1)) throw new UsageError(`--page must be a page number (1, 2 …), not ${values.page}`);
  const target = positionals[0]!;
  const { inputs } = await expandInputs([target]);
  const [input] = inputs;
  if (inputs.length !== 1 || (input!.kind !== 'stdin' && input!.path !== target)) {
    throw new UsageError(`text reads one file: ${shownPath(target)} is a folder or a glob`);
  }
  const { record, analysis } = await processInput(input!, defaultRules(), null, io.stdin);
  if (!analysis) {
    io.stderr.write(failureLine(record.source.path, record.errors));
    return 1;
  }
  if (page !== null) {
    const pages = analysis.pages?.pages.length ?? 0;
    if (!pages) throw new UsageError(`--page: ${shownPath(record.source.path)} has no pages (it is ${record.source.format}; a PDF has pages)`);
    if (page > pages) throw new UsageError(`--page ${page}: ${shownPath(record.source.path)} has ${pages} page(s)`);
  }
  for (const chunk of textLines(analysis.source, analysis.pages, { page, plain: !!values.plain })) await put(io.stdout, chunk, 'standard output');
  return 0;
}

export interface TextView {
  /** One page's lines only (1-based). */
  page: number | null;
  /** The lines alone: no numbers, no page headers. */
  plain: boolean;
}

/**
 * The lines of `text` as `text` prints them, in chunks of ~64 KB (a 100 MB text is not one string
 * twice). Lines are split at "\n" alone, as `check` counts them (engine/positions.ts): a "\r" stays on its line.
 */
export function* textLines(text: string, pages: PageMap | null, view: TextView): Generator<string> {
  const lines = text.split('\n');
  // A file that ends with a newline has no line after it.
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  const width = String(lines.length).length;
  let chunk = '';
  let offset = 0;
  const bodyEnd = pages?.pages[pages.pages.length - 1]?.end ?? Infinity;
  let shownHeader: string | null = null;
  let where: { page: number; note: boolean } | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const start = offset;
    offset += line.length + 1;
    if (pages) {
      const note = pages.notes.some((n) => n.start <= start && start <= n.end);
      // A blank line between two footnotes is on no page: it goes with the line before it.
      if (note || start < bodyEnd || !where) where = { page: pageOf(pages, start), note };
    }
    if (view.page !== null && where?.page !== view.page) continue;
    if (!view.plain && where) {
      const header = `==> page ${where.page}${where.note ? ', footnotes' : ''} <==`;
      if (header !== shownHeader) chunk += `${header}\n`;
      shownHeader = header;
    }
    chunk += view.plain ? `${line}\n` : `${String(i + 1).padStart(width)}\t${line}\n`;
    if (chunk.length >= 65536) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}
