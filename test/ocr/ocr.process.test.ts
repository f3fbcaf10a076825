/**
 * OCR: scans made from corpus text (support/scan-fixtures.ts), read by Debian's tesseract with its
 * Vietnamese model, and scored against the corpus gold. CI installs the two packages (.ci/run) and
 * runs these; a machine without them skips the tests that need the engine, outside CI only.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { skewOf } from '../../src/ocr/deskew.js';
import { ocrImage, parseTsv } from '../../src/ocr/tesseract.js';
import { ocrOfSpan, placeWords, type BoxedWord } from '../../src/ocr/words.js';
import { extractFile, extractText } from '../../src/pipeline.js';
import { makeScanPdf, pageImages } from '../../support/scan-fixtures.js';
import { FIGURE_KINDS, scoreFigures, scoreReferences } from '../../support/gold.js';
import { HEAVY_TEST_MS } from '../helpers/limits.js';
import { tempDir } from '../helpers/temp.js';

const ROOT = new URL('../../', import.meta.url).pathname;
const hasTesseract = spawnSync('tesseract', ['--list-langs'], { encoding: 'utf8' }).stdout?.split('\n').some((l) => l.trim() === 'vie') ?? false;
const needsEngine = !hasTesseract && !process.env.CI;
const dir = tempDir('ocr');
const NAME = 'kien-giang_2020_q3_bao-cao-cchc';
const text = readFileSync(join(ROOT, `corpus/${NAME}.txt`), 'utf8');
const goldRefs = JSON.parse(readFileSync(join(ROOT, `corpus/gold/${NAME}.references.json`), 'utf8')).references;
const goldFigs = JSON.parse(readFileSync(join(ROOT, `corpus/gold/${NAME}.figures.json`), 'utf8')).figures;

/** Share of the gold's references and figures read back (recall), and of what was read that is right. */
async function readBack(pdf: Buffer, file: string) {
  const path = join(dir, file);
  writeFileSync(path, pdf);
  const r = await extractFile(path);
  const refs = scoreReferences(goldRefs, r.references);
  const figs = scoreFigures(goldFigs, r.figures);
  const tp = refs.tp + FIGURE_KINDS.reduce((a, k) => a + figs.byKind[k].tp, 0);
  const fn = refs.fn + FIGURE_KINDS.reduce((a, k) => a + figs.byKind[k].fn, 0);
  const fp = refs.fp + FIGURE_KINDS.reduce((a, k) => a + figs.byKind[k].fp, 0);
  return { record: r, recall: tp / (tp + fn), precision: tp / (tp + fp) };
}

