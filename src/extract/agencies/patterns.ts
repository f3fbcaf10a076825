import { fold, lower } from '../../normalize/fold.js';
import { alternation, caseAlternation, caseVariants, escapeRegex, memo, normalizeWord, trieAlternation, type Rules } from '../../rules/compile.js';
import { oneSpaced } from '../../util/text.js';
import { endAnchored, type EndAnchored } from '../../rules/end-anchored.js';

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
  /** A title that stands for the body it heads: "Thủ tướng Chính phủ" → Chính phủ (ANNOTATION.md). */
  titleOf: string | null;
  /** "Thành ủy" bare in a document of a city of that unit is that city's. */
  ofUnit: 'tỉnh' | 'thành phố' | null;
  /** A term or period after the name is part of it: "Ban Chấp hành Trung ương khóa XII", "Ban Chỉ đạo … giai đoạn 2016-2020". */
  termNamed: boolean;
}

export interface AgencyPatterns {
  /** Global over folded text: the first word of any body name or alias (a cheap pre-filter). */
  bodyFirstWord: RegExp;
  /** Sticky, by first word: the names and aliases that start with it, longest first. */
  bodyByFirstWord: Map<string, RegExp>;
  /** By first word: the folded second words its names and aliases go on with (absent when a name is one word). */
  secondWords: Map<string, Set<string>>;
  bodyByForm: Map<string, Body>;
  /**
   * Forms the rules list as variants, by key: another wording or an internal code of a body, kept
   * as written with its abbreviations expanded ("Cục KSTTHC", "P.TH" → "Phòng TH", "Trung tâm Hành
   * chính công"); a form not here is the body's own name or a plain abbreviation of it ("UBND").
   */
  writtenByForm: Map<string, string>;
  /** The first word of each form as the rules write it, by key: "Báo" for "bao …" ("Bảo Lộc" is no Báo). */
  firstWordByForm: Map<string, string>;
  /** Forms written in capitals only ("UBND", "TU", "SCT"), by key: a code matches only as written — "TU" is Tỉnh ủy, "Tự" is not. */
  codeByForm: Map<string, string>;
  /** Global over the text: "(sau đây viết là Ban Chỉ đạo)", group 1 the alias. */
  aliasDefinition: RegExp;
  /** By a head's folded first word: the syllables before it that make another word ("nhiệm " + "VỤ"), on lower-cased text. */
  headNotAfter: Map<string, RegExp>;
  /** agency-cues nameAbbreviations, values normalized: for spellOut. */
  abbreviations: ReadonlyMap<string, string>;
  /** Folded first words of every name and alias ("so", "bao", "truong"): a wrapped place does not take them. */
  firstWords: Set<string>;
  /** Sticky on the text after a body: a unit word and the place's capitalised name. */
  unitPlace: RegExp;
  /** Sticky: a line break, then a unit and place in capitals: the next line of a letterhead. */
  capsUnitPlaceNextLine: RegExp;
  /** A body by its symbol code ("BCT" → Bộ Công Thương): a list's "Các Bộ: CT, XD". */
  bodyByCode: Map<string, Body>;
  /** Sticky: a place name right after a place-named body ("Báo An Giang"). */
  placeName: RegExp;
  /** Sticky: "các huyện, thị xã, thành phố" after a body — a group. */
  pluralUnits: RegExp;
  /** Sticky on lower-cased text: " cấp huyện" after a body — a class of bodies, not one. */
  levelClass: RegExp;
  notAfter: RegExp;
  /** "," or a list joiner ("và") alone between two bodies. */
  joiner: RegExp;
  notBefore: EndAnchored;
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
  groupBefore: EndAnchored;
  /** Global over lower-cased text: "sở, ban, ngành" and other group phrases. */
  groupPhrase: RegExp;
  assignmentBefore: RegExp;
  leadAfter: RegExp;
  coordinatorBefore: RegExp;
  proposerAfter: RegExp;
  /** Ends at the body: "Thường trực ", "Ban Thường vụ " — a prefix that makes another body. Group 1 the prefix. */
  bodyPrefixBefore: RegExp;
  /** Ends at a body: a list item opened by a prefix, "- TT: ", "- Thường trực: " — it names each body of the list. Group 1 the prefix. */
  listPrefixBefore: RegExp;
  listPrefixes: ReadonlyMap<string, string>;
  /** Prefix → the bodies (by gazetteer name) it makes another body of, when a list shares it. */
  prefixable: ReadonlyMap<string, ReadonlySet<string>>;
  /** Sticky: " khóa XII", " giai đoạn 2016-2020" after a name. */
  termAfter: RegExp;
  /** Global: two codes joined by a list joiner ("KH và CN"), groups 1 and 2 the codes. */
  joinedCodes: RegExp;
  /** Ends at a body prefix: "Phó Chủ tịch ", "Ủy viên " — the prefix is then part of a title. */
  titleBeforePrefix: EndAnchored;
}

