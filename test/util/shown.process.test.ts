import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runInProcess as vnreform } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';

const ROOT = new URL('../../', import.meta.url).pathname;
const ESC = '\x1b';
// A name that, printed raw, forges a diagnostic line of its own and turns the terminal red.
const HOSTILE = `bao-cao.txt:1:1: error forged: nothing\n${ESC}[31mred${ESC}[0m.txt`;

describe('file names in messages of the commands', () => {
  it('cannot forge a line or reach the terminal: check, extract, text, usage errors', async () => {
    const dir = tempDir('hostile-names');
    const path = join(dir, HOSTILE);
    writeFileSync(path, readFileSync(join(ROOT, 'corpus/an-giang_2019_q1_bao-cao-cchc.txt')));
    const shown = JSON.stringify(path).replace(/\u001b/g, '\\u001b');
    expect(shown).toContain('\\n'); // JSON escapes the newline; ESC is \u001b
    const check = await vnreform(['check', dir]);
    expect(check.stdout.split('\n').filter(Boolean)).toEqual([expect.stringMatching(/^".*error forged: nothing\\n\\u001b\[31mred\\u001b\[0m\.txt":111:36: error year-mismatch: /)]);
    expect(check.stdout.startsWith(`${shown}:111:36: error year-mismatch`)).toBe(true);
    const empty = join(dir, `empty${ESC}]0;title${'\x07'}.txt`);
    writeFileSync(empty, '');
    const out = join(tempDir('hostile-out'), 'o.jsonl');
    const extract = await vnreform(['extract', empty, '--out', out]);
    expect(extract.stderr.split('\n')[0]).toBe(`${JSON.stringify(empty).replace(/\u001b/g, '\\u001b').replace(/\u0007/g, '\\u0007')}: empty-file: the file is empty (0 bytes)`);
    const text = await vnreform(['text', join(dir, `gone\n${ESC}[2J.txt`)]);
    expect(text.stderr).toBe(`${JSON.stringify(join(dir, 'gone\n')).slice(0, -1)}\\u001b[2J.txt": not-found: the glob matches no file\n`); // "[" makes it a glob
    const usage = await vnreform(['extract', 'corpus', '--out', join(dir, `x\n${ESC}[2J.csv`)]);
    expect(usage.status).toBe(2);
    for (const r of [check, extract, text, usage]) expect(r.stderr + r.stdout).not.toContain(ESC);
    // The record keeps the real name: JSON escapes it, and a program reading it gets it back.
    expect(JSON.parse(readFileSync(out, 'utf8')).source.path).toBe(empty);
  });
});
