import { fold } from '../../normalize/fold.js';
import { alternation, letterKind, memo } from '../../rules/compile.js';
import type { SymbolParts } from '../symbol.js';
import type { Found, MetaContext } from './context.js';
import type { DatabaseTitle } from './database-title.js';
import { isUpperLine, startsWithHeading, trimLine } from './lines.js';
import { oneSpaced } from '../../util/text.js';

/**
 * The document type: an upper-case type line in the header ("BÁO CÁO", "THÔNG BÁO"); else a công
 * văn, known by its subject line ("V/v …"); else the type word of a database's title line ("Nghị
 * định của Chính phủ số …"); else the type code of its own number ("75/BC-UBND"), or
 * a công văn for a number without a type code ("795/UBND-TH").
 */
export function extractDocumentType(ctx: MetaContext, number: Found<SymbolParts> | null, titleLine: Found<DatabaseTitle> | null): Found<string> | null {
  for (let i = ctx.headStart; i < ctx.headEnd; i++) {
    const line = trimLine(ctx.lines[i]!);
    // The type line is in capitals; documents of the 2000s also write it "Báo cáo" on its own line.
    if (!line.text || line.text.length > 40 || !(isUpperLine(line.text) || /^\p{Lu}/u.test(line.text))) continue;
    const names = ctx.rules.typeNamesByWord.get(fold(line.text));
    if (names) return { value: names[0]!, start: line.start, end: line.end, rule: 'type-line' };
  }
  const ofIssuer = typeOfIssuerLine(ctx);
  if (ofIssuer) return ofIssuer;
  // "V/v" under the number makes a letter, whatever the number's code: "CT" is Cục Thuế in
  // 5282/CT-CS and Chỉ thị in 12/CT-UBND.
  const markers = ctx.rules.data.lexicon.subjectMarkers;
  for (let i = ctx.headStart; i < ctx.headEnd; i++) {
    const line = trimLine(ctx.lines[i]!);
    if (startsWithHeading(line.text, markers)) {
      return { value: congVan(ctx), start: line.start, end: line.end, rule: 'cong-van-subject', inferred: true };
    }
  }
  // "Số: 5387/CT-CS v/v trả lời …": the subject on the number's own line.
  if (number) {
    const after = ctx.mt.text.slice(number.end, ctx.mt.text.indexOf('\n', number.end) >>> 0);
    if (startsWithHeading(after, markers)) {
      return { value: congVan(ctx), start: number.start, end: number.end, rule: 'cong-van-subject', inferred: true };
    }
  }
  if (titleLine) return { value: titleLine.value.type, start: titleLine.start, end: titleLine.end, rule: 'database-title', inferred: true };
  if (number) {
    const { typeCode, family } = number.value;
    if (typeCode) {
      const name = ctx.rules.typeByCode.get(typeCode.toUpperCase())?.name;
      if (name) return { value: name, start: number.start, end: number.end, rule: 'type-from-number', inferred: true };
    }
    if (family === 'cong-van') return { value: congVan(ctx), start: number.start, end: number.end, rule: 'cong-van-number', inferred: true };
  }
  return null;
}

function congVan(ctx: MetaContext): string {
  return letterKind(ctx.rules);
}

/**
 * "QUYẾT ĐỊNH CỦA BỘ TRƯỞNG BỘ TÀI CHÍNH", "Nghị định của Chính phủ", and in documents of the 2000s
 * "quyết định của bộ trưởng bộ tài chính": the type word, then "của" and who issues it, alone on its line.
 */
function typeOfIssuerLine(ctx: MetaContext): Found<string> | null {
  const re = memo(ctx.rules, 'type-of-issuer-line', () =>
    new RegExp(`^(${ctx.rules.typeWordSource})\\s+(?:${alternation(ctx.rules.data.lexicon.issuerLink)})\\s+\\p{L}[\\p{L} ,-]{2,60}$`, 'iu'));
  for (let i = ctx.headStart; i < ctx.headEnd; i++) {
    const line = trimLine(ctx.lines[i]!);
    const m = re.exec(line.text);
    const names = m ? ctx.rules.typeNamesByWord.get(oneSpaced(fold(m[1]!))) : undefined;
    if (names) return { value: names[0]!, start: line.start, end: line.end, rule: 'type-line' };
  }
  return null;
}
