import { z } from 'zod';

/**
 * The output contract: one record per input file. Scripts outside the project read these fields;
 * change them only with a new schemaVersion. `vnreform schema` prints this as JSON Schema.
 */
export const SCHEMA_VERSION = '1.5.0';

export const SpanSchema = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  page: z.number().int().positive().optional().describe('1-based page of the start, for formats with pages'),
  ocr: z.object({
    box: z.tuple([z.number(), z.number(), z.number(), z.number()]).describe('[left, top, right, bottom] around the words read, as shares (0-1) of the page image\'s width and height from its top-left corner'),
    confidence: z.number().describe('the lowest OCR confidence (0-100) of the words read'),
    lowConfidence: z.boolean().describe('a word was read with confidence below 60: check the item against the page'),
  }).optional().describe('for text read by OCR: where on the page and how surely'),
}).describe('Character offsets [start, end) into the source text (UTF-16 code units, as JavaScript strings count)');

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const SourceSchema = z.object({
  path: z.string().describe('The input path as given, or "-" for standard input'),
  format: z.enum(['text', 'markdown', 'pdf', 'docx', 'doc', 'rtf', 'html', 'image', 'unknown']),
  encoding: z.string().nullable().describe('The text encoding detected: utf-8, utf-16le, utf-16be (with -nfd when written decomposed), windows-1258, tcvn3, vni (tcvn3+vni when runs mix them); null when the format has no text encoding to detect'),
  sha256: z.string().nullable(),
  bytes: z.number().int().nonnegative().nullable(),
  pages: z.number().int().nonnegative().nullable().describe('Page count; null for formats without pages'),
  ocr: z.object({
    engine: z.string().describe('The OCR engine and model: "tesseract 5.3.0 (vie)"'),
    pages: z.array(z.object({ page: z.number().int().positive(), confidence: z.number().describe('Mean word confidence, 0–100') })),
    images: z.array(z.object({ image: z.number().int().positive().describe('1-based, in the order of the document'), confidence: z.number() })).optional()
      .describe('Images of a Word document read by OCR'),
  }).nullable().describe('Pages (or a Word document\'s images) read by OCR (a scan, a page whose text layer was unusable); null when none was'),
});

export const EvidenceSchema = z.object({
  text: z.string(),
  span: SpanSchema,
  rule: z.string().describe('The rule that read this value'),
  inferred: z.boolean().describe('True when the value was inferred rather than read from this text: the same judgement as an item\'s `inferred` (a type read from the number\'s code, an issuer from the signature or the number, a province of a central body\'s document)'),
});

/**
 * The rule every item's `inferred` follows (docs/architecture.md, "Stated and inferred"): a value
 * is stated when the item's own words say it, inferred when it was taken from anywhere else.
 */
const INFERRED_RULE = 'The fields whose value is inferred, not stated. A value is stated when the item\'s own words say it, written out or abbreviated as a name ("UBND tỉnh", "Sở Nội vụ", "ngày 5/3/2020"); its own words are its text and the words read next to it for it (the relation word before a citation, the issuer phrase and date after it; the cue words in a figure\'s clause). It is inferred when taken from anywhere else: a code that stands for it (a kind read from a symbol\'s type code, as document.evidence marks a type read from the number), another item (what a list writes once for all its members, the citation resolved to, the total a part belongs to, the figure or body next to it), the document (its province or issuer, its type, a section heading, a table\'s header or row label, a block\'s heading), the rules\' knowledge beyond the words (a body\'s parent, a law\'s issuer), a default when nothing is said, or another item\'s inferred value. A null field is never listed, nor are index, section, rule, text, span and the *Text fields (where and how the item was read).';

/** The fields each kind of item may infer, in the order the item lists them (a nested field by its path). */
export const REFERENCE_INFERABLE = ['kind', 'typeWord', 'id', 'name', 'year', 'typeCode', 'issuerCode', 'issuer', 'date', 'relation', 'resolvesTo', 'impliedDate'] as const;
export const FIGURE_INFERABLE = ['unit', 'status', 'meaning.stage', 'meaning.channel', 'meaning.timeliness', 'meaning.service', 'scope', 'scopeOf', 'when'] as const;
export const AGENCY_INFERABLE = ['name', 'resolved', 'kind', 'level', 'group', 'parent', 'roles'] as const;
export const TASK_INFERABLE = ['lead', 'leadGroup', 'coordinators'] as const;

