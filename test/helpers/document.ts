import { normalizedDocument, type NormalizedDocument } from '../../src/extract/document.js';
import { normalizeText } from '../../src/pipeline.js';
import { defaultRules } from '../../src/rules/compile.js';
import { segmentSections } from '../../src/segment/sections.js';
import { segmentTables } from '../../src/segment/tables.js';

/** A text as the pipeline hands it to every extractor: normalized, its sections and tables read. */
export function documentOf(text: string, rules = defaultRules()): NormalizedDocument {
  const mt = normalizeText(text, rules);
  return normalizedDocument(mt, rules, segmentSections(mt), segmentTables(mt));
}
