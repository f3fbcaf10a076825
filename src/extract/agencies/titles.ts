import { alternation, memo, normalizeWord, type Rules } from '../../rules/compile.js';
import type { Found } from './found.js';
import { lineStartMatches, oneSpaced } from '../../util/text.js';

/**
 * A body named only in a signature title, in capitals: "KT. TRƯỞNG BAN CHÍNH SÁCH,\nTHUẾ QUỐC TẾ"
 * → Ban Chính sách, thuế quốc tế; "TRƯỞNG BAN NGHIỆP VỤ THUẾ HQ" → Ban Nghiệp vụ thuế hải quan. The
 * title says the head (rules agency-cues titleHeads); the gazetteer reads the bodies it knows
 * ("CỤC TRƯỞNG CỤC HẢI QUAN") in any case, so these are the ones it does not.
 */
export function titleBodies(text: string, rules: Rules, overlaps: (start: number, end: number) => boolean): Found[] {
  const t = patterns(rules);
  const out: Found[] = [];
  for (const m of lineStartMatches(text, t.line)) {
    const head = t.heads.get(oneSpaced(m[1]!))!;
    let written = m[2]!;
    // "TRƯỞNG BAN BAN CHÍNH SÁCH": the head written again after the title.
    const repeated = new RegExp(`^${head.toUpperCase()}\\s+`, 'u').exec(written);
    const nameStart = m.index + m[0].length - m[2]!.length + (repeated?.[0].length ?? 0);
    if (repeated) written = written.slice(repeated[0].length);
    let end = nameStart + written.length;
    // A name wrapped after a comma goes on on the next line in capitals: "CHÍNH SÁCH,\nTHUẾ QUỐC TẾ".
    const wrap = /^\n[ \t]*([\p{Lu}\p{N} ,&-]+?)[ \t]*(?=\n|$)/u.exec(text.slice(end, end + 80));
    if (written.endsWith(',') && wrap && !t.titleLine.test(wrap[1]!)) {
      written = `${written} ${wrap[1]}`;
      end += wrap[0].length;
    }
    written = written.replace(/[ ,]+$/u, '');
    if (!written || overlaps(nameStart, end)) continue;
    const name = `${head} ${sentenceCase(written, t.abbreviations)}`;
    out.push({ name, resolved: name, kind: head, level: null, group: false, rule: 'signature-title', normStart: nameStart, normEnd: end });
  }
  return out;
}

/** "CHÍNH SÁCH, THUẾ QUỐC TẾ" → "Chính sách, thuế quốc tế"; an abbreviation the rules know is spelled out ("HQ" → "hải quan"). */
function sentenceCase(caps: string, abbreviations: ReadonlyMap<string, string>): string {
  const words = caps.split(/\s+/).map((w, i) => {
    const bare = w.replace(/,$/, '');
    const expanded = abbreviations.get(bare);
    const word = expanded ?? bare.toLowerCase();
    const cased = i === 0 ? word.charAt(0).toUpperCase() + word.slice(1) : word;
    return w.endsWith(',') ? `${cased},` : cased;
  });
  return words.join(' ');
}

interface TitlePatterns {
  /** Sticky, multiline (lineStartMatches): a line in capitals that is a title and a name: group 1 the title, group 2 the name. */
  line: RegExp;
  titleLine: RegExp;
  heads: ReadonlyMap<string, string>;
  abbreviations: ReadonlyMap<string, string>;
}

function patterns(rules: Rules): TitlePatterns {
  return memo(rules, 'title-bodies', () => {
    const cues = rules.data.agencyCues;
    const titles = alternation(Object.keys(cues.titleHeads));
    // The signing prefixes of rules/signing.json ("KT.", "TL.", "TM.") may open the line.
    const prefixes = alternation(rules.data.signing.prefixes.flatMap((p) => p.forms));
    return {
      line: new RegExp(`^[ \\t]*(?:(?:${prefixes})[ \\t]*)?(${titles})[ \\t]+([\\p{Lu}\\p{N}][\\p{Lu}\\p{N} ,&-]*?)[ \\t]*$`, 'muy'),
      titleLine: new RegExp(`^(?:${titles})(?![\\p{L}])`, 'u'),
      heads: new Map(Object.entries(cues.titleHeads).map(([title, head]) => [normalizeWord(title), normalizeWord(head)])),
      abbreviations: new Map(Object.entries(cues.nameAbbreviations).filter(([k]) => k === k.toUpperCase()).map(([k, v]) => [k, normalizeWord(v).toLowerCase()])),
    };
  });
}

