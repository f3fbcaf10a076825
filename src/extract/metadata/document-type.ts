import { fold } from '../../normalize/fold.js';
import { letterKind } from '../../rules/compile.js';
import type { SymbolParts } from '../symbol.js';
import type { Found, MetaContext } from './context.js';
import { isUpperLine, startsWithHeading, trimLine } from './lines.js';

/**
 * The document type: an upper-case type line in the header ("BÁO CÁO", "THÔNG BÁO"); else the type
 * code of its own number ("75/BC-UBND"); else a công văn, known by a number without a type code
 * ("795/UBND-TH") or a subject line ("V/v …").
 */
export function extractDocumentType(ctx: MetaContext, number: Found<SymbolParts> | null): Found<string> | null {
  for (let i = 0; i < ctx.headEnd; i++) {
    const line = trimLine(ctx.lines[i]!);
    if (!line.text || line.text.length > 40 || !isUpperLine(line.text)) continue;
    const names = ctx.rules.typeNamesByWord.get(fold(line.text));
    if (names) return { value: names[0]!, start: line.start, end: line.end, rule: 'type-line' };
  }
  if (number) {
    const { typeCode, family } = number.value;
    if (typeCode) {
      const name = ctx.rules.typeByCode.get(typeCode.toUpperCase())?.name;
      if (name) return { value: name, start: number.start, end: number.end, rule: 'type-from-number', inferred: true };
    }
    if (family === 'cong-van') return { value: congVan(ctx), start: number.start, end: number.end, rule: 'cong-van-number', inferred: true };
  }
  for (let i = 0; i < ctx.headEnd; i++) {
    const line = trimLine(ctx.lines[i]!);
    if (startsWithHeading(line.text, ctx.rules.data.lexicon.subjectMarkers)) {
      return { value: congVan(ctx), start: line.start, end: line.end, rule: 'cong-van-subject', inferred: true };
    }
  }
  return null;
}

function congVan(ctx: MetaContext): string {
  return letterKind(ctx.rules);
}