describe('OCR: what tesseract writes, read', () => {
  it('groups TSV words into lines by block, paragraph and line, with the mean confidence', () => {
    const tsv = [
      'level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext',
      '1\t1\t0\t0\t0\t0\t0\t0\t2480\t3508\t-1\t',
      '5\t1\t1\t1\t1\t1\t236\t290\t135\t49\t96\tQuyết',
      '5\t1\t1\t1\t1\t2\t389\t294\t93\t44\t90\tđịnh',
      '5\t1\t1\t1\t2\t1\t236\t350\t300\t44\t80\t1234/QĐ-UBND',
      '5\t1\t2\t1\t1\t1\t236\t500\t60\t44\t95\t ',
    ].join('\n');
    const page = parseTsv(tsv);
    expect(page.lines.map((l) => [l.block, l.words.map((w) => w.text).join(' ')])).toEqual([[1, 'Quyết định'], [1, '1234/QĐ-UBND']]);
    expect(page.confidence).toBeCloseTo(88.67, 1);
    expect([page.width, page.height]).toEqual([2480, 3508]);
  });

  it('places each OCR word in the laid-out text and gives an item the box around its words and its least sure word', () => {
    const w = (text: string, x: number, y: number, confidence = 95): BoxedWord => ({ text, box: [x, y, x + 0.05, y + 0.01], confidence });
    const rows = [
      { words: [w('Trang', 0.45, 0.02)] }, // a running header the layout dropped: not in the text
      { words: [w('Căn', 0.1, 0.1), w('cứ', 0.16, 0.1), w('Quyết', 0.22, 0.1), w('định', 0.28, 0.1), w('số', 0.34, 0.1)] },
      { words: [w('l23/QĐ-UBND', 0.1, 0.12, 41), w('ngày', 0.2, 0.12), w('05/12/2025', 0.26, 0.12)] },
      { words: [w('tổ', 0.1, 0.16), w('chức', 0.16, 0.16)] },
    ];
    const text = 'Căn cứ Quyết định số\nl23/QĐ-UBND ngày 05/12/2025\n\ntổ chức';
    const placed = placeWords(text, [{ range: { start: 0, end: text.length }, page: 2, rows }]);
    expect(placed.map((p) => text.slice(p.start, p.end))).toEqual(['Căn', 'cứ', 'Quyết', 'định', 'số', 'l23/QĐ-UBND', 'ngày', '05/12/2025', 'tổ', 'chức']);
    const ref = ocrOfSpan(placed, text.indexOf('Quyết'), text.indexOf('\n\n'));
    expect(ref).toEqual({ box: [0.1, 0.1, 0.39, 0.13], confidence: 41, lowConfidence: true });
    expect(ocrOfSpan(placed, text.indexOf('tổ'), text.length)).toMatchObject({ confidence: 95, lowConfidence: false });
    expect(ocrOfSpan(placed, text.length, text.length)).toBeNull();
  });

  it('finds the angle of text lines turned by 2°', () => {
    const xs: number[] = [];
    const ys: number[] = [];
    for (let line = 0; line < 30; line++) {
      for (let x = 50; x < 750; x += 3) {
        xs.push(x);
        ys.push(Math.round(60 + line * 30 + x * Math.tan((2 * Math.PI) / 180)));
      }
    }
    expect(skewOf(xs, ys, 1200)).toBeCloseTo(2, 1);
  });
});

describe('OCR: confusions in document numbers, repaired where a number needs it', () => {
  const ids = (t: string) => extractText(t).references.map((r) => [r.id, r.text]);
  it('reads the Icelandic Eth as Đ, O as 0 and l or I as 1 inside a number, keeping the text as written', () => {
    expect(ids('Căn cứ Quyết định số 123/QÐ-UBND ngày 05/12/2025')).toEqual([['123/QĐ-UBND', 'Quyết định số 123/QÐ-UBND ngày 05/12/2025']]);
    expect(ids('Căn cứ Nghị định số 1O/2020/NĐ-CP ngày 17/01/2020')[0]![0]).toBe('10/2020/NĐ-CP');
    expect(ids('Căn cứ Thông tư số l2/2019/TT-BNV ngày 30/10/2019')[0]![0]).toBe('12/2019/TT-BNV');
    expect(ids('Quyết định số 846/2O17/QĐ-TTg của Thủ tướng')[0]![0]).toBe('846/2017/QĐ-TTg');
  });
  it('leaves letters alone where no digit says a number is meant', () => {
    expect(ids('Phụ lục I/BC-UBND và mục IO/KH')).toEqual([]);
    expect(extractText('Công văn số 15/UBND-VX về Lào Cai').references.map((r) => r.id)).toEqual(['15/UBND-VX']);
  });
});

