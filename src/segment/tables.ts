import { firstIndexAtLeast } from '../util/sorted.js';
import { sourceSlice, toSourceSpan, type MappedText, type Span } from '../normalize/mapped-text.js';
import { type Line, linesOf, oneSpaced } from '../util/text.js';

/**
 * Tables, as the readers leave them in the text: markdown pipe rows ("| Hồ sơ | 193.457 |"), the
 * one-cell-per-line layout of converted web pages (each cell between "|" lines, a row ended by two
 * "|" lines in a row), and rows whose cells are separated by tabs or runs of spaces (DOCX and RTF
 * table rows, plain-text exports, PDF columns). Offsets are in the normalized text; every cell's
 * span points into the source.
 */
export interface TableCell {
  text: string;
  start: number;
  end: number;
}

export interface Table {
  index: number;
  layout: 'pipe' | 'cell-lines' | 'gap';
  /**
   * Every gap between cells is a tab the reader wrote (DOCX, PDF columns): an empty cell is written
   * too, so a short row's cells stand under their headers; a run of spaces says nothing of the cells
   * a row leaves out.
   */
  tabbed?: boolean;
  /** Rows of cells, header rows first. */
  rows: TableCell[][];
  /** How many of the first rows are headers (names of columns, not values). */
  headerRows: number;
  start: number;
  end: number;
  span: Span;
}

const isPipeLine = (t: string): boolean => t.trim() === '|';
// "| Hồ sơ | 193.457 |": a row with a pipe at either end and one inside.
const PIPE_ROW = /^\s*\|.*\|.*\|\s*$/;
const PIPE_SEPARATOR = /^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$/;
const GAP = /\s{3,}/g;
// A cell that holds a number and nothing counted: a value, so its row is no header.
const NUMBER_CELL = /^[(]?[-+]?\d[\d.,]*\s*%?[)]?$/;
// More lines than this between two "|" lines end a cell-lines table (body text follows it).
const MAX_CELL_LINES = 12;

export function segmentTables(mt: MappedText): Table[] {
  const lines = linesOf(mt.text);
  const tables: Omit<Table, 'index' | 'span' | 'headerRows'>[] = [];
  let i = 0;
  while (i < lines.length) {
    const found = pipeTable(lines, i) ?? cellLinesTable(lines, i) ?? gapTable(lines, i, mt);
    if (found) {
      tables.push(found.table);
      i = found.next;
    } else i++;
  }
  return tables
    .filter((t) => t.rows.length >= 2 && t.rows.some((r) => r.length >= 2))
    .map((t, index) => ({ ...t, index, headerRows: headerRowsOf(t.rows), span: toSourceSpan(mt, t.start, t.end) }));
}

type Found = { table: Omit<Table, 'index' | 'span' | 'headerRows'>; next: number } | null;

function trimmedCell(text: string, start: number): TableCell | null {
  const lead = text.length - text.trimStart().length;
  const t = text.trim();
  if (!t) return null;
  // Most cells hold single spaces only: fold runs and line breaks where there are any.
  return { text: /\s\s|[\t\n]/.test(t) ? oneSpaced(t) : t, start: start + lead, end: start + lead + t.length };
}

/** Markdown: "| a | b |" rows, a "|---|---|" line under the header. */
function pipeTable(lines: Line[], from: number): Found {
  if (!PIPE_ROW.test(lines[from]!.text)) return null;
  const rows: TableCell[][] = [];
  let i = from;
  for (; i < lines.length && (PIPE_ROW.test(lines[i]!.text) || PIPE_SEPARATOR.test(lines[i]!.text)); i++) {
    const line = lines[i]!;
    if (PIPE_SEPARATOR.test(line.text)) continue;
    const cells: TableCell[] = [];
    let at = line.text.indexOf('|') + 1;
    for (let bar = line.text.indexOf('|', at); bar !== -1; bar = line.text.indexOf('|', at)) {
      cells.push(trimmedCell(line.text.slice(at, bar), line.start + at) ?? { text: '', start: line.start + at, end: line.start + at });
      at = bar + 1;
    }
    rows.push(cells);
  }
  return { table: { layout: 'pipe', rows, start: lines[from]!.start, end: lines[i - 1]!.end }, next: i };
}

/**
 * A converted web page: "|" / "TT" / "|" / "Mã TTHC" / "|" / "|" / "1" / "|" / "2.001955" / "|" / "|".
 * One "|" line separates cells, two end a row; the lines between two "|" lines are one cell.
 */
function cellLinesTable(lines: Line[], from: number): Found {
  if (!isPipeLine(lines[from]!.text)) return null;
  const rows: TableCell[][] = [];
  let row: TableCell[] = [];
  let cell: Line[] = [];
  let i = from + 1;
  let last = from;
  const closeCell = (): void => {
    if (!cell.length) return;
    const start = cell[0]!.start;
    const end = cell[cell.length - 1]!.end;
    const c = trimmedCell(linesText(cell), start);
    if (c) row.push({ ...c, end: Math.min(c.end, end) });
    cell = [];
  };
  for (; i < lines.length; i++) {
    const t = lines[i]!.text;
    if (isPipeLine(t)) {
      if (!cell.length && row.length) {
        rows.push(row);
        row = [];
      }
      closeCell();
      last = i;
      continue;
    }
    if (cell.length >= MAX_CELL_LINES) break;
    if (t.trim()) cell.push(lines[i]!);
  }
  // What follows the last "|" line is text, not a cell.
  cell = [];
  if (row.length) rows.push(row);
  if (rows.length < 2) return null;
  return { table: { layout: 'cell-lines', rows, start: lines[from]!.start, end: lines[last]!.end }, next: last + 1 };
}

