import { lstat, stat } from 'node:fs/promises';
import { readdirSync, type Dirent } from 'node:fs';
import fg from 'fast-glob';
import { nameFromBytes, pathForFs } from '../read/file-name.js';
import { readErrorOf } from '../read/index.js';
import { shownText } from '../util/shown.js';

/**
 * One input to process: a file path, standard input, or a path that yields an error record without
 * being read (no such file; a folder that cannot be listed, whose files are then unknown).
 */
export type Input =
  | { kind: 'file'; path: string }
  | { kind: 'stdin' }
  | { kind: 'failed'; path: string; code: string; message: string };

/** Extensions read when a folder is given (a file named explicitly is read whatever its name). */
export const FOLDER_EXTENSIONS = ['txt', 'md', 'markdown', 'pdf', 'docx', 'doc', 'rtf', 'html', 'htm', 'png', 'jpg', 'jpeg', 'tif', 'tiff'];

export interface Expanded {
  inputs: Input[];
  /** Files in given folders left out because of their extension, by extension: reported, never silent. */
  skipped: Map<string, number>;
  /** Hidden files and folders (".DS_Store", ".git") in given folders, left out unread: their paths, sorted. */
  hidden: string[];
}

const isGlob = (s: string): boolean => /[*?[\]{}]/.test(s);

/** Files, folders (recursive) and globs → inputs, in a stable order, each once. */
export async function expandInputs(args: readonly string[]): Promise<Expanded> {
  const inputs: Input[] = [];
  const skipped = new Map<string, number>();
  const hidden: string[] = [];
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
    const { info, error } = await stat(arg).then(
      (found) => ({ info: found, error: null }),
      (err: NodeJS.ErrnoException) => ({ info: null, error: err }),
    );
    if (info?.isDirectory()) {
      const walked = walkFolder(arg);
      hidden.push(...walked.hidden);
      const unlisted = new Map(walked.unlisted.map((u) => [u.path, u.error]));
      // In path order, an unlisted folder among the files around it.
      for (const path of [...walked.files, ...unlisted.keys()].sort()) {
        const error = unlisted.get(path);
        const ext = /\.([^./]+)$/.exec(path)?.[1]?.toLowerCase() ?? '';
        if (error) inputs.push({ kind: 'failed', path, code: error.code, message: `${error.message}; the files in this folder were not read` });
        else if (FOLDER_EXTENSIONS.includes(ext)) addFile(path);
        else skipped.set(ext || '(none)', (skipped.get(ext || '(none)') ?? 0) + 1);
      }
    } else if (info || (await lstat(arg).catch(() => null))) {
      // A file, or a link that leads nowhere (a loop, a dangling target): the reader says which.
      addFile(arg);
    } else if (error?.code === 'ENAMETOOLONG') {
      // Not "no such file": the name cannot even be looked up.
      const { code, message } = readErrorOf(error);
      inputs.push({ kind: 'failed', path: arg, code, message });
    } else if (isGlob(arg)) {
      const matched = await nonFolders(arg);
      // A quoted glob that matches nothing is a mistake to say, not zero inputs and success.
      if (!matched.length) inputs.push({ kind: 'failed', path: arg, code: 'not-found', message: 'the glob matches no file' });
      for (const path of matched) addFile(path);
    } else {
      // Node decodes the command line as UTF-8, so a name in CP1258 or TCVN3 arrives with U+FFFD.
      const hint = arg.includes('\uFFFD') ? '; the name is not UTF-8 and cannot be passed as typed: name its folder instead' : '';
      inputs.push({ kind: 'failed', path: arg, code: 'not-found', message: `no such file, folder or matching glob${hint}` });
    }
  }
  return { inputs, skipped, hidden: hidden.sort() };
}

export interface Walked {
  /** Every entry that is not a folder (files, symbolic links, pipes), as root-joined paths, sorted. */
  files: string[];
  /** Hidden entries (name starts with "."), not walked into: a `.git` is one. */
  hidden: string[];
  /** Folders whose entries could not be listed (permission denied, an I/O error). */
  unlisted: { path: string; error: { code: string; message: string } }[];
}

/**
 * A folder's tree, walked by hand rather than with fast-glob: its `suppressErrors` drops an
 * unreadable subfolder without a word and `onlyFiles` drops dangling links and pipes, and it cannot
 * count hidden folders without walking into them (a `.git` holds thousands of files). Links are
 * listed, not followed into folders, so a link loop cannot trap the walk.
 */
export function walkFolder(root: string, list: (dir: string) => Dirent<Buffer>[] = listAsBytes): Walked {
  const walked: Walked = { files: [], hidden: [], unlisted: [] };
  const visit = (dir: string): void => {
    let entries: Dirent<Buffer>[];
    try {
      entries = list(dir);
    } catch (err) {
      const { code } = readErrorOf(err as NodeJS.ErrnoException);
      walked.unlisted.push({ path: dir, error: { code, message: `the folder cannot be listed: ${shownText((err as Error).message)}` } });
      return;
    }
    for (const entry of entries) {
      const name = nameFromBytes(entry.name);
      const path = joinPath(dir, name);
      if (name.startsWith('.')) walked.hidden.push(path);
      else if (entry.isDirectory()) visit(path);
      else walked.files.push(path);
    }
  };
  visit(root);
  walked.files.sort();
  return walked;
}

/** A folder's entries with their names as bytes: a name that is not UTF-8 must still open its file. */
function listAsBytes(dir: string): Dirent<Buffer>[] {
  return readdirSync(pathForFs(dir), { withFileTypes: true, encoding: 'buffer' });
}

/**
 * Every entry a glob matches that is not a folder, sorted: fast-glob's `onlyFiles` would drop
 * dangling links and pipes, which the reader turns into error records instead.
 */
async function nonFolders(pattern: string): Promise<string[]> {
  const entries = await fg(pattern, { onlyFiles: false, objectMode: true, dot: false, suppressErrors: true });
  return entries.filter((e) => !e.dirent.isDirectory()).map((e) => e.path).sort();
}

function joinPath(dir: string, rel: string): string {
  return dir.endsWith('/') ? dir + rel : `${dir}/${rel}`;
}