describe.skipIf(needsEngine)('OCR: scans read back against the corpus gold', () => {
  it('reads a clean scan of a report: references and figures ≥ 0.95 of the gold, pages named in source.ocr', async () => {
    const { record, recall, precision } = await readBack(await makeScanPdf(text), 'scan.pdf');
    expect(record.errors).toEqual([]);
    expect(record.source.ocr?.engine).toMatch(/^tesseract .*\(vie\)$/);
    expect(record.source.ocr?.pages.map((p) => p.page)).toEqual(Array.from({ length: record.source.pages! }, (_, i) => i + 1));
    expect(record.source.ocr!.pages.every((p) => p.confidence > 80)).toBe(true);
    expect([recall >= 0.95, precision >= 0.95]).toEqual([true, true]);
    expect(record.document).toMatchObject({ date: '2020-09-14', province: 'Kiên Giang' });
    expect(record.document!.signatures.map((s) => s.name)).toEqual(['Nguyễn Đức Chín']);
    // Every item read says where on its page it is.
    const items = [...record.references, ...record.figures, ...record.agencies];
    expect(items.filter((i) => !i.span.ocr).map((i) => i.text)).toEqual([]);
    const inPage = (b: number[]) => b.every((v) => v >= 0 && v <= 1) && b[0]! < b[2]! && b[1]! < b[3]!;
    expect(items.every((i) => inPage(i.span.ocr!.box))).toBe(true);
    expect(new Set(items.map((i) => i.span.page)).size).toBeGreaterThan(1);
  }, HEAVY_TEST_MS);

  it('reads a noisy scan turned by 1.5°: ≥ 0.90 of the gold', async () => {
    const { recall, precision } = await readBack(await makeScanPdf(text, { skew: 1.5, noise: 0.02 }), 'scan-noisy.pdf');
    expect([recall >= 0.9, precision >= 0.9]).toEqual([true, true]);
  }, HEAVY_TEST_MS);

  it('reads a signed scan whose only text layer is the signing stamp', async () => {
    const stamp = 'Người ký: Ủy ban nhân dân tỉnh Kiên Giang\nEmail: ubnd@kiengiang.gov.vn\nCơ quan: Tỉnh Kiên Giang\nThời gian ký: 14.09.2020 16:05:12 +07:00';
    const path = join(dir, 'scan-stamp.pdf');
    writeFileSync(path, await makeScanPdf(text.slice(0, 2500), { stamp }));
    const r = await extractFile(path);
    expect(r.source.ocr?.pages.map((p) => p.page)).toContain(1);
    expect(r.references.map((x) => x.id)).toContain('30c/NQ-CP');
    expect(r.document).toMatchObject({ date: '2020-09-14', province: 'Kiên Giang' });
  }, HEAVY_TEST_MS);

  it('reads a scanned decision of the development set (noisy, turned 1.2°): its number, date, signer, references and agencies', async () => {
    const name = 'quyet-dinh-2533-qd-ubnd';
    // The decision as printed: the markdown's table bars and emphasis are not on paper.
    const markdown = readFileSync(join(ROOT, `devset/docs/${name}.md`), 'utf8');
    const paper = markdown.split('\n').filter((l) => l.trim() !== '|').map((l) => l.replace(/\*\*|\*/g, '').replace(/^-{3,}$/, '')).join('\n');
    const path = join(dir, `${name}.pdf`);
    writeFileSync(path, await makeScanPdf(paper, { skew: 1.2, noise: 0.02 }));
    const r = await extractFile(path);
    const catalogue = readFileSync(join(ROOT, 'devset/catalogue.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l)).find((c) => c.file === `docs/${name}.md`);
    const [d, m, y] = catalogue.date.split('/');
    expect(r.document).toMatchObject({ number: catalogue.number, date: `${y}-${m}-${d}` });
    expect(r.document!.signatures.map((s) => s.name)).toEqual([catalogue.signer]);
    const refs = scoreReferences(JSON.parse(readFileSync(join(ROOT, `devset/gold/${name}.references.json`), 'utf8')).references, r.references);
    expect([refs.fn, refs.fp]).toEqual([0, 0]);
    const agencies = JSON.parse(readFileSync(join(ROOT, `devset/gold/${name}.agencies.json`), 'utf8')).agencies.map((a: { resolved: string }) => a.resolved);
    const found = new Set(r.agencies.map((a) => a.resolved));
    expect(agencies.filter((a: string) => found.has(a)).length / agencies.length).toBeGreaterThanOrEqual(0.85);
  }, HEAVY_TEST_MS);

  it('reads a page given as an image file', async () => {
    const [first] = await pageImages(text);
    const path = join(dir, 'trang-1.png');
    writeFileSync(path, first!);
    const r = await extractFile(path);
    expect(r.source).toMatchObject({ format: 'image', pages: 1 });
    expect(r.document).toMatchObject({ date: '2020-09-14' });
    expect(r.references.map((x) => x.id)).toContain('30c/NQ-CP');
    // The box of an item holds its words: cut it out of the page and read it again.
    const ref = r.references.find((x) => x.id === '30c/NQ-CP')!;
    const { loadImage, createCanvas } = await import('@napi-rs/canvas');
    const image = await loadImage(first!);
    const [x0, y0, x1, y1] = ref.span.ocr!.box;
    const pad = 0.005;
    const left = Math.max(0, (x0 - pad) * image.width);
    const top = Math.max(0, (y0 - pad) * image.height);
    const crop = createCanvas(Math.ceil((x1 - x0 + 2 * pad) * image.width), Math.ceil((y1 - y0 + 2 * pad) * image.height));
    const ctx = crop.getContext('2d');
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, crop.width, crop.height);
    ctx.drawImage(image, -left, -top);
    const again = await ocrImage(await crop.encode('png'));
    expect(again.lines.flatMap((l) => l.words.map((w) => w.text)).join('')).toContain('30c/NQ-CP');
    expect(ref.span.ocr!.lowConfidence).toBe(false);
  }, HEAVY_TEST_MS);
});

describe('OCR: the command line', () => {
  const cli = (args: string[], env: Record<string, string> = {}) => spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), ...args], {
    cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...env },
  });

  it('keeps a scan the error no-text-layer with --ocr never, and says ocr-unavailable with the install command when tesseract is missing', async () => {
    const path = join(dir, 'scan-2.pdf');
    writeFileSync(path, await makeScanPdf('BÁO CÁO\nKết quả cải cách hành chính quý I năm 2025 của Ủy ban nhân dân tỉnh Kiên Giang.'));
    const never = JSON.parse(cli(['extract', path, '--ocr', 'never', '--quiet']).stdout);
    expect(never.errors[0].code).toBe('no-text-layer');
    const missing = JSON.parse(cli(['extract', path, '--quiet'], { PATH: '/nonexistent' }).stdout);
    expect(missing.errors[0]).toMatchObject({ code: 'ocr-unavailable' });
    expect(missing.errors[0].message).toContain('apt-get install tesseract-ocr tesseract-ocr-vie');
    expect(cli(['extract', path, '--ocr', 'sometimes']).status).toBe(2);
  });
});

