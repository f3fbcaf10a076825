import { fold } from '../normalize/fold.js';
import type { Rules } from '../rules/compile.js';
import type { Finding } from '../schema.js';
import { symbolKey, withDiacritics } from '../extract/symbol.js';
import { issuerInfo } from '../rules/compile.js';
import type { PlacedReference } from '../extract/references/index.js';
import { oneSpaced } from '../util/text.js';

/**
 * Citation checks over one document's references: a year that contradicts the date, one number
 * cited with two dates, a malformed symbol, a type word that contradicts the code, an impossible or
 * future date, and codes the rules do not know.
 */
export function checkCitations(refs: readonly PlacedReference[], documentDate: string | null, rules: Rules): Finding[] {
  const findings: Finding[] = [];
  const add = (ref: PlacedReference, code: string, severity: Finding['severity'], message: string, suggestion: string | null = null): void => {
    findings.push({ code, severity, message, suggestion, span: ref.span });
  };
  const firstDate = new Map<string, PlacedReference>();
  for (const ref of refs) {
    const label = `"${oneLine(ref.text)}" (${ref.id ?? ref.name})`;
    const parts = ref.parts;
    if (parts?.family === 'malformed' && !parts.suggestion && !parts.codes.some((c) => rules.typeByCode.has(c.toUpperCase()) || issuerInfo(c, rules))) {
      // "Bản án số 159/2022/HSST", "Đơn … số 02-1025/NMT" of a firm: a numbering of its own that holds
      // no code the rules know and suggests no fix; what it should be, nothing here can say.
      add(ref, 'unknown-code', 'warning', `${label}: no code of the symbol is in rules/`);
    } else if (parts?.family === 'malformed') {
      add(ref, 'malformed-symbol', 'error', `${label}: the symbol fits no form of số/ký hiệu` +
        (parts.suggestion ? `; did you mean ${parts.suggestion}?` : ''), parts.suggestion);
    } else if (parts && parts.unknownCodes.length) {
      const guess = guessTypeCode(ref, refs, rules);
      const restored = guess ? null : diacriticsRestored(ref, rules);
      if (guess) add(ref, 'malformed-symbol', 'error', `${label}: unknown type code ${parts.typeCode}; did you mean ${guess}?`, guess);
      else if (restored) add(ref, 'malformed-symbol', 'error', `${label}: a code is written without its diacritics; did you mean ${restored}?`, restored);
      else add(ref, 'unknown-code', 'warning', `${label}: code ${parts.unknownCodes.join(', ')} is not in rules/`);
    }
    if (ref.dateText && !ref.dateValid) add(ref, 'invalid-date', 'error', `${label}: ${ref.dateText} is not a calendar date`);
    // "02-1025/NMT": a firm's own numbering, where "1025" is no year.
    if (ref.date && ref.year !== null && ref.year >= 1945 && Number(ref.date.slice(0, 4)) !== ref.year) {
      add(ref, 'year-mismatch', 'error', `${label}: dated ${ref.date}, but the number says ${ref.year}`);
    }
    if (ref.date && documentDate && ref.date > documentDate) {
      add(ref, 'future-date', 'error', `${label}: dated ${ref.date}, after the citing document (${documentDate})`);
    }
    if (parts && ref.typeWord && parts.typeCode && parts.family !== 'malformed') {
      const named = rules.typeNamesByWord.get(fold(ref.typeWord)) ?? [];
      const coded = rules.typeByCode.get(parts.typeCode.toUpperCase())?.name;
      // "Quy định số 169-QĐ/TW" (2008): the Party wrote its Quy định with QĐ before it took QĐi (document-types formerCodes).
      const former = parts.family === 'party' && rules.data.documentTypes.types.some((t) => named.includes(t.name) && t.formerCodes?.includes(parts.typeCode!));
      // "Thông tư số 89-TC/TCT ngày 09/11/1993": a ministry once wrote number-issuer/unit (document-types
      // stateDashFormBefore), so the code after the dash is the issuer (Tài chính), no type.
      const oldStateForm = parts.family === 'party' && ref.date !== null && Number(ref.date.slice(0, 4)) < rules.data.documentTypes.stateDashFormBefore && !named.some((n) => rules.data.documentTypes.types.some((t) => t.name === n && t.party));
      if (coded && named.length && !named.includes(coded) && !former && !oldStateForm) {
        add(ref, 'kind-mismatch', 'error', `${label}: called ${ref.typeWord}, but code ${parts.typeCode} means ${coded}`);
      }
    }
    if (ref.id && ref.date) {
      const key = symbolKey(ref.id);
      const first = firstDate.get(key);
      if (!first) firstDate.set(key, ref);
      else if (first.date !== ref.date) {
        add(ref, 'conflicting-dates', 'error', `${label}: dated ${ref.date} here but ${first.date} at "${oneLine(first.text)}"`);
      }
    }
  }
  return findings;
}

