import { fold } from '../normalize/fold.js';
import { normalize } from '../normalize/normalize.js';
import { loadRuleData, type RuleData } from './load.js';

/**
 * Rule data compiled for matching: lookup maps keyed by folded forms and regular-expression
 * sources built from the word lists (longest alternative first, literals escaped, spacing relaxed).
 */

export function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

/** A rule word as the normalize stage would leave it in a document ("Uỷ ban" → "Ủy ban"). */
export function normalizeWord(word: string): string {
  return normalize(word).text.trim();
}

/** "Nghị định" → "Nghị\s+định"; "Lao động - Thương binh" also matches "Lao động-Thương binh"; commas optional. */
export function relaxedPhrase(phrase: string): string {
  return normalizeWord(phrase)
    .split(/\s+/)
    .map((w) => escapeRegex(w).replace(/\\-/g, '\\s*-\\s*').replace(/,$/, ',?'))
    .join('\\s+')
    .replace(/(\\s\*-\\s\*)\\s\+/g, '$1')
    .replace(/\\s\+(\\s\*-)/g, '$1');
}

/**
 * Alternation of phrases, longest first so "Thông tư liên tịch" wins over "Thông tư", written as a
 * trie: phrases that begin alike share their beginning ("Ủy ban nhân dân (?:tỉnh|huyện|…)"), so the
 * regex engine reads a shared beginning once and not once per phrase (an alternation of every
 * body's name did the same "ủy ban nhân dân" 40 times at each place tried).
 *
 * The matches are those of the flat "longest|…|shortest" alternation. Two phrases that both match
 * at a place begin one another, and the trie tries going on before it tries ending. Under the "i"
 * flag, branches that differ only in case ("T…", "t…") could both match and end differently: those
 * branches are written flat, longest first, as the flat alternation has them.
 */
export function alternation(phrases: Iterable<string>): string {
  const unique = [...new Set([...phrases].map(normalizeWord))].filter(Boolean);
  return trieAlternation(unique.map((phrase) => [relaxedPhrase(phrase), phrase.length]));
}

/**
 * The trie of alternation() over patterns made elsewhere, each with the length of its phrase (the
 * longer phrase is tried first). A pattern is a sequence of the atoms of relaxedPhrase: characters,
 * escaped characters, "\\s+", "\\s*-\\s*", ",?".
 */
export function trieAlternation(patterns: readonly (readonly [source: string, length: number])[]): string {
  const root = trieNode();
  for (const [source, length] of [...patterns].sort((a, b) => b[1] - a[1])) {
    let node = root;
    for (const atom of patternAtoms(source)) {
      let next = node.next.get(atom);
      if (!next) node.next.set(atom, (next = trieNode()));
      next.longest = Math.max(next.longest, length);
      node = next;
    }
    node.ends = length;
  }
  return branchesOf(root).join('|');
}

interface TrieNode {
  next: Map<string, TrieNode>;
  /** The length of the phrase that ends here, 0 when none does. */
  ends: number;
  /** The length of the longest phrase through this node: siblings are tried longest first. */
  longest: number;
}

const trieNode = (): TrieNode => ({ next: new Map(), ends: 0, longest: 0 });

/** The atoms of a relaxed phrase's pattern: "\\s*-\\s*", "\\s+", ",?", an escaped character, a character (a whole code point). */
function patternAtoms(source: string): string[] {
  return source.match(/\\s\*-\\s\*|\\s\+|,\?|\\[\s\S]|[\s\S]/gu) ?? [];
}

/** The alternatives below a node, longest first; siblings alike but for case written flat. */
function branchesOf(node: TrieNode): string[] {
  const children = [...node.next].sort((a, b) => b[1].longest - a[1].longest);
  const byCase = new Map<string, [string, TrieNode][]>();
  for (const child of children) {
    const key = child[0].toLowerCase();
    byCase.set(key, [...(byCase.get(key) ?? []), child]);
  }
  return [...byCase.values()].flatMap((alike) => {
    if (alike.length === 1) return [alike[0]![0] + nodeSource(alike[0]![1])];
    const flat = alike.flatMap(([atom, child]) => phrasesBelow(child).map(([rest, length]) => [atom + rest, length] as const));
    return flat.sort((a, b) => b[1] - a[1]).map(([source]) => source);
  });
}