const key = (s: string): string => oneSpaced(fold(normalizeWord(s)));
const lkey = (s: string): string => oneSpaced(lower(normalizeWord(s)));

const relaxed = (k: string): string => escapeRegex(k).replace(/\\-/g, '\\s*-\\s*').replace(/ /g, '\\s+');

/** One alternation over hundreds of names is slow to scan; first words are few, then each first word tries its own names. */
function bodyMatchers(forms: string[]): { bodyFirstWord: RegExp; bodyByFirstWord: Map<string, RegExp> } {
  const byFirst = new Map<string, string[]>();
  for (const f of forms) {
    const first = f.split(' ')[0]!;
    byFirst.set(first, [...(byFirst.get(first) ?? []), f]);
  }
  const bodyByFirstWord = new Map<string, RegExp>();
  // trieAlternation tries the longer name first.
  for (const [first, list] of byFirst) {
    bodyByFirstWord.set(first, new RegExp(`(${trieAlternation(list.map((f) => [relaxed(f), f.length]))})(?![\\p{L}])`, 'uy'));
  }
  const firsts = [...byFirst.keys()].sort((a, b) => b.length - a.length).map((f) => escapeRegex(f).replace(/\\-/g, '-'));
  // No look-behind in front: tried at every position it costs more than the scan; callers check the boundary.
  return { bodyFirstWord: new RegExp(`(?:${firsts.join('|')})(?![\\p{L}])`, 'gu'), bodyByFirstWord };
}

