import { decodeHTML } from 'entities';
import { Parser } from 'htmlparser2';
import { isUtf8 } from 'node:buffer';
import { damagedUtf8, invalidSequenceFindings, lenientUtf8, type InvalidSequence } from './text.js';
import { ReadError, type Reader, type ReadResult } from './types.js';

/**
 * Web pages saved from legal databases (.html, .htm, and a ".doc" that is really HTML), read with
 * htmlparser2: the words a browser shows, block elements as lines, table cells parted by a tab (a
 * row a line, as the DOCX reader gives them), entities decoded, the charset from the BOM or the meta
 * tag. Scripts, styles, the head and navigation chrome (nav, menus, buttons, forms' controls) give no
 * text. The page is text the user gave: every character read remembers where the source has it, so
 * the record's spans point into the page's source (a reference's span covers its words and any tag
 * or entity between them).
 */

// Elements whose content a reader never sees as the document's text.
const HIDDEN = new Set(['script', 'style', 'noscript', 'template', 'head', 'title', 'nav', 'iframe', 'svg', 'select', 'option', 'button', 'object', 'canvas', 'map']);
// Elements that start and end a line of their own.
const BLOCK = new Set([
  'p', 'div', 'br', 'li', 'tr', 'table', 'thead', 'tbody', 'tfoot', 'caption', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'dl', 'dt', 'dd',
  'section', 'article', 'header', 'footer', 'main', 'aside', 'blockquote', 'pre', 'hr', 'address', 'figure', 'figcaption', 'center', 'form', 'fieldset',
]);
const CELL = new Set(['td', 'th']);
// Void elements never close: a hidden one must not wait for its end tag.
const VOID = new Set(['br', 'hr', 'img', 'input', 'meta', 'link', 'area', 'base', 'col', 'embed', 'source', 'track', 'wbr']);

export const htmlReader: Reader = {
  format: 'html',
  sniff: (bytes, path) => /\.html?$/i.test(path) || looksLikeHtml(bytes),
  read: async (bytes) => readHtml(bytes),
};

/** "<!DOCTYPE html", "<html", "<head>", "<meta …" at the start (after a BOM and blanks): a page, whatever its name. */
function looksLikeHtml(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1').replace(/^\uFEFF|^\xEF\xBB\xBF/, '').trimStart().toLowerCase();
  return /^<(?:!doctype\s+html|html[\s>]|head[\s>]|meta\s|body[\s>])/.test(head);
}

