import { fold } from '../../normalize/fold.js';
import { memo, normalizeWord, type Rules } from '../../rules/compile.js';
import { isUpperLine, startsWithHeading, type Line } from './lines.js';
import { oneSpaced } from '../../util/text.js';

/**
 * Letterheads and signature blocks reach us in many layouts: a table's cells one per line between
 * "|" lines, rules drawn with dashes, and capitals wrapped wherever the cell was narrow ("ỦY BAN NHÂN"
 * / "DÂN", "TM. ỦY BAN" / "NHÂN DÂN", "BỘ" / "TÀI CHÍNH"). These helpers give the metadata extractors
 * the lines a person reads: layout-only lines as blank lines, wrapped capitals as one line.
 */

/** "|", "--------", "* *", "___": a line that only draws the layout. */
export function isLayoutLine(text: string): boolean {
  return /^[\s|*_=~+-]*$/.test(text);
}

/** Layout-only lines become blank lines (same offsets), so "|" never ends a header or a block. */
export function blankLayoutLines(lines: Line[]): Line[] {
  return lines.map((l) => (l.text && isLayoutLine(l.text) ? { text: '', start: l.start, end: l.start } : l));
}

interface WrapVocabulary {
  /**
   * Every way a wrap may cut a known phrase of two words or more (bodies, titles, mottos, type words,
   * provinces), by the first folded word after the cut: "dan" → ["uy ban nhan" + "dan"].
   */
  cutsByNextWord: Map<string, { left: string; right: string }[]>;
  /** Folded words that never end a line of a name: unit words ("tỉnh"), joiners ("và", "của"). */
  openEnds: Set<string>;
  /** Folded heads of a body's name that never stand alone on a line: "CỤC" / "HẢI QUAN", "BỘ" / "CÔNG THƯƠNG". */
  heads: Set<string>;
}

function vocabulary(rules: Rules): WrapVocabulary {
  return memo(rules, 'wrap-vocabulary', () => {
    const d = rules.data;
    const all = [
      ...d.agencies.bodies.flatMap((b) => [b.name, ...b.aliases]),
      ...d.signing.titles.map((t) => t.title),
      ...d.lexicon.headerMottos,
      ...d.documentTypes.types.flatMap((t) => t.words),
      ...d.documentTypes.unnumbered.flatMap((u) => u.words),
      ...d.provinces.provinces.flatMap((p) => [p.name, ...p.aliases]),
    ];
    const cutsByNextWord = new Map<string, { left: string; right: string }[]>();
    for (const phrase of new Set(all.map((p) => oneSpaced(fold(normalizeWord(p)))))) {
      const words = phrase.split(' ');
      for (let k = 1; k < words.length; k++) {
        const cut = { left: words.slice(0, k).join(' '), right: words.slice(k).join(' ') };
        const list = cutsByNextWord.get(words[k]!) ?? [];
        list.push(cut);
        cutsByNextWord.set(words[k]!, list);
      }
    }
    const openEnds = new Set([...d.lexicon.localUnitWords, ...d.lexicon.wrapContinuations].map((w) => fold(normalizeWord(w))));
    // "VĂN PHÒNG" alone under its parent is a whole name (agencies.json subordinateUnits).
    const whole = new Set(d.agencies.subordinateUnits.map((u) => fold(normalizeWord(u))));
    const heads = new Set(d.agencyCues.letterheadHeads.map((h) => fold(normalizeWord(h))).filter((h) => !whole.has(h)));
    return { cutsByNextWord, openEnds, heads };
  });
}

/**
 * Whether line b continues line a: a known phrase starts in a and ends in b ("ỦY BAN NHÂN" / "DÂN"),
 * a is only the head of a body's name ("CỤC" / "HẢI QUAN"), or a ends on a word that never ends a
 * name ("… TỈNH" / "HÀ TĨNH", "KHOA HỌC VÀ" / "CÔNG NGHỆ") or on a comma or dash ("BỘ TRƯỞNG," /
 * "CHỦ NHIỆM").
 */
export function continuesLine(a: string, b: string, rules: Rules): boolean {
  const v = vocabulary(rules);
  if (startsWithHeading(b, rules.data.lexicon.headerMottos)) return false;
  const left = fold(a).trim().replace(/\s+/g, ' ');
  const right = fold(b).trim().replace(/\s+/g, ' ');
  const lastWord = left.slice(left.lastIndexOf(' ') + 1);
  if (/[,&-]$/.test(lastWord) || v.heads.has(left)) return true;
  const lastTwo = left.split(' ').slice(-2).join(' ');
  if (v.openEnds.has(lastWord) || v.openEnds.has(lastTwo)) return true;
  const cuts = v.cutsByNextWord.get(right.slice(0, (right.indexOf(' ') + 1 || right.length + 1) - 1));
  if (!cuts) return false;
  const ends = (s: string, tail: string): boolean => s === tail || s.endsWith(` ${tail}`);
  const opens = (s: string, head: string): boolean => s === head || s.startsWith(`${head} `);
  return cuts.some((c) => ends(left, c.left) && opens(right, c.right));
}

/**
 * Adjacent lines in capitals that continue each other become one line. The joined text is the
 * source slice with its line break read as a space, so offsets inside it stay those of the text.
 */
export function joinWrappedCapitals(lines: Line[], text: string, rules: Rules): Line[] {
  const out: Line[] = [];
  let prevUpper = false;
  for (const line of lines) {
    const prev = out.at(-1);
    const upper = isUpperLine(line.text);
    if (prev && prevUpper && upper && prev.end + 1 === line.start && continuesLine(prev.text, line.text, rules)) {
      out[out.length - 1] = { text: text.slice(prev.start, line.end).replace(/\n/g, ' '), start: prev.start, end: line.end };
      continue;
    }
    out.push(line);
    prevUpper = upper;
  }
  return out;
}
