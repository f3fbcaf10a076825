import { createHash } from 'node:crypto';
import { checkCitations } from './check/citations.js';
import { checkFigures } from './check/figures.js';
import { extractAgencies, type AgencyMention } from './extract/agencies/index.js';
import { normalizedDocument, placeInSource } from './extract/document.js';
import { extractFigures, type FigureItem } from './extract/figures/index.js';
import { extractMetadata, type DocumentDraft } from './extract/metadata/index.js';
import { extractTasks, type TaskItem } from './extract/tasks.js';
import { checkItemCount } from './extract/limits.js';
import { extractReferences, REFERENCE_QUOTES, type ExtractedReference, type PlacedReference } from './extract/references/index.js';
import { normalize } from './normalize/normalize.js';
import { ocrOfSpan, type PlacedWord } from './ocr/words.js';
import { sourceSlice, toSourceSpan, type MappedText } from './normalize/mapped-text.js';
import { readBytes, readFileBytes, ReadError, type ReadResult } from './read/index.js';
import { resolveReferences } from './refine/resolve-references.js';
import { defaultRules, type Rules } from './rules/compile.js';
import { RecordSchema, SCHEMA_VERSION, type ExtractionRecord, type RecordError, type Source, type Span } from './schema.js';
import { segmentSections, type Section } from './segment/sections.js';
import { segmentTables } from './segment/tables.js';
import { VERSION } from './version.js';

/**
 * The pipeline is the API: read → normalize → segment → extract → refine → check → validate.
 * Each stage is a named function; extractText and extractFile run them all and return one record.
 */
export interface ExtractOptions {
  rules?: Rules;
  /** The path recorded in source.path (extractText has none by default). */
  path?: string;
}

/** What the stages produce before assembly; the CLI's check command reads it too. */
export interface Analysis {
  source: string;
  normalized: MappedText;
  sections: Section[];
  /** The references in the source's terms, with the parsed symbol the checks read. */
  references: PlacedReference[];
  record: ExtractionRecord;
  /** A paged input's pages and footnotes, as offsets into `source` (`vnreform text --page`); null without pages. */
  pages: PageMap | null;
}

/** [start, end) of each page in the text, and the footnotes kept after the body with the page they were printed on. */
export interface PageMap {
  pages: { start: number; end: number }[];
  notes: NonNullable<ReadResult['notes']>;
}

/** What a reader learnt beside the text: pages, footnotes, unusable pages, where HTML text came from, its findings, OCR words. */
export type ReadLayout = Partial<Pick<ReadResult, 'pages' | 'notes' | 'unusablePages' | 'origin' | 'findings' | 'ocrWords'>>;

/** CPU time per stage, summed in milliseconds over the calls that are given it (the bench's stage table). */
export type StageProfile = Map<string, number>;

export function analyzeText(text: string, source: Source, rules: Rules = defaultRules(), layout: ReadLayout = {}, profile?: StageProfile): Analysis {
  const { pages = null, notes = [], unusablePages = [], origin, findings: readFindings = [], ocrWords } = layout;
  const stage = profile ? timedStage(profile) : <T>(_name: string, run: () => T): T => run();
  const normalized = stage('normalize', () => normalizeText(text, rules));
  const sections = stage('sections', () => segmentSections(normalized));
  const tables = stage('tables', () => segmentTables(normalized));
  // The extractor contract (extract/document.ts): each takes the document, and what it needs of an earlier one.
  const doc = normalizedDocument(normalized, rules, sections, tables);
  const metadata = stage('metadata', () => extractMetadata(doc));
  const ownNumber = { at: metadata.evidence.number?.at ?? null, ids: metadata.number ? [metadata.number] : [] };
  const extractedReferences = stage('references', () => resolveReferences(extractReferences(doc, { ownNumber })));
  const agencies = stage('agencies', () => extractAgencies(doc, { metadata }));
  const extractedFigures = stage('figures', () => extractFigures(doc, { documentType: metadata.type, issuer: metadata.issuer, bodies: agencies }));
  const tasks = stage('tasks', () => extractTasks(doc, { agencies }));
  checkItemCount(extractedReferences.length + agencies.length + extractedFigures.length + tasks.length, 'items (references, agencies, figures and tasks)');
  const placed = stage('place', () => placeItems(normalized, { metadata, references: extractedReferences, agencies, figures: extractedFigures, tasks }));
  const { document, references, figures } = placed;
  const findings = stage('check', () => [...checkCitations(references, document.date, rules), ...checkFigures(figures, normalized), ...unusableTextLayers(pages, unusablePages), ...readFindings]);
  const record: ExtractionRecord = stage('record', () => ({
    schemaVersion: SCHEMA_VERSION,
    tool: { name: 'vnreform', version: VERSION, rules: rules.version },
    source,
    document,
    sections: sections.map((s) => ({ path: s.path, title: s.title, span: s.span })),
    tables: tables.map((t) => ({
      index: t.index, layout: t.layout, headerRows: t.headerRows, span: t.span,
      rows: t.rows.map((row) => row.map((c) => ({ text: sourceSlice(normalized, c.start, c.end), span: toSourceSpan(normalized, c.start, c.end) }))),
    })),
    references: references.map(({ parts: _p, dateValid: _d, defines: _s, ...ref }) => ref),
    figures,
    agencies: placed.agencies,
    tasks: placed.tasks,
    findings,
    errors: [],
  }));
  stage('record', () => {
    if (pages?.length) addPages(record, pages, notes);
    if (ocrWords?.length) addOcr(record, ocrWords);
    if (origin) pointIntoOrigin(record, origin);
  });
  // Pages are offsets into the text read; a reader with an origin (HTML) has none.
  const pageMap = pages?.length && !origin ? { pages, notes } : null;
  return { source: origin?.text ?? text, normalized, sections, references, record: stage('validate', () => validate(record)), pages: pageMap };
}

