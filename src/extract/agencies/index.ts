import { fold, lower } from '../../normalize/fold.js';
import { normalizeWord, type Rules } from '../../rules/compile.js';
import { AGENCY_INFERABLE, type Agency } from '../../schema.js';
import { sectionPathAt } from '../../segment/sections.js';
import { charBefore, isLetterUnit, isSpaceUnit, isUpperUnit, oneSpaced, wordCount } from '../../util/text.js';
import { inferredOf, within, type NormalizedDocument, type NormalizedSpan } from '../document.js';
import type { DocumentDraft } from '../metadata/index.js';
import { provinceByName } from '../metadata/province.js';
import { infer, type AgencyField, type AgencyMention, type Found } from './found.js';
import { genericBodies, overlapTest } from './generic.js';
import { listMentions, provinceListMentions } from './lists.js';
import { titleBodies } from './titles.js';
import { agencyPatterns, spellOut, type Body } from './patterns.js';
import { canonicalPlace, isProvincialUnit, levelOfUnit, wrappedPlace } from './places.js';

export type { AgencyMention } from './found.js';

/**
 * Agencies: every mention of a body by a name or alias the rules know (rules/agencies.json), with
 * its canonical name, the full name with its place when the document makes it certain ("UBND
 * tỉnh" in an An Giang report → "Ủy ban nhân dân tỉnh An Giang"), its level, and the roles the
 * text gives it. Generic plurals ("các sở, ban, ngành", "Ủy ban nhân dân các huyện, thị xã, thành
 * phố") are group mentions, not agencies.
 */
