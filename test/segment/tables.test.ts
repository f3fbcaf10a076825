/**
 * Tables in the layouts the readers leave them, and the figures read from their cells. Each table
 * is composed here like the reports it stands for; expectations follow ../shared/ANNOTATION.md.
 */
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { describe, expect, it } from 'vitest';
import { extractFile, extractText } from '../../src/pipeline.js';
import { tempDir } from '../helpers/temp.js';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import { FONT } from '../../support/format-fixtures.js';

/** A PDF page with text placed at [x, y] in points, as a letterhead and a table lay it out. */
function placedPdf(items: [string, number, number][]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: 56 });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.font(FONT).fontSize(11);
    for (const [text, x, y] of items) doc.text(text, x, y, { lineBreak: false });
    doc.end();
  });
}

const figuresOf = (text: string) => extractText(text).figures;
const brief = (f: ReturnType<typeof figuresOf>[number]) => ({ kind: f.kind, value: f.value, unit: f.unit, status: f.status, stage: f.meaning.stage, channel: f.meaning.channel, table: f.table });

describe('tables: markdown pipe rows', () => {
  const text = [
    'Bảng 1. Kết quả giải quyết hồ sơ năm 2025',
    '| STT | Chỉ tiêu | Hồ sơ | Tỷ lệ (%) |',
    '|---|---|---|---|',
    '| 1 | Tiếp nhận | 193.457 | 100 |',
    '| 2 | Giải quyết đúng hạn | 190.123 | 99.81 |',
    '| 3 | Tiếp nhận trực tuyến | 2.031 | 1,05 |',
  ].join('\n');

  it('reads the table with its header row, every cell pointing into the text', () => {
    const r = extractText(text);
    expect(r.tables).toHaveLength(1);
    const t = r.tables[0]!;
    expect(t.layout).toBe('pipe');
    expect(t.headerRows).toBe(1);
    expect(t.rows.map((row) => row.map((c) => c.text))).toEqual([
      ['STT', 'Chỉ tiêu', 'Hồ sơ', 'Tỷ lệ (%)'],
      ['1', 'Tiếp nhận', '193.457', '100'],
      ['2', 'Giải quyết đúng hạn', '190.123', '99.81'],
      ['3', 'Tiếp nhận trực tuyến', '2.031', '1,05'],
    ]);
    for (const row of t.rows) for (const c of row) expect(text.slice(c.span.start, c.span.end)).toBe(c.text);
  });

  it('gives number-only cells the unit and meaning of their column and row; no figure from STT', () => {
    const f = figuresOf(text).map(brief);
    expect(f).toEqual([
      { kind: 'count', value: 193457, unit: 'hồ sơ', status: 'result', stage: 'received', channel: null, table: { index: 0, row: 1, column: 2, header: ['Hồ sơ'], rowLabel: 'Tiếp nhận' } },
      { kind: 'percent', value: 100, unit: null, status: 'result', stage: 'received', channel: null, table: { index: 0, row: 1, column: 3, header: ['Tỷ lệ (%)'], rowLabel: 'Tiếp nhận' } },
      { kind: 'count', value: 190123, unit: 'hồ sơ', status: 'result', stage: 'resolved', channel: null, table: { index: 0, row: 2, column: 2, header: ['Hồ sơ'], rowLabel: 'Giải quyết đúng hạn' } },
      { kind: 'percent', value: 99.81, unit: null, status: 'result', stage: 'resolved', channel: null, table: { index: 0, row: 2, column: 3, header: ['Tỷ lệ (%)'], rowLabel: 'Giải quyết đúng hạn' } },
      { kind: 'count', value: 2031, unit: 'hồ sơ', status: 'result', stage: 'received', channel: 'online', table: { index: 0, row: 3, column: 2, header: ['Hồ sơ'], rowLabel: 'Tiếp nhận trực tuyến' } },
      { kind: 'percent', value: 1.05, unit: null, status: 'result', stage: 'received', channel: 'online', table: { index: 0, row: 3, column: 3, header: ['Tỷ lệ (%)'], rowLabel: 'Tiếp nhận trực tuyến' } },
    ]);
  });
});