function nodeSource(node: TrieNode): string {
  const branches = branchesOf(node);
  if (!branches.length) return '';
  if (node.ends) return `(?:${branches.join('|')})?`;
  return branches.length === 1 ? branches[0]! : `(?:${branches.join('|')})`;
}

/** Every phrase from a node on, as pattern source with the length of its whole phrase. */
function phrasesBelow(node: TrieNode): [string, number][] {
  const below = [...node.next].flatMap(([atom, child]) => phrasesBelow(child).map(([rest, length]): [string, number] => [atom + rest, length]));
  return node.ends ? [...below, ['', node.ends]] : below;
}

export interface TypeInfo {
  code: string;
  name: string;
  normative: boolean;
  party: boolean;
}

export interface IssuerInfo {
  code: string;
  name: string;
  level: string | null;
  party: boolean;
}

export interface ProvinceInfo {
  name: string;
  type: 'tỉnh' | 'thành phố';
  era: 'pre2025' | 'post2025' | 'both';
  mergedInto: string | null;
}

export interface BodyInfo {
  name: string;
  kind: string;
  local: boolean;
  /** "{name} {unit} {province}" unless the rules say otherwise. */
  withPlace: string;
}

export interface Rules {
  data: RuleData;
  version: string;
  /** Type codes by upper-case key: "QĐ", "CTR" → CTr. */
  typeByCode: Map<string, TypeInfo>;
  issuerByCode: Map<string, IssuerInfo>;
  issuerPatterns: { pattern: RegExp; info: IssuerInfo }[];
  /** Folded type word → canonical type names it may name ("thông báo kết luận" → Thông báo, Kết luận). */
  typeNamesByWord: Map<string, string[]>;
  /** Regex source: any type word, numbered or not. */
  typeWordSource: string;
  /** Folded province name or alias → province. */
  provinceByKey: Map<string, ProvinceInfo>;
  /** Regex source over folded text: any province name or alias. */
  provinceFoldedSource: string;
  lawNameSource: string;
  lawByKey: Map<string, string>;
  relationByWord: Map<string, string>;
  relationSource: string;
  signerTitleBody: Map<string, string>;
  signingPrefixByForm: Map<string, string>;
  bodyByKey: Map<string, BodyInfo>;
  bodySource: string;
}

/** "QĐ-TTG" → "TTg": a code in the case the rules give it; a numbered code keeps its number ("QH14"). */
/** The canonical name of the công văn type and of laws (rules/document-types.json, by role). */
export function letterKind(rules: Rules): string {
  return rules.data.documentTypes.unnumbered.find((u) => u.role === 'letter')!.name;
}

export function lawKind(rules: Rules): string {
  return rules.data.documentTypes.unnumbered.find((u) => u.role === 'law')!.name;
}

export function officialCode(code: string, rules: Rules): string {
  const key = code.toUpperCase();
  const known = rules.typeByCode.get(key)?.code ?? rules.issuerByCode.get(key)?.code;
  if (known) return known;
  return rules.issuerPatterns.some(({ pattern }) => pattern.test(key)) ? key : code;
}

export function issuerInfo(code: string, rules: Rules): IssuerInfo | undefined {
  const direct = rules.issuerByCode.get(code.toUpperCase());
  if (direct) return direct;
  for (const { pattern, info } of rules.issuerPatterns) if (pattern.test(code)) return info;
  return undefined;
}

