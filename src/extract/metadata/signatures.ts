import { fold } from '../../normalize/fold.js';
import { alternation, memo, type Rules } from '../../rules/compile.js';
import type { Signature } from '../../schema.js';
import type { Drafted } from '../document.js';
import type { MetaContext } from './context.js';
import { cellsOf, isBullet, isUpperLine, startsWithHeading, trimLine, type Line } from './lines.js';
import { oneSpaced } from '../../util/text.js';

// "Trương Long Hồ", "Mai", "Sơn": one to five capitalised words, nothing else. A name of one word is
// only half a name, wrapped onto the next line ("Mai" / "Sơn").
const NAME_WORDS = /^\p{Lu}\p{Ll}*(?:\s+\p{Lu}\p{Ll}*){0,4}$/u;
// "(Đã ký)", "(Ký tên, đóng dấu)", "[daky]", "Đã ký": notes where the signature image was.
const SIGN_NOTE = /^(?:\(.*\)|\[.*\]|đã ký\.?)$/iu;
// Lines of capitals a block may hold: "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH".
const MAX_BLOCK_LINES = 4;
// PDF text puts many blank lines where the signature image was: look this far above the name.
const MAX_GAP_LINES = 40;
// A signer's name, a rank before it, and the cell gap of a two-column layout fit in this.
const MAX_NAME_LINE = 120;

/**
 * Signature blocks anywhere in the document (before annexes and tables too, not only at the end):
 * lines of capitals naming an authority ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH") and the signer's
 * title ("PHÓ CHỦ TỊCH"), then the signer's name, maybe wrapped onto a second line. In text order.
 */
