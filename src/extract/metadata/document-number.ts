import { caseAlternation, memo } from '../../rules/compile.js';
import { parseSymbol, symbolSource, type SymbolParts } from '../symbol.js';
import type { Found, MetaContext } from './context.js';

/**
 * The document's own number: "Số: 795/UBND-TH", "Số 75/BC-UBND", and "Số:" alone in its table cell
 * with the number on the next line that holds text ("Số:" / "84/2025/QĐ-UBND").
 */
export function extractDocumentNumber(ctx: MetaContext): Found<SymbolParts> | null {
  const { onLine, labelOnly, symbolLine } = memo(ctx.rules, 'number-label', () => {
    // The symbol is case-sensitive ("UBND" is a code, "Luật" a word): the label carries its own cases.
    const labels = caseAlternation(ctx.rules.data.lexicon.numberLabel);
    return {
      onLine: new RegExp(`^\\s*(?:${labels})\\s*:?\\s*${symbolSource(ctx.rules)}`, 'u'),
      labelOnly: new RegExp(`^\\s*(?:${labels})\\s*:?\\s*$`, 'u'),
      symbolLine: new RegExp(`^\\s*${symbolSource(ctx.rules)}`, 'u'),
    };
  });
  for (let i = ctx.headStart; i < ctx.headEnd; i++) {
    const line = ctx.lines[i]!;
    let m = onLine.exec(line.text);
    let at = line;
    if (!m && labelOnly.test(line.text)) {
      const next = ctx.lines.slice(i + 1, i + 4).find((l) => l.text.trim());
      m = next ? symbolLine.exec(next.text) : null;
      if (next) at = next;
    }
    if (!m) continue;
    const parts = parseSymbol(m[1]!, m[2]!, ctx.rules);
    if (!parts) continue;
    const symbolStart = at.start + m[0].length - m[1]!.length - m[2]!.length;
    return { value: parts, start: symbolStart, end: at.start + m[0].length, rule: 'number-label' };
  }
  return null;
}
