/**
 * A merge conflict resolved badly once landed in README.md (its "<<<<<<< HEAD" … ">>>>>>> cli"
 * lines read as part of the docs for a week): no tracked text file may hold such lines.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fg from 'fast-glob';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../../', import.meta.url).pathname;

describe('the repository', () => {
  it('holds no merge-conflict markers in its sources, docs, rules or scripts', async () => {
    const files = await fg(['*.md', '{src,test,support,scripts,docs,rules}/**/*.{ts,mjs,js,md,json,yaml,sbatch}', '.ci/run'], { cwd: ROOT, dot: true, ignore: ['**/node_modules/**'] });
    expect(files.length).toBeGreaterThan(100);
    const marked = files.filter((f) => /^(?:<{7}|={7}|>{7})(?: |$)/m.test(readFileSync(join(ROOT, f), 'utf8')));
    expect(marked).toEqual([]);
  });
});
