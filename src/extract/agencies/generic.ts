import { fold, lower } from '../../normalize/fold.js';
import { alternation, escapeRegex, memo, normalizeWord, type Rules } from '../../rules/compile.js';
import type { DocumentDraft } from '../metadata/index.js';
import { charBefore, oneSpaced } from '../../util/text.js';
import { infer, type Found } from './found.js';
import { agencyPatterns, spellOut } from './patterns.js';
import { canonicalPlace, isProvincialUnit, levelOfUnit } from './places.js';

/**
 * Bodies the gazetteer does not list, read from a head (rules/agency-cues.json). Two kinds:
 * - named heads ("Trung tâm", "Trường", "Bệnh viện") open a proper name with a capital:
 *   "Trung tâm Khuyến công và Tư vấn phát triển công nghiệp";
 * - board heads ("Hội đồng", "Tổ giúp việc", "Ban Chỉ đạo") open a description, often in lower
 *   case: "Hội đồng xét tuyển viên chức", "Tổ Giúp việc chấm điểm Chỉ số CCHC tỉnh An Giang".
 * A name runs word by word up to a stop word, punctuation, the next body of a list ("… và Đài
 * Truyền thanh …") or its place ("… huyện Tịnh Biên"). Then lists share what one member says for
 * all ("Hội đồng và Tổ Giúp việc chấm điểm …", "Trung tâm Văn hóa - Thể thao và Đài Truyền thanh
 * huyện Tịnh Biên"), and the mentions of one body in a document take one resolved name.
 */
export function genericBodies(text: string, lowered: string, rules: Rules, doc: DocumentDraft, found: Found[]): void {
  const g = genericPatterns(rules);
  const p = agencyPatterns(rules);
  const generic: Found[] = [];
  // Gazetteer mentions come in text order: overlap and parent tests look them up, not scan them all.
  const byStart = new Map(found.map((f) => [f.normStart, f]));
  const overlapsFound = overlapTest(found);
  g.head.lastIndex = 0;
  for (let m = g.head.exec(text); m; m = g.head.exec(text)) {
    const start = m.index;
    if (/[\p{L}\p{N}]/u.test(charBefore(text, start))) continue;
    // "Nhiệm Vụ Trọng tâm", "Dịch Vụ Công", "Quốc Phòng": a head that ends another word in a title-case line.
    const board = m[1] !== undefined;
    if (!board && g.headNotAfter.get(m[2]!)?.test(lowered.slice(Math.max(0, start - 12), start))) continue;
    const headEnd = start + m[0].length;
    const plain = readName(text, lowered, headEnd, board, rules);
    const name = plain ?? (board ? null : readNameUnderParent(text, lowered, headEnd, rules));
    if (!name) continue;
    const end = name.end;
    if (overlapsFound(start, end) || (generic.length > 0 && start < generic[generic.length - 1]!.normEnd)) continue;
    g.head.lastIndex = Math.max(headEnd, name.place === '' ? end : name.placeStart);
    const head = text.slice(start, headEnd);
    const complement = text.slice(headEnd, name.place === '' ? end : name.placeStart).replace(/\s+/g, ' ').trim();
    const place = unitAndPlace(name.place, rules);
    const written = `${head}${complement ? ` ${complement}` : ''}${place}`;
    generic.push({
      name: written, resolved: written, kind: 'other', level: null, group: !!name.plural || p.groupBefore.test(lowered.slice(Math.max(0, start - 14), start)),
      rule: board ? 'board' : 'generic-head', normStart: start, normEnd: end, board, head, complement, place, underParent: !plain,
    });
  }
  shareComplements(generic, lowered, g.andJoiner);
  shareGroups(generic, lowered, g.listTail);
  sharePlaces(generic, lowered, p.joiner);
  shareTeams(generic, lowered, p.joiner, g);
  for (const f of generic) {
    // "Tổ giúp việc …", "Hội đồng và Tổ Giúp việc chấm điểm …", "Ban Giám đốc Sở": a team, or a board set up
    // for one case — not a body (ANNOTATION.md).
    if (g.teams.test(fold(f.name)) || (f.board && g.oneCase.test(lower(f.complement ?? '')))) {
      f.group = true;
      f.rule = 'team';
    }
    // A bare head ("Hội đồng", "Ban Chỉ đạo") points back at a body named before; only a board whose head
    // is a whole name of its own ("Ban Giám sát") stands alone.
    // …and a head written in lower case after its first word ("Ban quản lý dự án") is a common noun, no name.
    if (!f.complement && (f.head!.split(' ').length < 2 || g.gazetteerHeads.has(fold(f.head!)) || !/^\S+\s+\p{Lu}/u.test(f.head!))) continue;
    if (!f.group && !resolveGeneric(f, lowered, rules, doc, byStart, g) && f.underParent) continue;
    if (!f.group) {
      const own = ofIssuer(f.resolved, doc, g);
      if (own !== f.resolved) infer(f, 'resolved');
      f.resolved = own;
    }
    f.name = spellOut(f.name, p.abbreviations);
    f.resolved = spellOut(f.resolved, p.abbreviations);
    found.push(f);
  }
  oneNamePerBody(found, rules, doc);
}