/** An item's inferred fields: names from `fields`, in their order. */
function inferredFields<const T extends readonly [string, ...string[]]>(fields: T, examples: string) {
  return z.array(z.enum(fields)).describe(`${INFERRED_RULE} ${examples}`);
}

export const SignatureSchema = z.object({
  authority: z.string().nullable().describe('Signing prefix: TM., KT., TL., TUQ., Q.'),
  authorityOf: z.string().nullable().describe('Whom the signer signs for: "GIÁM ĐỐC" in "KT. GIÁM ĐỐC"'),
  title: z.string().nullable().describe('The signer\'s own title: "PHÓ GIÁM ĐỐC"'),
  name: z.string().nullable(),
  text: z.string(),
  span: SpanSchema,
});

export const PeriodSchema = z.object({
  year: z.number().int(),
  quarter: z.number().int().min(1).max(4).nullable(),
  half: z.number().int().min(1).max(2).nullable(),
  text: z.string(),
});

export const DocumentSchema = z.object({
  type: z.string().nullable().describe('Báo cáo, Công văn, Thông báo, Quyết định, Kế hoạch …'),
  number: z.string().nullable().describe('Own number/symbol, canonical: 795/UBND-TH'),
  date: IsoDate.nullable(),
  place: z.string().nullable(),
  province: z.string().nullable().describe('Canonical province name, as of the document'),
  issuer: z.string().nullable(),
  title: z.string().nullable().describe("The title line, or the subject without its V/v or Về việc marker"),
  period: PeriodSchema.nullable(),
  signatures: z.array(SignatureSchema),
  addressees: z.array(z.string()),
  recipients: z.array(z.string()),
  evidence: z.record(z.string(), EvidenceSchema).describe('Where each metadata value was read, by field name'),
});

export const SectionSchema = z.object({ path: z.string(), title: z.string(), span: SpanSchema });

/** How a mention names the document it cites: one scanner of src/extract/references/ each. */
export const REFERENCE_FORMS = ['symbol', 'law-name', 'short-name'] as const;

export const ReferenceSchema = z.object({
  index: z.number().int().nonnegative(),
  form: z.enum(REFERENCE_FORMS).describe('How the mention names the document: symbol — by its number/symbol ("Nghị định số 61/2018/NĐ-CP", each number of "876, 878/QĐ-BNV", a law named then numbered "Luật Ngân sách nhà nước số 83/2015/QH13"); law-name — a law by its name alone ("Luật Cán bộ, công chức"); short-name — a type word and a bare number ("Đề án 2948")'),
  kind: z.string().describe('Document type in words: Nghị định, Quyết định, Công văn, Luật …'),
  typeWord: z.string().nullable().describe('The type word as written before the number, if any'),
  id: z.string().nullable().describe('Canonical number/symbol: 61/2018/NĐ-CP; null for laws cited by name and short names'),
  name: z.string().nullable().describe('For laws by name and short names: "Luật Cán bộ, công chức", "Đề án 2948"'),
  number: z.string().nullable(),
  year: z.number().int().nullable(),
  typeCode: z.string().nullable(),
  issuerCode: z.string().nullable(),
  issuer: z.string().nullable().describe('The issuing body: as the text names it after "của", else from the issuer code'),
  issuerText: z.string().nullable().describe('The issuer phrase as written: "của Bộ trưởng Bộ Nội vụ"'),
  date: IsoDate.nullable().describe('Date stated by this mention'),
  dateText: z.string().nullable(),
  relation: z.string().nullable(),
  resolvesTo: z.number().int().nullable().describe('Index of the full citation this mention refers back to'),
  impliedDate: IsoDate.nullable().describe('Date taken from the resolved citation (inferred)'),
  inferred: inferredFields(REFERENCE_INFERABLE,
    'A list shares what it writes once: in "Căn cứ Quyết định số 876, 878/QĐ-BNV ngày 10/11/2022" 878 infers typeWord, kind and relation (written before 876), 876 infers id, typeCode, issuerCode and date (written after 878); in "18-NQ/TW và 19-NQ/TW ngày 25/10/2017" 18-NQ/TW infers date. kind read from the type code rather than a type word, issuer read from the issuer code rather than named after "của", a law by name\'s issuerCode and issuer (QH, Quốc hội), resolvesTo and impliedDate are inferred.'),
  section: z.string().nullable(),
  rule: z.string(),
  text: z.string(),
  span: SpanSchema,
});

