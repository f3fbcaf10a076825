import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readdirSync, symlinkSync, writeFileSync, type Dirent } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expandInputs, walkFolder } from '../../src/cli/inputs.js';
import { tempDir } from '../helpers/temp.js';

const ROOT = new URL('../../', import.meta.url).pathname;
const REPORT = 'Thực hiện Quyết định số 985/QĐ-UBND ngày 12/5/2021 của UBND tỉnh Cà Mau';

/** An archive folder as researchers keep them: mixed extensions, editor and VCS leftovers, links. */
function archive(): string {
  const dir = tempDir('inputs');
  const put = (rel: string, text = REPORT) => {
    mkdirSync(join(dir, rel, '..'), { recursive: true });
    writeFileSync(join(dir, rel), text);
  };
  put('a.txt');
  put('B.PDF', '%PDF-1.4 broken');
  put('tong-hop.xlsx');
  put('README');
  put('.DS_Store');
  put('.git/objects/ab/cd.txt');
  put('Quy 1/bao-cao.md');
  put('Quy 1/.cache/nhap.txt');
  put('Quy 1/2024/ket-luan.docx');
  symlinkSync('a.txt', join(dir, 'alias.txt'));
  symlinkSync('nowhere.txt', join(dir, 'dangling.txt'));
  symlinkSync('Quy 1', join(dir, 'shortcut')); // a link to a folder: listed, not walked into
  return dir;
}

describe('expanding folders', () => {
  it('reads the known extensions of every subfolder, counts the rest and the hidden entries, drops nothing', async () => {
    const dir = archive();
    const { inputs, skipped, hidden } = await expandInputs([dir]);
    expect(inputs.map((i) => (i.kind === 'stdin' ? '-' : i.path.slice(dir.length + 1)))).toEqual([
      'B.PDF', 'Quy 1/2024/ket-luan.docx', 'Quy 1/bao-cao.md', 'a.txt', 'alias.txt', 'dangling.txt',
    ]);
    expect(Object.fromEntries(skipped)).toEqual({ xlsx: 1, '(none)': 2 });
    expect(hidden).toBe(3); // .DS_Store, .git (one folder, not walked) and Quy 1/.cache
  });

  it('gives a folder it cannot list an error record of its own and still lists its siblings', () => {
    const dir = archive();
    const locked = join(dir, 'Quy 1', '2024');
    const list = (path: string): Dirent[] => {
      if (path === locked) throw Object.assign(new Error(`EACCES: permission denied, scandir '${path}'`), { code: 'EACCES' });
      return readdirSync(path, { withFileTypes: true });
    };
    const walked = walkFolder(dir, list);
    expect(walked.unlisted).toEqual([{ path: locked, error: { code: 'permission-denied', message: expect.stringMatching(/cannot be listed: EACCES/) } }]);
    expect(walked.files.map((p) => p.slice(dir.length + 1))).toContain('Quy 1/bao-cao.md');
    expect(walked.files.some((p) => p.startsWith(locked))).toBe(false);
  });

  it('takes files, globs, missing paths and standard input in the order given, each file once', async () => {
    const dir = archive();
    const { inputs } = await expandInputs([join(dir, 'a.txt'), `${dir}/*.txt`, join(dir, 'khong-co.txt'), '-', dir]);
    const shown = inputs.map((i) => (i.kind === 'stdin' ? '-' : i.kind === 'failed' ? `${i.code}:${i.path.slice(dir.length + 1)}` : i.path.slice(dir.length + 1)));
    expect(shown).toEqual([
      'a.txt', 'alias.txt', 'dangling.txt', 'not-found:khong-co.txt', '-', 'B.PDF', 'Quy 1/2024/ket-luan.docx', 'Quy 1/bao-cao.md',
    ]);
  });
});

describe('the run summary', () => {
  it('says how many files were left out by extension and as hidden', () => {
    const dir = archive();
    const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), 'extract', dir, '--out', join(tempDir('inputs-out'), 'o.jsonl')], { cwd: ROOT, encoding: 'utf8' });
    expect(r.stderr).toMatch(/6 input\(s\), 4 read, 2 failed/); // B.PDF is corrupt, dangling.txt leads nowhere
    expect(r.stderr).toMatch(/left out by extension: 2 without extension, 1 \.xlsx\n/);
    expect(r.stderr).toMatch(/left out as hidden \(name starts with "\."\): 3 /);
    expect(r.stderr).toMatch(/dangling\.txt: not-found: the path is a symbolic link to a file that does not exist/);
  });

  it('writes an error record for a folder it may not list (as root, through the CLI run as nobody)', () => {
    const dir = archive();
    chmodSync(dir, 0o755);
    const locked = join(dir, 'Quy 1');
    chmodSync(locked, 0o000);
    const asNobody = (args: string[]) => spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, ...args], { cwd: ROOT, encoding: 'utf8' });
    if (process.getuid?.() !== 0 || asNobody(['-e', `require('node:fs').accessSync(${JSON.stringify(join(ROOT, 'src/cli/main.ts'))})`]).status !== 0) return;
    const r = asNobody(['--import', 'tsx', 'src/cli/main.ts', 'extract', dir, '--quiet']);
    chmodSync(locked, 0o755);
    expect(r.status).toBe(1);
    const records = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    const failed = records.find((x) => x.source.path === locked);
    expect(failed.errors).toEqual([{ code: 'permission-denied', message: expect.stringMatching(/the folder cannot be listed/) }]);
    expect(records.some((x) => x.source.path.endsWith('/a.txt') && x.errors.length === 0)).toBe(true);
    // The folder's record stands in path order among the files, as every record does.
    expect(records.map((x) => x.source.path.slice(dir.length + 1))).toEqual(['B.PDF', 'Quy 1', 'a.txt', 'alias.txt', 'dangling.txt']);
  });
});
