/** vnreform: Vietnamese administrative-reform reports → structured, checked JSON. */
export { extractText, extractFile, analyzeText, analyzeFile, type ExtractOptions, type Analysis } from './pipeline.js';
export { RecordSchema, recordJsonSchema, SCHEMA_VERSION } from './schema.js';
export type { ExtractionRecord, DocumentMeta, Reference, Finding, Signature, Period, Span } from './schema.js';
export { normalize } from './normalize/normalize.js';
export { toSourceSpan, type MappedText } from './normalize/mapped-text.js';
export { defaultRules, compileRules, type Rules } from './rules/compile.js';
export { loadRuleData, RulesError } from './rules/load.js';
export { checkAcrossDocuments } from './check/citations.js';
export { VERSION } from './version.js';
