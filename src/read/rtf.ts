import { ReadError } from './types.js';

/**
 * RTF, read by a small parser of our own (no npm reader handles Vietnamese code pages and \uN
 * escapes together): text runs with their font, \uN Unicode escapes (skipping the \ucN fallback
 * characters), \'hh bytes in the code page of their font's \fcharset (163: Windows-1258, Vietnamese)
 * or else of the document (\ansicpg1258 for Vietnamese Windows, else 1252), paragraphs and line breaks. Destinations that hold no body text (font and colour tables,
 * styles, info, pictures, \* groups) are skipped. Runs in a legacy Vietnamese font (.VnTime,
 * VNI-Times) are returned with that font so the legacy decoder can convert them.
 */
export interface RtfRun {
  text: string;
  font: string | null;
}

const SKIP = new Set(['fonttbl', 'colortbl', 'stylesheet', 'info', 'pict', 'object', 'header', 'footer', 'headerl', 'headerr', 'footerl', 'footerr', 'listtable', 'listoverridetable', 'rsidtbl', 'generator', 'xmlnstbl', 'themedata', 'colorschememapping', 'latentstyles', 'datastore', 'pgdsctbl']);


interface State {
  font: string | null;
  /** The decoder of the current font's \fcharset, when it names one; else the document's \ansicpg. */
  decoder: TextDecoder | null;
  skip: boolean;
  uc: number;
}

// \fcharset N → Windows code page: a font's bytes are in its charset's page, whatever \ansicpg says
// ("\ansicpg1252" with "{\f1\fcharset163 Times New Roman;}" is Vietnamese text: "năm", not "nãm").
// Charset 0 (ANSI) is the document's own page, as \ansicpg gives it.
const CHARSET_CODEPAGE: Record<number, string> = {
  161: '1253', 162: '1254', 163: '1258', 177: '1255', 178: '1256', 186: '1257', 204: '1251', 238: '1250',
};

// Windows code pages whose WHATWG encoding is not named "windows-N" (the East Asian double-byte ones, Mac Roman, UTF-8).
const CODEPAGE_LABELS: Record<string, string> = {
  932: 'shift_jis', 936: 'gbk', 949: 'euc-kr', 950: 'big5', 10000: 'macintosh', 20866: 'koi8-r', 65001: 'utf-8',
};

const decoders = new Map<string, TextDecoder | null>();
/** The decoder of a Windows code page, or null for a number that names none ("\ansicpg99999"). */
function decoderFor(codepage: string): TextDecoder | null {
  if (!decoders.has(codepage)) {
    let decoder: TextDecoder | null = null;
    try {
      decoder = new TextDecoder(CODEPAGE_LABELS[codepage] ?? `windows-${codepage}`, { fatal: false });
    } catch {
      // RangeError: not an encoding this runtime knows.
    }
    decoders.set(codepage, decoder);
  }
  return decoders.get(codepage)!;
}

/** What ends a run of plain text: a control word or symbol, a group, a line break (ignored). */
const PLAIN_END = /[\\{}\r\n]/g;

interface FontEntry {
  name: string;
  charset: number | null;
}

/**
 * `isLegacy` says which fonts (.VnTime, VNI-Times: rules/legacy-encodings.json) hold bytes only the
 * legacy decoder can read. What was read in a way the file did not ask for (a code page that does
 * not exist, read as Windows-1252) is added to `problems`.
 */
