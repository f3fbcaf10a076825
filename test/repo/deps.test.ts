import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/**
 * The README says Node.js 20 or newer: no installed package may ask for a newer Node than the
 * latest 20 (nanoid 6 asked for ^22 || ^24 || >=26 and npm warned on every install).
 */
type Version = [number, number, number];
const parse = (v: string): Version => {
  const [a = 0, b = 0, c = 0] = v.replace(/^v/, '').split('.').map((x) => (x === 'x' || x === '*' ? 0 : Number(x)));
  return [a, b, c];
};
const cmp = (a: Version, b: Version): number => a[0] - b[0] || a[1] - b[1] || a[2] - b[2];

/** Does `version` satisfy a range of npm's common forms (||, ^, ~, >=, >, <=, <, =, x, *)? */
function satisfies(version: string, range: string): boolean {
  const v = parse(version);
  return range.replace(/(>=|<=|>|<|=|\^|~)\s+/g, '$1').split('||').some((alt) => alt.trim().split(/\s+/).filter(Boolean).every((c) => {
    if (c === '*' || c === 'x') return true;
    const m = /^(\^|~|>=|<=|>|<|=)?v?(\d+(?:\.(?:\d+|x|\*))?(?:\.(?:\d+|x|\*))?)$/.exec(c);
    if (!m) return true;
    const op = m[1] ?? '';
    const w = parse(m[2]!);
    const d = cmp(v, w);
    if (op === '^') return d >= 0 && v[0] === w[0];
    if (op === '~') return d >= 0 && v[0] === w[0] && v[1] === w[1];
    if (op === '>=') return d >= 0;
    if (op === '>') return d > 0;
    if (op === '<=') return d <= 0;
    if (op === '<') return d < 0;
    return m[2]!.split('.').length < 3 ? v[0] === w[0] : d === 0;
  }));
}

describe('dependencies and the Node version the README states', () => {
  it('reads ranges as npm does', () => {
    expect(satisfies('20.99.99', '^22 || ^24 || >=26')).toBe(false);
    expect(satisfies('20.99.99', '^20.19.0 || >=22.12.0')).toBe(true);
    expect(satisfies('20.99.99', '>=18')).toBe(true);
    expect(satisfies('20.99.99', '>= 14.17')).toBe(true);
  });

  it('has no installed package that asks for a Node newer than 20', () => {
    const lock = JSON.parse(readFileSync(new URL('../../package-lock.json', import.meta.url), 'utf8')) as { packages: Record<string, { engines?: { node?: string } }> };
    const newer = Object.entries(lock.packages)
      .filter(([, p]) => typeof p.engines?.node === 'string' && !satisfies('20.99.99', p.engines.node))
      .map(([name, p]) => `${name} ${p.engines!.node}`);
    expect(newer).toEqual([]);
  });
});
