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

const decoders = new Map<string, TextDecoder>();
function decoderFor(codepage: string): TextDecoder {
  let d = decoders.get(codepage);
  if (!d) decoders.set(codepage, (d = new TextDecoder(`windows-${codepage}`, { fatal: false })));
  return d;
}

interface FontEntry {
  name: string;
  charset: number | null;
}

/** `isLegacy` says which fonts (.VnTime, VNI-Times: rules/legacy-encodings.json) hold bytes only the legacy decoder can read. */
export function parseRtf(src: string, isLegacy: (font: string) => boolean): RtfRun[] {
  const fonts = fontTable(src);
  const codepage = /\\ansicpg(\d+)/.exec(src)?.[1] ?? '1252';
  const documentDecoder = decoderFor(codepage);
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
    emit(c);
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
