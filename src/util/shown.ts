/**
 * File names and other untrusted text in messages. A name may hold any byte but "/" and NUL: a
 * newline in one ("a\nb.txt: error forged: …") would forge a diagnostic line of its own, an ESC
 * ("\x1b[2J") would reach the terminal and clear it. Such text is shown with JSON's escapes.
 */

// C0 and C1 control characters and DEL (newline, carriage return, ESC, BEL …), a lone surrogate
// (a name byte that is not UTF-8, see read/file-name.ts), and the bidirectional overrides and
// isolates that make a terminal show text in another order than it is (U+202A–202E, U+2066–2069).
const UNSAFE = /[\p{Cc}\p{Cs}\u{202a}-\u{202e}\u{2066}-\u{2069}]/u;
const UNSAFE_ALL = new RegExp(UNSAFE.source, 'gu');

/**
 * A path as messages print it: as it is when it holds nothing unsafe, so that `path:line:col` stays
 * what editors and terminals link; else as a JSON string, quoted ("a\nb.txt" → `"a\nb.txt"`).
 */
export function shownPath(path: string): string {
  return UNSAFE.test(path) ? jsonString(path) : path;
}

/**
 * Text of a message that may echo a name or a document's words (a system error naming a path, a
 * finding quoting the text): each unsafe character as its JSON escape, without quotes.
 */
export function shownText(text: string): string {
  return UNSAFE.test(text) ? text.replace(UNSAFE_ALL, (c) => jsonString(c).slice(1, -1)) : text;
}

/** A path always quoted (a list of names in a sentence), with the same escapes. */
export function quotedPath(path: string): string {
  return jsonString(path);
}

/** JSON.stringify, and the escapes JSON allows but does not demand: DEL, C1 controls and bidi marks. */
function jsonString(text: string): string {
  return JSON.stringify(text).replace(/[\u{7f}-\u{9f}\u{202a}-\u{202e}\u{2066}-\u{2069}]/gu, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