export const MeaningSchema = z.object({
  stage: z.string().nullable().describe('received, resolved, pending; for TTHC published, abolished, amended; for DVC provided'),
  channel: z.string().nullable().describe('online, in-person, post'),
  timeliness: z.string().nullable().describe('on-time, late'),
  service: z.string().nullable().describe('DVC: full (toàn trình, mức độ 4), partial (một phần, mức độ 3), level1-2'),
});

export const TableCoordSchema = z.object({
  index: z.number().int().nonnegative().describe('Index of the table in the record\'s tables'),
  row: z.number().int().nonnegative().describe('Row of the cell, header rows counted (0-based)'),
  column: z.number().int().nonnegative(),
  header: z.array(z.string()).describe('The header cells above the cell, top first'),
  rowLabel: z.string().nullable().describe('The first text cell of the row (not a row number)'),
});

export const TableCellSchema = z.object({ text: z.string(), span: SpanSchema });

export const TableSchema = z.object({
  index: z.number().int().nonnegative(),
  layout: z.enum(['pipe', 'cell-lines', 'gap']).describe('pipe: markdown "| a | b |"; cell-lines: a web page\'s cells one per line between "|" lines; gap: cells split by tabs or runs of spaces'),
  headerRows: z.number().int().nonnegative(),
  rows: z.array(z.array(TableCellSchema)),
  span: SpanSchema,
});

export const FigureSchema = z.object({
  index: z.number().int().nonnegative(),
  kind: z.enum(['count', 'percent', 'ratio', 'money', 'range']),
  value: z.number().nullable().describe('count, percent, money (in đồng); null for ratio and range'),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  low: z.number().nullable(),
  high: z.number().nullable(),
  unit: z.string().nullable().describe('Canonical noun counted (rules/figure-nouns.json); "đồng" for money'),
  unitText: z.string().nullable().describe('The unit as written: "TTHC", "triệu đồng"'),
  comparator: z.string().nullable(),
  status: z.enum(['target', 'result']),
  meaning: MeaningSchema,
  level: z.enum(['tỉnh', 'huyện', 'xã']).nullable(),
  scope: z.enum(['whole', 'unit', 'pilot', 'cited']).nullable()
    .describe('Whose figure: whole (the text says "toàn tỉnh", "tổng số"), unit (one named body: "Trung tâm Phục vụ hành chính công của tỉnh đã tiếp nhận …"), pilot (a model or trial), cited (what a cited document says: "Căn cứ Quyết định … công bố 02 thủ tục"); null when the text says nothing'),
  when: z.enum(['year-to-date', 'earlier']).nullable()
    .describe('The period, when the text says it is not the document\'s own: year-to-date ("từ đầu năm đến nay", "lũy kế"), earlier ("cùng kỳ năm trước")'),
  scopeOf: z.string().nullable().describe('The unit a unit-scope figure belongs to, by its resolved name'),
  partOf: z.number().int().nullable().describe('Index of the total this figure is a part of'),
  breakdown: z.number().int().nullable().describe('Parts of one total listed together share this id (a total may be broken down twice)'),
  section: z.string().nullable(),
  table: TableCoordSchema.nullable().describe('Where the figure stands when it is in a table cell'),
  inferred: inferredFields(FIGURE_INFERABLE,
    'A value alone in a table cell infers its unit, status and meaning from its header and row label; a part infers meaning.stage from its total, a count of a list from the count before it, a percentage in brackets its meaning from the count it follows; a ratio infers the unit of the next ratio of its list ("cấp tỉnh 138/138, cấp huyện 713/713 đơn vị"), money with nothing but a scale word ("45 triệu") its unit đồng; status is inferred unless a cue of its own sentence says it (from the figure before, a plan section, the document type or the default result); scope, scopeOf and when carried from the sentence before, scope whole because the subject is the document\'s issuer, and scopeOf naming a body whose resolved name is inferred, are inferred.'),
  rule: z.string(),
  text: z.string(),
  span: SpanSchema,
});

