/**
 * The same output from two versions of the command line, byte for byte: `npm run same-output --
 * [--before REV] [--archive N] [--ignore a.b,c] [--keep DIR] [FOLDER…]` builds REV (default main)
 * from `git archive` in a temporary folder and this working tree, then runs both CLIs on the same
 * inputs — the corpus, the dev set (docs and legacy files), any FOLDER given (../shared/devset/docs)
 * and one generated archive of N documents (support/archive.ts, default 2,000; made once, so
 * its PDF and DOCX files are the same bytes for both) — through `extract` (JSON Lines), `check`
 * (text, --across, json, sarif), `compare` (wide and long CSV, json) and `view` (a page per
 * document), and compares every standard output, exit status and page. Records are compared line by line; with --ignore, fields a
 * change added (paths like `source.foo`) are left out of that comparison. Exit 1 on any difference.
 */
import { spawnSync, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { makeArchive } from '../support/archive.js';

const ROOT = resolve(import.meta.dirname, '..');

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    before: { type: 'string', default: 'main' },
    archive: { type: 'string', default: '2000' },
    ignore: { type: 'string', default: '' },
    keep: { type: 'string' },
    /** extract's --jobs (check and compare take their default, as a version before the engine had no --jobs for them). */
    jobs: { type: 'string', default: '2' },
  },
});

/** The commands compared: each is run on every set of inputs; `out` is extract's JSON Lines file. */
const COMMANDS: { name: string; args: (inputs: string[], out: string) => string[] }[] = [
  { name: 'extract', args: (inputs, out) => ['extract', ...inputs, '--out', out, '--quiet', '--jobs', values.jobs!] },
  { name: 'check', args: (inputs) => ['check', ...inputs, '--quiet'] },
  { name: 'check --across', args: (inputs) => ['check', ...inputs, '--across', '--quiet'] },
  { name: 'check --format json', args: (inputs) => ['check', ...inputs, '--format', 'json', '--quiet'] },
  { name: 'check --format sarif', args: (inputs) => ['check', ...inputs, '--format', 'sarif', '--quiet'] },
  { name: 'compare', args: (inputs) => ['compare', ...inputs, '--quiet'] },
  { name: 'compare --long', args: (inputs) => ['compare', ...inputs, '--long', '--quiet'] },
  { name: 'compare --format json', args: (inputs) => ['compare', ...inputs, '--format', 'json', '--quiet'] },
  // A folder of pages: `out` is the folder, its files compared one by one.
  { name: 'view', args: (inputs, out) => ['view', ...inputs, '--out', out, '--quiet'] },
];

/** REV's sources from git (no worktree, nothing in the repository touched), built with this tree's packages. */
function buildRev(rev: string, dir: string): string {
  mkdirSync(dir, { recursive: true });
  execFileSync('sh', ['-c', `git -C "${ROOT}" archive "${rev}" | tar -x -C "${dir}"`], { stdio: 'inherit' });
  if (!existsSync(join(dir, 'node_modules'))) symlinkSync(realpathSync(join(ROOT, 'node_modules')), join(dir, 'node_modules'));
  build(dir);
  return join(dir, 'dist/cli/main.js');
}

function build(dir: string): void {
  execFileSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', join(dir, 'tsconfig.build.json')], { cwd: dir, stdio: 'inherit' });
}

interface Ran {
  status: number | null;
  stdout: Buffer;
  /** What the command wrote to `out`: a file's bytes, or a folder's files by name. */
  out: Buffer | Map<string, Buffer> | null;
  seconds: number;
}

function written(out: string): Ran['out'] {
  if (!existsSync(out)) return null;
  if (!statSync(out).isDirectory()) return readFileSync(out);
  return new Map(readdirSync(out).sort().map((name) => [name, readFileSync(join(out, name))]));
}

/** Pages compared file by file. */
function samePages(before: Map<string, Buffer>, after: Map<string, Buffer>): string[] {
  const names = [...new Set([...before.keys(), ...after.keys()])].sort();
  return names.filter((n) => !before.get(n)?.equals(after.get(n) ?? Buffer.alloc(0)) || !after.has(n)).slice(0, 10).map((n) => `page ${n} differs`);
}