export function extractAgencies(normalized: NormalizedDocument, { metadata }: { metadata: DocumentDraft }): AgencyMention[] {
  const { rules, sections, text, folded, lowered } = normalized;
  // `doc` here is the metadata: the document's province, issuer and where its parts were read.
  const doc = ofHomeProvince(metadata);
  const p = agencyPatterns(rules);
  const found: Found[] = [];

  p.bodyFirstWord.lastIndex = 0;
  for (let first = p.bodyFirstWord.exec(folded); first; first = p.bodyFirstWord.exec(folded)) {
    if (insideWord(folded, first.index)) continue;
    // Cheapest test first: a body is a proper name ("Sở Nội vụ", "sở Công Thương"), and folded
    // first words ("so", "ban", "van") are everywhere in running text ("số", "bản", "văn").
    if (!upperAt(text, first.index, text.length) && !nextWordCapitalised(text, first.index)) continue;
    // The second word must begin some name of this first word ("ban hanh" begins none): a set lookup
    // spares the long alternation of names at every capitalised "Ban hành", "Cục trưởng".
    const seconds = p.secondWords.get(first[0]);
    const word = secondWord(folded, first.index + first[0].length);
    if (seconds && !seconds.has(word) && !seconds.has(word.split(/[-,.&]/)[0]!)) continue;
    const names = p.bodyByFirstWord.get(first[0])!;
    names.lastIndex = first.index;
    const m = names.exec(folded);
    if (!m) continue;
    const start = m.index;
    // Not inside a word, nor inside a document number ("26/2019/TT-BKHCN").
    // …but "Cục KTVB&QLXLVPHC-Bộ Tư pháp": after a dash, a name written out in words is a body again.
    if (/[\p{L}/]/u.test(charBefore(folded, start)) || (charBefore(folded, start) === '-' && !/\s\p{Lu}\p{Ll}/u.test(text.slice(start, start + m[0].length)))) continue;
    const form = oneSpaced(m[1]!);
    const body = p.bodyByForm.get(form);
    if (!body) continue;
    const written = text.slice(start, start + m[0].length);
    // "NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH": a head that ends another word names no body.
    if (p.headNotAfter.get(first[0])?.test(lowered.slice(Math.max(0, start - 12), start))) continue;
    // "Bảo Lộc" matches "Báo" only folded: a first word written with other diacritics is another word.
    const firstWritten = lower(firstToken(written));
    const firstRule = p.firstWordByForm.get(form);
    if (firstRule !== undefined && firstWritten !== firstRule && firstWritten !== fold(firstWritten)) continue;
    const code = p.codeByForm.get(form);
    // "HDND tinh Ca Mau" (a text without diacritics) still names it; "TỰ" in a heading is no "TU".
    if (code !== undefined && normalizeWord(written) !== code && (/\p{Ll}/u.test(written) || written !== fold(written).toUpperCase())) continue;
    // A body is a proper name: "Sở Nội vụ", "UBND", "sở Công Thương"; not "nhiệm vụ cải cách hành chính".
    if (!/^\p{Lu}/u.test(written) && !(/^\S+\s+\p{Lu}/u.test(written) && writtenLowerHead(written, p.lowercaseHeads))) continue;
    // "Chính phủ điện tử", "Luật Tổ chức Chính phủ": part of another name.
    if (p.notAfter.test(lowered.slice(start + m[0].length, start + m[0].length + 12)) || p.notBefore.test(lowered.slice(Math.max(0, start - 20), start))) continue;
    // "(VNCERT)" right after "Trung tâm Ứng cứu khẩn cấp máy tính Việt Nam": the same body again.
    const previous = found[found.length - 1];
    if (previous && previous.body === body.name && /^\s*\($/.test(text.slice(previous.normEnd, start))) continue;
    let end = start + m[0].length;
    let name = body.name;
    let resolved: string | null = null;
    let placeName: string | null = null;
    let level = body.level;
    let group = p.groupBefore.test(lowered.slice(Math.max(0, start - 14), start));
    p.pluralUnits.lastIndex = end;
    const plural = p.pluralUnits.exec(lowered);
    if (plural) {
      group = true;
      end += plural[0].length;
      name = `${body.name}${text.slice(start + m[0].length, end)}`.replace(/\s+/g, ' ');
    } else if (body.placeNamed) {
      // "Báo An Giang", "Trường Cao đẳng Nghề tỉnh An Giang"; not "BÁO CÁO" (a type line) nor "Báo" alone.
      p.unitPlace.lastIndex = end;
      const up = p.unitPlace.exec(text);
      p.placeName.lastIndex = end;
      const pl = up?.[2] ? null : p.placeName.exec(text);
      const placeText = up?.[2] ?? pl?.[1];
      if (placeText && /\p{Ll}/u.test(placeText)) {
        const unit = up?.[2] ? `${up[1]!.toLowerCase()} ` : '';
        end += (up?.[2] ? up[0] : pl![0]).length;
        const wrapped = wrappedPlace(text, end, placeText, rules, p.firstWords);
        end += wrapped.length;
        placeName = canonicalPlace(wrapped.place, rules);
        name = resolved = `${body.name} ${unit}${placeName}`;
      } else if (body.provincialWhenBare && doc.province) {
        resolved = resolve({ ...body, level: 'tỉnh' }, name, doc, rules);
      } else continue;
    } else {
      p.unitPlace.lastIndex = end;
      // "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HỒ CHÍ MINH": a letterhead in capitals puts the unit on the next line.
      p.capsUnitPlaceNextLine.lastIndex = end;
      const up = p.unitPlace.exec(text) ?? (isCaps(written) ? p.capsUnitPlaceNextLine.exec(text) : null);
      // "Ủy ban nhân dân huyện, thị xã, thành phố": a list of units is a group too.
      p.unitListAfter.lastIndex = end + (up ? up[0].length : 0);
      const unitList = up && !up[2] ? p.unitListAfter.exec(lowered) : null;
      if (up && unitList) {
        group = true;
        end += up[0].length + unitList[0].length;
        name = `${body.name}${text.slice(start + m[0].length, end)}`.replace(/\s+/g, ' ');
      } else if (up && (up[2] || p.realUnits.has(lower(up[1]!)) || /^(?:\s*[.,;:)]|\s*$)/u.test(text.slice(end + up[0].length, end + up[0].length + 3)))) {
        // A unit written without diacritics ("tinh") counts only with its place ("tinh Kien Giang") or
        // at the end of a phrase ("tham muu UBND tinh."): before a word, "quan" or "xa" are other words ("quan tâm").
        const unit = p.unitByKey.get(fold(up[1]!).replace(/\.$/, '')) ?? up[1]!.toLowerCase();
        end += up[0].length;
        const wrapped = up[2] ? wrappedPlace(text, end, up[2], rules, p.firstWords) : null;
        end += wrapped?.length ?? 0;
        level = levelOfUnit(unit, wrapped?.place ?? null, rules) ?? level;
        if (wrapped) {
          placeName = canonicalPlace(wrapped.place, rules);
          name = resolved = `${body.name} ${unit} ${placeName}`;
        }
        else {
          name = `${body.name} ${unit}`;
          // "Văn phòng Ủy ban nhân dân tỉnh" in a decision of the city of Huế: the unit the province really is.
          if (body.local && isProvincialUnit(unit, rules) && doc.province) resolved = `${body.name} ${provinceByName(doc.province, rules)?.type ?? unit} ${doc.province}`;
        }
      } else if (body.withPlace === '{name} {province}') {
        // "Tỉnh ủy Kiên Giang", "Công an tỉnh Lào Cai", "Huyện ủy Tri Tôn": the place follows the name.
        p.placeName.lastIndex = end;
        const pl = p.placeName.exec(text);
        if (pl && /\p{Ll}/u.test(pl[1]!)) {
          end += pl[0].length;
          const wrapped = wrappedPlace(text, end, pl[1]!, rules, p.firstWords);
          end += wrapped.length;
          placeName = canonicalPlace(wrapped.place, rules);
          name = resolved = `${body.name} ${placeName}`;
        }
      }
    }
    // "Ban Chấp hành Trung ương khóa XII", "Ban Chỉ đạo … giai đoạn 2016-2020": the term is part of the name.
    p.termAfter.lastIndex = end;
    const term = body.termNamed && !group ? p.termAfter.exec(text) : null;
    const termText = term ? oneSpaced(term[0]) : '';
    if (term) {
      end += term[0].length;
      name = `${name}${termText}`;
      if (resolved !== null) resolved = `${resolved}${termText}`;
    }
    // "UBND cấp huyện", a district or commune body with no place ("Phòng Tư pháp"), and a body whose
    // place the text leaves open name a class of bodies: generic, like a plural — unless the next
    // body shares its place ("Hội đồng nhân dân, Ủy ban nhân dân tỉnh": see sharePlaces).
    p.levelClass.lastIndex = end;
    // …but a header line in capitals names the one body it heads ("BAN CHỈ ĐẠO CẢI CÁCH HÀNH CHÍNH").
    const header = /^\p{Lu}+(?:\s+\p{Lu}+)+$/u.test(text.slice(start, end));
    const placeless = name === body.name && body.local && !header && (p.placeRequired.has(body.kind) || body.level === 'huyện' || body.level === 'xã');
    // "Bộ phận Một cửa": a section inside a body, no agency (ANNOTATION.md), whatever its place.
    if (p.levelClass.test(lowered) || placeless || body.section) group = true;
    // "TM. ỦY BAN NHÂN DÂN" over the signature: the body that issues the document.
    if (resolved === null && header && name === body.name && doc.issuer && fold(doc.issuer).startsWith(`${fold(body.name)} `)) resolved = doc.issuer;
    // …and any other bare header of a local body in a province's document is that province's ("ỦY BAN NHÂN DÂN" over an annex).
    else if (resolved === null && header && name === body.name && body.local && body.level === null && doc.province) resolved = resolve({ ...body, level: 'tỉnh' }, name, doc, rules);
    if (resolved === null) resolved = resolve(body, name, doc, rules);
    const inferred = notInWords(resolved !== name, !!body.parent);
    // One body whether its term is written or not: the term stays out of the key longestForms groups by.
    let canonical = termText && resolved.endsWith(termText) ? resolved.slice(0, -termText.length) : resolved;
    // "Thủ tướng Chính phủ" names the Chính phủ; "Cục KSTTHC", "Trung tâm Hành chính công tỉnh …" stay as written (ANNOTATION.md).
    if (body.titleOf) resolved = canonical = body.titleOf;
    const variant = p.writtenByForm.get(form);
    if (variant && !body.titleOf && resolved.startsWith(body.name)) resolved = `${variant}${resolved.slice(body.name.length)}`;
    // "Thường trực Tỉnh ủy", "Ban Thường vụ Tỉnh ủy": a prefix that names another body (ANNOTATION.md).
    // Looked for before a class too: "Thường trực HĐND, UBND … TP" has its place only once sharePlaces has run.
    const prefixed = p.bodyPrefixBefore.exec(text.slice(Math.max(0, start - 24), start));
    // …but "Phó Chủ tịch Thường trực UBND tỉnh": part of a person's title, the body is the UBND.
    const prefix = prefixed && !p.titleBeforePrefix.test(lowered.slice(Math.max(0, start - prefixed[0].length - 24), start - prefixed[0].length)) ? prefixed : null;
    const from = prefix ? start - prefix[0].length : start;
    // "- TT: Tỉnh ủy, HĐND tỉnh", "- Thường trực: Thành ủy, HĐND": a list item that a prefix opens (sharePrefixes gives it to the rest).
    const listed = !prefix ? p.listPrefixBefore.exec(text.slice(Math.max(0, start - 24), start)) : null;
    const prefixName = prefix ? prefix[1]! : listed ? p.listPrefixes.get(listed[1]!) ?? listed[1]! : null;
    const usePrefix = prefix || (listed && p.prefixable.get(prefixName!)?.has(body.name)) ? prefixName : null;
    found.push({
      name, resolved, canonical, parent: body.parent ? resolveParent(body.parent, p, doc, rules) : null, pendingPrefix: usePrefix ?? undefined, prefixFrom: usePrefix && prefix ? from : undefined, kind: body.kind, level, group, rule: placeless && group ? 'placeless' : group ? 'group' : 'gazetteer', normStart: start, normEnd: end,
      body: body.name, placeNamed: body.placeNamed, placeName, suffix: name.slice(body.name.length), resolvedSuffix: resolved.startsWith(name) ? resolved.slice(name.length) : '',
      inferred,
    });
    p.bodyFirstWord.lastIndex = end;
  }

  sharePlaces(found, lowered, p);
  sharePrefixes(found, text, p, doc, rules);
  genericBodies(text, lowered, rules, doc, found);
  longestForms(found);

  found.sort((a, b) => a.normStart - b.normStart);
  found.push(...titleBodies(text, rules, overlapTest(found)));
  found.sort((a, b) => a.normStart - b.normStart);
  // "Các Bộ: Tư pháp, Tài chính": each item of a list that shares its head is a body.
  const overlapsBodies = overlapTest(found);
  const items = listMentions(text, rules, (name) => {
    // "Các Bộ: CT, XD": a code after the head is the body's symbol code without its initial (BCT, BXD).
    const code = /^(\p{Lu})\p{Ll}*\s+([\p{Lu}Đ&]{2,8})$/u.exec(name);
    const body = p.bodyByForm.get(oneSpaced(fold(name))) ?? p.bodyByForm.get(oneSpaced(fold(spelledOut(name, p))))
      ?? (code ? p.bodyByCode.get(`${code[1]}${code[2]}`) : undefined);
    return body ? { name: body.name, resolved: resolve(body, body.name, doc, rules), kind: body.kind, level: body.level } : null;
  }).filter((f) => !overlapsBodies(f.normStart, f.normEnd));
  found.push(...items);
  // "UBND các tỉnh: Tuyên Quang, Cao Bằng": one body per province listed.
  found.push(...provinceListMentions(text, rules, (written) => {
    const body = p.bodyByForm.get(oneSpaced(fold(written)));
    return body?.local && body.level === null ? { name: body.name, kind: body.kind } : null;
  }).filter((f) => !overlapsBodies(f.normStart, f.normEnd)));
  found.sort((a, b) => a.normStart - b.normStart);
  definedAliases(text, found, p);
  const overlapsFound = overlapTest(found);
  const groups: Found[] = [];
  p.groupPhrase.lastIndex = 0;
  for (let m = p.groupPhrase.exec(lowered); m; m = p.groupPhrase.exec(lowered)) {
    const start = m.index;
    if (/\p{L}/u.test(charBefore(lowered, start))) continue;
    const end = start + m[0].length;
    if (overlapsFound(start, end)) continue;
    const name = text.slice(start, end).replace(/\s+/g, ' ');
    groups.push({ name, resolved: name, kind: 'group', level: null, group: true, rule: 'group-phrase', normStart: start, normEnd: end });
  }
  found.push(...groups);
  found.sort((a, b) => a.normStart - b.normStart);
  // Field by field: rest-spreading the working fields away and spreading the rest again allocated
  // ~10% of all the pipeline did (sampling heap profile, 600 archive files).
  return found.map((f, index) => {
    const at = { start: f.normStart, end: f.normEnd };
    const roles = rolesOf(at, f, lowered, doc, p);
    if (issuerRoleElsewhere(at, roles, doc)) infer(f, 'roles');
    const mention: AgencyMention = {
      index,
      name: f.name,
      resolved: f.resolved,
      kind: f.kind,
      level: f.level,
      group: f.group,
      parent: f.parent ?? null,
      roles,
      inferred: [],
      section: sectionPathAt(sections, f.normStart),
      rule: f.rule,
      at,
    };
    mention.inferred = inferredOf(mention, f.inferred, AGENCY_INFERABLE);
    return mention;
  });
}

