import { fold, lower } from '../../normalize/fold.js';
import { sourceSlice, toSourceSpan, type MappedText } from '../../normalize/mapped-text.js';
import type { Rules } from '../../rules/compile.js';
import type { Agency, DocumentMeta } from '../../schema.js';
import { sectionPathAt, type Section } from '../../segment/sections.js';
import { charBefore } from '../../util/text.js';
import { provinceByName } from '../metadata/province.js';
import type { AgencyMention, Found } from './found.js';
import { genericBodies, overlapTest } from './generic.js';
import { listMentions } from './lists.js';
import { agencyPatterns, type Body } from './patterns.js';
import { canonicalPlace, isProvincialUnit, levelOfUnit, wrappedPlace } from './places.js';

export type { AgencyMention } from './found.js';

/**
 * Agencies: every mention of a body by a name or alias the rules know (rules/agencies.json), with
 * its canonical name, the full name with its place when the document makes it certain ("UBND
 * tỉnh" in an An Giang report → "Ủy ban nhân dân tỉnh An Giang"), its level, and the roles the
 * text gives it. Generic plurals ("các sở, ban, ngành", "Ủy ban nhân dân các huyện, thị xã, thành
 * phố") are group mentions, not agencies.
 */
export function extractAgencies(mt: MappedText, rules: Rules, sections: readonly Section[], meta: DocumentMeta): AgencyMention[] {
  const doc = ofHomeProvince(meta);
  const p = agencyPatterns(rules);
  const text = mt.text;
  const folded = fold(text);
  const lowered = lower(text);
  const found: Found[] = [];

  p.bodyFirstWord.lastIndex = 0;
  for (let first = p.bodyFirstWord.exec(folded); first; first = p.bodyFirstWord.exec(folded)) {
    if (/[\p{L}\-/]/u.test(charBefore(folded, first.index))) continue;
    // Cheapest test first: a body is a proper name ("Sở Nội vụ", "sở Công Thương"), and folded
    // first words ("so", "ban", "van") are everywhere in running text ("số", "bản", "văn").
    if (!/\p{Lu}/u.test(text.charAt(first.index)) && !/^\S+\s+\p{Lu}/u.test(text.slice(first.index, first.index + 24))) continue;
    const names = p.bodyByFirstWord.get(first[0])!;
    names.lastIndex = first.index;
    const m = names.exec(folded);
    if (!m) continue;
    const start = m.index;
    // Not inside a word, nor inside a document number ("26/2019/TT-BKHCN").
    if (/[\p{L}\-/]/u.test(charBefore(folded, start))) continue;
    const body = p.bodyByForm.get(m[1]!.replace(/\s+/g, ' '));
    if (!body) continue;
    const written = text.slice(start, start + m[0].length);
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
        name = resolved = `${body.name} ${unit}${canonicalPlace(wrapped.place, rules)}`;
      } else if (body.provincialWhenBare && doc.province) {
        resolved = resolve({ ...body, level: 'tỉnh' }, name, doc, rules);
      } else continue;
    } else {
      p.unitPlace.lastIndex = end;
      const up = p.unitPlace.exec(text);
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
        if (wrapped) name = resolved = `${body.name} ${unit} ${canonicalPlace(wrapped.place, rules)}`;
        else {
          name = `${body.name} ${unit}`;
          if (body.local && isProvincialUnit(unit, rules) && doc.province) resolved = `${name} ${doc.province}`;
        }
      } else if (body.withPlace === '{name} {province}') {
        // "Tỉnh ủy Kiên Giang", "Công an tỉnh Lào Cai", "Huyện ủy Tri Tôn": the place follows the name.
        p.placeName.lastIndex = end;
        const pl = p.placeName.exec(text);
        if (pl && /\p{Ll}/u.test(pl[1]!)) {
          end += pl[0].length;
          const wrapped = wrappedPlace(text, end, pl[1]!, rules, p.firstWords);
          end += wrapped.length;
          name = resolved = `${body.name} ${canonicalPlace(wrapped.place, rules)}`;
        }
      }
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
    if (resolved === null) resolved = body.parent ? `${name} (${resolveParent(body.parent, p, doc, rules)})` : resolve(body, name, doc, rules);
    // "Thường trực Tỉnh ủy", "Ban Thường vụ Tỉnh ủy": a prefix that names another body (ANNOTATION.md).
    const prefixed = group ? null : p.bodyPrefixBefore.exec(text.slice(Math.max(0, start - 24), start));
    // …but "Phó Chủ tịch Thường trực UBND tỉnh": part of a person's title, the body is the UBND.
    const prefix = prefixed && !p.titleBeforePrefix.test(lowered.slice(Math.max(0, start - prefixed[0].length - 24), start - prefixed[0].length)) ? prefixed : null;
    const from = prefix ? start - prefix[0].length : start;
    if (prefix) {
      name = `${prefix[1]} ${name}`;
      resolved = `${prefix[1]} ${resolved}`;
    }
    found.push({
      name, resolved, kind: prefix ? prefix[1]! : body.kind, level, group, rule: prefix ? 'prefixed' : placeless && group ? 'placeless' : group ? 'group' : 'gazetteer', normStart: from, normEnd: end,
      body: body.name, placeNamed: body.placeNamed, suffix: name.slice(body.name.length), resolvedSuffix: resolved.startsWith(name) ? resolved.slice(name.length) : '',
    });
    p.bodyFirstWord.lastIndex = end;
  }

  sharePlaces(found, lowered, p.joiner);
  genericBodies(text, lowered, rules, doc, found);

  found.sort((a, b) => a.normStart - b.normStart);
  // "Các Bộ: Tư pháp, Tài chính": each item of a list that shares its head is a body.
  const overlapsBodies = overlapTest(found);
  const items = listMentions(text, rules, (name) => {
    const body = p.bodyByForm.get(fold(name).replace(/\s+/g, ' '));
    return body ? { name: body.name, resolved: resolve(body, body.name, doc, rules), kind: body.kind, level: body.level } : null;
  }).filter((f) => !overlapsBodies(f.normStart, f.normEnd));
  found.push(...items);
  found.sort((a, b) => a.normStart - b.normStart);
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
  return found.map((f, index) => ({
    index,
    name: f.name,
    resolved: f.resolved,
    kind: f.kind,
    level: f.level,
    group: f.group,
    roles: rolesOf(f, lowered, mt, doc, p),
    section: sectionPathAt(sections, f.normStart),
    rule: f.rule,
    text: sourceSlice(mt, f.normStart, f.normEnd),
    span: toSourceSpan(mt, f.normStart, f.normEnd),
    normStart: f.normStart,
    normEnd: f.normEnd,
  }));
}