/** What the extractors returned, every position in the normalized text. */
interface Extracted {
  metadata: DocumentDraft;
  references: ExtractedReference[];
  agencies: AgencyMention[];
  figures: FigureItem[];
  tasks: TaskItem[];
}

/**
 * The one place positions go from the normalized text to the source: each item's text and span, the
 * words a reference quotes (issuerText, dateText), the metadata's evidence and signatures.
 */
function placeItems(mt: MappedText, x: Extracted) {
  const { evidence, signatures, ...fields } = x.metadata;
  return {
    document: {
      ...fields,
      signatures: signatures.map((s) => placeInSource(mt, s)),
      evidence: Object.fromEntries(Object.entries(evidence).map(([field, e]) => [field, placeInSource(mt, e)])),
    },
    references: x.references.map((r): PlacedReference => placeInSource(mt, r, REFERENCE_QUOTES)),
    agencies: x.agencies.map((a) => placeInSource(mt, a)),
    figures: x.figures.map((f) => placeInSource(mt, f)),
    tasks: x.tasks.map((t) => placeInSource(mt, t)),
  };
}

/** The normalized text the extractors read: the rules' number words ("ngày", "tháng") kept apart from digits. */
export function normalizeText(text: string, rules: Rules): MappedText {
  const lx = rules.data.lexicon;
  return normalize(text, { numberWords: [...lx.dayWord, ...lx.monthWord, ...lx.yearWord, ...lx.quarterWord] });
}

/** A stage runner that adds each stage's time to the profile. */
function timedStage(profile: StageProfile) {
  return <T>(name: string, run: () => T): T => {
    const t0 = performance.now();
    try {
      return run();
    } finally {
      profile.set(name, (profile.get(name) ?? 0) + performance.now() - t0);
    }
  };
}

/** Spans of a page read from HTML point into its source: from where the first character was written to where the last one ends. */
function pointIntoOrigin(record: ExtractionRecord, origin: NonNullable<ReadResult['origin']>): void {
  const at = (offset: number): number => origin.starts[offset] ?? origin.text.length;
  visitSpans([record.document, record.sections, record.tables, record.references, record.figures, record.agencies, record.tasks, record.findings], (span) => {
    const end = span.end > span.start ? origin.ends[span.end - 1] ?? origin.text.length : at(span.start);
    span.start = at(span.start);
    span.end = end;
  });
}

function visitSpans(value: unknown, fn: (span: { start: number; end: number }) => void): void {
  if (Array.isArray(value)) value.forEach((v) => visitSpans(v, fn));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === 'span' && v && typeof v === 'object' && 'start' in v) fn(v as { start: number; end: number });
      else visitSpans(v, fn);
    }
  }
}

/** Every span of a paged document also says its page (1-based, where the span starts). */
function addPages(record: ExtractionRecord, pages: { start: number; end: number }[], notes: NonNullable<ReadResult['notes']>): void {
  visitSpans([record.document, record.sections, record.tables, record.references, record.figures, record.agencies, record.tasks, record.findings], (span) => {
    (span as Span).page = pageOf({ pages, notes }, span.start);
  });
}

/** Spans of text read by OCR say where on the page their words are and how surely they were read. */
function addOcr(record: ExtractionRecord, words: PlacedWord[]): void {
  visitSpans([record.document, record.references, record.figures, record.agencies, record.tasks, record.findings], (span) => {
    const ocr = ocrOfSpan(words, span.start, span.end);
    if (ocr) (span as Span).ocr = ocr;
  });
}

