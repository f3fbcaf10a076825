import { fold } from '../../normalize/fold.js';
import { toSourceSpan, sourceSlice } from '../../normalize/mapped-text.js';
import type { Signature } from '../../schema.js';
import type { MetaContext } from './context.js';
import { isUpperLine, trimLine, type Line } from './lines.js';

// "Trương Long Hồ", "Nguyễn Thanh Bình": two to five capitalised words, nothing else.
const PERSON_NAME = /^\p{Lu}\p{Ll}*(?:\s+\p{Lu}\p{Ll}*){1,4}$/u;
// "(Đã ký)", "(Ký tên, đóng dấu)", "(đã ký)": notes between title and name.
const SIGN_NOTE = /^\(.*\)$/u;

/**
 * Signature blocks, from the end of the document: an optional authority line ("KT. GIÁM ĐỐC",
 * "TM. ỦY BAN NHÂN DÂN"), the signer's title ("PHÓ GIÁM ĐỐC"), then the signer's name.
 */
export function extractSignatures(ctx: MetaContext): Signature[] {
  const signatures: Signature[] = [];
  const used = new Set<number>();
  for (let i = ctx.lines.length - 1; i >= ctx.tailStart; i--) {
    const nameLine = trimLine(ctx.lines[i]!);
    if (used.has(i) || !PERSON_NAME.test(nameLine.text) || isUpperLine(nameLine.text)) continue;
    const block = upperLinesAbove(ctx.lines, i);
    if (!block.length) continue;
    const sig = readBlock(ctx, block, nameLine);
    if (!sig) continue;
    block.forEach((b) => used.add(b.index));
    signatures.unshift(sig);
  }
  return signatures;
}

interface IndexedLine extends Line {
  index: number;
}

/** Up to three upper-case lines right above line i, skipping blank lines and "(Đã ký)" notes. */
function upperLinesAbove(lines: Line[], i: number): IndexedLine[] {
  const block: IndexedLine[] = [];
  // PDF text puts many blank lines where the signature image was; look up to 40 lines above.
  for (let j = i - 1; j >= 0 && j >= i - 40 && block.length < 3; j--) {
    const line = trimLine(lines[j]!);
    if (!line.text || SIGN_NOTE.test(line.text) || /^[\s*_.]*$/.test(line.text)) continue;
    if (!isUpperLine(line.text) || line.text.length > 60) break;
    block.unshift({ ...line, index: j });
  }
  return block;
}

function readBlock(ctx: MetaContext, block: IndexedLine[], nameLine: Line): Signature | null {
  const { rules, mt } = ctx;
  const first = block[0]!;
  const prefix = readPrefix(first.text, rules.signingPrefixByForm);
  const titles = block.map((b) => b.text);
  let authority: string | null = null;
  let authorityOf: string | null = null;
  if (prefix) {
    authority = prefix.code;
    authorityOf = prefix.rest || titles[1] || null;
    titles[0] = prefix.rest;
  }
  const ownTitles = titles.filter((t) => t && t !== authorityOf);
  const title = ownTitles.length ? ownTitles.join(' ') : authorityOf;
  // Without a prefix, the block must name a title the rules know, or it is not a signature.
  if (!prefix && !(title && rules.signerTitleBody.has(fold(title)))) return null;
  return {
    authority,
    authorityOf: authority ? authorityOf : null,
    title,
    name: nameLine.text,
    text: sourceSlice(mt, first.start, nameLine.end),
    span: toSourceSpan(mt, first.start, nameLine.end),
  };
}

/** "KT. GIÁM ĐỐC" → { code: "KT.", rest: "GIÁM ĐỐC" }; "KÝ CHỦ TỊCH" → KT. as well (rules/signing.json). */
function readPrefix(text: string, forms: Map<string, string>): { code: string; rest: string } | null {
  const folded = fold(text);
  const candidates = [...forms.keys()].sort((a, b) => b.length - a.length);
  for (const form of candidates) {
    if (!folded.startsWith(form)) continue;
    const next = folded.charAt(form.length);
    if (!form.endsWith('.') && next !== ' ' && next !== '.') continue;
    const rest = text.slice(form.length).replace(/^[.\s]+/, '').trim();
    if (!rest && !form.endsWith('.')) continue;
    return { code: forms.get(form)!, rest };
  }
  return null;
}