/**
 * What a gazetteer mention's words do not say: a resolved name the document gave (its province: "Sở
 * Nội vụ" → "… tỉnh An Giang"; its issuer, for a bare header), the parent the rules know.
 */
function notInWords(resolvedByDocument: boolean, parentFromRules: boolean): Set<AgencyField> | undefined {
  if (!resolvedByDocument && !parentFromRules) return undefined;
  const fields = new Set<AgencyField>();
  if (resolvedByDocument) fields.add('resolved');
  if (parentFromRules) fields.add('parent');
  return fields;
}

/**
 * A first word's place is inside a word, or inside a document number ("26/2019/TT-BKHCN"): a
 * letter, "-" or "/" before it. (/[\p{L}\-/]/u of the unit before, by table: this runs for every
 * folded "so", "ban" and "van" of the text.)
 */
function insideWord(folded: string, at: number): boolean {
  if (at === 0) return false;
  const before = folded.charCodeAt(at - 1);
  return before === 0x2d || before === 0x2f || isLetterUnit(before);
}

/**
 * The word after a first word, as /^[ \t\n]+([^\s,.;:()]+)/u reads it in the 24 characters from
 * `at`, less one final "-"; '' when none ("Sở  Nội vụ" → "noi", "Ban-" → ''). Read unit by unit: at a
 * few thousand capitalised first words per MB, a slice and a match each cost more than the words.
 */