/** The 1-based page of an offset: the last page starting at or before it; a footnote's, the page it was printed on. */
export function pageOf({ pages, notes }: PageMap, offset: number): number {
  const note = notes.find((n) => n.start <= offset && offset <= n.end);
  if (note) return note.page;
  let lo = 0;
  let hi = pages.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (pages[mid]!.start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

/** Every record is checked against the contract before it leaves the pipeline. */
export function validate(record: ExtractionRecord): ExtractionRecord {
  const result = RecordSchema.safeParse(record);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  throw new Error(`internal error: record breaks the schema at ${issue.path.join('.')}: ${issue.message}`);
}

export function textSource(text: string, path = '<text>'): Source {
  return {
    path,
    format: 'text',
    encoding: null,
    sha256: createHash('sha256').update(text, 'utf8').digest('hex'),
    bytes: Buffer.byteLength(text, 'utf8'),
    pages: null,
    ocr: null,
  };
}

/** Run the pipeline on a string. */
export function extractText(text: string, options: ExtractOptions = {}): ExtractionRecord {
  return analyzeText(text, textSource(text, options.path), options.rules).record;
}

/** A record for an input that could not be read: errors set, nothing invented. */
export function errorRecord(source: Source, error: RecordError, rules: Rules = defaultRules()): ExtractionRecord {
  return validate({
    schemaVersion: SCHEMA_VERSION,
    tool: { name: 'vnreform', version: VERSION, rules: rules.version },
    source,
    document: null,
    sections: [],
    tables: [],
    references: [],
    figures: [],
    agencies: [],
    tasks: [],
    findings: [],
    errors: [error],
  });
}

function fileSource(path: string, bytes: Uint8Array | null, read: ReadResult | null): Source {
  return {
    path,
    format: read?.format ?? 'unknown',
    encoding: read?.encoding ?? null,
    sha256: bytes ? createHash('sha256').update(bytes).digest('hex') : null,
    bytes: bytes ? bytes.length : null,
    pages: read?.pages ? read.pages.length : null,
    ocr: read?.ocr ?? null,
  };
}

function toRecordError(err: unknown): RecordError {
  if (err instanceof ReadError) return { code: err.code, message: err.message };
  return { code: 'internal-error', message: (err as Error)?.message ?? String(err) };
}

/** The stages after reading, on what the reader returned. */

/** Analyze bytes already in memory (standard input, tests). Never throws: failures become error records. */
export async function analyzeBytes(bytes: Uint8Array, path: string, rules: Rules = defaultRules()): Promise<Analysis | ExtractionRecord> {
  let read: ReadResult | null = null;
  try {
    read = await readBytes(bytes, path, rules);
    return analyzeText(read.text, fileSource(path, bytes, read), rules, read);
  } catch (err) {
    return errorRecord(fileSource(path, bytes, read), toRecordError(err), rules);
  }
}

/** Analyze a file. Never throws: an unreadable file yields an error record. */
export async function analyzeFile(path: string, rules: Rules = defaultRules()): Promise<Analysis | ExtractionRecord> {
  let bytes: Uint8Array | null = null;
  let read: ReadResult | null = null;
  try {
    // Read, then parse: a file that is read but cannot be parsed (empty, a corrupt PDF) keeps its
    // hash and size in the error record, so --resume and the cache can tell when it is replaced.
    bytes = readFileBytes(path);
    read = await readBytes(bytes, path, rules);
    return analyzeText(read.text, fileSource(path, bytes, read), rules, read);
  } catch (err) {
    return errorRecord(fileSource(path, bytes, read), toRecordError(err), rules);
  }
}

export function isAnalysis(x: Analysis | ExtractionRecord): x is Analysis {
  return 'normalized' in x;
}

/** Run the pipeline on a file; the record of an unreadable file has `errors` set. */
export async function extractFile(path: string, options: ExtractOptions = {}): Promise<ExtractionRecord> {
  const result = await analyzeFile(path, options.rules);
  return isAnalysis(result) ? result.record : result;
}

/** A page the reader blanked because its text layer is garbage: one finding each, spanning the page. */
function unusableTextLayers(pages: { start: number; end: number }[] | null, unusable: number[]): ExtractionRecord['findings'] {
  return unusable.flatMap((page) => {
    const range = pages?.[page - 1];
    return range ? [{
      code: 'unusable-text-layer', severity: 'warning' as const,
      message: `page ${page}: the text layer is not readable text (a bad OCR layer, or fonts without a Unicode map); nothing was extracted from it: it needs OCR`,
      suggestion: null, span: { start: range.start, end: range.end, page },
    }] : [];
  });
}