export function compileRules(data: RuleData): Rules {
  const typeByCode = new Map<string, TypeInfo>();
  const typeNamesByWord = new Map<string, string[]>();
  const addWord = (word: string, name: string): void => {
    const key = fold(normalizeWord(word));
    const names = typeNamesByWord.get(key) ?? [];
    if (!names.includes(name)) names.push(name);
    typeNamesByWord.set(key, names);
  };
  for (const t of data.documentTypes.types) {
    typeByCode.set(t.code.toUpperCase(), { code: t.code, name: t.name, normative: !!t.normative, party: !!t.party });
    for (const w of t.words) addWord(w, t.name);
  }
  for (const u of data.documentTypes.unnumbered) for (const w of u.words) addWord(w, u.name);
  const allTypeWords = [
    ...data.documentTypes.types.flatMap((t) => t.words),
    ...data.documentTypes.unnumbered.flatMap((u) => u.words),
  ];

  const issuerByCode = new Map<string, IssuerInfo>();
  const issuerPatterns: { pattern: RegExp; info: IssuerInfo }[] = [];
  for (const i of data.issuers.issuers) {
    const info = { code: i.code, name: i.name, level: i.level, party: !!i.party };
    issuerByCode.set(i.code.toUpperCase(), info);
    if (i.codePattern) issuerPatterns.push({ pattern: new RegExp(`^(?:${i.codePattern})$`, 'u'), info });
  }

  const provinceByKey = new Map<string, ProvinceInfo>();
  for (const p of data.provinces.provinces) {
    const info = { name: p.name, type: p.type, era: p.era, mergedInto: p.mergedInto };
    for (const form of [p.name, ...p.aliases]) provinceByKey.set(fold(normalizeWord(form)), info);
  }
  const provinceFoldedSource = alternation([...provinceByKey.keys()]);

  const lawByKey = new Map<string, string>();
  for (const law of data.laws.laws) {
    for (const form of [law.name, ...law.aliases]) lawByKey.set(fold(normalizeWord(form)).replace(/,/g, ''), law.name);
  }
  const lawNameSource = alternation(data.laws.laws.flatMap((l) => [l.name, ...l.aliases]));

  const relationByWord = new Map<string, string>();
  for (const r of data.relations.relations) for (const w of r.words) relationByWord.set(fold(normalizeWord(w)), r.relation);
  const relationSource = alternation(data.relations.relations.flatMap((r) => r.words));

  const signerTitleBody = new Map(data.signing.titles.map((t) => [fold(normalizeWord(t.title)), t.body]));
  const signingPrefixByForm = new Map<string, string>();
  for (const p of data.signing.prefixes) for (const f of p.forms) signingPrefixByForm.set(fold(normalizeWord(f)), p.code);

  const bodyByKey = new Map<string, BodyInfo>();
  for (const b of data.agencies.bodies) {
    const info = { name: normalizeWord(b.name), kind: normalizeWord(b.kind), local: b.local, withPlace: b.withPlace ?? '{name} {unit} {province}' };
    for (const form of [b.name, ...b.aliases]) bodyByKey.set(fold(normalizeWord(form)), info);
  }
  const bodySource = alternation(data.agencies.bodies.flatMap((b) => [b.name, ...b.aliases]));

  return {
    data,
    version: data.version,
    typeByCode,
    issuerByCode,
    issuerPatterns,
    typeNamesByWord,
    typeWordSource: alternation(allTypeWords),
    provinceByKey,
    provinceFoldedSource,
    lawNameSource,
    lawByKey,
    relationByWord,
    relationSource,
    signerTitleBody,
    signingPrefixByForm,
    bodyByKey,
    bodySource,
  };
}

/**
 * The rules access layer, one cache for all of it: the shipped rules load and compile once per
 * thread (`defaultRules`), and anything built from them (a regular expression, a lookup table) is
 * kept by `memo` under the rules it was built from, so rules loaded from another folder (a test's
 * copy) never see another's patterns. Code reads rule data as `rules.data`, never from the files.
 */
let shipped: Rules | undefined;

export function defaultRules(): Rules {
  shipped ??= compileRules(loadRuleData());
  return shipped;
}

/** "Nghị định" → ["Nghị định", "nghị định", "NGHỊ ĐỊNH", "Nghị Định"]: the letter cases documents use. */
export function caseVariants(phrase: string): string[] {
  const p = normalizeWord(phrase);
  const title = p.replace(/(^|\s)(\p{Ll})/gu, (_, s: string, c: string) => s + c.toUpperCase());
  const sentence = p.charAt(0).toUpperCase() + p.slice(1);
  return [...new Set([p, p.toLowerCase(), p.toUpperCase(), title, sentence])];
}

/** Alternation over every letter-case variant of the phrases, longest first. */
export function caseAlternation(phrases: Iterable<string>): string {
  return alternation([...phrases].flatMap(caseVariants));
}

const memos = new WeakMap<Rules, Map<string, unknown>>();

/** Build a value from the rules once (a regular expression, a table) and reuse it for every document. */
export function memo<T>(rules: Rules, key: string, build: () => T): T {
  let store = memos.get(rules);
  if (!store) memos.set(rules, (store = new Map()));
  if (!store.has(key)) store.set(key, build());
  return store.get(key) as T;
}