/** "Hội đồng nhân dân, Ủy ban nhân dân tỉnh": bodies listed before one that names its place share it. */
function sharePlaces(found: Found[], lowered: string, joiner: RegExp): void {
  for (let i = found.length - 2; i >= 0; i--) {
    const f = found[i]!;
    const next = found[i + 1]!;
    if (f.rule !== 'placeless' || !next.suffix || next.group || !joiner.test(lowered.slice(f.normEnd, next.normStart))) continue;
    f.name = `${f.body}${next.suffix}`;
    f.resolved = `${f.name}${next.resolvedSuffix ?? ''}`;
    f.level = next.level;
    f.group = false;
    f.rule = 'shared-place';
    f.suffix = next.suffix;
    f.resolvedSuffix = next.resolvedSuffix;
  }
}

/** "sở Công Thương", "ban Chỉ đạo …": a head the rules let a writer put in lower case. */
function writtenLowerHead(written: string, heads: Set<string>): boolean {
  const words = lower(written).split(/\s+/);
  return heads.has(words[0]!) || heads.has(`${words[0]} ${words[1]}`);
}

/** "Vụ Cải cách hành chính (Bộ Nội vụ)"; a local parent is the document's own: "Phòng Tổng hợp (Văn phòng Ủy ban nhân dân tỉnh An Giang)". */
function resolveParent(parent: string, p: ReturnType<typeof agencyPatterns>, doc: DocumentMeta, rules: Rules): string {
  const body = p.bodyByForm.get(fold(parent).replace(/\s+/g, ' '));
  return body?.local ? resolve({ ...body, level: 'tỉnh' }, body.name, doc, rules) : parent;
}

/** Local bodies of a province's own report are that province's: "Sở Nội vụ" → "Sở Nội vụ tỉnh An Giang". */
function resolve(body: Body, name: string, doc: DocumentMeta, rules: Rules): string {
  if (!body.local || body.level !== 'tỉnh' || !doc.province) return name;
  const unit = provinceByName(doc.province, rules)?.type ?? 'tỉnh';
  return body.withPlace.replace('{name}', name).replace('{unit}', unit).replace('{province}', doc.province).replace(/\s+/g, ' ').trim();
}

function rolesOf(
  f: { normStart: number; normEnd: number; resolved: string; group: boolean }, lowered: string, mt: MappedText, doc: DocumentMeta,
  p: ReturnType<typeof agencyPatterns>,
): Agency['roles'] {
  const roles: Agency['roles'] = [];
  const span = toSourceSpan(mt, f.normStart, f.normEnd);
  const inside = (e: { span: { start: number; end: number } } | undefined): boolean => !!e && span.start >= e.span.start && span.end <= e.span.end;
  if (!f.group && doc.issuer && fold(doc.issuer) === fold(f.resolved)) roles.push('issuer');
  if (doc.signatures.some((s) => inside(s))) roles.push('signer');
  if (inside(doc.evidence.addressees)) roles.push('addressee');
  if (inside(doc.evidence.recipients)) roles.push('recipient');
  const before = lowered.slice(Math.max(0, f.normStart - 40), f.normStart);
  const after = lowered.slice(f.normEnd, f.normEnd + 30);
  if (p.assignmentBefore.test(before) || p.leadAfter.test(after)) roles.push('lead');
  if (p.coordinatorBefore.test(before)) roles.push('coordinator');
  if (p.proposerAfter.test(after)) roles.push('proposer');
  return roles;
}

/**
 * The province a document's bare local bodies belong to ("Sở Tư pháp" → "Sở Tư pháp tỉnh Hà Tĩnh"):
 * its own, when a body of that province issues it. A ministry's or a national Cục's letter dated
 * "Hà Nội, ngày …" has no home province: its "Sở Tài chính" is every province's.
 */
function ofHomeProvince(doc: DocumentMeta): DocumentMeta {
  if (!doc.province || !doc.issuer) return doc;
  return fold(doc.issuer).includes(fold(doc.province)) ? doc : { ...doc, province: null };
}
