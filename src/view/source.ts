import { createHash } from 'node:crypto';
import { renameSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { readBytes, readFileBytes, readHead } from '../read/index.js';
import type { Rules } from '../rules/compile.js';
import type { ExtractionRecord } from '../schema.js';
import { outputError } from '../util/output-files.js';
import { shownPath, shownText } from '../util/shown.js';

/** The text a record's spans point into, read again from its source file; or why it cannot be. */
export type SourceText = { text: string; pages: { start: number; end: number }[] | null } | { missing: string };

/**
 * A record made earlier names its source file and the file's SHA-256: the view reads the file again
 * (reading only, no extraction) and uses it only when it is the same file, byte for byte, since
 * spans into a changed file would highlight the wrong words.
 */
export async function sourceTextOf(record: ExtractionRecord, rules: Rules): Promise<SourceText> {
  const { path, sha256 } = record.source;
  if (path === '-') return { missing: 'the record was made from standard input, whose text was not kept: extract the file again with vnreform view FILE' };
  let bytes: Uint8Array;
  try {
    bytes = readFileBytes(path);
  } catch (err) {
    return { missing: `the source file ${shownPath(path)} cannot be read (${shownText((err as Error).message)}); the view needs the text the record was made from` };
  }
  const now = createHash('sha256').update(bytes).digest('hex');
  if (sha256 && now !== sha256) {
    return { missing: `the source file ${shownPath(path)} has changed since the record was made (SHA-256 ${sha256.slice(0, 12)}…, now ${now.slice(0, 12)}…): its spans would point at the wrong words; run vnreform view on the file to extract it again` };
  }
  try {
    const read = await readBytes(bytes, path, rules);
    return { text: read.origin?.text ?? read.text, pages: read.origin ? null : read.pages };
  } catch (err) {
    return { missing: `the source file ${shownPath(path)} cannot be read again: ${shownText((err as Error).message)}` };
  }
}

/** A file name's stem, safe on any file system: "báo cáo (1).txt" → "báo-cáo-1". */
export function fileStem(path: string): string {
  const name = path === '-' ? 'stdin' : basename(path).replace(/\.[^.]+$/, '');
  return name.normalize('NFC').replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^[-.]+|-+$/g, '') || 'document';
}

/**
 * The view's file name in an output folder: the source's stem, or when two inputs of one run share
 * it, the stem and the start of the record's id. `vnreform report` tries both names to link a view.
 */
export function viewFileNames(path: string, id: string): [plain: string, disambiguated: string] {
  const stem = fileStem(path);
  return [`${stem}.html`, `${stem}-${id.slice(0, 8)}.html`];
}

/** The record id a view page was made for (its <meta name="vnreform-record">), or null. */
export function viewRecordId(html: string): string | null {
  return /<meta name="vnreform-record" content="([0-9a-f]+)">/.exec(html.slice(0, 4096))?.[1] ?? null;
}

/** Just the head of a file, where a view's record id is; empty when there is no such file. */
export function headOf(path: string): string {
  try {
    return Buffer.from(readHead(path, 4096)).toString('utf8');
  } catch {
    return '';
  }
}

/** Writes a page whole or not at all: under a temporary name, then renamed over the target. */
export function writePage(path: string, html: string): void {
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, html);
    renameSync(temporary, path);
  } catch (err) {
    throw outputError(path, err);
  }
}
