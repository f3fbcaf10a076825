import { escapeRegex, memo } from '../../rules/compile.js';
import { parseSymbol, symbolSource, type SymbolParts } from '../symbol.js';
import type { Found, MetaContext } from './context.js';

/** The document's own number: "Số: 795/UBND-TH", "Số 75/BC-UBND". */
export function extractDocumentNumber(ctx: MetaContext): Found<SymbolParts> | null {
  const re = memo(ctx.rules, 'number-label', () => {
    const labels = ctx.rules.data.lexicon.numberLabel.map(escapeRegex).join('|');
    return new RegExp(`^\\s*(?:${labels})\\s*:?\\s*${symbolSource(ctx.rules)}`, 'iu');
  });
  for (let i = 0; i < ctx.headEnd; i++) {
    const line = ctx.lines[i]!;
    const m = re.exec(line.text);
    if (!m) continue;
    const parts = parseSymbol(m[1]!, m[2]!, ctx.rules);
    if (!parts) continue;
    const symbolStart = line.start + m[0].length - m[1]!.length - m[2]!.length;
    return { value: parts, start: symbolStart, end: line.start + m[0].length, rule: 'number-label' };
  }
  return null;
}
