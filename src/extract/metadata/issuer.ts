import { fold } from '../../normalize/fold.js';
import { alternation, issuerInfo, memo, normalizeWord, type BodyInfo, type Rules } from '../../rules/compile.js';
import type { Signature } from '../../schema.js';
import type { Drafted } from '../document.js';
import type { SymbolParts } from '../symbol.js';
import type { Found, MetaContext } from './context.js';
import { cellsOf, isUpperLine, startsWithHeading, trimLine } from './lines.js';
import { matchesAtWordStart, oneSpaced } from '../../util/text.js';
import { provinceByName } from './province.js';

/** A body as far as the evidence names it: a kind ("Sở") or a body ("Sở Nội vụ"), maybe with its place. */
interface BodyClue {
  body: BodyInfo | null;
  kind: string;
  /** "tỉnh An Giang", "huyện Tri Tôn" when the evidence names the place. */
  place: string | null;
  start: number;
  end: number;
  rule: string;
  /** Named under a central body in the letterhead ("BỘ TÀI CHÍNH / CỤC THUẾ"): no province is added. */
  underCentral?: boolean;
}

interface BodyPatterns {
  /** In running text, case as written: "Ủy ban nhân dân tỉnh Kien Giang"; a letter may stand before it (see matchesAtWordStart). */
  inText: RegExp;
  /** In an upper-case header: "ỦY BAN NHÂN DÂN TỈNH AN GIANG". */
  inHeader: RegExp;
}

const cache = new WeakMap<Rules, BodyPatterns>();

function bodyPatterns(rules: Rules): BodyPatterns {
  let p = cache.get(rules);
  if (!p) {
    const units = alternation(rules.data.lexicon.localUnitWords);
    const placeName = '\\p{Lu}\\p{Ll}*(?:[ ]+\\p{Lu}\\p{Ll}*){0,3}';
    p = {
      // No look-behind in front: tried at every character it cost three times the scan (matchesAtWordStart checks the boundary).
      inText: new RegExp(`(${rules.bodySource})(?:\\s+(${units})(?:\\s+(${placeName}))?)?(?![\\p{L}])`, 'gu'),
      inHeader: new RegExp(`(?<![\\p{L}])(${rules.bodySource})(?:\\s+(${units})\\s+(\\p{L}[\\p{L} -]*))?`, 'iu'),
    };
    cache.set(rules, p);
  }
  return p;
}

export function bodyOf(name: string, rules: Rules): BodyInfo | null {
  return rules.bodyByKey.get(oneSpaced(fold(name)).trim()) ?? null;
}

/**
 * Who issued the document. The strongest clue names the kind of body: the header agency line, the
 * collective a "TM." signature speaks for, the issuer code of the document's own number, the title
 * of the person who signs (GIÁM ĐỐC → a Sở). A body the text names reporting in its own voice
 * ("Sở Nội vụ, cơ quan thường trực …, tổng hợp báo cáo") makes a bare kind specific and may give
 * its place. Local bodies are completed with their place: "Ủy ban nhân dân tỉnh An Giang".
 */
export function extractIssuer(
  ctx: MetaContext,
  number: Found<SymbolParts> | null,
  signatures: Drafted<Signature>[],
  province: Found<string> | null,
): Found<string> | null {
  const clue = headerClue(ctx) ?? signatureClue(ctx, signatures) ?? numberClue(ctx, number);
  const voices = selfReferences(ctx);
  let chosen = clue;
  if (!clue?.body) {
    const voice = voices.find((v) => !clue || v.body?.kind === clue.kind);
    if (voice) chosen = { ...voice, rule: clue ? `${clue.rule}+self-reference` : voice.rule };
  } else if (!clue.place) {
    const same = voices.find((v) => v.body?.name === clue.body!.name && v.place);
    if (same) chosen = { ...clue, place: same.place };
  }
  if (!chosen?.body) return null;
  const name = withPlace(chosen.body, chosen.place, chosen.underCentral ? null : province?.value ?? null, ctx.rules);
  return { value: name, start: chosen.start, end: chosen.end, rule: chosen.rule, inferred: chosen.rule !== 'header' };
}