/** The text of a cell's lines, each line break kept as one character so offsets hold. */
function linesText(cell: Line[]): string {
  let out = '';
  for (let k = 0; k < cell.length; k++) {
    if (k) out += ' '.repeat(cell[k]!.start - cell[k - 1]!.end);
    out += cell[k]!.text;
  }
  return out;
}

/**
 * Rows of two cells or more split by tabs or runs of three spaces, two rows at least; a blank line
 * may stand between two rows (DOCX rows become paragraphs, PDF rows lines with space between).
 */
function gapTable(lines: Line[], from: number, mt: MappedText): Found {
  const rows: TableCell[][] = [];
  let last = from;
  let tabbed = true;
  for (let i = from; i < lines.length; i++) {
    if (!lines[i]!.text.trim() && i > from && i - last <= 1) continue;
    const row = gapCells(lines[i]!, mt);
    if (row.cells.length < 2) break;
    rows.push(row.cells);
    tabbed &&= row.tabbed;
    last = i;
  }
  if (rows.length < 2) return null;
  return { table: { layout: 'gap', tabbed, rows, start: lines[from]!.start, end: lines[last]!.end }, next: last + 1 };
}

/** A line's cells, and whether every gap between them was a tab in the source. */
function gapCells(line: Line, mt: MappedText): { cells: TableCell[]; tabbed: boolean } {
  // A line with no run of three spaces is one cell at most: no need to split it.
  if (!line.text.includes('   ')) return { cells: [], tabbed: false };
  const cells: TableCell[] = [];
  let tabbed = true;
  let from = 0;
  GAP.lastIndex = 0;
  const text = line.text;
  for (let m = GAP.exec(text); m; m = GAP.exec(text)) {
    const c = trimmedCell(text.slice(from, m.index), line.start + from);
    if (c) cells.push(c);
    from = m.index + m[0].length;
    // "Trễ hạn\t\t0,69": the readers write a tab between cells, so two tabs hold an empty cell
    // (normalization made each tab three spaces; the source still has them).
    const tabs = (sourceSlice(mt, line.start + m.index, line.start + from).match(/\t/g) ?? []).length;
    const leading = m.index === 0;
    if (!leading && !tabs) tabbed = false;
    for (let k = leading ? 0 : 1; k < tabs; k++) cells.push({ text: '', start: line.start + from, end: line.start + from });
  }
  const c = trimmedCell(text.slice(from), line.start + from);
  if (c) cells.push(c);
  return { cells, tabbed };
}

/**
 * The leading rows of two cells or more with no number cell name the columns (three at most); a
 * row of one cell is a group's title ("A. TTHC thuộc thẩm quyền cấp tỉnh"), no header.
 */
function headerRowsOf(rows: TableCell[][]): number {
  let n = 0;
  while (n < Math.min(3, rows.length - 1) && rows[n]!.length >= 2 && !rows[n]!.some((c) => NUMBER_CELL.test(c.text))) n++;
  return n;
}

/** The table and cell at a normalized offset, if any. */
export function cellAt(tables: readonly Table[], at: number): { table: Table; row: number; column: number } | null {
  let index = cellIndexes.get(tables);
  if (index === undefined) cellIndexes.set(tables, (index = cellIndex(tables)));
  if (!index) return scanForCell(tables, at);
  const i = firstIndexAtLeast(index, at + 1, (c) => c.start) - 1;
  const cell = index[i];
  return cell && at < cell.end ? { table: cell.table, row: cell.row, column: cell.column } : null;
}

type IndexedCell = { start: number; end: number; table: Table; row: number; column: number };

/**
 * Every cell of every table in the order of its start, for a binary search per offset (a figure in
 * a table of 10,000 rows looked through every row before). Null when two cells overlap: the scan
 * then answers as it always did.
 */
const cellIndexes = new WeakMap<readonly Table[], IndexedCell[] | null>();

function cellIndex(tables: readonly Table[]): IndexedCell[] | null {
  const cells: IndexedCell[] = [];
  for (const table of tables) {
    table.rows.forEach((cellsOfRow, row) => cellsOfRow.forEach((c, column) => {
      // Only the part of a cell inside its table's range is found in it.
      const start = Math.max(c.start, table.start);
      const end = Math.min(c.end, table.end);
      if (end > start) cells.push({ start, end, table, row, column });
    }));
  }
  cells.sort((a, b) => a.start - b.start);
  for (let i = 1; i < cells.length; i++) if (cells[i]!.start < cells[i - 1]!.end) return null;
  return cells;
}

function scanForCell(tables: readonly Table[], at: number): { table: Table; row: number; column: number } | null {
  for (const table of tables) {
    if (at < table.start || at >= table.end) continue;
    for (let r = 0; r < table.rows.length; r++) {
      const column = table.rows[r]!.findIndex((c) => at >= c.start && at < c.end);
      if (column !== -1) return { table, row: r, column };
    }
  }
  return null;
}
