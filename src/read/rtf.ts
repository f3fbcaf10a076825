import { ReadError } from './types.js';

/**
 * RTF, read by a small parser of our own (no npm reader handles Vietnamese code pages and \uN
 * escapes together): text runs with their font, \uN Unicode escapes (skipping the \ucN fallback
 * characters), \'hh bytes in the document's code page (\ansicpg1258 for Vietnamese Windows, else
 * 1252), paragraphs and line breaks. Destinations that hold no body text (font and colour tables,
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
  skip: boolean;
  uc: number;
}

/** `isLegacy` says which fonts (.VnTime, VNI-Times: rules/legacy-encodings.json) hold bytes only the legacy decoder can read. */
export function parseRtf(src: string, isLegacy: (font: string) => boolean): RtfRun[] {
  const fonts = fontTable(src);
  const codepage = /\\ansicpg(\d+)/.exec(src)?.[1] ?? '1252';
  const decoder = new TextDecoder(`windows-${codepage}`, { fatal: false });
  const runs: RtfRun[] = [];
  const stack: State[] = [];
  let state: State = { font: null, skip: false, uc: 1 };
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
    emit(legacy ? Buffer.from(pendingBytes).toString('latin1') : decoder.decode(Uint8Array.from(pendingBytes)));
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
      if (word === 'par' || word === 'line') emit('\n');
      else if (word === 'tab') emit('\t');
      else if (word === 'f' && arg !== null) state = { ...state, font: fonts.get(arg) ?? null };
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

/** \fonttbl: font number → font name. */
function fontTable(src: string): Map<number, string> {
  const fonts = new Map<number, string>();
  const table = /\{\\fonttbl([\s\S]*?)\}\s*(?:\{\\colortbl|\{\\\*|\{\\stylesheet|\\)/.exec(src)?.[1] ?? '';
  const re = /\\f(\d+)[^;{}]*?\s([^\\;{}][^;{}]*);/g;
  for (let m = re.exec(table); m; m = re.exec(table)) fonts.set(Number(m[1]), m[2]!.trim());
  return fonts;
}