describe('tables: a web page converted with one cell per line', () => {
  const text = [
    'DANH MỤC THỦ TỤC HÀNH CHÍNH', '|', 'TT', '|', 'Mã TTHC', '|', 'Tên thủ tục hành chính', '|', 'Số hồ sơ', '|', '|',
    'A. TTHC cấp tỉnh', '|', '|', '1', '|', '2.001955', '|', 'Đăng ký nội quy lao động', 'của doanh nghiệp', '|', '125', '|', '|',
    '2', '|', '1.014465.H50', '|', 'Cấp giấy phép lao động', '|', '38', '|', '|',
    'Ủy ban nhân dân tỉnh giao Sở Nội vụ thực hiện.',
  ].join('\n');

  it('splits cells at one "|" line and rows at two, a cell running over lines', () => {
    const t = extractText(text).tables[0]!;
    expect(t.layout).toBe('cell-lines');
    expect(t.headerRows).toBe(1);
    expect(t.rows.map((row) => row.map((c) => c.text.replace(/\s+/g, ' ')))).toEqual([
      ['TT', 'Mã TTHC', 'Tên thủ tục hành chính', 'Số hồ sơ'],
      ['A. TTHC cấp tỉnh'],
      ['1', '2.001955', 'Đăng ký nội quy lao động của doanh nghiệp', '125'],
      ['2', '1.014465.H50', 'Cấp giấy phép lao động', '38'],
    ]);
  });

  it('reads counts from the count column only: no row numbers, no procedure codes', () => {
    const f = figuresOf(text).map((x) => [x.kind, x.value, x.unit, x.table?.rowLabel]);
    expect(f).toEqual([
      ['count', 125, 'hồ sơ', 'Đăng ký nội quy lao động của doanh nghiệp'],
      ['count', 38, 'hồ sơ', 'Cấp giấy phép lao động'],
    ]);
  });
});

describe('tables: rows whose cells are split by tabs (DOCX, spreadsheets)', () => {
  it('reads a table from a real DOCX file', async () => {
    const cell = (s: string) => new TableCell({ children: [new Paragraph({ children: [new TextRun(s)] })] });
    const row = (...cells: string[]) => new TableRow({ children: cells.map(cell) });
    const doc = new Document({
      sections: [{
        children: [
          new Paragraph('Kết quả giải quyết thủ tục hành chính quý III năm 2025:'),
          new Table({ rows: [row('Nội dung', 'Số hồ sơ'), row('Hồ sơ tiếp nhận', '11.093'), row('Hồ sơ trực tuyến', '2.031'), row('Hồ sơ trễ hạn', '12')] }),
          new Paragraph('Trên đây là báo cáo.'),
        ],
      }],
    });
    const dir = tempDir('tables');
    const path = join(dir, 'bang.docx');
    writeFileSync(path, await Packer.toBuffer(doc));
    const r = await extractFile(path);
    expect(r.tables.map((t) => t.layout)).toEqual(['gap']);
    expect(r.figures.map((f) => [f.value, f.unit, f.meaning.stage, f.meaning.channel, f.meaning.timeliness, f.table?.row])).toEqual([
      [11093, 'hồ sơ', 'received', null, null, 1],
      [2031, 'hồ sơ', null, 'online', null, 2],
      [12, 'hồ sơ', null, null, 'late', 3],
    ]);
  });

  it('keeps the empty cells of a DOCX row, so each value stays under its header', async () => {
    const cell = (s: string) => new TableCell({ children: [new Paragraph({ children: s ? [new TextRun(s)] : [] })] });
    const row = (...cells: string[]) => new TableRow({ children: cells.map(cell) });
    const doc = new Document({
      sections: [{
        children: [
          new Paragraph('Kết quả giải quyết thủ tục hành chính quý III năm 2025:'),
          new Table({ rows: [row('Nội dung', 'Số hồ sơ', 'Tỷ lệ (%)'), row('Hồ sơ tiếp nhận', '11.093', '100'), row('Hồ sơ trễ hạn', '', '0,11'), row('Hồ sơ đúng hạn', '11.081', '')] }),
          new Paragraph('Trên đây là báo cáo.'),
        ],
      }],
    });
    const path = join(tempDir('tables'), 'bang-trong.docx');
    writeFileSync(path, await Packer.toBuffer(doc));
    const r = await extractFile(path);
    expect(r.tables[0]!.rows.map((x) => x.map((c) => c.text))).toEqual([
      ['Nội dung', 'Số hồ sơ', 'Tỷ lệ (%)'], ['Hồ sơ tiếp nhận', '11.093', '100'], ['Hồ sơ trễ hạn', '', '0,11'], ['Hồ sơ đúng hạn', '11.081'],
    ]);
    expect(r.figures.map((f) => [f.kind, f.value, f.table?.header])).toEqual([
      ['count', 11093, ['Số hồ sơ']], ['percent', 100, ['Tỷ lệ (%)']], ['percent', 0.11, ['Tỷ lệ (%)']], ['count', 11081, ['Số hồ sơ']],
    ]);
  });

  it('reads a value under a plan column as a target', () => {
    const f = figuresOf(['| Nội dung | Kế hoạch năm 2026 | Thực hiện |', '|---|---|---|', '| Hồ sơ trực tuyến | 50.000 | 48.120 |'].join('\n'));
    expect(f.map((x) => [x.value, x.status])).toEqual([[50000, 'target'], [48120, 'result']]);
  });

  it('keeps prose with wide spaces that is no table out of it', () => {
    expect(extractText('Kính gửi:   Ủy ban nhân dân tỉnh\nThực hiện Kế hoạch của tỉnh, Sở báo cáo như sau.').tables).toEqual([]);
  });
});

