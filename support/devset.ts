import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ExtractionRecord } from '../src/schema.js';
import { emptyCounts, sameText, scoreMultiset, scoreScalar, type Counts, type GoldAgency, type GoldFigure, type GoldMetadata, type GoldReference } from './gold.js';

/**
 * The development set (devset/): real documents of 2025 with a legal database's catalogue record of
 * each, and hand-written gold (devset/gold/<name>.json, ../shared/ANNOTATION.md) for some of them.
 */

export const DEVSET_DIR = new URL('../devset/', import.meta.url).pathname;

export interface CatalogueRecord {
  file: string;
  number: string;
  type: string;
  /** dd/mm/yyyy */
  date: string;
  signer: string;
  /** The issuing place or body as the database writes it: "Tỉnh Hà Tĩnh", "Bộ Tài chính", "Cục Thuế". */
  issuer: string;
}

/** The metadata fields the dev gold holds: those of the corpus gold but province, title and the lists. */
export type DevGold = Pick<GoldMetadata, 'type' | 'number' | 'date' | 'place' | 'issuer' | 'period' | 'signatures'>;

export interface DevDocument {
  name: string;
  path: string;
  catalogue: CatalogueRecord;
  gold: DevGold | null;
  references: GoldReference[] | null;
  figures: GoldFigure[] | null;
  agencies: GoldAgency[] | null;
}

function goldFile<T>(name: string, suffix: string, field: string): T[] | null {
  const path = join(DEVSET_DIR, 'gold', `${name}.${suffix}.json`);
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8'))[field] as T[]) : null;
}

export function devDocuments(): DevDocument[] {
  const catalogue = join(DEVSET_DIR, 'catalogue.jsonl');
  if (!existsSync(catalogue)) return [];
  return readFileSync(catalogue, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as CatalogueRecord)
    .sort((a, b) => a.file.localeCompare(b.file))
    .map((catalogue) => {
      const name = catalogue.file.replace(/^.*\//, '').replace(/\.[^.]+$/, '');
      const goldPath = join(DEVSET_DIR, 'gold', `${name}.json`);
      return {
        name,
        path: join(DEVSET_DIR, catalogue.file),
        catalogue,
        gold: existsSync(goldPath) ? (JSON.parse(readFileSync(goldPath, 'utf8')).metadata as DevGold) : null,
        references: goldFile<GoldReference>(name, 'references', 'references'),
        figures: goldFile<GoldFigure>(name, 'figures', 'figures'),
        agencies: goldFile<GoldAgency>(name, 'agencies', 'agencies'),
      };
    });
}

export const CATALOGUE_FIELDS = ['number', 'type', 'date', 'signer', 'issuer'] as const;
export type CatalogueField = (typeof CATALOGUE_FIELDS)[number];

type Doc = NonNullable<ExtractionRecord['document']>;

const caseless = (s: string): string => s.normalize('NFC').toLocaleLowerCase('vi').replace(/\s+/g, ' ').trim();
const isoOf = (dmy: string): string => dmy.split('/').reverse().join('-');
export const lastSigner = (doc: Doc | null): string | null => doc?.signatures.at(-1)?.name ?? null;

/**
 * Whether the record agrees with the catalogue, field by field. The catalogue writes the issuing
 * place ("Tỉnh Hà Tĩnh") or body ("Cục Thuế"): it is right when that place or body stands in
 * `document.issuer` or is `document.province` (case ignored, diacritics kept).
 */
export function matchCatalogue(cat: CatalogueRecord, doc: Doc | null): Record<CatalogueField, boolean> {
  const place = caseless(cat.issuer).replace(/^(tỉnh|thành phố)\s+/u, '');
  return {
    number: doc?.number?.replace(/\s+/g, '') === cat.number.replace(/\s+/g, ''),
    type: doc?.type != null && caseless(doc.type) === caseless(cat.type),
    date: doc?.date === isoOf(cat.date),
    signer: lastSigner(doc) !== null && caseless(lastSigner(doc)!) === caseless(cat.signer),
    issuer: (doc?.issuer != null && caseless(doc.issuer).includes(place)) || (doc?.province != null && caseless(doc.province) === place),
  };
}

export const DEV_GOLD_FIELDS = ['type', 'number', 'date', 'place', 'issuer', 'period', 'signer', 'signers'] as const;
export type DevGoldField = (typeof DEV_GOLD_FIELDS)[number];

/** The dev gold's fields; text compares ignore case (letterheads are printed in capitals). */
export function scoreDevGold(gold: DevGold, doc: Doc | null): Record<DevGoldField, Counts> {
  const same = (a: string, b: string): boolean => sameText(caseless(a), caseless(b));
  const periodKey = (p: DevGold['period']): string | null => (p ? `${p.year}/${p.quarter ?? '-'}/${p.half ?? '-'}` : null);
  const names = (sigs: { name: string | null }[]): string[] => sigs.map((s) => caseless(s.name ?? '∅'));
  return {
    type: scoreScalar(gold.type, doc?.type ?? null, same),
    number: scoreScalar(gold.number, doc?.number ?? null, (a, b) => a === b),
    date: scoreScalar(gold.date, doc?.date ?? null, (a, b) => a === b),
    place: scoreScalar(gold.place, doc?.place ?? null, same),
    issuer: scoreScalar(gold.issuer, doc?.issuer ?? null, same),
    period: scoreScalar(periodKey(gold.period), periodKey(doc?.period ?? null), (a, b) => a === b),
    signer: scoreScalar(gold.signatures.at(-1)?.name ?? null, lastSigner(doc), same),
    signers: doc ? scoreMultiset(names(gold.signatures), names(doc.signatures)) : { ...emptyCounts(), fn: gold.signatures.length },
  };
}
