import { statSync } from 'node:fs';
import { UsageError } from './usage.js';

/**
 * The inputs a command was given; with none, the bundled corpus/ when the current folder has one
 * (the repository's quick start), else a usage error: reading ./corpus anywhere else is a surprise.
 */
export function inputsOrDefault(positionals: readonly string[]): string[] {
  if (positionals.length) return [...positionals];
  if (statSync('corpus', { throwIfNoEntry: false })?.isDirectory()) return ['corpus'];
  throw new UsageError('no inputs: name the files, folders or globs to read (only a folder that holds corpus/ has it as a default)');
}