export function secondWord(folded: string, at: number): string {
  const limit = Math.min(folded.length, at + 24);
  let i = at;
  while (i < limit && isBlank(folded.charCodeAt(i))) i++;
  if (i === at) return '';
  const from = i;
  while (i < limit && !endsSecondWord(folded.charCodeAt(i))) i++;
  if (i === from) return '';
  return folded.charCodeAt(i - 1) === 0x2d ? folded.slice(from, i - 1) : folded.slice(from, i);
}

/** `written.split(/\s/)[0]`, without the array of every word. */
function firstToken(written: string): string {
  let k = 0;
  while (k < written.length && !isSpaceUnit(written.charCodeAt(k))) k++;
  return written.slice(0, k);
}

/** [ \t\n]: what comes before the word secondWord reads. */
function isBlank(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a;
}

/** [\s,.;:()]: what ends the word secondWord reads. */
function endsSecondWord(code: number): boolean {
  return code === 0x2c || code === 0x2e || code === 0x3b || code === 0x3a || code === 0x28 || code === 0x29 || isSpaceUnit(code);
}

/** /^\p{Lu}/u of text.slice(at, limit): a capital at `at`, a pair of surrogates read as one character. */
function upperAt(text: string, at: number, limit: number): boolean {
  const code = text.charCodeAt(at);
  if (code >= 0xd800 && code <= 0xdbff) return at + 1 < limit && /^\p{Lu}/u.test(text.slice(at, at + 2));
  return isUpperUnit(code);
}

