import { fold } from '../../normalize/fold.js';
import { alternation, caseAlternation, memo } from '../../rules/compile.js';
import { dateAt, type DateMatch } from '../../rules/dates.js';
import { parseSymbol, symbolSource, type SymbolParts } from '../symbol.js';
import type { Found, MetaContext } from './context.js';
import { oneSpaced } from '../../util/text.js';

export interface DatabaseTitle {
  type: string;
  number: SymbolParts;
  /** Where the number stands in the normalized text. */
  numberStart: number;
  numberEnd: number;
  date: DateMatch | null;
}

// How far into the title line the number may stand ("Nghị định của Chính phủ số …").
const MAX_LEAD = 120;

/**
 * A legal database's title line standing where the header was lost: "Nghị định của Chính phủ số
 * 45/2021/NĐ-CP ngày 31 tháng 3 năm 2021 về …". The issuer comes before the number ("của Chính phủ
 * số …"), where a citation puts it after ("Nghị định số 45/2021/NĐ-CP ngày … của Chính phủ"): a
 * text that opens by citing another document is not read as its own title. Only the first line
 * that holds text; every value read here is `inferred`.
 */
export function databaseTitle(ctx: MetaContext): Found<DatabaseTitle> | null {
  const re = memo(ctx.rules, 'database-title', () => {
    const d = ctx.rules.data;
    const typeWords = caseAlternation([...d.documentTypes.types.flatMap((t) => t.words), ...d.documentTypes.unnumbered.flatMap((u) => u.words)]);
    // Case-sensitive, as the symbol is: each word carries its own letter cases.
    return new RegExp(`^\\s*(${typeWords})\\s+(?:${caseAlternation(d.lexicon.issuerLink)})\\s+[^\\n\\d]{2,${MAX_LEAD}}?(?:${caseAlternation(d.lexicon.numberMarker)})\\s+${symbolSource(ctx.rules)}`, 'u');
  });
  const line = ctx.lines.slice(ctx.headStart, ctx.headEnd).find((l) => l.text.trim());
  const m = line ? re.exec(line.text) : null;
  if (!line || !m || opensSentence(line.text.slice(m[0].length), ctx)) return null;
  const type = ctx.rules.typeNamesByWord.get(oneSpaced(fold(m[1]!)))?.[0];
  const number = type ? parseSymbol(m[2]!, m[3]!, ctx.rules) : null;
  if (!type || !number) return null;
  const numberEnd = line.start + m[0].length;
  const numberStart = numberEnd - m[2]!.length - m[3]!.length;
  const gap = /^\s*/.exec(ctx.mt.text.slice(numberEnd, numberEnd + 8))![0].length;
  const date = dateAt(ctx.mt.text, numberEnd + gap, ctx.rules);
  return { value: { type, number, numberStart, numberEnd, date }, start: line.start, end: line.end, rule: 'database-title', inferred: true };
}

/**
 * "Công văn số 123/BNV-CCHC ngày 5/1/2009 của Bộ Nội vụ, Ủy ban nhân dân tỉnh báo cáo …": a
 * sentence of the body citing another document, not a title: after a comma a body reports in its
 * own voice (rules/lexicon.json selfReportVerbs).
 */
function opensSentence(rest: string, ctx: MetaContext): boolean {
  const re = memo(ctx.rules, 'title-line-sentence', () =>
    new RegExp(`,[^,]*(?<![\\p{L}])(?:${alternation(ctx.rules.data.lexicon.selfReportVerbs)})(?![\\p{L}])`, 'iu'));
  return re.test(rest);
}