export const AgencySchema = z.object({
  index: z.number().int().nonnegative(),
  name: z.string().describe('Canonical name, abbreviations expanded, with the place when written: "Ủy ban nhân dân huyện Tri Tôn"'),
  resolved: z.string().describe('Full name with its place when the document makes it certain: "Ủy ban nhân dân tỉnh An Giang"'),
  kind: z.string().describe('Group of the body: Bộ, Sở, Ủy ban nhân dân …'),
  level: z.enum(['trung ương', 'tỉnh', 'huyện', 'xã']).nullable(),
  group: z.boolean().describe('A generic plural ("các sở, ban, ngành"), not one agency'),
  parent: z.string().nullable().describe('The body it belongs to, when the rules or the text say: "Vụ Cải cách hành chính" → "Bộ Nội vụ"'),
  roles: z.array(z.enum(['issuer', 'signer', 'addressee', 'recipient', 'lead', 'coordinator', 'proposer'])),
  inferred: inferredFields(AGENCY_INFERABLE,
    '"Sở Nội vụ" in a report of An Giang infers resolved ("Sở Nội vụ tỉnh An Giang"), "Sở Nội vụ tỉnh An Giang" infers nothing; a body given the place of the next body of its list ("Hội đồng nhân dân, Ủy ban nhân dân tỉnh") infers name and resolved, and level and group when the place made it one body; so do a later mention of a defined alias, an item of a list that shares its head ("Các Bộ: Tư pháp, Tài chính", with kind and level) or its prefix ("Thường trực HĐND, UBND", with kind), and a body of a list of provinces ("UBND các tỉnh: Tuyên Quang, …", with kind); resolved replaced by a longer form of the same body written elsewhere, or by the document\'s issuer, is inferred; the gazetteer\'s kind and level of a body it knows by name are stated, its parent inferred; roles is inferred when it gives the issuer role to a mention outside the words the document\'s issuer was read from.'),
  section: z.string().nullable(),
  rule: z.string(),
  text: z.string(),
  span: SpanSchema,
});

export const TaskSchema = z.object({
  index: z.number().int().nonnegative(),
  lead: z.string().describe('Resolved name of the lead agency, or the group phrase when a group leads'),
  leadGroup: z.boolean(),
  coordinators: z.array(z.string()),
  action: z.string(),
  deadline: z.string().nullable().describe('ISO date yyyy-mm-dd, month yyyy-mm or quarter yyyy-Qn'),
  inferred: inferredFields(TASK_INFERABLE,
    'lead and leadGroup are inferred when the lead is named outside the task\'s text (the heading of its block, "1. Sở Nội vụ:" over its bullets; "Giao Sở Nội vụ:" over its "+" items) or by an inferred resolved name (the province added to "Sở Nội vụ"); coordinators likewise, when one of them is. action and deadline are the task\'s own words.'),
  section: z.string().nullable(),
  rule: z.string(),
  text: z.string(),
  span: SpanSchema,
});

export const FindingSchema = z.object({
  code: z.string(),
  severity: z.enum(['error', 'warning', 'info']),
  message: z.string(),
  suggestion: z.string().nullable().optional(),
  span: SpanSchema.nullable(),
});

export const ErrorSchema = z.object({ code: z.string(), message: z.string() });

export const RecordSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  tool: z.object({ name: z.literal('vnreform'), version: z.string(), rules: z.string() }),
  source: SourceSchema,
  document: DocumentSchema.nullable(),
  sections: z.array(SectionSchema),
  tables: z.array(TableSchema),
  references: z.array(ReferenceSchema),
  figures: z.array(FigureSchema),
  agencies: z.array(AgencySchema),
  tasks: z.array(TaskSchema),
  findings: z.array(FindingSchema),
  errors: z.array(ErrorSchema),
});

export type Span = z.infer<typeof SpanSchema>;
export type Evidence = z.infer<typeof EvidenceSchema>;
export type Signature = z.infer<typeof SignatureSchema>;
export type Period = z.infer<typeof PeriodSchema>;
export type DocumentMeta = z.infer<typeof DocumentSchema>;
export type SectionOut = z.infer<typeof SectionSchema>;
export type Reference = z.infer<typeof ReferenceSchema>;
export type Finding = z.infer<typeof FindingSchema>;
export type Figure = z.infer<typeof FigureSchema>;
export type TableOut = z.infer<typeof TableSchema>;
export type TableCoord = z.infer<typeof TableCoordSchema>;
export type Agency = z.infer<typeof AgencySchema>;
export type Task = z.infer<typeof TaskSchema>;
export type Meaning = z.infer<typeof MeaningSchema>;
export type RecordError = z.infer<typeof ErrorSchema>;
export type ExtractionRecord = z.infer<typeof RecordSchema>;
export type Source = z.infer<typeof SourceSchema>;

export function recordJsonSchema(): unknown {
  return z.toJSONSchema(RecordSchema, { target: 'draft-2020-12' });
}
