import { fold, lower } from '../../normalize/fold.js';
import { sourceSlice, toSourceSpan, type MappedText } from '../../normalize/mapped-text.js';
import type { Rules } from '../../rules/compile.js';
import type { Agency, DocumentMeta } from '../../schema.js';
import { sectionPathAt, type Section } from '../../segment/sections.js';
import { provinceByName } from '../metadata/province.js';
import { agencyPatterns, type Body } from './patterns.js';

/**
 * Agencies: every mention of a body by a name or alias the rules know (rules/agencies.json), with
 * its canonical name, the full name with its place when the document makes it certain ("UBND
 * tỉnh" in an An Giang report → "Ủy ban nhân dân tỉnh An Giang"), its level, and the roles the
 * text gives it. Generic plurals ("các sở, ban, ngành", "Ủy ban nhân dân các huyện, thị xã, thành
 * phố") are group mentions, not agencies.
 */
type Found = Omit<AgencyMention, 'index' | 'roles' | 'section' | 'text' | 'span'> & {
  /** For gazetteer matches: the body's own name, and what the place added to it and to the resolved name. */
  body?: string;
  suffix?: string;
  resolvedSuffix?: string;
};

export interface AgencyMention extends Agency {
  normStart: number;
  normEnd: number;
}

export function extractAgencies(mt: MappedText, rules: Rules, sections: readonly Section[], doc: DocumentMeta): AgencyMention[] {
  const p = agencyPatterns(rules);
  const text = mt.text;
  const folded = fold(text);
  const lowered = lower(text);
  const found: Found[] = [];

  p.bodyFirstWord.lastIndex = 0;
  for (let first = p.bodyFirstWord.exec(folded); first; first = p.bodyFirstWord.exec(folded)) {
    if (/[\p{L}\-/]/u.test(folded.charAt(first.index - 1))) continue;
    // Cheapest test first: a body is a proper name ("Sở Nội vụ", "sở Công Thương"), and folded
    // first words ("so", "ban", "van") are everywhere in running text ("số", "bản", "văn").
    if (!/\p{Lu}/u.test(text.charAt(first.index)) && !/^\S+\s+\p{Lu}/u.test(text.slice(first.index, first.index + 24))) continue;
    const names = p.bodyByFirstWord.get(first[0])!;
    names.lastIndex = first.index;
    const m = names.exec(folded);
    if (!m) continue;
    const start = m.index;
    // Not inside a word, nor inside a document number ("26/2019/TT-BKHCN").
    if (/[\p{L}\-/]/u.test(folded.charAt(start - 1))) continue;
    const body = p.bodyByForm.get(m[1]!.replace(/\s+/g, ' '));
    if (!body) continue;
    const written = text.slice(start, start + m[0].length);
    // A body is a proper name: "Sở Nội vụ", "UBND", "sở Công Thương"; not "nhiệm vụ cải cách hành chính".
    if (!/^\p{Lu}/u.test(written) && !/^\S+\s+\p{Lu}/u.test(written)) continue;
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
      if (!placeText || !/\p{Ll}/u.test(placeText)) continue;
      const unit = up?.[2] ? `${up[1]!.toLowerCase()} ` : '';
      end += (up?.[2] ? up[0] : pl![0]).length;
      name = resolved = `${body.name} ${unit}${canonicalPlace(placeText, rules)}`;
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
      } else if (up && (up[2] || p.realUnits.has(lower(up[1]!)))) {
        // A unit written without diacritics ("tinh") counts only with its place ("tinh Kien Giang"):
        // bare, "quan" or "xa" are other words ("quan tâm").
        const unit = p.unitByKey.get(fold(up[1]!).replace(/\.$/, '')) ?? up[1]!.toLowerCase();
        end += up[0].length;
        level = levelOfUnit(unit, up[2] ?? null, rules) ?? level;
        if (up[2]) name = resolved = `${body.name} ${unit} ${canonicalPlace(up[2], rules)}`;
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
          name = resolved = `${body.name} ${canonicalPlace(pl[1]!, rules)}`;
        }
      }
    }
    // "UBND cấp huyện", a district or commune body with no place ("Phòng Tư pháp"), and a body whose
    // place the text leaves open name a class of bodies: generic, like a plural — unless the next
    // body shares its place ("Hội đồng nhân dân, Ủy ban nhân dân tỉnh": see sharePlaces).
    p.levelClass.lastIndex = end;
    const placeless = name === body.name && body.local && (p.placeRequired.has(body.kind) || body.level === 'huyện' || body.level === 'xã');
    if (p.levelClass.test(lowered) || placeless) group = true;
    if (resolved === null) resolved = body.parent ? `${name} (${body.parent})` : resolve(body, name, doc, rules);
    found.push({
      name, resolved, kind: body.kind, level, group, rule: placeless && group ? 'placeless' : group ? 'group' : 'gazetteer', normStart: start, normEnd: end,
      body: body.name, suffix: name.slice(body.name.length), resolvedSuffix: resolved.startsWith(name) ? resolved.slice(name.length) : '',
    });
    p.bodyFirstWord.lastIndex = end;
  }

  sharePlaces(found, lowered, p.joiner);
  genericBodies(text, lowered, rules, doc, found);

  p.groupPhrase.lastIndex = 0;
  for (let m = p.groupPhrase.exec(lowered); m; m = p.groupPhrase.exec(lowered)) {
    const start = m.index;
    if (/\p{L}/u.test(lowered.charAt(start - 1))) continue;
    const end = start + m[0].length;
    if (found.some((f) => start < f.normEnd && end > f.normStart)) continue;
    const name = text.slice(start, end).replace(/\s+/g, ' ');
    found.push({ name, resolved: name, kind: 'group', level: null, group: true, rule: 'group-phrase', normStart: start, normEnd: end });
  }

  found.sort((a, b) => a.normStart - b.normStart);
  return found.map(({ body: _b, suffix: _s, resolvedSuffix: _r, ...f }, index) => ({
    ...f,
    index,
    roles: rolesOf(f, lowered, mt, doc, p),
    section: sectionPathAt(sections, f.normStart),
    text: sourceSlice(mt, f.normStart, f.normEnd),
    span: toSourceSpan(mt, f.normStart, f.normEnd),
  }));
}

