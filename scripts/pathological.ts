/**
 * Inputs built to make a backtracking regex do quadratic work: long runs of what a pattern's
 * unbounded `\s*` or `[\d,]*` happily eats before something that then fails (issue 30: 200,000
 * newlines took 24 s, 100 KB of spaces 14 s, "1," × 50,000 23 s). Each kind makes a text of about
 * the asked size in UTF-8 bytes; `npm run fuzz:linear` runs the pipeline on them at doubling sizes.
 */
import { readFileSync } from 'node:fs';

export interface PathologicalKind {
  name: string;
  /** A text of about `bytes` UTF-8 bytes (never fewer than one unit). */
  make: (bytes: number) => string;
}

/** A real report of the corpus: what the runs of blank lines and the repeats are added to. */
export const REAL_REPORT_PATH = new URL('../corpus/an-giang_2019_q1_bao-cao-cchc.txt', import.meta.url);

const realReport = (() => {
  let text: string | undefined;
  return (): string => (text ??= readFileSync(REAL_REPORT_PATH, 'utf8'));
})();

/** `unit` repeated up to about `bytes` UTF-8 bytes. */
export function repeatTo(unit: string, bytes: number): string {
  return unit.repeat(Math.max(1, Math.round(bytes / Buffer.byteLength(unit, 'utf8'))));
}

const repeated = (name: string, unit: string): PathologicalKind => ({ name, make: (bytes) => repeatTo(unit, bytes) });

// Vietnamese letters, toned and not, with no space between: one endless "word".
const VIETNAMESE_LETTERS = 'ngườiđượcViệtNamthủtụchànhchínhỦybannhândântỉnhQuyếtđịnh';

/**
 * A deterministic stream of the pipeline's cue words and symbols glued by random gaps: nothing a
 * document would hold, everything a pattern looks for, at every distance from each other.
 */
function cueSoup(bytes: number): string {
  const tokens = ['Số', 'số', 'ngày', 'tháng', 'năm', 'Quyết định', 'Nghị định', 'của', 'UBND', 'tỉnh', 'và', '1', '12/QĐ-UBND',
    '61/2018/NĐ-CP', '18-NQ/TW', 'Luật', 'Điều', 'I.', '1.', 'a)', '-', '/', ',', '(', ')', ':', '%', 'đạt', 'tỷ lệ', 'Sở Nội vụ', '|', '*', '#'];
  const gaps = [' ', ' ', ' ', '\n', '\n\n', '  ', '\t', ', ', ''];
  let seed = 30;
  const next = (n: number): number => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % n;
  };
  const parts: string[] = [];
  let size = 0;
  while (size < bytes) {
    const piece = tokens[next(tokens.length)]! + gaps[next(gaps.length)]!;
    parts.push(piece);
    size += Buffer.byteLength(piece, 'utf8');
  }
  return parts.join('');
}

// What the extractors look for, each to be followed by a long run of white space: a pattern that
// reads "cue, then \s*, then something" (references.ts: a symbol, "của", then a day) tries every
// length of the run when the something is missing.
const CUES = ['12/QĐ-UBND', '61/2018/NĐ-CP', 'Số', 'số', 'Số:', 'ngày', 'tháng', 'năm 2020', 'của', 'Quyết định', 'Quyết định số', 'Luật',
  'Luật Đất đai', 'Điều', '1', '1,', '1.', 'I.', 'a)', '-', '/', '%', '12%', 'http://a', 'www.a', '(', ')', ',', ':', '|', '*', '#', 'UBND tỉnh',
  'Sở Nội vụ', 'Chủ tịch', 'KT. CHỦ TỊCH', 'Nơi nhận:', 'đạt', 'tỷ lệ', 'hồ sơ', 'Đề án', 'Kế hoạch 12', 'TM.', 'a', 'A', 'ệ'];

/** Every cue once, each followed by an equal share of `bytes` of `run`. */
function cuesThen(run: string): (bytes: number) => string {
  return (bytes) => {
    const share = Math.max(1, Math.floor(bytes / CUES.length));
    return CUES.map((cue) => cue + repeatTo(run, share - Buffer.byteLength(cue, 'utf8'))).join('');
  };
}

export const PATHOLOGICAL_KINDS: readonly PathologicalKind[] = [
  repeated('newlines', '\n'),
  repeated('crlf', '\r\n'),
  repeated('spaces', ' '),
  repeated('tabs', '\t'),
  repeated('space-newline', ' \n'),
  repeated('nbsp', '\u00A0'),
  repeated('1-comma', '1,'),
  repeated('1-comma-space', '1, '),
  repeated('1-va', '1 và '),
  repeated('digits', '1'),
  repeated('digits-spaces', '1 '),
  repeated('slashes', '/'),
  repeated('1-slash', '1/'),
  repeated('dashes', '-'),
  repeated('dots', '.'),
  repeated('1-dot', '1.'),
  repeated('ascii-letters', 'a'),
  repeated('capitals', 'A'),
  repeated('codes', 'QĐ-'),
  repeated('vietnamese-letters', VIETNAMESE_LETTERS),
  repeated('vietnamese-words', 'người dân '),
  repeated('So', 'Số'),
  repeated('So-space', 'Số '),
  repeated('ngay-space', 'ngày '),
  repeated('quyet-dinh-space', 'Quyết định '),
  repeated('cua-space', 'của '),
  repeated('luat-space', 'Luật '),
  repeated('parentheses', '('),
  repeated('asterisks', '*'),
  repeated('hashes', '#'),
  repeated('backslashes', '\\'),
  repeated('pipes', '|'),
  repeated('percent', '1%'),
  repeated('links', 'http://a'),
  repeated('at-signs', 'a@'),
  { name: 'cue-soup', make: cueSoup },
  { name: 'cues+spaces', make: cuesThen(' ') },
  { name: 'cues+newlines', make: cuesThen('\n') },
  { name: 'cues+space-newline', make: cuesThen(' \n') },
  { name: 'cues+tabs', make: cuesThen('\t') },
  { name: 'cues+vtab-newline', make: cuesThen('\v\n') },
  // A real report, then a long tail of blank lines (issue 30: 7.0 s where the report alone takes 1.2 s).
  { name: 'report+blank-lines', make: (bytes) => realReport() + repeatTo('\n', Math.max(0, bytes - Buffer.byteLength(realReport(), 'utf8'))) },
  // The same report again and again: real text at a size no report has.
  { name: 'report-repeated', make: (bytes) => repeatTo(realReport() + '\n\n', bytes) },
];
