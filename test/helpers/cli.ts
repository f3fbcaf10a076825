import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { runCli } from '../../src/cli/cli.js';

export const ROOT = new URL('../../', import.meta.url).pathname;

export interface CliResult {
  status: number;
  stdout: string;
  stderr: string;
}

/**
 * `vnreform ARGS` run in this process: the CLI's own dispatch, option parsing, messages and exit
 * status (runCli), with standard input, output and error as buffers. For what happens between the
 * process and the system (signals, a closed pipe, the exit code the shell sees, worker threads
 * loading the built modules) the tests still start a real process.
 */
export async function runInProcess(args: string[], input: string | Buffer = ''): Promise<CliResult> {
  const out: Buffer[] = [];
  let stderr = '';
  const stdout = new Writable({
    write(chunk: Buffer, _encoding, done) {
      out.push(Buffer.from(chunk));
      done();
    },
  });
  const status = await runCli(args, {
    stdin: Readable.from([Buffer.from(input)]),
    stdout,
    stderr: { write: (text: string) => (stderr += text), isTTY: false },
  });
  return { status, stdout: Buffer.concat(out).toString('utf8'), stderr };
}

/** Runs the CLI from src/ under tsx as a process of its own, in `cwd` (the repository by default). */
export function vnreform(args: string[], cwd = ROOT): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), ...args], { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/**
 * The built CLI (dist/cli/main.js), for tests that run vnreform as a scheduler would, from a script
 * or a manifest: `npm ci` builds it (prepare). A dist/ older than src/ would test old code, so that
 * is an error here, with the command that mends it.
 */
export function builtCli(): string {
  const main = join(ROOT, 'dist/cli/main.js');
  const newest = (dir: string, ext: string): number => Math.max(0, ...readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith(ext) && !name.endsWith('.d.ts')).map((name) => statSync(join(dir, name)).mtimeMs));
  if (!existsSync(main)) throw new Error(`${main} is not built: run npm run build`);
  if (newest(join(ROOT, 'src'), '.ts') > newest(join(ROOT, 'dist'), '.js')) throw new Error('dist/ is older than src/: run npm run build');
  return main;
}