export function extractSignatures(ctx: MetaContext): Drafted<Signature>[] {
  const signatures: Drafted<Signature>[] = [];
  let from = 0;
  // An annex after a signature ("PHỤ LỤC", "DANH SÁCH THÀNH VIÊN") lists people with their titles:
  // past it, only a block with an authority line ("TM.", "KT.") is a signature.
  let annexAfterSignature = false;
  const annexHeadings = ctx.rules.data.lexicon.annexHeadings;
  for (let i = 0; i < ctx.lines.length; i++) {
    if (signatures.length && !annexAfterSignature && isUpperLine(ctx.lines[i]!.text) && startsWithHeading(ctx.lines[i]!.text, annexHeadings)) {
      annexAfterSignature = true;
    }
    // A name is a short line: prose lines are passed over before any pattern runs.
    if (i < from || ctx.lines[i]!.text.length > MAX_NAME_LINE) continue;
    const name = nameAt(ctx.lines, i, ctx.rules);
    if (!name) continue;
    const block = upperLinesAbove(ctx.lines, i, from, ctx.rules);
    if (!block.length) continue;
    const sig = readBlock(ctx, block, name);
    if (!sig || (annexAfterSignature && !sig.authority)) continue;
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
  const first = withoutRank(rightCell(lines[i]!), rules);
  if (!NAME_WORDS.test(first.text) || isUpperLine(first.text)) return null;
  const words = first.text.split(/\s+/).length;
  const next = lines[i + 1] ? rightCell(lines[i + 1]!) : null;
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

/**
 * A line of a signature block: in capitals, or, in documents of the 2000s written in lower case, a
 * short one that opens with an abbreviated authority ("TM. Uỷ ban nhân dân") or is a known title
 * ("Chủ tịch", "thủ tướng chính phủ").
 */
function signatureLine(text: string, rules: Rules): boolean {
  if (isUpperLine(text)) return true;
  if (text.length > 50) return false;
  // "TM. Chính phủ", "KT. Bộ trưởng": an abbreviated authority in capitals; "Ký tên, đóng dấu" is no prefix.
  const prefix = /^\p{Lu}{1,3}\.\s*/u.exec(text);
  return (!!prefix && !!readPrefix(prefix[0], rules.signingPrefixByForm)) || titleOfBody(text, rules);
}

/**
 * A line of a digital signature's stamp, which a signed PDF shows between the title and the name:
 * "Ký bởi: Ủy ban nhân dân tỉnh Lào Cai", "Thời gian ký: 05.12.2025 10:20:30 +07:00" (rules/signing.json
 * stampLabels, each before a colon).
 */
function stampLine(text: string, rules: Rules): boolean {
  const labels = memo(rules, 'stamp-labels', () => new RegExp(`^(?:${alternation(rules.data.signing.stampLabels)})\\s*:`, 'iu'));
  return labels.test(text);
}

/**
 * The right-hand cell of a line laid out in two columns: the signature stands beside "Nơi nhận"
 * ("- Lưu: VT.      TM. ỦY BAN NHÂN DÂN"); a line of one cell is itself.
 */
function rightCell(line: Line): Line {
  // Most lines hold one cell: split only where a cell gap (three spaces) stands.
  if (!line.text.includes('   ')) return trimLine(line);
  return cellsOf(line).at(-1) ?? trimLine(line);
}

/** Up to four lines of capitals right above line i (blank lines, layout lines, "(Đã ký)" and list items skipped). */
function upperLinesAbove(lines: Line[], i: number, floor: number, rules: Rules): IndexedLine[] {
  const block: IndexedLine[] = [];
  for (let j = i - 1; j >= floor && j >= i - MAX_GAP_LINES && block.length < MAX_BLOCK_LINES; j--) {
    const line = rightCell(lines[j]!);
    // A recipient of "Nơi nhận" in the left column, the right one blank on that line.
    if (!line.text || SIGN_NOTE.test(line.text) || isBullet(line.text) || stampLine(line.text, rules)) continue;
    if (!signatureLine(line.text, rules) || line.text.length > 80) break;
    block.unshift({ ...line, index: j });
  }
  return block;
}

/**
 * The block from its first authority line on: "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH" →
 * authority TM. of ỦY BAN NHÂN DÂN, title PHÓ CHỦ TỊCH (the line right above the name). Without an
 * authority line the block is its last line, which must be a title the rules know ("CHỦ TỊCH").
 */
function readBlock(ctx: MetaContext, block: IndexedLine[], name: NameLines): Drafted<Signature> | null {
  const { rules } = ctx;
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
    name: oneSpaced(name.text),
    at: { start: first.start, end: name.end },
  };
}

/** "Chủ tịch", or a known title followed by a known body: "thủ tướng chính phủ" (not "Thủ tướng CP quyết định …"). */
function titleOfBody(text: string, rules: Rules): boolean {
  const folded = oneSpaced(fold(text)).trim();
  if (rules.signerTitleBody.has(folded)) return true;
  for (const t of rules.signerTitleBody.keys()) {
    if (folded.startsWith(`${t} `) && rules.bodyByKey.has(folded.slice(t.length + 1))) return true;
  }
  return false;
}

/** "CHỦ TỊCH", and a known title followed by its body: "GIÁM ĐỐC SỞ NỘI VỤ", "CHÁNH VĂN PHÒNG UBND". */
function knownTitle(title: string, titles: Map<string, string>): boolean {
  const folded = oneSpaced(fold(title)).trim();
  if (titles.has(folded)) return true;
  for (const t of titles.keys()) if (folded.startsWith(`${t} `)) return true;
  return false;
}

/** "KT. GIÁM ĐỐC" → { code: "KT.", rest: "GIÁM ĐỐC" }; "KT.CHỦ TỊCH", "KÝ THAY CHỦ TỊCH" as well (rules/signing.json). */
const formsByLength = new WeakMap<Map<string, string>, string[]>();

function readPrefix(text: string, forms: Map<string, string>): { code: string; rest: string } | null {
  const folded = fold(text);
  let candidates = formsByLength.get(forms);
  if (!candidates) formsByLength.set(forms, (candidates = [...forms.keys()].sort((a, b) => b.length - a.length)));
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
