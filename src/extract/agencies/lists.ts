import { fold } from '../../normalize/fold.js';
import { alternation, caseAlternation, memo, type Rules } from '../../rules/compile.js';
import { provinceByName } from '../metadata/province.js';
import type { AgencyField, Found } from './found.js';
import { matchAt, oneSpaced, spacesBefore } from '../../util/text.js';

/**
 * Lists that share their head, as "Nơi nhận" and "Căn cứ" write them: "Các Bộ: Tư pháp, Tài chính"
 * → Bộ Tư pháp, Bộ Tài chính; "các Sở: Nội vụ, Tư pháp"; "các Vụ: KTTH, QHĐP" → Vụ KTTH, Vụ QHĐP
 * (codes kept as written: expanding them needs outside knowledge). A list under two heads ("các Vụ,
 * Cục: NN, CN") does not say which item has which: it names no body here.
 */
export interface ListItem {
  head: string;
  name: string;
  start: number;
  end: number;
  /** The item names the list's head, not its own ("Tư pháp" under "Các Bộ:"; "Bộ Y tế" has its own). */
  sharesHead: boolean;
}

interface ListPatterns {
  /** Ends at a colon: "Các Bộ", "các Sở, ngành": group 1 the head, group 2 a second head or word after a comma. */
  opener: RegExp;
  heads: Set<string>;
  /** A person's title opening an item ("Thủ trưởng", "Chủ tịch"): not a body of the list. */
  title: RegExp;
  /** "các" inside an item (agency-cues groupBefore): a class of bodies, no item. */
  plural: RegExp;
  /** Global: "các tỉnh:", "các tỉnh, thành phố:" (groupBefore and the lexicon's provincial unit words); provincesOpeners adds the spaces before. */
  provincesOpener: RegExp;
}

// How far before a colon a list's opener may start ("tất cả các Ủy ban, cơ quan").
const OPENER_WINDOW = 48;

function patterns(rules: Rules): ListPatterns {
  return memo(rules, 'shared-head-lists', () => {
    const cues = rules.data.agencyCues;
    const heads = cues.listHeads;
    return {
      // "Các Bộ: …", and a Nơi nhận item that opens with its head: "- Ban: PC; NVT (CT);".
      opener: new RegExp(
        `(?:(?<![\\p{L}])(?:${caseAlternation(cues.groupBefore)})\\s+|(?:^|\\n)[ \\t]*[-–+•][ \\t]*)(${caseAlternation(heads)})(?:\\s*,\\s*(\\p{L}+(?:\\s+\\p{L}+)?))?\\s*$`, 'u'),
      heads: new Set(heads.map((h) => fold(h))),
      title: new RegExp(`^(?:${caseAlternation(cues.headTitles)})(?![\\p{L}])`, 'u'),
      plural: new RegExp(`(?<![\\p{L}])(?:${alternation(cues.groupBefore)})(?![\\p{L}])`, 'u'),
      provincesOpener: (() => {
        const units = alternation(rules.data.lexicon.unitWords.flatMap((u) => u.words).filter((w) => /^\p{Ll}/u.test(w)));
        // From the group word: provincesOpeners adds the spaces before it.
        return new RegExp(`(?:${alternation(cues.groupBefore)})[ ]+(?:${units})(?:[ ]*,[ ]*(?:${units}))*[ ]*:[ ]*`, 'gu');
      })(),
    };
  });
}

