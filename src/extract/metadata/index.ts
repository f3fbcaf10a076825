import type { MappedText } from '../../normalize/mapped-text.js';
import type { Rules } from '../../rules/compile.js';
import type { DocumentMeta, Evidence } from '../../schema.js';
import type { Section } from '../../segment/sections.js';
import { extractAddressees } from './addressees.js';
import { metaContext, type Found } from './context.js';
import { extractDocumentNumber } from './document-number.js';
import { extractDocumentType } from './document-type.js';
import { extractIssuer } from './issuer.js';
import { evidence } from './lines.js';
import { extractPeriod } from './period.js';
import { extractPlaceDate } from './place-date.js';
import { extractProvince } from './province.js';
import { extractRecipients } from './recipients.js';
import { extractSignatures } from './signatures.js';
import { extractTitle } from './title.js';

/** Document metadata from the header and the signature block; each value with where it was read. */
export function extractMetadata(mt: MappedText, rules: Rules, sections: readonly Section[]): DocumentMeta {
  const ctx = metaContext(mt, rules, sections);
  const number = extractDocumentNumber(ctx);
  const type = extractDocumentType(ctx, number);
  const placeDate = extractPlaceDate(ctx);
  const title = extractTitle(ctx, type);
  const period = extractPeriod(ctx, title, type);
  const signatures = extractSignatures(ctx);
  const addressees = extractAddressees(ctx);
  const recipients = extractRecipients(ctx);
  const province = extractProvince(ctx, placeDate);
  const issuer = extractIssuer(ctx, number, signatures, province);

  const ev: Record<string, Evidence> = {};
  const note = (field: string, found: Found<unknown> | null): void => {
    if (found) ev[field] = evidence(mt, found.start, found.end, found.rule, found.inferred ?? false);
  };
  note('type', type);
  note('number', number);
  note('date', placeDate?.value.date ? placeDate : null);
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
    date: placeDate?.value.date ?? null,
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
