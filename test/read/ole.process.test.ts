import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { damagedDocs } from '../helpers/bad-files.js';
import { tempDir } from '../helpers/temp.js';

const ROOT = new URL('../../', import.meta.url).pathname;
const FIXTURES = join(ROOT, 'test/fixtures/doc');

describe('the OLE2 check in a batch run (a process of its own)', () => {
  // word-extractor pushed the sector numbers of a looping chain into an array until V8 aborted the
  // whole process (exit 133): no record for any file of the batch. Run in a child process, so that
  // the old behaviour fails this test instead of taking the test runner down.
  it('gives each damaged .doc corrupt-doc with what is damaged, and the batch goes on to the sound file', () => {
    const dir = tempDir('damaged-doc');
    const sound = readFileSync(join(FIXTURES, 'kien-giang_2020_q3_bao-cao-cchc.doc'));
    const damaged = damagedDocs(sound);
    for (const { name, bytes } of damaged) writeFileSync(join(dir, `${name}.doc`), bytes);
    writeFileSync(join(dir, 'zz-sound.doc'), sound);
    const started = Date.now();
    const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), 'extract', dir, '--jobs', '1', '--max-memory', '256', '--quiet'], {
      cwd: ROOT, encoding: 'utf8', timeout: 60_000, maxBuffer: 64 * 1024 * 1024,
    });
    expect(r.signal).toBeNull();
    expect(r.status).toBe(1);
    const records = r.stdout.trim().split('\n').map((line) => JSON.parse(line));
    const byName = new Map(records.map((rec) => [rec.source.path.replace(/^.*\//, '').replace(/\.doc$/, ''), rec.errors]));
    expect([...byName.keys()].sort()).toEqual([...damaged.map((d) => d.name), 'zz-sound'].sort());
    for (const { name } of damaged) {
      expect(byName.get(name), name).toEqual([{ code: 'corrupt-doc', message: expect.stringMatching(/^the Word 97-2003 file is damaged: /) }]);
    }
    expect(byName.get('word-stream-loop')[0].message).toMatch(/WordDocument stream: its sector chain loops back/);
    expect(byName.get('fat-count-absurd')[0].message).toMatch(/declares 2000000 FAT sectors; the file has 121 sectors/);
    expect(byName.get('zz-sound')).toEqual([]);
    expect(Date.now() - started).toBeLessThan(30_000);
  }, 70_000);
});