// An item: a capitalised name or a code, up to the next comma, semicolon, "và", or line end.
const ITEM = /^\s*(\p{Lu}[\p{L}\d&.\- ]{0,60}?)\s*(?=,|;|\.(?:\s|$)|\s+và\s|\n|$|\()/u;

/**
 * " các tỉnh:", " các tỉnh, thành phố:" with the run of spaces before it, as the pattern
 * "(?<![ ])[ ]+" + `opener` finds them globally: found from the group word ("các"), then the spaces
 * before it back to the first. Tried from every space of the text, the look-behind in front read
 * each place once more; and it was there so that a long run of spaces is read once, as here.
 */
export function* provincesOpeners(text: string, rules: Rules): Iterable<RegExpExecArray> {
  const opener = patterns(rules).provincesOpener;
  let from = 0;
  opener.lastIndex = 0;
  for (let m = opener.exec(text); m; m = opener.exec(text)) {
    const start = spacesBefore(text, m.index, from);
    // No space right before the word, or a run of spaces begun before the last match ended: none here.
    if (start < 0 || start === m.index) {
      opener.lastIndex = m.index + 1;
      continue;
    }
    const end = m.index + m[0].length;
    from = end;
    yield matchAt(text, start, end);
  }
}

export function sharedHeadItems(text: string, rules: Rules, isBody: (name: string) => boolean = () => false): ListItem[] {
  const p = patterns(rules);
  const items: ListItem[] = [];
  // Colons are few: look back from each for "các Bộ", rather than for "các" everywhere.
  for (let colon = text.indexOf(':'); colon !== -1; colon = text.indexOf(':', colon + 1)) {
    const m = p.opener.exec(text.slice(Math.max(0, colon - OPENER_WINDOW), colon));
    // "các Vụ, Cục: …", "các Bộ, cơ quan: …": two heads share the items, which has which is not said.
    if (!m || m[2]) continue;
    const head = normalizeHead(m[1]!);
    let at = colon + 1 + (/^[ \t]*/.exec(text.slice(colon + 1, colon + 9))?.[0].length ?? 0);
    for (let k = 0; k < 40; k++) {
      const it = ITEM.exec(text.slice(at, at + 80));
      if (!it) break;
      let written = it[1]!.trim();
      const start = at + it[0].indexOf(written);
      // "Giám đốc các Sở: Tài chính, …, Thủ trưởng các cơ quan": a title or a plural ends the list.
      if (p.plural.test(written) || p.title.test(written)) break;
      // "Giáo dục và Đào tạo", "Khoa học và Công nghệ": a "và" inside a name the rules know.
      const withAnd = /^\s+và\s+(\p{Lu}[\p{L}\d&.\- ]{0,40}?)\s*(?=,|;|\.(?:\s|$)|\s+và\s|\n|$|\()/u.exec(text.slice(start + written.length, start + written.length + 60));
      if (withAnd && isBody(`${head} ${written} và ${withAnd[1]!.trim()}`)) {
        written = text.slice(start, start + written.length + withAnd[0].length).trim();
        it[0] = text.slice(at, start + written.length);
      }
      // "Bộ Y tế" inside "các Bộ: Tài chính, Nội vụ, Bộ Y tế" carries its head already.
      const sharesHead = !p.heads.has(fold(written.split(/\s+/)[0]!));
      const name = sharesHead ? `${head} ${written}` : written;
      items.push({ head, name: oneSpaced(name), start, end: start + written.length, sharesHead });
      at += it[0].length;
      // Items part at a comma or "và", and in a Nơi nhận line at a semicolon ("- Ban: PC; NVT (CT);").
      const sep = /^[ \t]*(?:\([^()\n]{1,12}\))?[ \t]*(?:,|;(?=[ \t]*\p{Lu})|và\s)[ \t]*/u.exec(text.slice(at, at + 24));
      if (!sep) break;
      at += sep[0].length;
    }
  }
  return items;
}

function normalizeHead(written: string): string {
  return written.charAt(0).toUpperCase() + written.slice(1).toLowerCase();
}

/** The list items as mentions: a body the rules know takes its canonical name and place. */
export function listMentions(
  text: string, rules: Rules, known: (name: string) => { name: string; resolved: string; kind: string; level: Found['level'] } | null,
): Found[] {
  return sharedHeadItems(text, rules, (name) => known(name) !== null).map((item) => {
    const body = known(item.name);
    const name = body?.name ?? item.name;
    const resolved = body?.resolved ?? item.name;
    // What the head names (the body, its kind and level) comes from the list, not the item's words.
    const inferred = new Set<AgencyField>(item.sharesHead ? ['name', 'resolved', 'kind', 'level'] : resolved !== name ? ['resolved'] : []);
    return {
      name, resolved, kind: body?.kind ?? item.head, level: body?.level ?? null,
      group: false, rule: 'shared-head-list', normStart: item.start, normEnd: item.end, inferred,
    };
  });
}

/**
 * "UBND các tỉnh: Tuyên Quang, Cao Bằng, …, An Giang": a local body of every province listed after the
 * colon, one body per province ("Ủy ban nhân dân tỉnh Tuyên Quang"). Only names of provinces count.
 */
export function provinceListMentions(
  text: string, rules: Rules, bodyOf: (written: string) => { name: string; kind: string } | null,
): Found[] {
  const out: Found[] = [];
  // "các tỉnh:" is rare: found first, then the body named before it (up to five words back).
  for (const u of provincesOpeners(text, rules)) {
    const before = /(?<![\p{L}])(\p{Lu}[\p{L}.]*(?:[ ]+\p{L}+){0,4})$/u.exec(text.slice(Math.max(0, u.index - 60), u.index));
    // The shortest run of words before "các" that names a body the rules know: "UBND", "Sở Nội vụ".
    const words = before ? before[1]!.split(/[ ]+/) : [];
    let body: { name: string; kind: string } | null = null;
    for (let k = words.length - 1; k >= 0 && !body; k--) body = /^\p{Lu}/u.test(words[k]!) ? bodyOf(words.slice(k).join(' ')) : null;
    if (!body) continue;
    let at = u.index + u[0].length;
    for (let k = 0; k < 70; k++) {
      const item = /^(\p{Lu}\p{L}*(?:[ ]+(?:-[ ]+)?\p{Lu}\p{L}*){0,3})/u.exec(text.slice(at, at + 40));
      const province = item ? provinceByName(item[1]!, rules) : undefined;
      if (!item || !province) break;
      const name = `${body.name} ${province.type} ${province.name}`;
      // The item is the province; the body, named before the list, is every item's.
      out.push({ name, resolved: name, kind: body.kind, level: 'tỉnh', group: false, rule: 'province-list', normStart: at, normEnd: at + item[1]!.length, inferred: new Set(['name', 'resolved', 'kind']) });
      at += item[1]!.length;
      const sep = /^[ ]*,\s*/u.exec(text.slice(at, at + 8));
      if (!sep) break;
      at += sep[0].length;
    }
  }
  return out;
}
