import type { Rules } from '../../rules/compile.js';
import type { DocumentMeta, Evidence, Signature } from '../../schema.js';
import type { Drafted, NormalizedDocument } from '../document.js';
import type { SymbolParts } from '../symbol.js';
import { extractAddressees } from './addressees.js';
import { metaContext, type Found } from './context.js';
import { databaseTitle, type DatabaseTitle } from './database-title.js';
import { extractDocumentNumber } from './document-number.js';
import { extractDocumentType } from './document-type.js';
import { bodyOf, extractIssuer } from './issuer.js';
import { evidence } from './lines.js';
import { extractPeriod } from './period.js';
import { extractPlaceDate } from './place-date.js';
import { extractProvince, provinceOfCentralDocument } from './province.js';
import { fold } from '../../normalize/fold.js';
import { extractRecipients } from './recipients.js';
import { extractSignatures } from './signatures.js';
import { extractTitle } from './title.js';

/** The metadata as the extractor returns it: evidence and signatures in the normalized text, as every item's position is. */
export type DocumentDraft = Omit<DocumentMeta, 'evidence' | 'signatures'> & {
  signatures: Drafted<Signature>[];
  evidence: Record<string, Drafted<Evidence>>;
};

/** Document metadata from the header and the signature block; each value with where it was read. */
export function extractMetadata(doc: NormalizedDocument): DocumentDraft {
  const { rules } = doc;
  const ctx = metaContext(doc.mt, rules, doc.sections);
  const titleLine = databaseTitle(ctx);
  const number = extractDocumentNumber(ctx) ?? numberOfTitleLine(titleLine);
  const type = extractDocumentType(ctx, number, titleLine);
  const placeDate = extractPlaceDate(ctx);
  const date = placeDate?.value.date ? placeDate : dateOfTitleLine(titleLine);
  const title = extractTitle(ctx, type);
  const period = extractPeriod(ctx, title, type);
  const signatures = extractSignatures(ctx);
  const addressees = extractAddressees(ctx);
  const recipients = extractRecipients(ctx);
  const placeProvince = extractProvince(ctx, placeDate);
  const issuer = extractIssuer(ctx, number, signatures, placeProvince);
  const province = issuer && isCentralBody(issuer.value, rules) ? provinceOfCentralDocument(ctx) : placeProvince;

  const ev: Record<string, Drafted<Evidence>> = {};
  const note = (field: string, found: Found<unknown> | null): void => {
    if (found) ev[field] = evidence(found.start, found.end, found.rule, found.inferred ?? false);
  };
  note('type', type);
  note('number', number);
  note('date', date);
  note('place', placeDate);
  note('province', province);
  note('issuer', issuer);
  note('title', title);
  note('period', period);
  note('addressees', addressees);
  note('recipients', recipients);

  return {
    type: type?.value ?? null,
    number: number?.value.ids[0] ?? null,
    date: date?.value.date ?? null,
    place: placeDate?.value.place ?? null,
    province: province?.value ?? null,
    issuer: issuer?.value ?? null,
    title: title?.value ?? null,
    period: period?.value ?? null,
    signatures,
    addressees: addressees?.value ?? [],
    recipients: recipients?.value ?? [],
    evidence: ev,
  };
}

/** Without a "Số:" line, the number of a database's title line ("Nghị định … số 45/2021/NĐ-CP …"). */
function numberOfTitleLine(title: Found<DatabaseTitle> | null): Found<SymbolParts> | null {
  if (!title) return null;
  return { value: title.value.number, start: title.value.numberStart, end: title.value.numberEnd, rule: 'database-title', inferred: true };
}

/** Without a place-and-date line, the date right after the title line's number. */
function dateOfTitleLine(title: Found<DatabaseTitle> | null): Found<{ date: string | null }> | null {
  const d = title?.value.date;
  if (!d?.iso) return null;
  return { value: { date: d.iso }, start: d.start, end: d.end, rule: 'database-title', inferred: true };
}

/**
 * A body of the national government ("Bộ Y tế", "Văn phòng Chính phủ"), or a body of a local kind
 * named without a place because a ministry heads its letterhead ("BỘ TÀI CHÍNH / CỤC THUẾ").
 */
function isCentralBody(name: string, rules: Rules): boolean {
  const body = bodyOf(name, rules);
  return body !== null && (!body.local || fold(body.name) === fold(name));
}
