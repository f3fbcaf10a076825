import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makePdf } from '../../support/format-fixtures.js';
import { runInProcess as vnreform } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';

const ROOT = new URL('../../', import.meta.url).pathname;
const REPORT = 'corpus/an-giang_2019_q1_bao-cao-cchc.txt';

/** check's findings as path, line, column, code and page. */
async function findings(path: string): Promise<{ line: number; column: number; code: string; page: number | null }[]> {
  const r = await vnreform(['check', path, '--quiet']);
  return r.stdout.trim().split('\n').map((l) => {
    const m = /:(\d+):(\d+): \w+ ([a-z-]+): .*?(?: \(p\. (\d+)\))?$/.exec(l)!;
    return { line: Number(m[1]), column: Number(m[2]), code: m[3]!, page: m[4] ? Number(m[4]) : null };
  });
}

/** `text`'s numbered lines: number → line. */
function numbered(stdout: string): Map<number, string> {
  const lines = new Map<number, string>();
  for (const l of stdout.split('\n')) {
    const m = /^ *(\d+)\t(.*)$/.exec(l);
    if (m) lines.set(Number(m[1]), m[2]!);
  }
  return lines;
}

describe('vnreform text', () => {
  it('numbers a text file\'s lines so that check\'s line:col is found there', async () => {
    const [finding] = await findings(REPORT);
    expect(finding).toMatchObject({ line: 111, column: 36, code: 'year-mismatch', page: null });
    const r = await vnreform(['text', REPORT]);
    expect([r.status, r.stderr]).toEqual([0, '']);
    const lines = numbered(r.stdout);
    const source = readFileSync(join(ROOT, REPORT), 'utf8').split('\n');
    expect(lines.size).toBe(source.at(-1) === '' ? source.length - 1 : source.length);
    expect(lines.get(finding!.line)!.slice(finding!.column - 1)).toMatch(/^Nghị định 130\/2005\/NĐ-CP ngày 17\/10\/2015/);
    // Right-aligned numbers, a tab, the line as it is; no page lines for a text.
    expect(r.stdout.split('\n')[0]).toBe(`  1\t${source[0]}`);
    expect(r.stdout).not.toContain('==> page');
    // --plain: the text alone, line for line, each ended by a newline (this file's last has none).
    expect((await vnreform(['text', REPORT, '--plain'])).stdout).toBe(`${readFileSync(join(ROOT, REPORT), 'utf8')}\n`);
  });

  it('shows a PDF as read, page by page, and --page N keeps the numbers of the whole text', async () => {
    const path = join(tempDir('text-pdf'), 'bao-cao.pdf');
    writeFileSync(path, await makePdf(readFileSync(join(ROOT, REPORT), 'utf8'), { footnotes: ['1 Ghi chú của trang một'] }));
    const [finding] = await findings(path);
    expect(finding!.code).toBe('year-mismatch');
    expect(finding!.page).toBeGreaterThan(1);
    const whole = await vnreform(['text', path]);
    const headers = whole.stdout.split('\n').filter((l) => l.startsWith('==>'));
    expect(headers.slice(0, 3)).toEqual(['==> page 1 <==', '==> page 2 <==', '==> page 3 <==']);
    expect(headers.at(-1)).toBe('==> page 1, footnotes <==');
    expect(numbered(whole.stdout).get(finding!.line)!.slice(finding!.column - 1)).toMatch(/^Nghị định 130\/2005\/NĐ-CP ngày 17\/10\/2015/);
    const page = await vnreform(['text', path, '--page', String(finding!.page)]);
    expect(page.stdout.split('\n')[0]).toBe(`==> page ${finding!.page} <==`);
    const pageLines = numbered(page.stdout);
    expect(pageLines.get(finding!.line)).toBe(numbered(whole.stdout).get(finding!.line));
    expect(pageLines.has(1)).toBe(false);
    // Page 1 holds its footnote, printed after the body.
    expect((await vnreform(['text', path, '--page', '1'])).stdout).toMatch(/==> page 1, footnotes <==\n *\d+\t1 Ghi chú của trang một\n/);
    // --plain: the text check counts in, line for line.
    const plain = (await vnreform(['text', path, '--plain'])).stdout.split('\n');
    expect(plain[finding!.line - 1]!.slice(finding!.column - 1)).toMatch(/^Nghị định 130\/2005/);
  });

  it('says what is wrong, with the documented exit status', async () => {
    const dir = tempDir('text-errors');
    const pdf = join(dir, 'one.pdf');
    writeFileSync(pdf, await makePdf('BÁO CÁO\nKết quả công tác cải cách hành chính quý I năm 2019 của Ủy ban nhân dân tỉnh An Giang.'));
    const outOfRange = await vnreform(['text', pdf, '--page', '2']);
    expect([outOfRange.status, outOfRange.stdout]).toEqual([2, '']);
    expect(outOfRange.stderr).toContain(`--page 2: ${pdf} has 1 page(s)`);
    expect((await vnreform(['text', REPORT, '--page', '1'])).stderr).toContain('has no pages (it is text; a PDF has pages)');
    expect((await vnreform(['text', pdf, '--page', 'two'])).status).toBe(2);
    expect((await vnreform(['text', REPORT, pdf])).stderr).toContain('text reads one file');
    expect((await vnreform(['text', 'corpus'])).stderr).toContain('is a folder or a glob');
    const missing = await vnreform(['text', join(dir, 'missing.txt')]);
    expect([missing.status, missing.stdout, missing.stderr]).toEqual([1, '', `${join(dir, 'missing.txt')}: not-found: no such file, folder or matching glob\n`]);
    const empty = join(dir, 'empty.txt');
    writeFileSync(empty, '');
    expect(await vnreform(['text', empty])).toEqual({ status: 1, stdout: '', stderr: `${empty}: empty-file: the file is empty (0 bytes)\n` });
  });

  it('reads standard input with -', async () => {
    const r = await vnreform(['text', '-'], 'một\nhai\n');
    expect(r.stdout).toBe('1\tmột\n2\thai\n');
  });
});