function withPlace(body: BodyInfo, place: string | null, province: string | null, rules: Rules): string {
  if (!body.local) return body.name;
  let unit: string | null = null;
  let where: string | null = null;
  if (place) {
    const units = rules.data.lexicon.localUnitWords.slice().sort((a, b) => b.length - a.length);
    unit = units.find((u) => fold(place).startsWith(fold(u) + ' ')) ?? null;
    const name = unit ? place.slice(unit.length).trim() : place;
    where = provinceByName(name, rules)?.name ?? name;
  }
  if (!where && province) {
    where = province;
    unit = provinceByName(province, rules)?.type ?? null;
  }
  if (!where) return body.name;
  return body.withPlace
    .replace('{name}', body.name)
    .replace('{unit}', unit ?? '')
    .replace('{province}', where)
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The agency lines of the header, above the type line, in their column: "ỦY BAN NHÂN DÂN / TỈNH
 * HÀ TĨNH", "UBND TỈNH QUẢNG NINH / SỞ TÀI CHÍNH", "BỘ TÀI CHÍNH / CỤC HẢI QUAN". The issuer is the
 * lowest body named (the Sở under the UBND), placed by the nearest place named above or beside it;
 * a body under a central one (a Cục under its Bộ) takes no place at all.
 */
function headerClue(ctx: MetaContext): BodyClue | null {
  const mottos = ctx.rules.data.lexicon.headerMottos;
  const { inHeader } = bodyPatterns(ctx.rules);
  const unitLine = memo(ctx.rules, 'header-unit-line', () =>
    new RegExp(`^(${alternation(ctx.rules.data.lexicon.localUnitWords)})\\s+(\\p{L}[\\p{L} -]*)$`, 'iu'));
  const subordinate = new Set(ctx.rules.data.agencies.subordinateUnits.map(fold));
  let found = null as BodyClue | null;
  let place = null as string | null;
  for (let i = ctx.headStart; i < Math.min(ctx.headEnd, ctx.headStart + 16); i++) {
    const line = trimLine(ctx.lines[i]!);
    if (!line.text) continue;
    const cell = cellsOf(line).find((c) => !startsWithHeading(c.text, mottos));
    if (!cell) continue;
    if (!isUpperLine(cell.text) || ctx.rules.typeNamesByWord.has(fold(cell.text))) break;
    // "VĂN PHÒNG" under "UBND TỈNH CÀ MAU" is the Văn phòng of that UBND (rules/agencies.json, subordinateUnits).
    const unitOfAbove = found?.body && subordinate.has(fold(cell.text)) ? bodyOf(`${cell.text} ${found.body.name}`, ctx.rules) : null;
    if (unitOfAbove) {
      found = { ...found!, body: unitOfAbove, kind: unitOfAbove.kind, start: cell.start, end: cell.end };
      continue;
    }
    const m = inHeader.exec(cell.text);
    const body = (m ? bodyOf(m[1]!, ctx.rules) : null) ?? letterheadBody(cell.text, found, ctx.rules);
    if (body) {
      if (m?.[2] && m[3]) place = `${m[2].toLowerCase()} ${titleCase(m[3].trim())}`;
      const underCentral = !!found?.body && !found.body.local && found.body.name !== body.name;
      found = { body, kind: body.kind, place, start: cell.start, end: cell.end, rule: 'header', underCentral };
      continue;
    }
    const u = unitLine.exec(cell.text);
    if (u && found) {
      place = `${u[1]!.toLowerCase()} ${titleCase(u[2]!.trim())}`;
      found = { ...found, place, end: cell.end };
    }
  }
  return found;
}

/**
 * A body the gazetteer does not list, named by a letterhead line that opens with the head of a
 * body's name (rules/agency-cues.json, letterheadHeads): "CỤC HẢI QUAN" → "Cục Hải quan",
 * "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG" → "Trung tâm Phục vụ hành chính công". It is local when the
 * body above it is.
 */
function letterheadBody(upper: string, above: BodyClue | null, rules: Rules): BodyInfo | null {
  const heads = memo(rules, 'letterhead-heads', () =>
    rules.data.agencyCues.letterheadHeads.map((h) => normalizeWord(h)).sort((a, b) => b.length - a.length));
  const folded = oneSpaced(fold(upper)).trim();
  const head = heads.find((h) => folded.startsWith(`${fold(h)} `));
  if (!head) return null;
  const words = oneSpaced(upper).trim().split(' ');
  const headLength = head.split(' ').length;
  const rest = words.slice(headLength).map((w, k) => (k === 0 ? titleCase(w) : w.toLowerCase())).join(' ');
  const name = restoreProvinces(`${head} ${rest}`, rules);
  return { name, kind: head, local: above?.body?.local ?? false, withPlace: '{name} {unit} {province}' };
}

/** "… tỉnh quảng ninh" → "… tỉnh Quảng Ninh": province names keep their capitals in a lower-cased name. */
function restoreProvinces(name: string, rules: Rules): string {
  const words = name.split(' ');
  for (let k = 0; k < words.length; k++) {
    for (let n = Math.min(4, words.length - k); n >= 2; n--) {
      const p = provinceByName(words.slice(k, k + n).join(' '), rules);
      if (!p) continue;
      words.splice(k, n, ...p.name.split(' '));
      k += n - 1;
      break;
    }
  }
  return words.join(' ');
}

function titleCase(upper: string): string {
  return upper.toLowerCase().replace(/(^|[\s-])(\p{L})/gu, (_, s: string, c: string) => s + c.toUpperCase());
}

function signatureClue(ctx: MetaContext, signatures: Drafted<Signature>[]): BodyClue | null {
  const sig = signatures[0];
  if (!sig) return null;
  if (sig.authority === 'TM.' && sig.authorityOf) {
    const body = bodyOf(sig.authorityOf, ctx.rules);
    if (body) return { body, kind: body.kind, place: null, ...sig.at, rule: 'signature-collective' };
  }
  const head = sig.authority === 'KT.' && sig.authorityOf ? sig.authorityOf : sig.title;
  const implied = head ? ctx.rules.signerTitleBody.get(fold(head)) : undefined;
  if (!implied) return null;
  return { body: bodyOf(implied, ctx.rules), kind: implied, place: null, ...sig.at, rule: 'signer-title' };
}

function numberClue(ctx: MetaContext, number: Found<SymbolParts> | null): BodyClue | null {
  const code = number?.value.issuerCode;
  if (!code) return null;
  const info = issuerInfo(code, ctx.rules);
  const body = info ? bodyOf(info.name, ctx.rules) : null;
  if (!body) return null;
  return { body, kind: body.kind, place: null, start: number.start, end: number.end, rule: 'number-issuer-code' };
}

/**
 * Bodies speaking in their own voice in the opening or closing paragraphs: a body name followed in
 * the same sentence by a reporting verb ("Ủy ban nhân dân tỉnh Kien Giang báo cáo …").
 */
function selfReferences(ctx: MetaContext): BodyClue[] {
  const verbs = memo(ctx.rules, 'self-report-verbs', () =>
    new RegExp(`(?<![\\p{L}])(?:${alternation(ctx.rules.data.lexicon.selfReportVerbs)})(?![\\p{L}])`, 'iu'));
  const text = ctx.mt.text;
  const bodyStart = ctx.lines[Math.min(ctx.headEnd, ctx.lines.length - 1)]?.start ?? 0;
  const windows: [number, number][] = [
    [0, Math.min(text.length, bodyStart + 1500)],
    [Math.max(0, text.length - 3000), text.length],
  ];
  const re = bodyPatterns(ctx.rules).inText;
  const clues: BodyClue[] = [];
  for (const [from, to] of windows) {
    const slice = text.slice(from, to);
    re.lastIndex = 0;
    const matches = [...matchesAtWordStart(slice, re)];
    for (const [k, m] of matches.entries()) {
      // The verb must follow this body before the next body starts: in "… của Bộ Nội vụ, Ủy ban
      // nhân dân tỉnh An Giang tổng hợp, báo cáo" the reporter is the second body, not the first.
      const afterEnd = Math.min(m.index + m[0].length + 160, matches[k + 1]?.index ?? slice.length);
      const after = slice.slice(m.index + m[0].length, afterEnd).split(/[.;\n]/)[0]!;
      const body = bodyOf(m[1]!, ctx.rules);
      if (!body || !verbs.test(after)) continue;
      const place = m[2] && m[3] ? `${m[2]} ${m[3]}` : null;
      clues.push({ body, kind: body.kind, place, start: from + m.index, end: from + m.index + m[0].length, rule: 'self-reference' });
    }
  }
  return clues;
}
