/**
 * OCR: scans made from corpus text (scripts/scan-fixtures.ts), read by Debian's tesseract with its
 * Vietnamese model, and scored against the corpus gold. CI installs the two packages (.ci/run) and
 * runs these; a machine without them skips the tests that need the engine, outside CI only.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { skewOf } from '../../src/ocr/deskew.js';
import { parseTsv } from '../../src/ocr/tesseract.js';
import { extractFile, extractText } from '../../src/pipeline.js';
import { makeScanPdf, pageImages } from '../../scripts/scan-fixtures.js';
import { FIGURE_KINDS, scoreFigures, scoreReferences } from '../../scripts/gold.js';
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
  }, HEAVY_TEST_MS);

  it('reads a noisy scan turned by 1.5°: ≥ 0.90 of the gold', async () => {
    const { recall, precision } = await readBack(await makeScanPdf(text, { skew: 1.5, noise: 0.02 }), 'scan-noisy.pdf');
    expect([recall >= 0.9, precision >= 0.9]).toEqual([true, true]);
  }, HEAVY_TEST_MS);

  it('reads a page given as an image file', async () => {
    const [first] = await pageImages(text);
    const path = join(dir, 'trang-1.png');
    writeFileSync(path, first!);
    const r = await extractFile(path);
    expect(r.source).toMatchObject({ format: 'image', pages: 1 });
    expect(r.document).toMatchObject({ date: '2020-09-14' });
    expect(r.references.map((x) => x.id)).toContain('30c/NQ-CP');
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