describe('tables: a PDF whose cells stand apart on one baseline', () => {
  it('keeps a value under its own header when a row leaves a cell empty', async () => {
    const pdf = await placedPdf([
      ['BÁO CÁO', 250, 60], ['Kết quả giải quyết hồ sơ quý III năm 2025', 150, 78],
      ['Nội dung', 60, 200], ['Số hồ sơ', 260, 200], ['Tỷ lệ (%)', 420, 200],
      ['Tiếp nhận', 60, 220], ['45.210', 260, 220], ['100', 420, 220],
      ['Giải quyết trễ hạn', 60, 240], ['0,69', 420, 240],
      ['Đúng hạn', 60, 260], ['44.898', 260, 260],
    ]);
    const path = join(tempDir('pdf-table-empty'), 'bao-cao.pdf');
    writeFileSync(path, pdf);
    const r = await extractFile(path);
    const table = r.tables.find((t) => t.rows.some((row) => row[0]?.text === 'Nội dung'))!;
    expect(table.rows.map((row) => row.map((c) => c.text))).toEqual([
      ['Nội dung', 'Số hồ sơ', 'Tỷ lệ (%)'], ['Tiếp nhận', '45.210', '100'], ['Giải quyết trễ hạn', '', '0,69'], ['Đúng hạn', '44.898'],
    ]);
    expect(r.figures.map((f) => [f.kind, f.value, f.table?.header])).toEqual([
      ['count', 45210, ['Số hồ sơ']], ['percent', 100, ['Tỷ lệ (%)']], ['percent', 0.69, ['Tỷ lệ (%)']], ['count', 44898, ['Số hồ sơ']],
    ]);
  });

  it('reads the letterhead beside the motto and the table\'s columns as cells', async () => {
    const pdf = await placedPdf([
      ['ỦY BAN NHÂN DÂN', 60, 60], ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 280, 60],
      ['TỈNH ĐỒNG THÁP', 70, 75], ['Độc lập - Tự do - Hạnh phúc', 320, 75],
      ['Số: 210/BC-UBND', 60, 100], ['Đồng Tháp, ngày 15 tháng 10 năm 2025', 300, 100],
      ['BÁO CÁO', 250, 140], ['Kết quả cải cách hành chính quý III năm 2025', 150, 158],
      ['Nội dung', 60, 200], ['Số hồ sơ', 300, 200], ['Tỷ lệ (%)', 420, 200],
      ['Tiếp nhận', 60, 220], ['45.210', 300, 220], ['100', 420, 220],
      ['Giải quyết trễ hạn', 60, 240], ['312', 300, 240], ['0,69', 420, 240],
    ]);
    const path = join(tempDir('pdf-table'), 'bao-cao.pdf');
    writeFileSync(path, pdf);
    const r = await extractFile(path);
    expect([r.document?.issuer, r.document?.number, r.document?.date, r.document?.place]).toEqual(['Ủy ban nhân dân tỉnh Đồng Tháp', '210/BC-UBND', '2025-10-15', 'Đồng Tháp']);
    const table = r.tables.find((t) => t.rows.some((row) => row[0]?.text === 'Nội dung'))!;
    expect(table.rows.map((row) => row.map((c) => c.text))).toEqual([['Nội dung', 'Số hồ sơ', 'Tỷ lệ (%)'], ['Tiếp nhận', '45.210', '100'], ['Giải quyết trễ hạn', '312', '0,69']]);
    expect(r.figures.map((f) => [f.kind, f.value, f.unit, f.meaning.timeliness, f.table?.rowLabel])).toEqual([
      ['count', 45210, 'hồ sơ', null, 'Tiếp nhận'],
      ['percent', 100, null, null, 'Tiếp nhận'],
      ['count', 312, 'hồ sơ', 'late', 'Giải quyết trễ hạn'],
      ['percent', 0.69, null, 'late', 'Giải quyết trễ hạn'],
    ]);
  });
});
