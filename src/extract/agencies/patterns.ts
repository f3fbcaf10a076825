import { fold, lower } from '../../normalize/fold.js';
import { alternation, caseVariants, escapeRegex, memo, normalizeWord, type Rules } from '../../rules/compile.js';

/** A body of rules/agencies.json as the extractor uses it. */
export interface Body {
  name: string;
  kind: string;
  level: 'trung ương' | 'tỉnh' | 'huyện' | 'xã' | null;
  local: boolean;
  placeNamed: boolean;
  withPlace: string;
  parent: string | null;
  /** "Đài Phát thanh - Truyền hình" with no place in a province's report is that province's. */
  provincialWhenBare: boolean;
  /** A section inside a body ("Bộ phận Một cửa"): reported, marked as a group, never an agency. */
  section: boolean;
}

export interface AgencyPatterns {
  /** Global over folded text: the first word of any body name or alias (a cheap pre-filter). */
  bodyFirstWord: RegExp;
  /** Sticky, by first word: the names and aliases that start with it, longest first. */
  bodyByFirstWord: Map<string, RegExp>;
  bodyByForm: Map<string, Body>;
  /** Folded first words of every name and alias ("so", "bao", "truong"): a wrapped place does not take them. */
  firstWords: Set<string>;
  /** Sticky on the text after a body: a unit word and the place's capitalised name. */
  unitPlace: RegExp;
  /** Sticky: a place name right after a place-named body ("Báo An Giang"). */
  placeName: RegExp;
  /** Sticky: "các huyện, thị xã, thành phố" after a body — a group. */
  pluralUnits: RegExp;
  /** Sticky on lower-cased text: " cấp huyện" after a body — a class of bodies, not one. */
  levelClass: RegExp;
  notAfter: RegExp;
  /** "," or a list joiner ("và") alone between two bodies. */
  joiner: RegExp;
  notBefore: RegExp;
  placeRequired: Set<string>;
  /** First words a body may be written with in lower case ("sở Công Thương"); any other must be capitalised ("nhiệm vụ CCHC" is no Vụ). */
  lowercaseHeads: Set<string>;
  /** Unit words as written with their diacritics, lower case: "tỉnh", "tp.". */
  realUnits: Set<string>;
  /** Folded unit word → its canonical form ("tp." → "thành phố", "tinh" → "tỉnh"). */
  unitByKey: Map<string, string>;
  /** Sticky on lower-cased text: ", thị xã, thành phố" after a unit word — a list of units. */
  unitListAfter: RegExp;
  /** Ends the window before a body: "các ", "những ". */
  groupBefore: RegExp;
  /** Global over lower-cased text: "sở, ban, ngành" and other group phrases. */
  groupPhrase: RegExp;
  assignmentBefore: RegExp;
  leadAfter: RegExp;
  coordinatorBefore: RegExp;
  proposerAfter: RegExp;
  /** Ends at the body: "Thường trực ", "Ban Thường vụ " — a prefix that makes another body. Group 1 the prefix. */
  bodyPrefixBefore: RegExp;
  /** Ends at a body prefix: "Phó Chủ tịch ", "Ủy viên " — the prefix is then part of a title. */
  titleBeforePrefix: RegExp;
}

const key = (s: string): string => fold(normalizeWord(s)).replace(/\s+/g, ' ');
const lkey = (s: string): string => lower(normalizeWord(s)).replace(/\s+/g, ' ');

const relaxed = (k: string): string => escapeRegex(k).replace(/\\-/g, '\\s*-\\s*').replace(/ /g, '\\s+');

/** One alternation over hundreds of names is slow to scan; first words are few, then each first word tries its own names. */
function bodyMatchers(forms: string[]): { bodyFirstWord: RegExp; bodyByFirstWord: Map<string, RegExp> } {
  const byFirst = new Map<string, string[]>();
  for (const f of forms) {
    const first = f.split(' ')[0]!;
    byFirst.set(first, [...(byFirst.get(first) ?? []), f]);
  }
  const bodyByFirstWord = new Map<string, RegExp>();
  for (const [first, list] of byFirst) {
    list.sort((a, b) => b.length - a.length);
    bodyByFirstWord.set(first, new RegExp(`(${list.map(relaxed).join('|')})(?![\\p{L}])`, 'uy'));
  }
  const firsts = [...byFirst.keys()].sort((a, b) => b.length - a.length).map((f) => escapeRegex(f).replace(/\\-/g, '-'));
  // No look-behind in front: tried at every position it costs more than the scan; callers check the boundary.
  return { bodyFirstWord: new RegExp(`(?:${firsts.join('|')})(?![\\p{L}])`, 'gu'), bodyByFirstWord };
}