/** /^\S+\s+\p{Lu}/u of the 24 characters from `at`: a lower-case head before a capitalised word ("sở Công Thương"). */
function nextWordCapitalised(text: string, at: number): boolean {
  const limit = Math.min(text.length, at + 24);
  let i = at;
  while (i < limit && !isSpaceUnit(text.charCodeAt(i))) i++;
  if (i === at || i === limit) return false;
  while (i < limit && isSpaceUnit(text.charCodeAt(i))) i++;
  return i < limit && upperAt(text, i, limit);
}

/**
 * "Hội đồng nhân dân, Ủy ban nhân dân tỉnh": bodies listed before one that names its place share it;
 * "Thành ủy, HĐND, UBND Thành phố Đà Nẵng": a Party committee named by its place takes the place alone.
 */
function sharePlaces(found: Found[], lowered: string, p: ReturnType<typeof agencyPatterns>): void {
  for (let i = found.length - 2; i >= 0; i--) {
    const f = found[i]!;
    const next = found[i + 1]!;
    if (!next.suffix || next.group || !p.joiner.test(lowered.slice(f.normEnd, next.normStart))) continue;
    const byPlace = f.body ? p.bodyByForm.get(fold(f.body)) : undefined;
    if (f.rule === 'gazetteer' && !f.group && byPlace?.withPlace === '{name} {province}' && f.name === f.body && f.resolved === f.body && next.placeName) {
      f.name = f.resolved = `${f.body} ${next.placeName}`;
      f.canonical = f.resolved;
      f.placeName = next.placeName;
      infer(f, 'name', 'resolved');
      continue;
    }
    if (f.rule !== 'placeless') continue;
    f.name = `${f.body}${next.suffix}`;
    f.resolved = `${f.name}${next.resolvedSuffix ?? ''}`;
    f.level = next.level;
    f.group = false;
    f.rule = 'shared-place';
    f.suffix = next.suffix;
    f.resolvedSuffix = next.resolvedSuffix;
    f.placeName = next.placeName;
    f.canonical = f.resolved;
    // The next body's place made this one body, at its level.
    infer(f, 'name', 'resolved', 'level', 'group');
  }
}