/** "38-Tr/TU" beside "38-CTr/TU": a known code that contains the unknown one, preferring one cited with the same number. */
function guessTypeCode(ref: PlacedReference, refs: readonly PlacedReference[], rules: Rules): string | null {
  const parts = ref.parts;
  const code = parts?.typeCode;
  if (!parts || !code || rules.typeByCode.has(code.toUpperCase())) return null;
  const sameNumber = refs.find((r) => r !== ref && r.number === ref.number && r.issuerCode === ref.issuerCode
    && r.parts?.typeCode && r.parts.typeCode.toUpperCase().endsWith(code.toUpperCase()) && r.id);
  if (sameNumber) return sameNumber.id;
  const candidates = [...rules.typeByCode.values()].filter((t) => t.code.toUpperCase().endsWith(code.toUpperCase()) && t.code.length === code.length + 1);
  if (candidates.length !== 1 || !ref.id) return null;
  return ref.id.replace(code, candidates[0]!.code);
}

/** "270/QD-TTg": a type code written without its diacritics → "270/QĐ-TTg". */
function diacriticsRestored(ref: PlacedReference, rules: Rules): string | null {
  const code = ref.parts?.unknownCodes.map((c) => [c, withDiacritics(c, rules)] as const).find(([, fixed]) => fixed);
  return code && ref.id ? ref.id.replace(code[0], code[1]!) : null;
}

function oneLine(s: string): string {
  return oneSpaced(s).trim();
}

/** Conflicting dates across documents: normative ids always; other ids only within one calendar year (their numbering restarts each year). */
export interface DocumentRefs {
  path: string;
  refs: readonly { id: string | null; date: string | null; year: number | null; text: string; span: { start: number; end: number } }[];
}

export function checkAcrossDocuments(
  docs: readonly DocumentRefs[], where: (path: string, span: Finding['span']) => string = (path) => path,
): { path: string; finding: Finding }[] {
  const across = new AcrossDocuments();
  return docs.flatMap((doc) => across.add(doc, (span) => where(doc.path, span)).map((finding) => ({ path: doc.path, finding })));
}

/**
 * The same check a document at a time, as `check --across` reads them: what it keeps is, for each
 * number and date, the first two citations from different documents (id, date, text and where
 * they stand, as `where` names it then), never a document: memory grows with the distinct
 * numbers and dates, not with the documents.
 */
export class AcrossDocuments {
  private readonly seen = new Map<string, { path: string; date: string; text: string; place: string }[]>();
  /**
   * The pairs warned of for the document being added (`reportedIn`): a pair names the citing
   * document, so none can come again once the next document is added, and keeping them all would
   * grow with the documents (every one of 10,000 reports with its own pairs).
   */
  private readonly reported = new Set<string>();
  private reportedIn: string | null = null;

  /**
   * A document's warnings against those added before it; `where` names a place in this document. A
   * document's references come in one call, or in calls one after another.
   */
  add(doc: DocumentRefs, where: (span: Finding['span']) => string = () => doc.path): Finding[] {
    // Which side is wrong, one document cannot know: a warning that names both places and both dates,
    // once for each pair of documents and dates however often either cites the number.
    if (doc.path !== this.reportedIn) {
      this.reported.clear();
      this.reportedIn = doc.path;
    }
    const out: Finding[] = [];
    for (const ref of doc.refs) {
      if (!ref.id || !ref.date) continue;
      const key = symbolKey(ref.id);
      const earlier = this.seen.get(key) ?? [];
      const clash = earlier.find((e) => e.date !== ref.date && e.path !== doc.path
        && (ref.year !== null || e.date.slice(0, 4) === ref.date!.slice(0, 4)));
      const pair = clash ? [key, clash.path, clash.date, ref.date].join('|') : '';
      if (clash && !this.reported.has(pair)) {
        this.reported.add(pair);
        out.push({
          code: 'conflicting-dates-across', severity: 'warning', suggestion: null, span: ref.span,
          message: `"${oneLine(ref.text)}" (${ref.id}): dated ${ref.date} here, ${clash.date} at ${clash.place} ("${oneLine(clash.text)}"); one of them is wrong`,
        });
      }
      // Of the citations with one date, a clash names the first whose document is not the citing
      // one: the first of them, or else the first from another document. The rest are never
      // named, so two are kept per number and date, and memory does not grow with the documents.
      const sameDate = earlier.filter((e) => e.date === ref.date);
      if (sameDate.length === 0 || (sameDate.length === 1 && sameDate[0]!.path !== doc.path)) {
        earlier.push({ path: doc.path, date: ref.date, text: ref.text, place: where(ref.span) });
      }
      this.seen.set(key, earlier);
    }
    return out;
  }
}
