import { recordJsonSchema } from '../schema.js';
import { RulesError } from '../rules/load.js';
import { OutputError } from '../util/output-files.js';
import { shownText } from '../util/shown.js';
import { VERSION } from '../version.js';
import { checkCommand } from './check.js';
import { compareCommand } from './compare.js';
import { extractCommand } from './extract.js';
import type { Io } from './io.js';
import { mergeCommand } from './merge.js';
import { reportCommand } from './report.js';
import { textCommand } from './text.js';
import { commandHelp, HELP, UsageError } from './usage.js';
import { viewCommand } from './view.js';

/**
 * The CLI: a thin shell over the library. Data to standard output, messages to standard error.
 * Returns the exit status; every failure is said in words here, never thrown (main.ts only exits).
 */
export async function runCli(argv: string[], io: Io): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (err) {
    return failureStatus(err, io);
  }
}

async function dispatch(argv: string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  if (!command) {
    // No command: a usage error, told on standard error (data alone goes to standard output).
    io.stderr.write(HELP + '\n');
    return 2;
  }
  if (command === '--help' || command === '-h' || command === 'help') {
    io.stdout.write((rest[0] ? commandHelp(rest[0]) ?? HELP : HELP) + '\n');
    return 0;
  }
  if (command === '--version' || command === '-v') {
    io.stdout.write(`vnreform ${VERSION}\n`);
    return 0;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout.write((commandHelp(command) ?? HELP) + '\n');
    return 0;
  }
  const args = takeOcrOption(rest);
  switch (command) {
    case 'extract':
      return extractCommand(args, io);
    case 'check':
      return checkCommand(args, io);
    case 'compare':
      return compareCommand(args, io);
    case 'text':
      return textCommand(args, io);
    case 'merge':
      return mergeCommand(rest, io);
    case 'view':
      return viewCommand(args, io);
    case 'report':
      return reportCommand(rest, io);
    case 'schema':
      io.stdout.write(JSON.stringify(recordJsonSchema(), null, 2) + '\n');
      return 0;
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

/**
 * Options of how files are read, for every command that reads them, set in the environment so the
 * worker pool's threads read them too: --ocr auto|never|always (VNREFORM_OCR: which pages OCR reads)
 * and --max-size MB (VNREFORM_MAX_SIZE_MB: a larger file is refused with too-large; 200 by default).
 */
function takeOcrOption(args: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const m = /^--(ocr|max-size)(?:=(.*))?$/.exec(args[i]!);
    if (!m) {
      out.push(args[i]!);
      continue;
    }
    const value = m[2] ?? args[++i];
    if (m[1] === 'ocr') {
      if (value !== 'auto' && value !== 'never' && value !== 'always') throw new UsageError(`--ocr wants auto, never or always, not ${value ?? 'nothing'}`);
      process.env.VNREFORM_OCR = value;
    } else {
      if (value === undefined || !(Number(value) > 0)) throw new UsageError(`--max-size wants a size in MB above 0, not ${value ?? 'nothing'}`);
      process.env.VNREFORM_MAX_SIZE_MB = value;
    }
  }
  return out;
}

// The reader of standard output went away (`vnreform extract | head`): stop quietly, as a program
// killed by SIGPIPE would, instead of an unhandled 'error' event and a stack trace.
export const isClosedPipe = (err: unknown): boolean => (err as { code?: string } | null)?.code === 'EPIPE';

/** A failure's message on standard error and its exit status (the README's table). */
function failureStatus(err: unknown, io: Io): number {
  const e = err as Error & { code?: string };
  // A message may echo a file name or an argument: no control character reaches the terminal.
  const say = (text: string): void => void io.stderr.write(`vnreform: ${text}\n`);
  if (err instanceof UsageError || e.code?.startsWith('ERR_PARSE_ARGS')) {
    say(`${shownText(e.message)}\nTry 'vnreform --help'.`);
    return 2;
  }
  if (err instanceof OutputError && isClosedPipe(err)) return 0;
  if (err instanceof OutputError) {
    say(shownText(e.message));
    return 73;
  }
  if (err instanceof RulesError) {
    say(`the rules are not valid:\n${e.message}`);
    return 2;
  }
  say(`internal error: ${shownText(e.message)}`);
  return 70;
}