/**
 * A body named by a longer and a shorter form counts once, by its longer form (ANNOTATION.md):
 * "Cục KSTTHC" after "Cục Kiểm soát thủ tục hành chính", "Ban Chỉ đạo CCHC tỉnh" beside "Ban Chỉ
 * đạo Chương trình cải cách hành chính tỉnh …" — the gazetteer says they are one body.
 */
function longestForms(found: Found[]): void {
  // A document names few bodies many times: each name is folded and counted once.
  const foldedNames = new Map<string, string>();
  const folded = (s: string): string => {
    let f = foldedNames.get(s);
    if (f === undefined) foldedNames.set(s, (f = fold(s)));
    return f;
  };
  const counted = new Map<string, number>();
  const words = (s: string): number => {
    let n = counted.get(s);
    if (n === undefined) counted.set(s, (n = wordCount(s)));
    return n;
  };
  const byBody = new Map<string, Found[]>();
  for (const f of found) {
    if (f.group || !f.canonical) continue;
    const k = folded(f.canonical);
    const same = byBody.get(k);
    if (same) same.push(f);
    else byBody.set(k, [f]);
  }
  for (const same of byBody.values()) {
    if (same.length < 2) continue;
    const longest = same.reduce((a, b) => (words(b.resolved) > words(a.resolved) ? b : a)).resolved;
    for (const f of same) takeResolved(f, longest);
  }
  // "Cục CNTT" (Cục Công nghệ thông tin) beside "Cục Công nghệ thông tin và Chuyển đổi số", "Ban Chỉ đạo"
  // beside "Ban Chỉ đạo xây dựng …": a name that only begins another names the same body, when that is
  // the only longer name it begins.
  // Every name's proper word-prefixes point at it: a name then finds the longer ones it begins at once.
  // A prefix maps to the one name it begins, or to null once a second name begins it too.
  const longerBy = new Map<string, string | null>();
  for (const n of new Set(found.filter((f) => !f.group).map((f) => f.resolved))) {
    const parts = folded(n).split(' ');
    let prefix = parts[0]!;
    for (let k = 2; k < parts.length; k++) {
      prefix += ` ${parts[k - 1]}`;
      longerBy.set(prefix, longerBy.has(prefix) ? null : n);
    }
  }
  for (const f of found) {
    if (f.group || words(f.resolved) < 2) continue;
    const longer = longerBy.get(folded(f.resolved));
    if (longer) takeResolved(f, longer);
  }
}

/** Another mention's resolved name: inferred when it is not this one's own. */
function takeResolved(f: Found, resolved: string): void {
  if (f.resolved !== resolved) infer(f, 'resolved');
  f.resolved = resolved;
}