interface NameRead {
  end: number;
  /** The unit and place that ended the name (" tỉnh An Giang", " tỉnh"), or ''. */
  place: string;
  placeStart: number;
  /** Ended by "các huyện, thị xã …": a class of bodies. */
  plural?: boolean;
}

/** A test whether [start, end) overlaps one of the mentions (sorted by start, not overlapping each other). */
export function overlapTest(sorted: readonly Found[]): (start: number, end: number) => boolean {
  return (start, end) => {
    // The last mention that starts before `end`.
    let lo = 0;
    let hi = sorted.length - 1;
    let last = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]!.normStart < end) {
        last = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return last !== -1 && sorted[last]!.normEnd > start;
  };
}

/** " của tỉnh Thanh Hóa" → " tỉnh Thanh Hóa": the place as a name ends with it. */
function unitAndPlace(place: string, rules: Rules): string {
  const p = agencyPatterns(rules);
  p.unitPlace.lastIndex = 0;
  const up = place ? p.unitPlace.exec(place) : null;
  return up ? ` ${up[1]}${up[2] ? ` ${oneSpaced(up[2])}` : ''}` : oneSpaced(place);
}

/** Word by word from the end of the head; null when no name follows a head that needs one. */
function readName(text: string, lowered: string, from: number, board: boolean, rules: Rules): NameRead | null {
  const g = genericPatterns(rules);
  const p = agencyPatterns(rules);
  let end = from;
  let words = 0;
  for (;;) {
    // "Trung tâm Y tế các huyện, thị xã, thành phố": one body in each, a class.
    p.pluralUnits.lastIndex = end;
    const plural = words > 0 ? p.pluralUnits.exec(lowered) : null;
    if (plural) return { end: end + plural[0].length, place: '', placeStart: end + plural[0].length, plural: true };
    // The place ends the name: "… huyện Thoại Sơn", "… tỉnh" before punctuation or a stop.
    p.unitPlace.lastIndex = end;
    const up = p.unitPlace.exec(text);
    if (up && (words > 0 || board)) {
      const after = end + up[0].length;
      const closes = up[2] || (p.realUnits.has(lower(up[1]!)) && endsName(text, lowered, after, board, g));
      if (closes) return { end: after, place: text.slice(end, after), placeStart: end };
    }
    if (text.charAt(end) === ',') {
      const next = commaGoesOn(text, end, board, g, rules);
      if (next === null) break;
      end = next.end;
      if (next.place) return { end, place: next.place, placeStart: next.placeStart };
      words++;
      continue;
    }
    g.nextWord.lastIndex = end;
    const w = g.nextWord.exec(text);
    if (!w) break;
    const wordStart = end + w[0].length - w[1]!.length;
    if (words === 0 && !board && !/^\p{Lu}/u.test(w[1]!)) return null;
    if (endsName(text, lowered, end, board, g) || /^(?:https?|www)/i.test(w[1]!)) break;
    // Past the longest real name: prose, not a name.
    if (words === (board ? 20 : 14)) break;
    end = wordStart + w[1]!.length;
    words++;
  }
  if (words === 0 && !board) return null;
  return { end, place: '', placeStart: end };
}

/**
 * A named head before a name in lower case is a body only when it says whose it is: "Trung tâm
 * tin học thuộc Trường Đại học An Giang" (and not "trung tâm hành chính của tỉnh").
 */
