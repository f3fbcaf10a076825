import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readBytes, readFileBytes } from '../../src/read/index.js';
import { tempDir } from '../helpers/temp.js';

const ROOT = new URL('../../', import.meta.url).pathname;


describe('reading limits and permissions through the CLI run as a process', () => {
  it('takes another limit from --max-size, in the worker threads too, and refuses a nonsense one', () => {
    const cli = (args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), ...args], { cwd: ROOT, encoding: 'utf8', timeout: 300_000 });
    const report = 'corpus/kien-giang_2020_q3_bao-cao-cchc.txt'; // 31 KB
    const small = cli(['extract', report, '--max-size', '0.01', '--quiet']);
    expect(small.status).toBe(1);
    expect(JSON.parse(small.stdout).errors[0]).toMatchObject({ code: 'too-large', message: expect.stringMatching(/limit is 10485 bytes \(10 KB; --max-size MB sets it\)/) });
    expect(JSON.parse(cli(['extract', report, '--max-size', '1', '--quiet']).stdout).errors).toEqual([]);
    expect(cli(['extract', report, '--max-size', '0']).status).toBe(2);
  });

  it('gives permission-denied for a file it may not read (as root, through the CLI run as nobody)', async () => {
    const dir = tempDir('perm');
    chmodSync(dir, 0o755);
    const file = join(dir, 'locked.txt');
    writeFileSync(file, 'Quyết định số 985/QĐ-UBND ngày 12/5/2021 của UBND tỉnh Cà Mau');
    chmodSync(file, 0o000);
    if (process.getuid?.() !== 0) {
      expect(() => readFileBytes(file)).toThrow(expect.objectContaining({ code: 'permission-denied' }));
      return;
    }
    // Root reads everything: the check needs another user, which setpriv gives where it exists.
    const asNobody = (args: string[]) => spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, ...args], { cwd: ROOT, encoding: 'utf8' });
    if (asNobody(['-e', `require('node:fs').accessSync(${JSON.stringify(join(ROOT, 'src/cli/main.ts'))})`]).status !== 0) {
      await expect(readBytes(readFileBytes(file), file)).resolves.toMatchObject({ encoding: 'utf-8' });
      return;
    }
    const r = asNobody(['--import', 'tsx', 'src/cli/main.ts', 'extract', file, '--quiet']);
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout).errors).toEqual([{ code: 'permission-denied', message: 'the file cannot be read: permission denied' }]);
  });
});