/**
 * Bodies the gazetteer does not list, opened by a generic head and a capital: "Trung tâm Khuyến
 * công và Tư vấn phát triển công nghiệp trực thuộc …" → up to the first stop word or punctuation.
 * A unit word and place inside the name place it; a bare "tỉnh" takes the document's province.
 */
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

function genericBodies(text: string, lowered: string, rules: Rules, doc: DocumentMeta, found: Found[]): void {
  const p = agencyPatterns(rules);
  const provincialUnits = rules.data.lexicon.unitWords.flatMap((u) => u.words).map((w) => lower(w));
  p.genericBody.lastIndex = 0;
  for (let m = p.genericBody.exec(text); m; m = p.genericBody.exec(text)) {
    const start = m.index;
    if (/\p{L}/u.test(text.charAt(start - 1))) continue;
    const stop = p.nameStop.exec(lowered.slice(start, start + m[0].length));
    // At most 14 words: a longer run is prose, not a name; a web address ends it.
    const words = [...(stop ? m[0].slice(0, stop.index) : m[0]).matchAll(/\S+/g)].slice(0, 14);
    const url = words.findIndex((w) => /^(?:https?|www)/i.test(w[0]));
    if (url !== -1) words.length = url;
    const last = words[words.length - 1];
    if (words.length < 3 || !last) continue;
    const end = start + last.index! + last[0].length;
    if (found.some((f) => start < f.normEnd && end > f.normStart)) continue;
    // The match ran on to punctuation; the name stopped earlier, and the next body may start there.
    p.genericBody.lastIndex = end;
    const name = text.slice(start, end).replace(/\s+/g, ' ');
    const lastWord = lower(last[0]);
    const resolved = provincialUnits.includes(lastWord) && doc.province ? `${name} ${doc.province}` : name;
    found.push({ name, resolved, kind: 'other', level: null, group: false, rule: 'generic-head', normStart: start, normEnd: end });
  }
}

function canonicalPlace(place: string, rules: Rules): string {
  return provinceByName(place, rules)?.name ?? place.replace(/\s+/g, ' ');
}

function isProvincialUnit(unit: string, rules: Rules): boolean {
  return rules.data.lexicon.unitWords.some((u) => u.words.some((w) => fold(w) === fold(unit)));
}

/** The level a unit word places a body at (lexicon.json unitLevels); "thành phố" depends on the city: Cần Thơ is a province, Long Xuyên is not. */
function levelOfUnit(unit: string, place: string | null, rules: Rules): Agency['level'] {
  const entry = rules.data.lexicon.unitLevels.find((u) => fold(u.unit) === fold(unit));
  if (!entry) return null;
  if (entry.level !== null) return entry.level;
  return place && !provinceByName(place, rules) ? 'huyện' : 'tỉnh';
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
