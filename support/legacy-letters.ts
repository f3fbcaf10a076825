/**
 * Legacy originals (devset/legacy/files: TCVN3/VNI .doc, .rtf, .pdf of 2002-2009) read and compared
 * with their transcripts: the letters of the transcript aligned to the letters read (see
 * compareLetters), then
 *   - diacritic accuracy: of the transcript's letters that carry a diacritic (or đ), the share read
 *     exactly in their aligned word;
 *   - character accuracy: of all the transcript's letters and digits, the share read exactly.
 * The transcripts are the files' raw text: a draft's tracked deletions are in them ("Ttheo", a deleted
 * "T" and an inserted "t"). The extractors get the document with its changes accepted; this benchmark
 * measures the decoding of legacy letters, so it reads with deleted text kept, as the transcript has
 * it, and reports how many characters that is (`deleted`).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fold } from '../src/normalize/fold.js';
import { readBytes } from '../src/read/index.js';

export const LEGACY_DIR = join(import.meta.dirname, '..', 'devset', 'legacy');

export interface LegacyScore {
  file: string;
  encoding: string | null;
  accented: number;
  accentedRight: number;
  characters: number;
  charactersRight: number;
  /** Characters tracked changes mark deleted (kept here, dropped by `extract`). */
  deleted: number;
  error?: string;
}

// Letters and digits only: spacing and punctuation differ between a reader and a transcript
// ("T h ñ t − í n g" in a letter-spaced PDF) and are not what is measured.
const letters = (text: string): string[] => text.normalize('NFC').match(/[\p{L}\p{N}]/gu) ?? [];
const accented = (ch: string): boolean => ch.normalize('NFD').length > 1 || ch === 'đ' || ch === 'Đ';
const base = (ch: string): string => fold(ch).toLowerCase();
// After a mismatch, the next this many letters of the transcript are looked for this far ahead in the text read.
const ANCHOR = 12;
const WINDOW = 400;

/**
 * The transcript's letters aligned to the letters read by their base letters (diacritics aside),
 * resynchronised after a letter the reader added or lost by finding the transcript's next letters
 * ahead; a transcript letter with no counterpart counts as wrong.
 */
export function compareLetters(transcript: string, read: string): Omit<LegacyScore, 'file' | 'encoding' | 'deleted'> {
  const t = letters(transcript);
  const r = letters(read);
  const tb = t.map(base).join('');
  const rb = r.map(base).join('');
  const score = { accented: 0, accentedRight: 0, characters: 0, charactersRight: 0 };
  let j = 0;
  for (let i = 0; i < t.length; i++) {
    if (j < r.length && tb[i] !== rb[j]) {
      const anchor = tb.slice(i, i + ANCHOR);
      const at = anchor.length === ANCHOR ? rb.indexOf(anchor, j) : -1;
      if (at !== -1 && at - j <= WINDOW) j = at;
    }
    const right = j < r.length && tb[i] === rb[j] && t[i] === r[j];
    const aligned = j < r.length && tb[i] === rb[j];
    score.characters++;
    if (right) score.charactersRight++;
    if (accented(t[i]!)) {
      score.accented++;
      if (right) score.accentedRight++;
    }
    if (aligned) j++;
  }
  return score;
}

export async function legacyScores(dir = LEGACY_DIR): Promise<LegacyScore[]> {
  if (!existsSync(join(dir, 'files'))) return [];
  const out: LegacyScore[] = [];
  for (const file of readdirSync(join(dir, 'files')).sort()) {
    const transcriptPath = join(dir, 'transcripts', file.replace(/\.[^.]+$/, '.txt'));
    if (!existsSync(transcriptPath)) continue;
    const transcript = readFileSync(transcriptPath, 'utf8');
    try {
      const result = await readBytes(readFileSync(join(dir, 'files', file)), file, undefined, { trackedDeletions: 'keep' });
      const deleted = result.trackedDeletions ?? 0;
      out.push({ file, encoding: result.encoding, deleted, ...compareLetters(transcript, result.text) });
    } catch (err) {
      out.push({ file, encoding: null, deleted: 0, ...compareLetters(transcript, ''), error: (err as Error).message });
    }
  }
  return out;
}