export function agencyPatterns(rules: Rules): AgencyPatterns {
  return memo(rules, 'agencies', () => {
    const bodyByForm = new Map<string, Body>();
    for (const b of rules.data.agencies.bodies) {
      const body: Body = {
        name: normalizeWord(b.name), kind: normalizeWord(b.kind), level: b.level ?? null, local: b.local,
        placeNamed: !!b.placeNamed, withPlace: b.withPlace ?? '{name} {unit} {province}', parent: b.parent ? normalizeWord(b.parent) : null,
        provincialWhenBare: !!b.provincialWhenBare, section: !!b.section,
      };
      for (const form of b.aliasesOnly ? b.aliases : [b.name, ...b.aliases]) if (!bodyByForm.has(key(form))) bodyByForm.set(key(form), body);
    }
    const cues = rules.data.agencyCues;
    // Units as written in any case, and without diacritics ("TỈNH", "Thành phố", "tinh").
    const units = alternation([...new Set(rules.data.lexicon.localUnitWords.flatMap((u) => [...caseVariants(u), ...caseVariants(fold(u))]))]);
    const place = '\\p{Lu}[\\p{L}]*(?:[ ]+(?:-[ ]+)?\\p{Lu}[\\p{L}]*){0,3}';
    const words = (list: readonly string[]): string => alternation(list.map(lkey));
    return {
      ...bodyMatchers([...bodyByForm.keys()]),
      bodyByForm,
      firstWords: new Set([...bodyByForm.keys()].map((k) => k.split(' ')[0]!)),
      // "… tỉnh An Giang", "… của tỉnh": the unit (and place) a local body belongs to.
      unitPlace: new RegExp(`[ ]+(?:${words(rules.data.lexicon.issuerLink)}[ ]+)?(${units})(?:[ ]+(${place}))?(?![\\p{L}])`, 'uy'),
      // "Báo\nKiên Giang": the place may start the next line of a wrapped paragraph (not after a blank line).
      placeName: new RegExp(`(?:[ ]+|[ ]*\\n[ ]*)(${place})`, 'uy'),
      pluralUnits: new RegExp(`[ ]+(?:${words(cues.groupAfter)})[ ]+(?:${units})(?:[ ]*,[ ]*(?:${units}))*`, 'uy'),
      levelClass: new RegExp(`[ ]+(?:(?:${words(cues.levelWord)})[ ]+(?:${words(rules.data.lexicon.localUnitWords)})|${words(cues.classAfter)})(?![\\p{L}])`, 'uy'),
      joiner: new RegExp(`^\\s*(?:,|${words(rules.data.lexicon.listJoiners)})\\s*$`, 'u'),
      notAfter: new RegExp(`^[ ]+(?:${words(cues.notAfter)})(?![\\p{L}])`, 'u'),
      notBefore: new RegExp(`(?<![\\p{L}])(?:${words(cues.notBefore)})[ ]+$`, 'u'),
      placeRequired: new Set(cues.placeRequiredKinds.map(normalizeWord)),
      lowercaseHeads: new Set(cues.lowercaseHeads.map(lkey)),
      realUnits: new Set([...rules.data.lexicon.localUnitWords, ...rules.data.lexicon.unitWords.flatMap((u) => u.words)].map((u) => lower(normalizeWord(u)))),
      unitByKey: new Map([
        ...rules.data.lexicon.localUnitWords.map((u) => [fold(u).replace(/\.$/, ''), normalizeWord(u)] as const),
        ...rules.data.lexicon.unitWords.flatMap((u) => u.words.map((w) => [fold(w).replace(/\.$/, ''), u.type] as const)),
      ]),
      unitListAfter: new RegExp(`(?:[ ]*,[ ]*(?:${words(rules.data.lexicon.localUnitWords)})(?![\\p{L}]))+`, 'uy'),
      groupBefore: new RegExp(`(?<![\\p{L}])(?:${words(cues.groupBefore)})[ ]+$`, 'u'),
      // "các sở, ban, ngành tỉnh": a group phrase and the unit it belongs to.
      groupPhrase: new RegExp(`(?:${words(cues.groupBefore)})[ ]+(?:${words(cues.groupPhrases)})(?:[ ]+(?:${words(rules.data.lexicon.localUnitWords)}))?(?![\\p{L}])`, 'gu'),
      assignmentBefore: new RegExp(`(?<![\\p{L}])(?:${words(cues.assignmentCues)})[ ]+(?:(?:${words(cues.headTitles)})[ ]+)?$`, 'u'),
      leadAfter: new RegExp(`^[ ,]*(?:${words(cues.leadAfter)})(?![\\p{L}])`, 'u'),
      titleBeforePrefix: new RegExp(`(?<![\\p{L}])(?:${words(cues.titlesBeforePrefix)})[ ]+$`, 'u'),
      bodyPrefixBefore: new RegExp(`(?<![\\p{L}])(${cues.bodyPrefixes.map(escapeRegex).join('|')})[ ]+$`, 'u'),
      coordinatorBefore: new RegExp(`(?<![\\p{L}])(?:${words(cues.coordinatorBefore)})[ ]+(?:(?:${words(cues.headTitles)})[ ]+)?$`, 'u'),
      proposerAfter: new RegExp(`^[ ,]*(?:${words(cues.proposerAfter)})(?![\\p{L}])`, 'u'),
    };
  });
}