/**
 * "Thường trực Tỉnh ủy": the prefix makes the body another (ANNOTATION.md); "Thường trực HĐND, UBND,
 * UB MTTQVN TP", "TT: Tỉnh ủy, HĐND tỉnh, UBND tỉnh": a prefix opening a list on one line names the same
 * part of each body listed that has one (rules prefixableBodies). After sharePlaces, so that a body
 * whose place comes at the end of the list is no class any more.
 */
function sharePrefixes(found: Found[], text: string, p: ReturnType<typeof agencyPatterns>, doc: DocumentDraft, rules: Rules): void {
  // "Thường trực: Thành ủy, HĐND": under a prefix in a document of a province, a placeless HĐND is the province's.
  const home = (f: Found): boolean => {
    const body = f.rule === 'placeless' && f.body ? p.bodyByForm.get(fold(f.body)) : undefined;
    if (!body || !doc.province) return false;
    f.resolved = f.canonical = resolve({ ...body, level: 'tỉnh' }, f.name, doc, rules);
    f.group = false;
    infer(f, 'group');
    if (f.resolved !== f.name) infer(f, 'resolved');
    return f.resolved !== f.name;
  };
  const give = (f: Found, prefix: string): void => {
    f.prefix = prefix;
    f.name = `${prefix} ${f.name}`;
    f.resolved = `${prefix} ${f.resolved}`;
    f.canonical = `${prefix} ${f.canonical ?? f.resolved}`;
    f.kind = prefix;
    f.rule = 'prefixed';
  };
  for (let i = 0; i < found.length; i++) {
    const first = found[i]!;
    const prefix = first.pendingPrefix;
    if (!prefix || first.prefix || (first.group && !(p.prefixable.get(prefix)?.has(first.body ?? '') && home(first)))) continue;
    give(first, prefix);
    if (first.prefixFrom !== undefined) first.normStart = first.prefixFrom;
    const bodies = p.prefixable.get(prefix);
    for (let j = i + 1; j < found.length; j++) {
      const f = found[j]!;
      const between = text.slice(found[j - 1]!.normEnd, f.normStart);
      if (f.prefix || !f.body || !bodies?.has(f.body) || between.includes('\n') || !p.joiner.test(between)) break;
      if (f.group && !home(f)) break;
      give(f, prefix);
      // The prefix stands before the first body of the list only.
      infer(f, 'name', 'resolved', 'kind');
    }
  }
}

const isCaps = (s: string): boolean => !/\p{Ll}/u.test(s);

/**
 * "Ban Chỉ đạo Trung ương về … (sau đây viết là Ban Chỉ đạo)": later mentions of the alias the text
 * defines are that body, whether another rule read them or none did.
 */
// All a later mention of an alias says of its body comes from the definition.
const ALIAS_INFERRED: readonly AgencyField[] = ['name', 'resolved', 'kind', 'level', 'group'];

function definedAliases(text: string, found: Found[], p: ReturnType<typeof agencyPatterns>): void {
  p.aliasDefinition.lastIndex = 0;
  for (let m = p.aliasDefinition.exec(text); m; m = p.aliasDefinition.exec(text)) {
    const at = m.index;
    const body = found.find((f) => !f.group && f.normEnd <= at && at - f.normEnd <= 2);
    const alias = m[1]!.trim();
    if (!body || !/^\p{Lu}/u.test(alias)) continue;
    const from = at + m[0].length;
    const added: Found[] = [];
    for (let i = text.indexOf(alias, from); i !== -1; i = text.indexOf(alias, i + alias.length)) {
      const end = i + alias.length;
      if (/\p{L}/u.test(charBefore(text, i)) || /\p{L}/u.test(text.charAt(end))) continue;
      const over = found.filter((f) => f.normStart < end && f.normEnd > i);
      // A longer name that begins with the alias ("Ban Chỉ đạo cải cách hành chính") is another body.
      if (over.some((f) => f.normEnd - f.normStart > alias.length)) continue;
      for (const f of over) {
        Object.assign(f, { resolved: body.resolved, name: body.name, kind: body.kind, level: body.level, group: false, rule: 'defined-alias' });
        infer(f, ...ALIAS_INFERRED);
      }
      if (over.length === 0) {
        added.push({ name: body.name, resolved: body.resolved, kind: body.kind, level: body.level, group: false, rule: 'defined-alias', normStart: i, normEnd: end, inferred: new Set(ALIAS_INFERRED) });
      }
    }
    found.push(...added);
  }
  found.sort((a, b) => a.normStart - b.normStart);
}

