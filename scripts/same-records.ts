/**
 * Identical output, checked: `npm run records -- snapshot OUT.jsonl` writes the record of every
 * document of the corpus, the dev set (docs and legacy files) and a generated archive of 2,000
 * documents (support/archive.ts, fixed seed; PDF and DOCX among them) and the hostile texts of
 * scripts/pathological.ts (200 KB each), one per line in a fixed order; `npm run records --
 * compare BEFORE.jsonl AFTER.jsonl [--ignore a.b,c]` compares two snapshots item by item and prints every difference (record, field path, before, after), exit 1
 * when any. Take a snapshot before a change that must not change output, and one after.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import fg from 'fast-glob';
import { analyzeFile, analyzeText, isAnalysis, textSource } from '../src/pipeline.js';
import { defaultRules } from '../src/rules/compile.js';
import { makeArchive } from '../support/archive.js';
import { PATHOLOGICAL_KINDS } from './pathological.js';

const ROOT = new URL('../', import.meta.url).pathname;

async function snapshot(out: string, archiveSize: number): Promise<void> {
  const rules = defaultRules();
  const archive = mkdtempSync(join(tmpdir(), 'vnreform-records-'));
  try {
    await makeArchive(archive, archiveSize);
    const groups: [string, string, string[]][] = [
      ['corpus', ROOT, await fg('corpus/*.txt', { cwd: ROOT })],
      ['devset', ROOT, await fg(['devset/docs/*.md', 'devset/legacy/files/*'], { cwd: ROOT })],
      ['archive', archive, await fg('**/*', { cwd: archive })],
    ];
    const lines: string[] = [];
    for (const [group, base, files] of groups) {
      for (const file of files.sort()) {
        const result = await analyzeFile(join(base, file), rules);
        const record = isAnalysis(result) ? result.record : result;
        record.source.path = `${group}/${relative(base, join(base, file))}`;
        // A generated PDF or DOCX carries its creation time, so its bytes differ from run to run.
        if (group === 'archive' && record.source.format !== 'text') Object.assign(record.source, { sha256: null, bytes: null });
        lines.push(JSON.stringify(record));
      }
    }
    // Texts built to stress every extractor (scripts/pathological.ts): thousands of items per text,
    // where an index that answers unlike the scan it replaces shows.
    for (const kind of PATHOLOGICAL_KINDS) {
      const text = kind.make(200_000);
      const record = analyzeText(text, textSource(text, `pathological/${kind.name}`), rules).record;
      lines.push(JSON.stringify(record));
    }
    writeFileSync(out, lines.join('\n') + '\n');
    console.log(`${lines.length} records → ${out}`);
  } finally {
    rmSync(archive, { recursive: true, force: true });
  }
}

/** Every leaf where two values differ, as [path, before, after]. */
export function differences(a: unknown, b: unknown, path = '', ignore = new Set<string>()): [string, unknown, unknown][] {
  if (ignore.has(path.replace(/\[\d+\]/g, ''))) return [];
  if (a === b) return [];
  if (Array.isArray(a) && Array.isArray(b)) {
    const out: [string, unknown, unknown][] = [];
    for (let i = 0; i < Math.max(a.length, b.length); i++) out.push(...differences(a[i], b[i], `${path}[${i}]`, ignore));
    return out;
  }
  if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    const out: [string, unknown, unknown][] = [];
    for (const k of keys) out.push(...differences((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], path ? `${path}.${k}` : k, ignore));
    return out;
  }
  return [[path, a, b]];
}

function compare(before: string, after: string, ignore: Set<string>): number {
  const read = (f: string): Map<string, unknown> => new Map(readFileSync(f, 'utf8').split('\n').filter(Boolean).map((l) => {
    const r = JSON.parse(l) as { source: { path: string } };
    return [r.source.path, r];
  }));
  const [a, b] = [read(before), read(after)];
  let differing = 0;
  for (const path of new Set([...a.keys(), ...b.keys()])) {
    const diffs = differences(a.get(path), b.get(path), '', ignore);
    if (!diffs.length) continue;
    differing++;
    console.log(`${path}: ${diffs.length} difference(s)`);
    for (const [p, x, y] of diffs.slice(0, 8)) console.log(`  ${p}: ${JSON.stringify(x)?.slice(0, 160)} → ${JSON.stringify(y)?.slice(0, 160)}`);
  }
  console.log(`${a.size} records before, ${b.size} after; ${differing} differ`);
  return differing ? 1 : 0;
}

const [command, ...args] = process.argv.slice(2);
if (command === 'snapshot' && args[0]) await snapshot(args[0], Number(process.env.RECORDS_ARCHIVE ?? 2000));
else if (command === 'compare' && args[0] && args[1]) {
  const i = args.indexOf('--ignore');
  process.exitCode = compare(args[0], args[1], new Set(i >= 0 ? args[i + 1]!.split(',') : []));
} else {
  console.error('usage: npm run records -- snapshot OUT.jsonl | compare BEFORE.jsonl AFTER.jsonl [--ignore path,path]');
  process.exitCode = 2;
}
