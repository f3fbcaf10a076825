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
export interface AgencyMention extends Agency {
  normStart: number;
  normEnd: number;
}

export function extractAgencies(mt: MappedText, rules: Rules, sections: readonly Section[], doc: DocumentMeta): AgencyMention[] {
  const p = agencyPatterns(rules);
  const text = mt.text;
  const folded = fold(text);
  const lowered = lower(text);
  const found: Omit<AgencyMention, 'index' | 'roles' | 'section' | 'text' | 'span'>[] = [];

  p.body.lastIndex = 0;
  for (let m = p.body.exec(folded); m; m = p.body.exec(folded)) {
    const start = m.index;
    if (/\p{L}/u.test(folded.charAt(start - 1))) continue;
    const body = p.bodyByForm.get(m[1]!.replace(/\s+/g, ' '));
    if (!body) continue;
    const written = text.slice(start, start + m[0].length);
    // A body is a proper name: "Sở Nội vụ", "UBND"; a lower-case short form is a common noun ("bộ máy").
    if (!/^\p{Lu}/u.test(written) && written.split(/\s+/).length < 3) continue;
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
      p.placeName.lastIndex = end;
      const pl = p.placeName.exec(text);
      if (!pl) continue; // "Báo" with no name after it is no newspaper
      end += pl[0].length;
      name = resolved = `${body.name} ${canonicalPlace(pl[1]!, rules)}`;
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
      } else if (up) {
        const unit = up[1]!.toLowerCase();
        end += up[0].length;
        level = levelOfUnit(unit, up[2] ?? null, rules) ?? level;
        if (up[2]) name = resolved = `${body.name} ${unit} ${canonicalPlace(up[2], rules)}`;
        else {
          name = `${body.name} ${unit}`;
          if (body.local && isProvincialUnit(unit) && doc.province) resolved = `${name} ${doc.province}`;
        }
      }
    }
    if (resolved === null) resolved = resolve(body, name, doc, rules);
    found.push({ name, resolved, kind: body.kind, level, group, rule: group ? 'group' : 'gazetteer', normStart: start, normEnd: end });
    p.body.lastIndex = end;
  }

  p.groupPhrase.lastIndex = 0;
  for (let m = p.groupPhrase.exec(lowered); m; m = p.groupPhrase.exec(lowered)) {
    const start = m.index;
    const end = start + m[0].length;
    if (found.some((f) => start < f.normEnd && end > f.normStart)) continue;
    const name = text.slice(start, end).replace(/\s+/g, ' ');
    found.push({ name, resolved: name, kind: 'group', level: null, group: true, rule: 'group-phrase', normStart: start, normEnd: end });
  }

  found.sort((a, b) => a.normStart - b.normStart);
  return found.map((f, index) => ({
    ...f,
    index,
    roles: rolesOf(f, lowered, mt, doc, p),
    section: sectionPathAt(sections, f.normStart),
    text: sourceSlice(mt, f.normStart, f.normEnd),
    span: toSourceSpan(mt, f.normStart, f.normEnd),
  }));
}

function canonicalPlace(place: string, rules: Rules): string {
  return provinceByName(place, rules)?.name ?? place.replace(/\s+/g, ' ');
}

function isProvincialUnit(unit: string): boolean {
  return fold(unit) === 'tinh' || fold(unit) === 'thanh pho';
}

/** "tỉnh" → tỉnh; "thành phố Cần Thơ" → tỉnh, "thành phố Long Xuyên" → huyện; "huyện", "thị xã", "quận" → huyện; "xã", "phường", "thị trấn" → xã. */
function levelOfUnit(unit: string, place: string | null, rules: Rules): Agency['level'] {
  const u = fold(unit);
  if (u === 'tinh') return 'tỉnh';
  if (u === 'thanh pho') return place && !provinceByName(place, rules) ? 'huyện' : 'tỉnh';
  if (u === 'huyen' || u === 'thi xa' || u === 'quan') return 'huyện';
  if (u === 'xa' || u === 'phuong' || u === 'thi tran') return 'xã';
  return null;
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