function readNameUnderParent(text: string, lowered: string, from: number, rules: Rules): NameRead | null {
  const name = readName(text, lowered, from, true, rules);
  if (!name || name.place || text.slice(from, name.end).trim().split(/\s+/).length > 5) return null;
  const g = genericPatterns(rules);
  g.parentLink.lastIndex = name.end;
  return g.parentLink.test(lowered) ? name : null;
}

/** At a separator: a stop word, the next body of a list ("và Đài …"), or the end of the text. */
function endsName(text: string, lowered: string, at: number, board: boolean, g: GenericPatterns): boolean {
  g.nextWord.lastIndex = at;
  if (!g.nextWord.test(text)) return true;
  const stops = board ? g.boardStop : g.nameStop;
  stops.lastIndex = at;
  // A proper name goes on over a capitalised stop word: "Trường Tiểu học Nam Từ Liêm" ("từ"), "Cục Người Có công".
  if (stops.test(board ? lowered : text)) return true;
  // "Tổ giúp việc cho Ban Chỉ đạo": a link before a capital names whom the board serves (not "cho phép").
  g.boardLink.lastIndex = at;
  if (board && g.boardLink.test(text)) return true;
  g.listNext.lastIndex = at;
  return g.listNext.test(text);
}

/**
 * A comma inside a name: "Trung tâm Đào tạo, Huấn luyện và Thi đấu …" (a capital that opens no new
 * body), or a short tail that ends at the place: "Ban Chỉ đạo Cấp nước an toàn và Chống thất thoát,
 * thất thu nước sạch tỉnh Kiên Giang".
 */
