import { fold } from '../../normalize/fold.js';
import { toSourceSpan, sourceSlice } from '../../normalize/mapped-text.js';
import { alternation, memo, type Rules } from '../../rules/compile.js';
import type { Signature } from '../../schema.js';
import type { MetaContext } from './context.js';
import { isUpperLine, trimLine, type Line } from './lines.js';

// "Trương Long Hồ", "Mai", "Sơn": one to five capitalised words, nothing else. A name of one word is
// only half a name, wrapped onto the next line ("Mai" / "Sơn").
const NAME_WORDS = /^\p{Lu}\p{Ll}*(?:\s+\p{Lu}\p{Ll}*){0,4}$/u;
// "(Đã ký)", "(Ký tên, đóng dấu)", "[daky]", "Đã ký": notes where the signature image was.
const SIGN_NOTE = /^(?:\(.*\)|\[.*\]|đã ký\.?)$/iu;
// Lines of capitals a block may hold: "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH".
const MAX_BLOCK_LINES = 4;
// PDF text puts many blank lines where the signature image was: look this far above the name.
const MAX_GAP_LINES = 40;

/**
 * Signature blocks anywhere in the document (before annexes and tables too, not only at the end):
 * lines of capitals naming an authority ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH") and the signer's
 * title ("PHÓ CHỦ TỊCH"), then the signer's name, maybe wrapped onto a second line. In text order.
 */
export function extractSignatures(ctx: MetaContext): Signature[] {
  const signatures: Signature[] = [];
  let from = 0;
  for (let i = 0; i < ctx.lines.length; i++) {
    if (i < from) continue;
    const name = nameAt(ctx.lines, i, ctx.rules);
    if (!name) continue;
    const block = upperLinesAbove(ctx.lines, i, from);
    if (!block.length) continue;
    const sig = readBlock(ctx, block, name);
    if (!sig) continue;
    signatures.push(sig);
    from = name.lastIndex + 1;
  }
  return signatures;
}

interface IndexedLine extends Line {
  index: number;
}

interface NameLines {
  text: string;
  start: number;
  end: number;
  lastIndex: number;
}

/**
 * The signer's name starting at line i: 2–5 capitalised words, on one line or wrapped onto the next,
 * after a rank or degree ("Thượng tướng Vũ Hải Sản" → "Vũ Hải Sản", rules/signing.json nameRanks).
 */
function nameAt(lines: Line[], i: number, rules: Rules): NameLines | null {
  const first = withoutRank(trimLine(lines[i]!), rules);
  if (!NAME_WORDS.test(first.text) || isUpperLine(first.text)) return null;
  const words = first.text.split(/\s+/).length;
  const next = lines[i + 1] ? trimLine(lines[i + 1]!) : null;
  if (next && NAME_WORDS.test(next.text) && !isUpperLine(next.text) && words + next.text.split(/\s+/).length <= 5 && words < 3) {
    return { text: `${first.text} ${next.text}`, start: first.start, end: next.end, lastIndex: i + 1 };
  }
  return words >= 2 ? { text: first.text, start: first.start, end: first.end, lastIndex: i } : null;
}

function withoutRank(line: Line, rules: Rules): Line {
  const rank = memo(rules, 'name-ranks', () =>
    new RegExp(`^(?:${alternation(rules.data.signing.nameRanks)})\\s*(?=\\p{Lu})`, 'u'));
  const m = rank.exec(line.text);
  return m ? { text: line.text.slice(m[0].length), start: line.start + m[0].length, end: line.end } : line;
}

/** Up to four lines of capitals right above line i (blank lines, layout lines and "(Đã ký)" skipped). */
function upperLinesAbove(lines: Line[], i: number, floor: number): IndexedLine[] {
  const block: IndexedLine[] = [];
  for (let j = i - 1; j >= floor && j >= i - MAX_GAP_LINES && block.length < MAX_BLOCK_LINES; j--) {
    const line = trimLine(lines[j]!);
    if (!line.text || SIGN_NOTE.test(line.text)) continue;
    if (!isUpperLine(line.text) || line.text.length > 80) break;
    block.unshift({ ...line, index: j });
  }
  return block;
}

/**
 * The block from its first authority line on: "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH" →
 * authority TM. of ỦY BAN NHÂN DÂN, title PHÓ CHỦ TỊCH (the line right above the name). Without an
 * authority line the block is its last line, which must be a title the rules know ("CHỦ TỊCH").
 */
function readBlock(ctx: MetaContext, block: IndexedLine[], name: NameLines): Signature | null {
  const { rules, mt } = ctx;
  const firstPrefix = block.findIndex((b) => readPrefix(b.text, rules.signingPrefixByForm));
  const lines = firstPrefix >= 0 ? block.slice(firstPrefix) : block.slice(-1);
  const first = lines[0]!;
  const prefix = firstPrefix >= 0 ? readPrefix(first.text, rules.signingPrefixByForm) : null;
  const last = lines.at(-1)!;
  const lastPrefix = readPrefix(last.text, rules.signingPrefixByForm);
  const title = (lastPrefix ? lastPrefix.rest : last.text) || (lines.length > 1 ? lines.at(-2)!.text : null);
  if (!prefix && !(title && knownTitle(title, rules.signerTitleBody))) return null;
  const authorityOf = prefix ? prefix.rest || lines[1]?.text || null : null;
  return {
    authority: prefix?.code ?? null,
    authorityOf,
    title: title ?? authorityOf,
    name: name.text.replace(/\s+/g, ' '),
    text: sourceSlice(mt, first.start, name.end),
    span: toSourceSpan(mt, first.start, name.end),
  };
}

/** "CHỦ TỊCH", and a known title followed by its body: "GIÁM ĐỐC SỞ NỘI VỤ", "CHÁNH VĂN PHÒNG UBND". */
function knownTitle(title: string, titles: Map<string, string>): boolean {
  const folded = fold(title).replace(/\s+/g, ' ').trim();
  if (titles.has(folded)) return true;
  for (const t of titles.keys()) if (folded.startsWith(`${t} `)) return true;
  return false;
}

/** "KT. GIÁM ĐỐC" → { code: "KT.", rest: "GIÁM ĐỐC" }; "KT.CHỦ TỊCH", "KÝ THAY CHỦ TỊCH" as well (rules/signing.json). */
function readPrefix(text: string, forms: Map<string, string>): { code: string; rest: string } | null {
  const folded = fold(text);
  const candidates = [...forms.keys()].sort((a, b) => b.length - a.length);
  for (const form of candidates) {
    if (!folded.startsWith(form)) continue;
    const next = folded.charAt(form.length);
    if (!form.endsWith('.') && next !== ' ' && next !== '.' && next !== '') continue;
    const rest = text.slice(form.length).replace(/^[.\s]+/, '').trim();
    // "KÝ" alone is no prefix; "TL." alone is, its body on the next line ("TL." / "CỤC TRƯỞNG").
    if (!rest && !form.endsWith('.') && next !== '.') continue;
    return { code: forms.get(form)!, rest };
  }
  return null;
}
