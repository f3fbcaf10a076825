import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The floors of docs/architecture.md, read from the imports themselves: a rule broken here is an
 * import someone added, named with its file, not a diagram gone stale.
 */
const ROOT = resolve(import.meta.dirname, '..', '..');

/** Every .ts/.mjs file under a folder, as paths from the repository's root. */
function sources(folder: string): string[] {
  return readdirSync(join(ROOT, folder), { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(ts|mjs)$/.test(f))
    .map((f) => join(folder, f));
}

/** A file's relative imports (static and dynamic), resolved to paths from the repository's root. */
function importsOf(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const specs = [...text.matchAll(/(?:from|import\()\s*['"](\.\.?\/[^'"]+)['"]/g)].map((m) => m[1]!);
  return specs.map((spec) => relative(ROOT, resolve(ROOT, dirname(file), spec)));
}

/** "file → target" for every import of files under `from` that lands under one of `into`. */
function crossings(from: string, into: readonly string[]): string[] {
  return sources(from).flatMap((file) => importsOf(file)
    .filter((target) => into.some((floor) => target === floor || target.startsWith(`${floor}/`)))
    .map((target) => `${file} → ${target}`));
}

describe('the floors of the code (docs/architecture.md)', () => {
  it('finds imports where there are some: the CLI imports the engine', () => {
    expect(crossings('src/cli', ['src/engine']).length).toBeGreaterThan(5);
  });

  it('keep the engine below the commands', () => {
    expect(crossings('src/engine', ['src/cli'])).toEqual([]);
  });

  it('keep util a leaf', () => {
    const outside = sources('src/util').flatMap((file) => importsOf(file).filter((t) => !t.startsWith('src/util/')).map((t) => `${file} → ${t}`));
    expect(outside).toEqual([]);
  });

  it('keep what reads and extracts one document below the engine and the commands', () => {
    for (const floor of ['src/read', 'src/normalize', 'src/segment', 'src/extract', 'src/refine', 'src/check', 'src/rules', 'src/ocr']) {
      expect(crossings(floor, ['src/engine', 'src/cli', 'src/view']), floor).toEqual([]);
    }
  });

  it('keep scripts and tests apart: both share support/, which imports neither', () => {
    expect(crossings('scripts', ['test'])).toEqual([]);
    expect(crossings('test', ['scripts'])).toEqual([]);
    expect(crossings('support', ['test', 'scripts'])).toEqual([]);
    expect(crossings('src', ['test', 'scripts', 'support'])).toEqual([]);
  });
});
