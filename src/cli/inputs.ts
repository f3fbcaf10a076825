import { lstat, stat } from 'node:fs/promises';
import fg from 'fast-glob';

/** One input to process: a file path, or standard input. */
export type Input = { kind: 'file'; path: string } | { kind: 'stdin' } | { kind: 'missing'; path: string };

/** Extensions read when a folder is given (a file named explicitly is read whatever its name). */
export const FOLDER_EXTENSIONS = ['txt', 'md', 'markdown', 'pdf', 'docx', 'doc', 'rtf'];

export interface Expanded {
  inputs: Input[];
  /** Files in given folders left out because of their extension, by extension: reported, never silent. */
  skipped: Map<string, number>;
}

const isGlob = (s: string): boolean => /[*?[\]{}]/.test(s);

/** Files, folders (recursive) and globs → inputs, in a stable order, each once. */
export async function expandInputs(args: readonly string[]): Promise<Expanded> {
  const inputs: Input[] = [];
  const skipped = new Map<string, number>();
  const seen = new Set<string>();
  const addFile = (path: string): void => {
    if (seen.has(path)) return;
    seen.add(path);
    inputs.push({ kind: 'file', path });
  };
  for (const arg of args) {
    if (arg === '-') {
      inputs.push({ kind: 'stdin' });
      continue;
    }
    const info = await stat(arg).catch(() => null);
    if (info?.isDirectory()) {
      for (const rel of await nonFolders('**/*', { cwd: arg, followSymbolicLinks: false })) {
        const ext = /\.([^./]+)$/.exec(rel)?.[1]?.toLowerCase() ?? '';
        if (FOLDER_EXTENSIONS.includes(ext)) addFile(joinPath(arg, rel));
        else skipped.set(ext || '(none)', (skipped.get(ext || '(none)') ?? 0) + 1);
      }
    } else if (info || (await lstat(arg).catch(() => null))) {
      // A file, or a link that leads nowhere (a loop, a dangling target): the reader says which.
      addFile(arg);
    } else if (isGlob(arg)) {
      for (const path of await nonFolders(arg)) addFile(path);
    } else {
      inputs.push({ kind: 'missing', path: arg });
    }
  }
  return { inputs, skipped };
}

/**
 * Every entry that is not a folder, sorted. fast-glob's `onlyFiles` silently drops symbolic links
 * that lead nowhere or into a loop, and pipes; here they are kept, so the reader turns each into an
 * error record (`not-found`, `symlink-loop`, `not-a-file`) instead of the file vanishing from the run.
 */
async function nonFolders(pattern: string, options: { cwd?: string; followSymbolicLinks?: boolean } = {}): Promise<string[]> {
  const entries = await fg(pattern, { ...options, onlyFiles: false, objectMode: true, dot: false, suppressErrors: true });
  return entries.filter((e) => !e.dirent.isDirectory()).map((e) => e.path).sort();
}

function joinPath(dir: string, rel: string): string {
  return dir.endsWith('/') ? dir + rel : `${dir}/${rel}`;
}
