import { fold, lower } from '../../normalize/fold.js';
import { memo, normalizeWord, alternation, type Rules } from '../../rules/compile.js';
import type { Meaning } from '../../schema.js';
import type { Table } from '../../segment/tables.js';
import { countedNounIn, lastNounIn, type Candidate } from './candidates.js';
import { parseVnNumber } from './numbers.js';
import { figurePatterns } from './patterns.js';
import { oneSpaced } from '../../util/text.js';

/**
 * Figures in table cells. A cell that holds only a number takes its unit and meaning from the
 * header cells above it and the label of its row ("Hồ sơ tiếp nhận | 193.457", "% | 99,81");
 * a row-number column (STT) and a code column (Mã TTHC) hold no figures. Every figure in a cell,
 * found here or by the text scan, carries the cell's coordinates.
 */

// "193.457", "99,81", "99.81", "(12)", "45%": a value and nothing else.
const VALUE_CELL = /^\(?([-+]?\d{1,3}(?:\.\d{3})+(?:,\d+)?|[-+]?\d+(?:[.,]\d+)?)\)?\s*(%?)$/;

export interface CellLabels {
  header: string[];
  rowLabel: string | null;
}

interface TableWords {
  /** Folded header texts of a row-number column: "stt", "tt", "số tt". */
  rowNumber: RegExp;
  /** A code column: "mã", "mã số", "ký hiệu". */
  code: RegExp;
  /** "tỷ lệ", "%": the column or row holds percentages. */
  percent: RegExp;
  /** "Kế hoạch", "Chỉ tiêu": the column or row holds targets. */
  target: RegExp;
}

function words(rules: Rules): TableWords {
  return memo(rules, 'table-words', () => {
    const t = rules.data.figureCues.tableHeaders;
    const list = (xs: readonly string[]): string => alternation(xs.map((x) => lower(normalizeWord(x))));
    return {
      rowNumber: new RegExp(`^(?:${list(t.rowNumber)})\\.?$`, 'u'),
      code: new RegExp(`(?<![\\p{L}])(?:${list(t.code)})(?![\\p{L}])`, 'u'),
      percent: new RegExp(`%|(?<![\\p{L}])(?:${list(t.percent)})(?![\\p{L}])`, 'u'),
      target: new RegExp(`(?<![\\p{L}])(?:${list(t.target)})(?![\\p{L}])`, 'u'),
    };
  });
}

/** The header cells above (row, column) and the row's label. */
export function labelsOf(table: Table, row: number, column: number, rules: Rules): CellLabels {
  const w = words(rules);
  const cells = table.rows[row]!;
  const header: string[] = [];
  for (let r = 0; r < table.headerRows; r++) {
    const h = table.rows[r]!;
    // Cells line up with the header only when the row has as many of them, or when tabs keep the
    // empty ones (a short row then only leaves its last cells out).
    if ((h.length === cells.length || (table.tabbed && h.length > cells.length)) && h[column]?.text) header.push(h[column]!.text);
  }
  // A row's number ("1", "III", "A.", under STT) and a code (under Mã TTHC) label nothing.
  const noLabel = (c: number): boolean => {
    const head = table.rows[0]?.length === cells.length ? lower(table.rows[0]![c]?.text ?? '') : '';
    return w.rowNumber.test(head) || w.code.test(head) || (c === 0 && /^(?:\d{1,3}|[IVXLC]{1,6}|[A-ZĐ])\.?$/u.test(cells[0]!.text));
  };
  let rowLabel: string | null = null;
  for (let c = 0; c < column && !rowLabel; c++) {
    if (!noLabel(c) && !VALUE_CELL.test(cells[c]!.text)) rowLabel = cells[c]!.text;
  }
  return { header, rowLabel };
}

