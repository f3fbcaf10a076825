#!/usr/bin/env node
import { recordJsonSchema } from '../schema.js';
import { RulesError } from '../rules/load.js';
import { OutputError, outputError } from '../util/output-files.js';
import { VERSION } from '../version.js';
import { checkCommand } from './check.js';
import { compareCommand } from './compare.js';
import { extractCommand } from './extract.js';
import { mergeCommand } from './merge.js';
import { reportCommand } from './report.js';
import { commandHelp, HELP, UsageError } from './usage.js';
import { viewCommand } from './view.js';

/** The CLI: a thin shell over the library. Data to standard output, messages to standard error. */
async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command) {
    // No command: a usage error, told on standard error (data alone goes to standard output).
    process.stderr.write(HELP + '\n');
    return 2;
  }
  if (command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write((rest[0] ? commandHelp(rest[0]) ?? HELP : HELP) + '\n');
    return 0;
  }
  if (command === '--version' || command === '-v') {
    process.stdout.write(`vnreform ${VERSION}\n`);
    return 0;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write((commandHelp(command) ?? HELP) + '\n');
    return 0;
  }
  const args = takeOcrOption(rest);
  switch (command) {
    case 'extract':
      return extractCommand(args);
    case 'check':
      return checkCommand(args);
    case 'compare':
      return compareCommand(args);
    case 'merge':
      return mergeCommand(rest);
    case 'view':
      return viewCommand(args);
    case 'report':
      return reportCommand(rest);
    case 'schema':
      process.stdout.write(JSON.stringify(recordJsonSchema(), null, 2) + '\n');
      return 0;
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

/**
 * --ocr auto|never|always, for every command that reads files: which pages OCR reads. Set in the
 * environment (VNREFORM_OCR) so the worker pool's threads read it too.
 */
function takeOcrOption(args: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const m = /^--ocr(?:=(.*))?$/.exec(args[i]!);
    if (!m) {
      out.push(args[i]!);
      continue;
    }
    const mode = m[1] ?? args[++i];
    if (mode !== 'auto' && mode !== 'never' && mode !== 'always') throw new UsageError(`--ocr wants auto, never or always, not ${mode ?? 'nothing'}`);
    process.env.VNREFORM_OCR = mode;
  }
  return out;
}

// The reader of standard output went away (`vnreform extract | head`): stop quietly, as a program
// killed by SIGPIPE would, instead of an unhandled 'error' event and a stack trace.
const isClosedPipe = (err: unknown): boolean => (err as { code?: string } | null)?.code === 'EPIPE';
// Any other failure to write standard output (`vnreform schema > /dev/full`) is said in words, exit 73.
process.stdout.on('error', (err) => {
  if (isClosedPipe(err)) process.exit(0);
  process.stderr.write(`vnreform: ${outputError('standard output', err).message}\n`);
  process.exit(73);
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    const e = err as Error & { code?: string };
    if (err instanceof UsageError || e.code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`vnreform: ${e.message}\nTry 'vnreform --help'.\n`);
      process.exitCode = 2;
    } else if (err instanceof OutputError && isClosedPipe(err)) {
      process.exitCode = 0;
    } else if (err instanceof OutputError) {
      process.stderr.write(`vnreform: ${e.message}\n`);
      process.exitCode = 73;
    } else if (err instanceof RulesError) {
      process.stderr.write(`vnreform: the rules are not valid:\n${e.message}\n`);
      process.exitCode = 2;
    } else {
      process.stderr.write(`vnreform: internal error: ${e.message}\n`);
      process.exitCode = 70;
    }
  },
);
