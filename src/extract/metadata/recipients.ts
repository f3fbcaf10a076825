import { listUnder } from './addressees.js';
import type { Found, MetaContext } from './context.js';

/** "Nơi nhận:" (also "Noi nhận", "Người nhận") and its bullet list, in the tail of the document. */
export function extractRecipients(ctx: MetaContext): Found<string[]> | null {
  return listUnder(ctx, ctx.rules.data.lexicon.recipientHeadings, ctx.tailStart, ctx.lines.length, 'noi-nhan');
}