export function agencyPatterns(rules: Rules): AgencyPatterns {
  return memo(rules, 'agencies', () => {
    const bodyByForm = new Map<string, Body>();
    const writtenByForm = new Map<string, string>();
    const codeByForm = new Map<string, string>();
    const bodyByCode = new Map<string, Body>();
    const firstWordByForm = new Map<string, string>();
    const cues = rules.data.agencyCues;
    const termNamed = new Set(cues.termNamedBodies.map(normalizeWord));
    const abbreviations = new Map(Object.entries(cues.nameAbbreviations).map(([k, v]) => [k, normalizeWord(v)]));
    for (const b of rules.data.agencies.bodies) {
      const body: Body = {
        name: normalizeWord(b.name), kind: normalizeWord(b.kind), level: b.level ?? null, local: b.local,
        placeNamed: !!b.placeNamed, withPlace: b.withPlace ?? '{name} {unit} {province}', parent: b.parent ? normalizeWord(b.parent) : null,
        provincialWhenBare: !!b.provincialWhenBare, section: !!b.section, titleOf: b.titleOf ? normalizeWord(b.titleOf) : null, ofUnit: b.ofUnit ?? null,
        termNamed: termNamed.has(normalizeWord(b.kind)) || termNamed.has(normalizeWord(b.name)),
      };
      for (const form of b.aliasesOnly ? b.aliases : [b.name, ...b.aliases, ...abbreviatedForms(b.name, cues.nameAbbreviations)]) if (!bodyByForm.has(key(form))) bodyByForm.set(key(form), body);
      for (const form of [b.name, ...b.aliases, ...(b.variants ?? [])]) if (isCode(form) && !codeByForm.has(key(form))) codeByForm.set(key(form), normalizeWord(form));
      if (b.code && !bodyByCode.has(normalizeWord(b.code))) bodyByCode.set(normalizeWord(b.code), body);
      for (const form of [b.name, ...b.aliases, ...(b.variants ?? [])]) if (!firstWordByForm.has(key(form))) firstWordByForm.set(key(form), lower(normalizeWord(form).split(' ')[0]!));
      for (const form of b.variants ?? []) {
        if (bodyByForm.has(key(form))) continue;
        bodyByForm.set(key(form), body);
        writtenByForm.set(key(form), expandWritten(normalizeWord(form), abbreviations, cues.headAbbreviations));
      }
    }
    // Units as written in any case, and without diacritics ("TỈNH", "Thành phố", "tinh").
    const units = alternation([...new Set(rules.data.lexicon.localUnitWords.flatMap((u) => [...caseVariants(u), ...caseVariants(fold(u))]))]);
    const place = '\\p{Lu}[\\p{L}]*(?:[ ]+(?:-[ ]+)?\\p{Lu}[\\p{L}]*){0,3}';
    const words = (list: readonly string[]): string => alternation(list.map(lkey));
    // A first word that is a whole name ("chinh phu" is two; "vpcp" one) takes any next word.
    const secondWords = new Map<string, Set<string>>();
    const whole = new Set<string>();
    for (const k of bodyByForm.keys()) {
      const [first, next] = k.split(' ');
      if (next === undefined) whole.add(first!);
      else {
        // "pt-th" and "pt" ("Đài PT - TH"), "vh,tt&dl" and "vh": the word as a text may cut it.
        const set = secondWords.get(first!) ?? new Set<string>();
        set.add(next.replace(/[,.]$/, '').replace(/-$/, '')).add(next.split(/[-,.&]/)[0]!);
        secondWords.set(first!, set);
      }
    }
    for (const w of whole) secondWords.delete(w);
    return {
      ...bodyMatchers([...bodyByForm.keys()]),
      secondWords,
      bodyByForm,
      abbreviations,
      aliasDefinition: new RegExp(`\\([ ]*(?:${alternation(cues.aliasDefinitions)})[ ]+[“"]?([^()\\n“”"]{2,60}?)[”"]?[ ]*\\)`, 'giu'),
      headNotAfter: new Map(Object.entries(cues.headNotAfter).map(([head, before]) => [key(head), new RegExp(`(?<![\\p{L}])(?:${words(before)})[ ]+$`, 'u')])),
      writtenByForm,
      codeByForm,
      firstWordByForm,
      firstWords: new Set([...bodyByForm.keys()].map((k) => k.split(' ')[0]!)),
      // "… tỉnh An Giang", "… của tỉnh": the unit (and place) a local body belongs to.
      unitPlace: new RegExp(`[ ]+(?:${words(rules.data.lexicon.issuerLink)}[ ]+)?(${units})(?:[ ]+(${place}))?(?![\\p{L}])`, 'uy'),
      capsUnitPlaceNextLine: new RegExp(`[ \\t]*\\n[ \\t]*(${units})[ ]+(\\p{Lu}+(?:[ ]+\\p{Lu}+){0,3})[ \\t]*(?=\\n|$)`, 'uy'),
      bodyByCode,
      // "Báo\nKiên Giang": the place may start the next line of a wrapped paragraph (not after a blank line).
      placeName: new RegExp(`(?:[ ]+|[ ]*\\n[ ]*)(${place})`, 'uy'),
      pluralUnits: new RegExp(`[ ]+(?:${words(cues.groupAfter)})[ ]+(?:${units})(?:[ ]*,[ ]*(?:${units}))*`, 'uy'),
      levelClass: new RegExp(`[ ]+(?:(?:${words(cues.levelWord)})[ ]+(?:${words(rules.data.lexicon.localUnitWords)})|${words(cues.classAfter)})(?![\\p{L}])`, 'uy'),
      joiner: new RegExp(`^\\s*(?:,|${words(rules.data.lexicon.listJoiners)})\\s*$`, 'u'),
      notAfter: new RegExp(`^[ ]+(?:${words(cues.notAfter)})(?![\\p{L}])`, 'u'),
      notBefore: endAnchored(cues.notBefore, new RegExp(`(?<![\\p{L}])(?:${words(cues.notBefore)})[ ]+$`, 'u')),
      placeRequired: new Set(cues.placeRequiredKinds.map(normalizeWord)),
      lowercaseHeads: new Set(cues.lowercaseHeads.map(lkey)),
      realUnits: new Set([...rules.data.lexicon.localUnitWords, ...rules.data.lexicon.unitWords.flatMap((u) => u.words)].map((u) => lower(normalizeWord(u)))),
      unitByKey: new Map([
        ...rules.data.lexicon.localUnitWords.map((u) => [fold(u).replace(/\.$/, ''), normalizeWord(u)] as const),
        ...rules.data.lexicon.unitWords.flatMap((u) => u.words.map((w) => [fold(w).replace(/\.$/, ''), u.type] as const)),
      ]),
      unitListAfter: new RegExp(`(?:[ ]*,[ ]*(?:${words(rules.data.lexicon.localUnitWords)})(?![\\p{L}]))+`, 'uy'),
      groupBefore: endAnchored(cues.groupBefore, new RegExp(`(?<![\\p{L}])(?:${words(cues.groupBefore)})[ ]+$`, 'u')),
      // "các sở, ban, ngành tỉnh": a group phrase and the unit it belongs to.
      groupPhrase: new RegExp(`(?:${words(cues.groupBefore)})[ ]+(?:${words(cues.groupPhrases)})(?:[ ]+(?:${words(rules.data.lexicon.localUnitWords)}))?(?![\\p{L}])`, 'gu'),
      assignmentBefore: new RegExp(`(?<![\\p{L}])(?:${words(cues.assignmentCues)})[ ]+(?:(?:${words(cues.headTitles)})[ ]+)?$`, 'u'),
      leadAfter: new RegExp(`^[ ,]*(?:${words(cues.leadAfter)})(?![\\p{L}])`, 'u'),
      titleBeforePrefix: endAnchored(cues.titlesBeforePrefix, new RegExp(`(?<![\\p{L}])(?:${words(cues.titlesBeforePrefix)})[ ]+$`, 'u')),
      listPrefixBefore: new RegExp(`(?:^|\\n)[ \\t]*[-–+•*]?[ \\t]*(${[...cues.bodyPrefixes, ...Object.keys(cues.listPrefixes)].map(escapeRegex).join("|")})[ \\t]*[:.,]?[ \\t]*$`, 'u'),
      listPrefixes: new Map(Object.entries(cues.listPrefixes).map(([k, v]) => [k, normalizeWord(v)])),
      prefixable: new Map(Object.entries(cues.prefixableBodies).map(([k, v]) => [normalizeWord(k), new Set(v.map(normalizeWord))])),
      // A term word and a roman numeral or a range of years (agency-cues termWords): "khóa XII", "giai đoạn 2016-2020".
      termAfter: new RegExp(`[ ]+(?:${caseAlternation(cues.termWords)})[ ]+(?:[IVXLC]+|\\d{4}[ ]*[-–][ ]*\\d{4})(?![\\p{L}\\d])`, 'uy'),
      joinedCodes: new RegExp(`(?<![\\p{L}])(\\p{Lu}{1,4})\\s+(?:${words(rules.data.lexicon.listJoiners)})\\s+(\\p{Lu}{1,4})(?![\\p{L}])`, 'gu'),
      // "Ban Thường vụ \n\nTỉnh uỷ": a PDF's text may break the line, or leave a blank line, inside the name.
      bodyPrefixBefore: new RegExp(`(?<![\\p{L}])(${cues.bodyPrefixes.map(escapeRegex).join('|')})(?:[ \\t]+|[ \\t]*(?:\\n[ \\t]*){1,2})$`, 'u'),
      coordinatorBefore: new RegExp(`(?<![\\p{L}])(?:${words(cues.coordinatorBefore)})[ ]+(?:(?:${words(cues.headTitles)})[ ]+)?$`, 'u'),
      proposerAfter: new RegExp(`^[ ,]*(?:${words(cues.proposerAfter)})(?![\\p{L}])`, 'u'),
    };
  });
}