/** "Sở KH và CN" → "Sở Khoa học và Công nghệ": codes joined by a list joiner read like "KH&CN", then spelled out. */
function spelledOut(name: string, p: ReturnType<typeof agencyPatterns>): string {
  return spellOut(name.replace(p.joinedCodes, '$1&$2'), p.abbreviations);
}

/** "sở Công Thương", "ban Chỉ đạo …": a head the rules let a writer put in lower case. */
function writtenLowerHead(written: string, heads: Set<string>): boolean {
  const words = lower(written).split(/\s+/);
  return heads.has(words[0]!) || heads.has(`${words[0]} ${words[1]}`);
}

/** "Vụ Cải cách hành chính (Bộ Nội vụ)"; a local parent is the document's own: "Phòng Tổng hợp (Văn phòng Ủy ban nhân dân tỉnh An Giang)". */
function resolveParent(parent: string, p: ReturnType<typeof agencyPatterns>, doc: DocumentDraft, rules: Rules): string {
  const body = p.bodyByForm.get(oneSpaced(fold(parent)));
  return body?.local ? resolve({ ...body, level: 'tỉnh' }, body.name, doc, rules) : parent;
}

/** Local bodies of a province's own report are that province's: "Sở Nội vụ" → "Sở Nội vụ tỉnh An Giang". */
function resolve(body: Body, name: string, doc: DocumentDraft, rules: Rules): string {
  if (!body.local || !doc.province || body.parent) return name;
  const unit = provinceByName(doc.province, rules)?.type ?? 'tỉnh';
  // "Thành ủy" in a Hà Nội resolution is the Thành ủy Hà Nội; in a province's report, some city's.
  if (body.level !== 'tỉnh' && !(body.ofUnit && body.ofUnit === unit)) return name;
  return body.withPlace.replace('{name}', name).replace('{unit}', unit).replace('{province}', doc.province).replace(/\s+/g, ' ').trim();
}

function rolesOf(
  at: NormalizedSpan, f: { normStart: number; normEnd: number; resolved: string; group: boolean }, lowered: string, doc: DocumentDraft,
  p: ReturnType<typeof agencyPatterns>,
): Agency['roles'] {
  const roles: Agency['roles'] = [];
  // Folding keeps the length: names of other lengths are other names, unfolded.
  if (!f.group && doc.issuer && doc.issuer.length === f.resolved.length && fold(doc.issuer) === fold(f.resolved)) roles.push('issuer');
  if (doc.signatures.some((s) => within(at, s.at))) roles.push('signer');
  if (within(at, doc.evidence.addressees?.at)) roles.push('addressee');
  if (within(at, doc.evidence.recipients?.at)) roles.push('recipient');
  const before = lowered.slice(Math.max(0, f.normStart - 40), f.normStart);
  const after = lowered.slice(f.normEnd, f.normEnd + 30);
  if (p.assignmentBefore.test(before) || p.leadAfter.test(after)) roles.push('lead');
  if (p.coordinatorBefore.test(before)) roles.push('coordinator');
  if (p.proposerAfter.test(after)) roles.push('proposer');
  return roles;
}

/** The issuer role given to a mention outside the words the document's issuer was read from: the metadata says it, not the mention. */
function issuerRoleElsewhere(at: NormalizedSpan, roles: Agency['roles'], doc: DocumentDraft): boolean {
  return roles.includes('issuer') && !within(at, doc.evidence.issuer?.at);
}

/**
 * The province a document's bare local bodies belong to ("Sở Tư pháp" → "Sở Tư pháp tỉnh Hà Tĩnh"):
 * its own, when a body of that province issues it. A ministry's or a national Cục's letter dated
 * "Hà Nội, ngày …" has no home province: its "Sở Tài chính" is every province's.
 */
function ofHomeProvince(doc: DocumentDraft): DocumentDraft {
  if (!doc.province || !doc.issuer) return doc;
  return fold(doc.issuer).includes(fold(doc.province)) ? doc : { ...doc, province: null };
}