function run(cli: string, args: string[], out: string): Ran {
  const t0 = performance.now();
  // The environment of both runs is the same; VNREFORM_OCR=never so that tesseract's presence is no difference.
  const r = spawnSync(process.execPath, [cli, ...args], {
    cwd: ROOT, maxBuffer: 1 << 30, env: { ...process.env, VNREFORM_OCR: process.env.VNREFORM_OCR ?? 'never' },
  });
  return { status: r.status, stdout: r.stdout, out: written(out), seconds: (performance.now() - t0) / 1000 };
}

/** Paths of the leaves where two JSON values differ, fields in `ignore` (dotted, no indexes) left out. */
function differences(a: unknown, b: unknown, ignore: ReadonlySet<string>, path = ''): string[] {
  if (ignore.has(path)) return [];
  if (a === b) return [];
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].flatMap((k) => differences((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], ignore,
      Array.isArray(a) ? path : path ? `${path}.${k}` : k));
  }
  return [path || '(top)'];
}

/** Records compared line by line: equal bytes, or equal once the ignored fields are left out. */
function sameRecords(before: Buffer, after: Buffer, ignore: ReadonlySet<string>): string[] {
  if (before.equals(after)) return [];
  const a = before.toString('utf8').split('\n');
  const b = after.toString('utf8').split('\n');
  if (a.length !== b.length) return [`${a.length - 1} records before, ${b.length - 1} after`];
  const problems: string[] = [];
  for (let i = 0; i < a.length; i++) {
    if (a[i] === b[i]) continue;
    const diffs = ignore.size ? differences(JSON.parse(a[i]!), JSON.parse(b[i]!), ignore) : ['(bytes)'];
    if (diffs.length) problems.push(`record ${i + 1}: ${diffs.slice(0, 5).join(', ')}`);
  }
  return problems;
}

const work = values.keep ?? mkdtempSync(join(tmpdir(), 'vnreform-same-output-'));
mkdirSync(work, { recursive: true });
try {
  console.log(`building ${values.before} and this working tree…`);
  const beforeCli = buildRev(values.before!, join(work, 'before'));
  build(ROOT);
  const afterCli = join(ROOT, 'dist/cli/main.js');
  const archive = join(work, 'archive');
  const n = Number(values.archive);
  if (n > 0 && !existsSync(archive)) await makeArchive(archive, n);
  const sets: [string, string[]][] = [
    ['corpus', ['corpus']],
    ['devset', ['devset/docs', 'devset/legacy/files']],
    ...positionals.map((folder): [string, string[]] => [folder, [resolve(folder)]]),
    ...(n > 0 ? [[`archive of ${n}`, [archive]] as [string, string[]]] : []),
  ];
  const ignore = new Set(values.ignore!.split(',').filter(Boolean));
  let differing = 0;
  for (const [set, inputs] of sets) {
    for (const command of COMMANDS) {
      const outOf = (side: string): string => join(work, `${side}-${set.replace(/\W+/g, '-')}-${command.name.replace(/\W+/g, '-')}.jsonl`);
      rmSync(outOf('before'), { force: true, recursive: true });
      rmSync(outOf('after'), { force: true, recursive: true });
      const before = run(beforeCli, command.args(inputs, outOf('before')), outOf('before'));
      const after = run(afterCli, command.args(inputs, outOf('after')), outOf('after'));
      const problems = [
        ...(before.status !== after.status ? [`exit ${before.status} before, ${after.status} after`] : []),
        ...(before.stdout.equals(after.stdout) ? [] : [`standard output differs (${before.stdout.length} and ${after.stdout.length} bytes)`]),
        ...(before.out instanceof Map && after.out instanceof Map ? samePages(before.out, after.out)
          : Buffer.isBuffer(before.out) && Buffer.isBuffer(after.out) ? sameRecords(before.out, after.out, ignore)
            : before.out || after.out ? ['one side wrote nothing'] : []),
      ];
      differing += problems.length ? 1 : 0;
      const size = after.out instanceof Map ? `${after.out.size} pages` : after.out ? `${after.out.toString('utf8').split('\n').length - 1} records` : `${after.stdout.length} bytes`;
      console.log(`${problems.length ? 'DIFFERS' : 'same   '}  ${set.padEnd(18)} ${command.name.padEnd(22)} ${size.padStart(14)}  ${before.seconds.toFixed(1)} s → ${after.seconds.toFixed(1)} s`);
      for (const p of problems.slice(0, 10)) console.log(`           ${p}`);
    }
  }
  console.log(differing ? `${differing} output(s) differ` : 'every output the same');
  process.exitCode = differing ? 1 : 0;
} finally {
  if (!values.keep) rmSync(work, { recursive: true, force: true });
}