/** Candidates for number-only cells the text scan left alone (no unit written in the cell). */
export function tableCandidates(tables: readonly Table[], taken: (at: number) => boolean, rules: Rules): Candidate[] {
  const w = words(rules);
  const p = figurePatterns(rules);
  const out: Candidate[] = [];
  for (const table of tables) {
    for (let r = table.headerRows; r < table.rows.length; r++) {
      const row = table.rows[r]!;
      row.forEach((cell, c) => {
        // "10\n02" over "TTHC\nTTHC": a cell may stack one value a line.
        for (const { value: written, percent, start, end } of cellValues(cell)) {
          if (taken(start)) continue;
          const { header, rowLabel } = labelsOf(table, r, c, rules);
          const headerText = lower(header.join(' '));
          if (w.rowNumber.test(headerText) || w.code.test(headerText)) return;
          // "- Số TTHC thực hiện trực tiếp: | 10 | TTHC": the unit in the cell after the value.
          const unitCell = row[c + 1] && onlyNouns(row[c + 1]!.text, p) ? lower(row[c + 1]!.text) : '';
          const label = `${lower(rowLabel ?? '')} ${headerText} ${unitCell}`;
          // A table without a header counts by its row labels ("- Số TTHC thực hiện trực tiếp:"), or in a unit
          // cell; a label that only mentions the noun ("Lưu trữ đầy đủ hồ sơ pháp lý") counts nothing.
          if (!header.length && !unitCell && !countedNounIn(fold(rowLabel ?? ''), p)) return;
          const value = parseVnNumber(written);
          const base = { numerator: null, denominator: null, low: null, high: null, unitText: null, start, end };
          if (percent || w.percent.test(label)) {
            if (header.length || percent) out.push({ ...base, kind: 'percent', value, unit: null, unitForm: null, rule: 'table-cell-percent', cell: true });
            continue;
          }
          const noun = unitCell ? lastNounIn(unitCell, p) : lastNounIn(label, p);
          // The unit is the header's, the row label's or the next cell's: none is written with the value.
          if (noun && Number.isInteger(value)) out.push({ ...base, kind: 'count', value, unit: noun.unit, unitForm: noun.form, rule: 'table-cell-count', inferred: ['unit'], cell: true });
        }
      });
    }
  }
  return out;
}

/** The values a cell holds ("193.457", "99,8%", "10 02" where a cell stacked two); none when anything else is written. */
function cellValues(cell: { text: string; start: number; end: number }): { value: string; percent: boolean; start: number; end: number }[] {
  const whole = VALUE_CELL.exec(cell.text.replace(/\*+/g, '').trim());
  if (whole) {
    const offset = Math.max(0, cell.text.indexOf(whole[1]!));
    return [{ value: whole[1]!, percent: !!whole[2], start: cell.start + offset, end: cell.start + offset + whole[1]!.length }];
  }
  const out: { value: string; percent: boolean; start: number; end: number }[] = [];
  const token = /\S+/g;
  for (let t = token.exec(cell.text); t; t = token.exec(cell.text)) {
    const m = VALUE_CELL.exec(t[0].replace(/\*+/g, ''));
    if (!m) return [];
    const offset = t.index + Math.max(0, t[0].indexOf(m[1]!));
    out.push({ value: m[1]!, percent: !!m[2], start: cell.start + offset, end: cell.start + offset + m[1]!.length });
  }
  return out;
}

/** "TTHC", "TTHC TTHC TTHC", "hồ sơ": a cell that names only the unit of the values beside it. */
function onlyNouns(text: string, p: ReturnType<typeof figurePatterns>): boolean {
  const t = lower(text).replace(/\*+/g, ' ');
  p.nounAnywhere.lastIndex = 0;
  return /\p{L}/u.test(t) && t.replace(p.nounAnywhere, ' ').trim() === '';
}

/** Stage, channel, timeliness and service from a cell's labels ("Hồ sơ tiếp nhận trực tuyến"). */
export function meaningOfLabels(labels: CellLabels, rules: Rules): Meaning {
  const p = figurePatterns(rules);
  const text = lower([labels.rowLabel ?? '', ...labels.header].join(' ; '));
  const meaning: Meaning = { stage: null, channel: null, timeliness: null, service: null };
  for (const q of p.qualifiers) {
    q.re.lastIndex = 0;
    for (let m = q.re.exec(text); m && !meaning[q.dimension]; m = q.re.exec(text)) {
      meaning[q.dimension] = q.byForm.get(oneSpaced(m[1]!)) ?? null;
    }
  }
  return meaning;
}


/** A value under "Kế hoạch", "Chỉ tiêu", "Mục tiêu" is a target; any other cell reports a result. */
export function statusOfLabels(labels: CellLabels, rules: Rules): 'target' | 'result' {
  return words(rules).target.test(lower([labels.rowLabel ?? '', ...labels.header].join(' ; '))) ? 'target' : 'result';
}
