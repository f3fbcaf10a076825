import { z } from 'zod';

/** zod schemas of the data files in rules/: what a domain expert may write there. */

const word = z.string().min(1).refine((s) => s === s.normalize('NFC'), 'must be NFC (composed Unicode)');
const code = z.string().regex(/^[\p{L}&]+$/u, 'a code is letters only ("QĐ", "TTg", "QĐi")');

export const DocumentTypesFile = z.object({
  types: z.array(
    z.object({
      code,
      name: word,
      words: z.array(word).min(1),
      normative: z.boolean().optional(),
      party: z.boolean().optional(),
    }).passthrough(),
  ),
  unnumbered: z.array(z.object({ name: word, words: z.array(word).min(1) }).passthrough()),
}).passthrough();

export const IssuersFile = z.object({
  issuers: z.array(
    z.object({
      code,
      codePattern: z.string().optional(),
      name: word,
      level: z.enum(['trung ương', 'tỉnh', 'huyện', 'xã']).nullable(),
      party: z.boolean().optional(),
    }),
  ),
}).passthrough();

export const ProvincesFile = z.object({
  provinces: z.array(
    z.object({
      name: word,
      type: z.enum(['tỉnh', 'thành phố']),
      era: z.enum(['pre2025', 'post2025', 'both']),
      mergedInto: word.nullable(),
      aliases: z.array(word),
    }),
  ),
}).passthrough();

export const LawsFile = z.object({
  laws: z.array(z.object({ name: word, aliases: z.array(word), codeWord: word.optional() })),
}).passthrough();

export const SigningFile = z.object({
  prefixes: z.array(z.object({ code: z.string(), meaning: z.string(), forms: z.array(word).min(1) })),
  titles: z.array(z.object({ title: word, body: word })),
}).passthrough();

export const RelationsFile = z.object({
  relations: z.array(z.object({ relation: word, words: z.array(word).min(1) })),
}).passthrough();

export const AgenciesFile = z.object({
  bodies: z.array(z.object({ name: word, kind: word, local: z.boolean(), aliases: z.array(word), withPlace: z.string().optional() })),
  subordinateUnits: z.array(word),
}).passthrough();

export const LexiconFile = z.object({
  numberMarker: z.array(word).min(1),
  numberLabel: z.array(word).min(1),
  dayWord: z.array(word).min(1),
  monthWord: z.array(word).min(1),
  yearWord: z.array(word).min(1),
  quarterWord: z.array(word).min(1),
  halfYear: z.array(z.object({ words: word, half: z.union([z.literal(1), z.literal(2)]) })),
  addresseeHeadings: z.array(word).min(1),
  recipientHeadings: z.array(word).min(1),
  subjectMarkers: z.array(word).min(1),
  headerMottos: z.array(word),
  shortNameIntro: z.array(word),
  selfReportVerbs: z.array(word),
  issuerLink: z.array(word).min(1),
  listJoiners: z.array(word),
  issueVerbs: z.array(word),
  localUnitWords: z.array(word).min(1),
  unitWords: z.array(z.object({ type: z.enum(['tỉnh', 'thành phố']), words: z.array(word).min(1) })),
}).passthrough();

export type DocumentTypes = z.infer<typeof DocumentTypesFile>;
export type Issuers = z.infer<typeof IssuersFile>;
export type Provinces = z.infer<typeof ProvincesFile>;
export type Laws = z.infer<typeof LawsFile>;
export type Signing = z.infer<typeof SigningFile>;
export type Relations = z.infer<typeof RelationsFile>;
export type Agencies = z.infer<typeof AgenciesFile>;
export type Lexicon = z.infer<typeof LexiconFile>;