export function readHtml(bytes: Uint8Array): ReadResult {
  const { source, invalid } = decode(bytes);
  // The text read, and for each of its characters where it was written in the page's source.
  const out = { text: '', starts: [] as number[], ends: [] as number[] };
  let line = '';
  let starts: number[] = [];
  let ends: number[] = [];
  let hidden = 0;
  let pre = 0;
  const stack: boolean[] = [];
  const add = (chars: string, start: number, end: number): void => {
    line += chars;
    for (let k = 0; k < chars.length; k++) {
      starts.push(start);
      ends.push(end);
    }
  };
  const trimEnd = (re: RegExp): void => {
    const keep = line.replace(re, '').length;
    line = line.slice(0, keep);
    starts = starts.slice(0, keep);
    ends = ends.slice(0, keep);
  };
  const endLine = (): void => {
    trimEnd(/[ \t]+$/u);
    const lead = line.length - line.replace(/^[ ]+/u, '').length;
    if (line.length > lead) {
      if (out.text) {
        // The line break stands where the line before it ended.
        const at = out.ends[out.ends.length - 1]!;
        out.text += '\n';
        out.starts.push(at);
        out.ends.push(at);
      }
      out.text += line.slice(lead);
      out.starts.push(...starts.slice(lead));
      out.ends.push(...ends.slice(lead));
    }
    line = '';
    starts = [];
    ends = [];
  };
  const parser = new Parser({
    onopentag(name, attrs) {
      const hide = HIDDEN.has(name) || attrs.role === 'navigation' || attrs.hidden !== undefined || /display\s*:\s*none/i.test(attrs.style ?? '');
      if (!VOID.has(name)) stack.push(hide);
      if (hide && !VOID.has(name)) hidden++;
      if (hidden) return;
      if (name === 'pre') pre++;
      if (BLOCK.has(name)) endLine();
      else if (CELL.has(name) && line.trim()) {
        // A tab parts two cells; an empty cell before this one keeps its own ("A\t\tB").
        trimEnd(/ +$/u);
        add('\t', parser.startIndex, parser.startIndex);
      }
    },
    ontext(raw) {
      if (hidden) return;
      const base = parser.startIndex;
      // Entities decoded one by one, so every character keeps its place in the source; a browser
      // shows a run of blanks as one space, except inside <pre>.
      for (const m of raw.matchAll(/&(?:#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);?|\s+|[^&\s]+|&/giu)) {
        const at = base + m.index!;
        const token = m[0];
        if (token.startsWith('&') && token.length > 1) {
          const decoded = decodeHTML(token);
          add(!pre && /^\s+$/u.test(decoded) ? ' ' : decoded, at, at + token.length);
        } else if (/^\s/u.test(token)) {
          if (!pre) add(' ', at, at + token.length);
          else token.split('\n').forEach((part, k, parts) => {
            const from = at + parts.slice(0, k).reduce((a, p) => a + p.length + 1, 0);
            if (k > 0) endLine();
            for (let c = 0; c < part.length; c++) add(part[c]!, from + c, from + c + 1);
          });
        } else for (let c = 0; c < token.length; c++) add(token[c]!, at + c, at + c + 1);
      }
    },
    onclosetag(name) {
      if (VOID.has(name)) {
        if (!hidden && BLOCK.has(name)) endLine();
        return;
      }
      const hide = stack.pop() ?? false;
      if (hide) {
        hidden = Math.max(0, hidden - 1);
        return;
      }
      if (hidden) return;
      if (name === 'pre') pre = Math.max(0, pre - 1);
      if (BLOCK.has(name)) endLine();
    },
  }, { decodeEntities: false, lowerCaseTags: true, lowerCaseAttributeNames: true });
  parser.write(source);
  parser.end();
  endLine();
  if (!out.text.trim()) throw new ReadError('empty-file', 'the page shows no text');
  // A damaged byte is named by its offset in the file (its U+FFFD may sit in markup, not in the text read).
  const findings = invalidSequenceFindings(bytes, invalid, 'utf-8').map((f) => ({ ...f, span: null }));
  return {
    text: out.text, format: 'html', encoding: null, pages: null, warnings: [], origin: { text: source, starts: out.starts, ends: out.ends },
    ...(findings.length ? { findings } : {}),
  };
}

/**
 * The page's text: by its BOM, else the charset its meta tag declares, else UTF-8 (Windows-1252 when
 * the bytes are not UTF-8 at all). UTF-8 with a few damaged bytes stays UTF-8: each bad sequence is a
 * U+FFFD, returned to be named in a finding.
 */
function decode(bytes: Uint8Array): { source: string; invalid: InvalidSequence[] } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const { text, invalid } = lenientUtf8(bytes, 3);
    return { source: text, invalid };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { source: new TextDecoder('utf-16le').decode(bytes.subarray(2)), invalid: [] };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { source: new TextDecoder('utf-16be').decode(bytes.subarray(2)), invalid: [] };
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  const declared = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head)?.[1]?.toLowerCase();
  const utf8 = declared === 'utf-8' || declared === 'utf8';
  if (declared && !utf8) {
    try {
      return { source: new TextDecoder(declared).decode(bytes), invalid: [] };
    } catch {
      // An unknown label: read as UTF-8 below.
    }
  }
  if (isUtf8(bytes)) return { source: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8'), invalid: [] };
  if (utf8 || damagedUtf8(bytes)) {
    const { text, invalid } = lenientUtf8(bytes, 0);
    return { source: text, invalid };
  }
  return { source: new TextDecoder('windows-1252').decode(bytes), invalid: [] };
}