export function parseRtf(src: string, isLegacy: (font: string) => boolean, problems: string[] = []): RtfRun[] {
  const fonts = fontTable(src);
  const codepage = /\\ansicpg(\d+)/.exec(src)?.[1] ?? '1252';
  let documentDecoder = decoderFor(codepage);
  if (!documentDecoder) {
    // The text is still readable: its ASCII and \uN letters do not depend on the code page.
    problems.push(`the RTF names code page ${codepage} (\\ansicpg${codepage}), which does not exist: its 8-bit characters were read as Windows-1252`);
    documentDecoder = decoderFor('1252')!;
  }
  const runs: RtfRun[] = [];
  const stack: State[] = [];
  let state: State = { font: null, decoder: null, skip: false, uc: 1 };
  let pendingBytes: number[] = [];
  const emit = (text: string): void => {
    if (state.skip || !text) return;
    const last = runs[runs.length - 1];
    if (last && last.font === state.font) last.text += text;
    else runs.push({ text, font: state.font });
  };
  const flushBytes = (): void => {
    if (!pendingBytes.length) return;
    // Bytes of a legacy font are kept as their Windows-1252 reading for the legacy decoder.
    const legacy = state.font !== null && isLegacy(state.font);
    emit(legacy ? Buffer.from(pendingBytes).toString('latin1') : (state.decoder ?? documentDecoder).decode(Uint8Array.from(pendingBytes)));
    pendingBytes = [];
  };
  let skipChars = 0;
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (c === '{') {
      flushBytes();
      stack.push({ ...state });
      const dest = /^\{\\(\*|[a-z]+)/.exec(src.slice(i, i + 24));
      if (dest && (dest[1] === '*' || SKIP.has(dest[1]!))) state = { ...state, skip: true };
      continue;
    }
    if (c === '}') {
      flushBytes();
      state = stack.pop() ?? state;
      continue;
    }
    if (c === '\\') {
      const next = src[i + 1];
      if (next === "'") {
        const hex = src.slice(i + 2, i + 4);
        if (skipChars > 0) skipChars--;
        else pendingBytes.push(parseInt(hex, 16));
        i += 3;
        continue;
      }
      flushBytes();
      if (next === '\\' || next === '{' || next === '}') {
        emit(next);
        i++;
        continue;
      }
      const m = /^\\([a-z]+)(-?\d+)? ?/.exec(src.slice(i, i + 40));
      if (!m) {
        i++;
        continue;
      }
      i += m[0].length - 1;
      const word = m[1]!;
      const arg = m[2] !== undefined ? Number(m[2]) : null;
      // A table row is its cells, each closed by \cell (a tab, so an empty one stays), then \row.
      if (word === 'par' || word === 'line' || word === 'row' || word === 'nestrow') emit('\n');
      else if (word === 'tab' || word === 'cell' || word === 'nestcell') emit('\t');
      else if (word === 'f' && arg !== null) {
        const font = fonts.get(arg);
        const page = font?.charset != null ? CHARSET_CODEPAGE[font.charset] : undefined;
        state = { ...state, font: font?.name ?? null, decoder: page ? decoderFor(page) : null };
      }
      else if (word === 'uc' && arg !== null) state = { ...state, uc: arg };
      else if (word === 'u' && arg !== null) {
        emit(String.fromCharCode(arg < 0 ? arg + 65536 : arg));
        skipChars = state.uc;
      }
      continue;
    }
    if (c === '\r' || c === '\n') continue;
    if (skipChars > 0) {
      skipChars--;
      continue;
    }
    flushBytes();
    // The plain characters up to the next control character, emitted at once: one by one, 20 MB of text took 8 s.
    PLAIN_END.lastIndex = i + 1;
    const end = PLAIN_END.test(src) ? PLAIN_END.lastIndex - 1 : src.length;
    emit(src.slice(i, end));
    i = end - 1;
  }
  flushBytes();
  if (!runs.length && !/\\rtf1/.test(src)) throw new ReadError('corrupt-rtf', 'the RTF file cannot be parsed');
  return runs;
}

/** \fonttbl: font number → font name and \fcharset. */
function fontTable(src: string): Map<number, FontEntry> {
  const fonts = new Map<number, FontEntry>();
  const table = /\{\\fonttbl([\s\S]*?)\}\s*(?:\{\\colortbl|\{\\\*|\{\\stylesheet|\\)/.exec(src)?.[1] ?? '';
  const re = /\\f(\d+)([^;{}]*?)\s([^\\;{}][^;{}]*);/g;
  for (let m = re.exec(table); m; m = re.exec(table)) {
    const charset = /\\fcharset(\d+)/.exec(m[2]!)?.[1];
    fonts.set(Number(m[1]), { name: m[3]!.trim(), charset: charset === undefined ? null : Number(charset) });
  }
  return fonts;
}