function commaGoesOn(text: string, at: number, board: boolean, g: GenericPatterns, rules: Rules): { end: number; place: string; placeStart: number } | null {
  g.commaCapital.lastIndex = at;
  const capital = g.commaCapital.exec(text);
  // "Trung tâm TT, KGVX;": a code that ends the line is the next item of a Nơi nhận, not the name going on
  // ("Trung tâm TT, DL&CNS Thành phố" goes on).
  if (capital && !board && !/^,\s*[\p{Lu}\p{N}&]+\s*(?:[;.(]|$)/mu.test(text.slice(at, at + 24))) return { end: at + capital[0].length, place: '', placeStart: at };
  // "Ban Chỉ đạo Trung ương về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số": an
  // enumeration in lower case that closes with "và" is one name.
  g.commaEnumeration.lastIndex = at;
  const enumeration = board ? g.commaEnumeration.exec(text) : null;
  if (enumeration) return { end: at + enumeration[0].length, place: '', placeStart: at };
  g.commaTail.lastIndex = at;
  const tail = g.commaTail.exec(text);
  if (!tail) return null;
  const p = agencyPatterns(rules);
  const placeStart = at + tail[0].length;
  p.unitPlace.lastIndex = placeStart;
  const up = p.unitPlace.exec(text);
  if (!up?.[2]) return null;
  return { end: placeStart + up[0].length, place: text.slice(placeStart, placeStart + up[0].length), placeStart };
}

/** "Hội đồng và Tổ Giúp việc chấm điểm Chỉ số CCHC tỉnh": a bare head takes the name of the body it is listed with. */
function shareComplements(generic: Found[], lowered: string, joiner: RegExp): void {
  for (let i = generic.length - 2; i >= 0; i--) {
    const f = generic[i]!;
    const next = generic[i + 1]!;
    if (f.complement || !f.board || !next.board || !next.complement || !joiner.test(lowered.slice(f.normEnd, next.normStart))) continue;
    f.complement = next.complement;
    f.place = next.place;
    f.name = `${f.head} ${next.complement}${next.place}`;
    f.resolved = f.name;
    infer(f, 'name', 'resolved');
  }
}

/**
 * "Hội đồng xét tuyển viên chức, Ban Giám sát, Hội đồng sơ tuyển …": a bare board listed beside boards set
 * up for one case belongs to that case too.
 */
function shareTeams(generic: Found[], lowered: string, joiner: RegExp, g: GenericPatterns): void {
  const team = (f: Found): boolean => !!f.board && (g.teams.test(fold(f.name)) || g.oneCase.test(lower(f.complement ?? '')));
  for (let i = 0; i < generic.length; i++) {
    const f = generic[i]!;
    if (!f.board || f.complement || team(f)) continue;
    const before = generic[i - 1];
    const after = generic[i + 1];
    const listed = (a: Found | undefined, b: Found | undefined): boolean => !!a && !!b && joiner.test(lowered.slice(a.normEnd, b.normStart));
    if ((before && team(before) && listed(before, f)) || (after && team(after) && listed(f, after))) {
      f.group = true;
      f.rule = 'team';
      infer(f, 'group');
    }
  }
}

/** "các Trường Trung học phổ thông … và Trường Phổ thông dân tộc nội trú": a body of the same head listed after a plural is plural too. */
function shareGroups(generic: Found[], lowered: string, joiner: RegExp): void {
  for (let i = 1; i < generic.length; i++) {
    const before = generic[i - 1]!;
    const f = generic[i]!;
    if (before.group && fold(before.head!) === fold(f.head!) && joiner.test(lowered.slice(before.normEnd, f.normStart))) {
      f.group = true;
      infer(f, 'group');
    }
  }
}

/** "Trung tâm Văn hóa - Thể thao và Đài Truyền thanh huyện Tịnh Biên": bodies listed before one that names its place share it. */
function sharePlaces(generic: Found[], lowered: string, joiner: RegExp): void {
  for (let i = generic.length - 2; i >= 0; i--) {
    const f = generic[i]!;
    const next = generic[i + 1]!;
    if (f.place || !f.complement || !next.place || next.group || !joiner.test(lowered.slice(f.normEnd, next.normStart))) continue;
    f.place = next.place;
    f.name = `${f.name}${next.place}`;
    f.resolved = f.name;
    infer(f, 'name', 'resolved');
  }
}

/**
 * The resolved name: a bare provincial unit takes the document's province ("… tỉnh" → "… tỉnh
 * An Giang"); a body "thuộc"/"trực thuộc" a provincial body is the province's, one under another
 * body is named with it ("Trung tâm tin học (Trường Đại học An Giang)"). True when a parent was found.
 */
function resolveGeneric(f: Found, lowered: string, rules: Rules, doc: DocumentDraft, byStart: ReadonlyMap<number, Found>, g: GenericPatterns): boolean {
  const p = agencyPatterns(rules);
  p.unitPlace.lastIndex = 0;
  const up = f.place ? p.unitPlace.exec(f.place) : null;
  if (up) {
    const unit = p.unitByKey.get(fold(up[1]!).replace(/\.$/, '')) ?? up[1]!;
    f.level = levelOfUnit(unit, up[2] ?? null, rules);
    // "Hội Khuyến học TP Hồ Chí Minh" → "… thành phố Hồ Chí Minh": the unit word spelled out (ANNOTATION.md).
    const stem = f.name.slice(0, f.name.length - f.place!.length);
    if (up[2]) f.resolved = `${stem} ${unit} ${canonicalPlace(up[2], rules)}`;
    else if (isProvincialUnit(unit, rules) && doc.province) {
      f.resolved = `${stem} ${unit} ${doc.province}`;
      infer(f, 'resolved');
    }
    return false;
  }
  g.parentLink.lastIndex = f.normEnd;
  const link = g.parentLink.exec(lowered);
  if (!link) return false;
  const parent = byStart.get(f.normEnd + link[0].length);
  if (!parent) return false;
  // "Trung tâm phát triển quỹ đất trực thuộc UBND cấp huyện": one in every district, a class of bodies.
  if (parent.group) {
    f.group = true;
    infer(f, 'group');
    return true;
  }
  const province = doc.province;
  // "Trung tâm Khuyến công … trực thuộc Sở Công Thương", "Trung tâm tin học thuộc Trường Đại học An
  // Giang": named as written, no place the text does not give, its parent apart (ANNOTATION.md).
  f.parent = parent.resolved;
  f.level = parent.level;
  // The parent is written after "thuộc"; its level is the parent's, and its name as resolved may be inferred.
  infer(f, 'level');
  if (parent.inferred?.has('resolved')) infer(f, 'parent');
  return true;
}

/**
 * "Văn phòng Bộ" in a decision of the Bộ Tài chính is its own Văn phòng: a name that ends on a bare
 * head the issuer's name opens with ("Bộ", "Cục", "Sở") takes the issuer's name.
 */
function ofIssuer(resolved: string, doc: DocumentDraft, g: GenericPatterns): string {
  const issuer = doc.issuer;
  const m = g.ownBodyHead.exec(resolved);
  if (!issuer || !m || !issuer.startsWith(`${m[1]} `)) return resolved;
  return `${resolved.slice(0, m.index)} ${issuer}`;
}


/**
 * One body, one name in a document: "Trường Cao đẳng Y tế", "… Y tế tỉnh" and "… Y tế Kiên Giang"
 * are the same school. Mentions of a body read from a head (or a place-named gazetteer body) that
 * differ only by their place take the name written with its place, when the document writes one.
 */
function oneNamePerBody(found: Found[], rules: Rules, doc: DocumentDraft): void {
  if (!doc.province) return;
  const province = fold(doc.province);
  const units = memo(rules, 'unit-words-folded', () => rules.data.lexicon.unitWords.flatMap((u) => u.words).map(fold));
  const stem = (f: Found): string => {
    let s = fold(f.name);
    if (s.endsWith(` ${province}`)) s = s.slice(0, -province.length - 1);
    const unit = units.find((u) => s.endsWith(` ${u}`));
    return unit ? s.slice(0, -unit.length - 1) : s;
  };
  const candidates = found.filter((f) => !f.group && (f.rule === 'generic-head' || f.rule === 'board' || (f.rule === 'gazetteer' && f.placeNamed)));
  const byStem = new Map<string, Found[]>();
  for (const f of candidates) {
    const key = stem(f);
    const same = byStem.get(key);
    if (same) same.push(f);
    else byStem.set(key, [f]);
  }
  for (const same of byStem.values()) {
    const written = same.filter((f) => fold(f.name).endsWith(` ${province}`));
    const names = new Set(written.map((f) => fold(f.resolved)));
    if (names.size !== 1 || written.length === same.length) continue;
    for (const f of same) {
      // The place another mention of the body writes.
      if (f.resolved !== written[0]!.resolved) infer(f, 'resolved');
      if (written[0]!.level !== null && f.level !== written[0]!.level) infer(f, 'level');
      f.resolved = written[0]!.resolved;
      f.level = written[0]!.level ?? f.level;
    }
  }
}

interface GenericPatterns {
  /** Global over the text: a board head (group 1) or a named head (group 2). */
  head: RegExp;
  /** Sticky: a separator and the next word ([1]); a name may run over a PDF line break before a capital. */
  nextWord: RegExp;
  nameStop: RegExp;
  boardStop: RegExp;
  /** Sticky: " và Đài …", " thành Trung tâm …" (sáp nhập A thành B): the next body starts here. */
  listNext: RegExp;
  commaCapital: RegExp;
  /** Sticky: ", thất thu nước sạch" — up to four lower-case words after a comma, then the place. */
  commaTail: RegExp;
  /** Sticky: ", công nghệ, đổi mới sáng tạo và chuyển đổi số" up to punctuation. */
  commaEnumeration: RegExp;
  /** Sticky: " cho Ban …" after a board's name. */
  boardLink: RegExp;
  /** Sticky on lower-cased text: " trực thuộc " after a name. */
  parentLink: RegExp;
  /** What may stand between two members of a plural list: "có hai cấp học và", ",". */
  listTail: RegExp;
  /** "và" alone between two bodies: a list that shares one name ("Hội đồng và Tổ Giúp việc chấm điểm …"). */
  andJoiner: RegExp;
  /** A name ending on a bare head an issuer's name opens with (agency-cues ownBodyHeads): " Bộ", " Cục". Group 1 the head. */
  ownBodyHead: RegExp;
  /** On a folded name: it opens with the name of a working team or leadership ("to giup viec", "ban giam doc"). */
  teams: RegExp;
  /** On lower-cased text, ending where a head starts: a syllable that makes another word with it ("nhiệm " + "Vụ"). */
  headNotAfter: ReadonlyMap<string, RegExp>;
  /** On the lower-cased complement: it opens with what a one-case board does ("xét tuyển …"). */
  oneCase: RegExp;
  /** Folded heads that begin a gazetteer name ("ban chi dao" of "Ban Chỉ đạo cải cách hành chính"): alone, they point back at it. */
  gazetteerHeads: ReadonlySet<string>;
}

/** "Tổ giúp việc" → a pattern for "Tổ giúp việc", "Tổ Giúp việc", "TỔ GIÚP VIỆC": a capital first, any case after. */
function capitalisedHead(head: string): string {
  return normalizeWord(head).split(' ').map((w, i) => {
    const first = w.charAt(0);
    const rest = escapeRegex(w.slice(1));
    const upper = `${first.toUpperCase()}${rest}|${first.toUpperCase()}${rest.toUpperCase()}`;
    return i === 0 ? `(?:${upper})` : `(?:${upper}|${first.toLowerCase()}${rest})`;
  }).join('[ ]+');
}

function genericPatterns(rules: Rules): GenericPatterns {
  return memo(rules, 'generic-agencies', () => {
    const cues = rules.data.agencyCues;
    const lkey = (s: string): string => lower(normalizeWord(s));
    const words = (list: readonly string[]): string => alternation(list.map(lkey));
    // Named heads as the rules write them ("Trung tâm"), board heads in any capitalised form ("Tổ Giúp việc").
    const named = alternation(cues.genericHeads.map(normalizeWord));
    const boards = cues.boardHeads.map(capitalisedHead).sort((a, b) => b.length - a.length).join('|');
    const anyHead = `(?:${named}|${boards})`;
    return {
      // Boards first: "Hội đồng" is a board, though "Hội" alone opens a named body ("Hội Nông dân").
      head: new RegExp(`(?:(${boards})|(${named}))(?![\\p{L}])`, 'gu'),
      nextWord: /(?:[ ]+|[ ]*\n\s*(?=\p{Lu}))([^\s.;:,()“”"]+)/uy,
      nameStop: new RegExp(`[ ]+(?:${words(cues.nameStops)})(?![\\p{L}])`, 'uy'),
      boardStop: new RegExp(`[ ]+(?:${words(cues.boardNameStops)})(?![\\p{L}])`, 'uy'),
      // A PDF line may wrap anywhere in a list: "… Thể thao và\nĐài Truyền thanh …", "Đào tạo,\nHuấn luyện".
      listNext: new RegExp(`\\s+(?:${words([...rules.data.lexicon.listJoiners, ...cues.nextBodyLinks])})\\s+${anyHead}(?![\\p{L}])`, 'uy'),
      commaCapital: new RegExp(`,(?=\\s*\\p{Lu})(?!\\s*${anyHead}(?![\\p{L}]))`, 'uy'),
      commaTail: /,[ ]*(?:\p{Ll}[\p{L}-]*[ ]+){0,3}\p{Ll}[\p{L}-]*(?=[ ]+\p{Ll})/uy,
      commaEnumeration: /(?:,[ ]*(?:\p{Ll}[\p{L}-]*[ ]+){0,3}\p{Ll}[\p{L}-]*)+[ ]+và[ ]+(?:\p{Ll}[\p{L}-]*)(?:[ ]+\p{Ll}[\p{L}-]*){0,3}(?=[ ]*(?:[.,;:()]|\n|$))/uy,
      boardLink: new RegExp(`[ ]+(?:${words(cues.boardLinks)})[ ]+\\p{Lu}`, 'uy'),
      parentLink: new RegExp(`[ ]+(?:${words(cues.parentLinks)})[ ]+`, 'uy'),
      listTail: new RegExp(`^(?:[ ]+[^\\s.;:()]+){0,6}?\\s*(?:,|[ ]+(?:${words(rules.data.lexicon.listJoiners)}))\\s*$`, 'u'),
      andJoiner: new RegExp(`^\\s*(?:${words(rules.data.lexicon.listJoiners)})\\s*$`, 'u'),
      gazetteerHeads: new Set(rules.data.agencies.bodies.flatMap((b) => {
        const words = fold(normalizeWord(b.name)).split(' ');
        return words.slice(1).map((_, i) => words.slice(0, i + 1).join(' '));
      })),
      ownBodyHead: new RegExp(`[ ](${alternation(cues.ownBodyHeads.map(normalizeWord))})$`, 'u'),
      teams: new RegExp(`^(?:${alternation(cues.teamHeads.map((h) => escapeRegex(fold(normalizeWord(h)))))})(?![\\p{L}])`, 'u'),
      headNotAfter: new Map(Object.entries(cues.headNotAfter).map(([head, before]) => [normalizeWord(head), new RegExp(`(?<![\\p{L}])(?:${words(before)})[ ]+$`, 'u')])),
      oneCase: new RegExp(`^(?:${words(cues.oneCaseWords)})(?![\\p{L}])`, 'u'),
    };
  });
}
