import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inferredOf, normalizedDocument, placeInSource, within } from '../../src/extract/document.js';
import { fold, lower } from '../../src/normalize/fold.js';
import { extractText, normalizeText } from '../../src/pipeline.js';
import { defaultRules } from '../../src/rules/compile.js';
import { FIGURE_INFERABLE, REFERENCE_INFERABLE } from '../../src/schema.js';
import { ROOT } from '../helpers/cli.js';

const rules = defaultRules();

// A line of the An Giang công văn 795 (corpus), typed decomposed (NFD) and in markdown bold, as a
// converted Word file gives it: the normalized text is shorter than the source.
const SOURCE = '**Thực hiện Thông báo số 187/TB-VPCP ngày 23 tháng 5 năm 2018 của Văn phòng Chính phủ**'.normalize('NFD');

describe('the extractor contract (extract/document.ts)', () => {
  const mt = normalizeText(SOURCE, rules);
  const doc = normalizedDocument(mt, rules);

  it('shares the normalized text and its views, made once', () => {
    expect(doc.text).toBe('Thực hiện Thông báo số 187/TB-VPCP ngày 23 tháng 5 năm 2018 của Văn phòng Chính phủ');
    expect(doc.text.length).toBeLessThan(SOURCE.length);
    expect(doc.lowered).toBe(lower(doc.text));
    expect(doc.folded).toBe(fold(doc.text));
    expect(doc.lowered).toBe(doc.lowered);
    expect(doc.symbols.map((m) => m[0])).toEqual(['187/TB-VPCP']);
    expect(doc.symbols).toBe(doc.symbols);
  });

  it('maps an item\'s stretch and the stretches it quotes to the source, once, keeping its other fields (and its stretch, which the record leaves out)', () => {
    const at = { start: doc.text.indexOf('Thông báo'), end: doc.text.indexOf(' của') };
    const date = { start: doc.text.indexOf('ngày'), end: doc.text.indexOf(' của') };
    const placed = placeInSource(mt, { at, dateText: date, issuerText: null, kind: 'Thông báo' }, ['dateText', 'issuerText']);
    expect(placed).toEqual({
      at,
      kind: 'Thông báo',
      text: 'Thông báo số 187/TB-VPCP ngày 23 tháng 5 năm 2018'.normalize('NFD'),
      span: { start: SOURCE.indexOf('Thông'.normalize('NFD')), end: SOURCE.indexOf(' của'.normalize('NFD')) },
      dateText: 'ngày 23 tháng 5 năm 2018'.normalize('NFD'),
      issuerText: null,
    });
    expect(SOURCE.slice(placed.span.start, placed.span.end)).toBe(placed.text);
  });

  it('leaves no normalized stretch in a record: every item has its text and span only', () => {
    const record = extractText(readFileSync(join(ROOT, 'corpus', 'an-giang_2023_q1_bao-cao-cchc.txt'), 'utf8'));
    expect(record.references.length + record.agencies.length + record.figures.length + record.tasks.length).toBeGreaterThan(100);
    const items: object[] = [...(record.document?.signatures ?? []), ...Object.values(record.document?.evidence ?? {}), ...record.references, ...record.agencies, ...record.figures, ...record.tasks];
    const withStretch = items.filter((item) => 'at' in item);
    expect(withStretch).toEqual([]);
  });

  it('tells whether one stretch lies within another', () => {
    expect(within({ start: 3, end: 5 }, { start: 3, end: 5 })).toBe(true);
    expect(within({ start: 2, end: 5 }, { start: 3, end: 9 })).toBe(false);
    expect(within({ start: 3, end: 5 }, undefined)).toBe(false);
  });

  it('lists inferred fields in the schema\'s order, leaving out those that hold nothing', () => {
    const ref = { kind: 'Quyết định', typeWord: 'Quyết định', id: '876/QĐ-BNV', year: null, issuer: 'Bộ Nội vụ' };
    expect(inferredOf(ref, new Set(['issuer', 'year', 'typeWord'] as const), REFERENCE_INFERABLE)).toEqual(['typeWord', 'issuer']);
    const figure = { unit: 'hồ sơ', meaning: { stage: 'resolved', channel: null } };
    expect(inferredOf(figure, new Set(['meaning.channel', 'meaning.stage'] as const), FIGURE_INFERABLE)).toEqual(['meaning.stage']);
    expect(inferredOf(figure, undefined, FIGURE_INFERABLE)).toEqual([]);
  });
});
