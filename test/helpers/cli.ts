import { Readable, Writable } from 'node:stream';
import { runCli } from '../../src/cli/cli.js';

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
