import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync, type Dirent } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expandInputs, walkFolder } from '../../src/engine/inputs.js';
import { pathForFs } from '../../src/read/file-name.js';
import { runInProcess as vnreform } from '../helpers/cli.js';
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
    // .DS_Store, .git (one folder, not walked into) and Quy 1/.cache, by path
    expect(hidden.map((p) => p.slice(dir.length + 1))).toEqual(['.DS_Store', '.git', 'Quy 1/.cache']);
  });

  it('gives a folder it cannot list an error record of its own and still lists its siblings', () => {
    const dir = archive();
    const locked = join(dir, 'Quy 1', '2024');
    const list = (path: string): Dirent<Buffer>[] => {
      if (path === locked) throw Object.assign(new Error(`EACCES: permission denied, scandir '${path}'`), { code: 'EACCES' });
      return readdirSync(path, { withFileTypes: true, encoding: 'buffer' });
    };
    const walked = walkFolder(dir, list);
    expect(walked.unlisted).toEqual([{ path: locked, error: { code: 'permission-denied', message: expect.stringMatching(/cannot be listed: EACCES/) } }]);
    expect(walked.files.map((p) => p.slice(dir.length + 1))).toContain('Quy 1/bao-cao.md');
    expect(walked.files.some((p) => p.startsWith(locked))).toBe(false);
  });

  it('reads files whose names are not UTF-8 (unzipped from Windows), each under its own reversible path', async () => {
    const dir = tempDir('names');
    // "báo cáo 2019" in CP1258 (á = E1) and in TCVN3 (á = B8): Node alone reads both as "b�o c�o", one path.
    const names = [Buffer.from('b\xe1o c\xe1o 2019.txt', 'latin1'), Buffer.from('b\xb8o c\xb8o 2019.txt', 'latin1'), Buffer.from('Báo cáo 2020.txt')];
    const texts = ['Thực hiện Nghị định số 61/2018/NĐ-CP ngày 23/4/2018', 'Căn cứ Thông tư số 01/2023/TT-VPCP ngày 05/4/2023', 'Theo Chỉ thị số 23/CT-TTg ngày 02/8/2024'];
    names.forEach((name, i) => writeFileSync(Buffer.concat([Buffer.from(`${dir}/`), name]), texts[i]!));
    const { inputs } = await expandInputs([dir]);
    const paths = inputs.map((i) => (i.kind === 'file' ? i.path : ''));
    expect(new Set(paths).size).toBe(3);
    expect(paths.map((p) => Buffer.from(pathForFs(p)).toString('latin1'))).toEqual(
      expect.arrayContaining(names.map((n) => `${dir}/${n.toString('latin1')}`)),
    );
    expect(paths).toContain(`${dir}/Báo cáo 2020.txt`); // a UTF-8 name is left as it is
    expect(paths).toContain(`${dir}/b\udce1o c\udce1o 2019.txt`); // what Python's os.fsdecode gives
    const out = join(tempDir('names-out'), 'o.jsonl');
    await vnreform(['extract', dir, '--out', out, '--quiet']);
    const records = readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(records.map((r) => r.errors)).toEqual([[], [], []]);
    expect(records.map((r) => r.references[0].id).sort()).toEqual(['01/2023/TT-VPCP', '23/CT-TTg', '61/2018/NĐ-CP']);
    expect(readFileSync(out, 'utf8')).toContain('b\\udce1o c\\udce1o 2019.txt'); // JSON escapes a lone surrogate
    // One JSON file per input: the two names that look alike on disk must not overwrite each other.
    const folder = join(tempDir('names-dir'), 'records');
    await vnreform(['extract', dir, '--out', folder, '--quiet']);
    expect(readdirSync(folder)).toHaveLength(3);
    // Named on the command line, the bytes arrive decoded with U+FFFD: say so, and what to do.
    const typed = await expandInputs([`${dir}/b\uFFFDo c\uFFFDo 2019.txt`]);
    expect(typed.inputs).toEqual([expect.objectContaining({ kind: 'failed', code: 'not-found', message: expect.stringMatching(/not UTF-8 .* name its folder/) })]);
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
  it('says how many files were left out by extension and as hidden', async () => {
    const dir = archive();
    const r = await vnreform(['extract', dir, '--out', join(tempDir('inputs-out'), 'o.jsonl')]);
    expect(r.stderr).toMatch(/6 input\(s\), 4 read, 2 failed/); // B.PDF is corrupt, dangling.txt leads nowhere
    expect(r.stderr).toMatch(/left out by extension: 2 without extension, 1 \.xlsx\n/);
    expect(r.stderr).toContain(`left out as hidden (name starts with "."): 3 file(s) or folder(s): ${JSON.stringify(join(dir, '.DS_Store'))}, ${JSON.stringify(join(dir, '.git'))}, ${JSON.stringify(join(dir, 'Quy 1/.cache'))}; name one to read it\n`);
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
    // Listable again: a resumed run drops the folder's record and reads its files.
    const work = tempDir('unlisted-out');
    chmodSync(work, 0o777);
    const out = join(work, 'o.jsonl');
    chmodSync(locked, 0o000);
    asNobody(['--import', 'tsx', 'src/cli/main.ts', 'extract', dir, '--out', out, '--quiet']);
    chmodSync(locked, 0o755);
    asNobody(['--import', 'tsx', 'src/cli/main.ts', 'extract', dir, '--out', out, '--resume', '--quiet']);
    const resumed = readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l).source.path.slice(dir.length + 1));
    expect(resumed.sort()).toEqual(['B.PDF', 'Quy 1/2024/ket-luan.docx', 'Quy 1/bao-cao.md', 'a.txt', 'alias.txt', 'dangling.txt']);
  });
});