describe.skipIf(needsEngine)('OCR: a Word document whose text is in images', () => {
  // A scanned page pasted into Word, a line of typed text above it.
  const scanInWord = async (typed: string) => {
    const { Document, Packer, Paragraph, TextRun, ImageRun } = await import('docx');
    const [page] = await pageImages(text.slice(0, 1500));
    const doc = new Document({ sections: [{ children: [
      new Paragraph({ children: [new TextRun(typed)] }),
      new Paragraph({ children: [new ImageRun({ type: 'png', data: page!, transformation: { width: 595, height: 842 } })] }),
    ] }] });
    return Packer.toBuffer(doc);
  };

  it('reads the images of a Word file with almost no text of its own, in their place, and names them in source.ocr', async () => {
    const path = join(dir, 'quet.docx');
    writeFileSync(path, await scanInWord('Bản quét'));
    const r = await extractFile(path);
    expect(r.errors).toEqual([]);
    expect(r.source.ocr?.images).toEqual([{ image: 1, confidence: expect.any(Number) }]);
    expect(r.references.map((x) => x.id)).toContain('30c/NQ-CP');
    expect(r.document).toMatchObject({ date: '2020-09-14', province: 'Kiên Giang' });
  }, HEAVY_TEST_MS);

  it('leaves the images alone with --ocr never, where a file with only images is the error no-text-layer', async () => {
    const { readBytes } = await import('../../src/read/index.js');
    const bytes = await scanInWord('');
    await expect(readBytes(bytes, 'quet.docx', undefined, { ocr: 'never' })).rejects.toMatchObject({ code: 'no-text-layer' });
    const sentence = 'Báo cáo số 12/BC-UBND của Ủy ban nhân dân tỉnh Kiên Giang về cải cách hành chính năm 2020, gửi các sở, ban, ngành để biết và thực hiện. ';
    const typed = await readBytes(await scanInWord(sentence.repeat(3)), 'x.docx');
    expect(typed.ocr).toBeUndefined(); // auto: a document with its own text keeps its images unread
    expect(typed.text).not.toMatch(/\uE000/);
  }, HEAVY_TEST_MS);
});