/**
 * The abbreviations of a name spelled out, word by word (agency-cues nameAbbreviations): "Chỉ số
 * CCHC" → "Chỉ số cải cách hành chính". A name that keeps a code no entry spells out is kept whole as
 * written: "Cục KS TTHC", not "Cục KS thủ tục hành chính"; roman numerals are no codes.
 */
export function spellOut(name: string, abbreviations: ReadonlyMap<string, string>): string {
  const codes = name.match(CODE_IN_NAME) ?? [];
  // A word spelled out is an abbreviation, and one with a code in it: a name without a code has none.
  if (!codes.length && everyAbbreviationHasCode(abbreviations)) return name;
  if (codes.some((c) => !abbreviations.has(c) && !/^[IVXLC]+$/.test(c))) return name;
  return name.replace(/[\p{L}\p{N}][\p{L}\p{N}&-]*/gu, (w) => abbreviations.get(w) ?? w);
}

const CODE_IN_NAME = /(?<![\p{L}])[\p{Lu}Đ&]{2,}(?![\p{L}])/gu;

/** Whether every abbreviation of the rules holds a code ("CCHC", "KT-XH"), answered once per map. */
function everyAbbreviationHasCode(abbreviations: ReadonlyMap<string, string>): boolean {
  let known = codedAbbreviations.get(abbreviations);
  if (known === undefined) {
    const code = new RegExp(CODE_IN_NAME.source, 'u');
    known = [...abbreviations.keys()].every((k) => code.test(k));
    codedAbbreviations.set(abbreviations, known);
  }
  return known;
}

