import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { followChain, oleLayout } from '../../src/read/ole.js';
import { damagedDocs } from '../helpers/bad-files.js';
import { tempDir } from '../helpers/temp.js';

const ROOT = new URL('../../', import.meta.url).pathname;
const FIXTURES = join(ROOT, 'test/fixtures/doc');
const LEGACY = join(ROOT, 'devset/legacy/files');

const realDocs = (): string[] => [
  ...readdirSync(FIXTURES).map((f) => join(FIXTURES, f)),
  ...readdirSync(LEGACY).filter((f) => f.endsWith('.doc')).map((f) => join(LEGACY, f)),
];

describe('the OLE2 check before word-extractor (src/read/ole.ts)', () => {
  it('passes every real .doc of the fixtures and the legacy development set', () => {
    const docs = realDocs();
    expect(docs.length).toBeGreaterThan(40);
    for (const path of docs) {
      const layout = oleLayout(readFileSync(path));
      expect(layout.streams.map((s) => s.name), path).toContain('WordDocument');
    }
  });

  it('stops at a chain that loops or leaves the table, naming the sector', () => {
    const table = Int32Array.from([1, 2, 0, -2]);
    expect(() => followChain(table, 0, 4, 'the WordDocument stream')).toThrow(expect.objectContaining({
      code: 'corrupt-doc', message: expect.stringMatching(/WordDocument stream: its sector chain loops back to sector 0/),
    }));
    expect(() => followChain(Int32Array.from([1, 9, -2]), 0, 3, 'the directory')).toThrow(/reaches sector 9, past the last one \(2\)/);
    expect(followChain(Int32Array.from([3, -2, -1, 1]), 0, 4, 'x')).toEqual([0, 3, 1]);
    expect(followChain(table, -2, 4, 'no stream')).toEqual([]);
  });

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