const codedAbbreviations = new WeakMap<ReadonlyMap<string, string>, boolean>();

/**
 * A variant as the annotator writes it: its head abbreviation and the abbreviations inside it
 * expanded, a code kept ("P.TH" → "Phòng TH", "Ban Chỉ đạo Chương trình CCHC" → "… cải cách hành chính").
 */
function expandWritten(form: string, inside: ReadonlyMap<string, string>, heads: Readonly<Record<string, string>>): string {
  const head = Object.keys(heads).sort((a, b) => b.length - a.length).find((h) => form.startsWith(h) && (!/\p{L}$/u.test(h) || !/^\p{L}/u.test(form.slice(h.length))));
  return spellOut(head ? `${heads[head]} ${form.slice(head.length).trim()}` : form, inside);
}

/** "UBND", "Sở KH&ĐT" → false; "TU", "VPCP", "SKHĐT" → true: a single word in capitals. */
const isCode = (form: string): boolean => /^[\p{Lu}\p{N}&.]+$/u.test(form) && !/\s/.test(form);

/**
 * The name with a phrase of two words or more written as its abbreviation (agency-cues
 * nameAbbreviations): "Cục Kiểm soát thủ tục hành chính" → "Cục Kiểm soát TTHC"; a plain
 * abbreviation of the name, reported by the name.
 */
export function abbreviatedForms(name: string, abbreviations: Readonly<Record<string, string>>): string[] {
  const forms: string[] = [];
  const lowered = name.toLowerCase();
  for (const [abbreviation, phrase] of Object.entries(abbreviations)) {
    const p = phrase.toLowerCase();
    const at = lowered.indexOf(p);
    if (!p.includes(' ') || at <= 0 || /\p{L}/u.test(lowered.charAt(at + p.length))) continue;
    forms.push(`${name.slice(0, at)}${abbreviation}${name.slice(at + p.length)}`);
  }
  return forms;
}
