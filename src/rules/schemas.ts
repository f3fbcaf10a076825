import { z } from 'zod';

/** zod schemas of the data files in rules/: what a domain expert may write there. */

/**
 * An object of a rule file: its keys and nothing else, so a misspelt optional key ("formerCode"
 * for "formerCodes") is an error naming the file and the path, not a setting silently ignored.
 * `$comment`, the JSON Schema keyword for a note, is allowed anywhere: the files explain themselves.
 */
function ruleObject<S extends z.ZodRawShape>(shape: S) {
  return z.strictObject({ $comment: z.string().optional(), ...shape });
}

const word = z.string().min(1).refine((s) => s === s.normalize('NFC'), 'must be NFC (composed Unicode)');
const code = z.string().regex(/^[\p{L}&]+$/u, 'a code is letters only ("QĐ", "TTg", "QĐi")');

export const DocumentTypesFile = ruleObject({
  types: z.array(
    ruleObject({
      code,
      name: word,
      words: z.array(word).min(1),
      normative: z.boolean().optional(),
      party: z.boolean().optional(),
      periodic: z.boolean().optional(),
      formerCodes: z.array(code).optional(),
    }),
  ),
  unnumbered: z.array(ruleObject({ name: word, words: z.array(word).min(1), role: z.enum(['letter', 'law']).optional() }))
    .refine((u) => u.some((x) => x.role === 'letter') && u.some((x) => x.role === 'law'), 'one entry must have role "letter" and one role "law"'),
  malformedKind: word,
  stateDashFormBefore: z.number().int().min(1945).max(2100),
});

export const IssuersFile = ruleObject({
  issuers: z.array(
    ruleObject({
      code,
      codePattern: z.string().optional(),
      name: word,
      level: z.enum(['trung ương', 'tỉnh', 'huyện', 'xã']).nullable(),
      party: z.boolean().optional(),
    }),
  ),
});

export const ProvincesFile = ruleObject({
  provinces: z.array(
    ruleObject({
      name: word,
      type: z.enum(['tỉnh', 'thành phố']),
      era: z.enum(['pre2025', 'post2025', 'both']),
      mergedInto: word.nullable(),
      aliases: z.array(word),
    }),
  ),
});

export const LawsFile = ruleObject({
  laws: z.array(ruleObject({ name: word, aliases: z.array(word), codeWord: word.optional() })),
});

export const SigningFile = ruleObject({
  prefixes: z.array(ruleObject({ code: z.string(), meaning: z.string(), forms: z.array(word).min(1) })),
  titles: z.array(ruleObject({ title: word, body: word })),
  nameRanks: z.array(word),
  stampLabels: z.array(word),
});

export const RelationsFile = ruleObject({
  relations: z.array(ruleObject({ relation: word, words: z.array(word).min(1) })),
});

export const AgenciesFile = ruleObject({
  bodies: z.array(ruleObject({
    name: word,
    kind: word,
    local: z.boolean(),
    aliases: z.array(word),
    withPlace: z.string().optional(),
    level: z.enum(['trung ương', 'tỉnh', 'huyện', 'xã']).nullable().optional(),
    era: z.enum(['pre2025', 'post2025', 'both']).optional(),
    mergedInto: word.optional(),
    code: z.string().optional(),
    placeNamed: z.boolean().optional(),
    parent: word.optional(),
    aliasesOnly: z.boolean().optional(),
    provincialWhenBare: z.boolean().optional(),
    section: z.boolean().optional(),
    variants: z.array(word).optional(),
    titleOf: word.optional(),
    ofUnit: z.enum(['tỉnh', 'thành phố']).optional(),
  })),
  subordinateUnits: z.array(word),
});

export const LexiconFile = ruleObject({
  numberMarker: z.array(word).min(1),
  numberLabel: z.array(word).min(1),
  dayWord: z.array(word).min(1),
  monthWord: z.array(word).min(1),
  yearWord: z.array(word).min(1),
  quarterWord: z.array(word).min(1),
  halfYear: z.array(ruleObject({ words: word, half: z.union([z.literal(1), z.literal(2)]) })),
  addresseeHeadings: z.array(word).min(1),
  recipientHeadings: z.array(word).min(1),
  subjectMarkers: z.array(word).min(1),
  headerMottos: z.array(word),
  wrapContinuations: z.array(word),
  formWords: z.array(word),
  annexHeadings: z.array(word).min(1),
  shortNameIntro: z.array(word),
  selfReportVerbs: z.array(word),
  issuerLink: z.array(word).min(1),
  listJoiners: z.array(word),
  issueVerbs: z.array(word),
  localUnitWords: z.array(word).min(1),
  unitLevels: z.array(ruleObject({ unit: word, level: z.enum(['tỉnh', 'huyện', 'xã']).nullable() })),
  unitWords: z.array(ruleObject({ type: z.enum(['tỉnh', 'thành phố']), words: z.array(word).min(1) })),
});

export const FigureNounsFile = ruleObject({
  nouns: z.array(ruleObject({ unit: word, forms: z.array(word).min(1) })),
  money: z.array(ruleObject({ unit: word, forms: z.array(word).min(1), scale: z.number().positive(), gluedForms: z.array(word).optional() })),
  scales: z.array(ruleObject({ word, value: z.number().positive() })),
  notMoney: z.array(word),
  // Strict without $comment: an entry's keys besides `form` are the meaning it implies.
  formMeanings: z.array(z.strictObject({
    form: word,
    stage: z.string().optional(), channel: z.string().optional(), timeliness: z.string().optional(), service: z.string().optional(),
  })),
});

const wordsFor = <K extends string>(key: K) => z.array(ruleObject({ value: z.string(), words: z.array(word).min(1) })).describe(key);

export const FigureCuesFile = ruleObject({
  comparators: z.array(ruleObject({ comparator: z.string(), before: z.array(word).min(1), after: z.array(word).optional() })),
  targetCues: z.array(word),
  weakTargetCues: z.array(word),
  assignmentCues: z.array(word),
  resultCues: z.array(word),
  planSectionCues: z.array(word),
  directiveTypes: z.array(word),
  breakdownCues: z.array(word),
  openingBreakdownCues: z.array(word),
  passiveMarkers: z.array(word),
  notQualifiers: z.array(word),
  rangeSeparators: z.array(z.string().min(1)),
  fromToAfter: z.array(word),
  notRatios: z.array(z.string().regex(/^\d+\/\d+$/)),
  rankWordsBefore: z.array(word),
  scoreNouns: z.array(word),
  tableHeaders: ruleObject({ rowNumber: z.array(word).min(1), code: z.array(word), percent: z.array(word), target: z.array(word) }),
  mapScaleWordsBefore: z.array(word),
  notCountedWords: z.array(word),
  countLeads: z.array(word).min(1),
  nounFirstLinks: z.array(word),
  requirementWordsAfter: z.array(word),
  vague: z.array(word),
  notFigureBefore: z.array(word),
  periodWordsBefore: z.array(word),
  qualifiers: ruleObject({
    stage: wordsFor('stage'),
    channel: wordsFor('channel'),
    timeliness: wordsFor('timeliness'),
    service: wordsFor('service'),
  }),
  levels: z.array(ruleObject({ level: z.enum(['tỉnh', 'huyện', 'xã']), words: z.array(word).min(1) })),
  scope: ruleObject({
    whole: z.array(word).min(1),
    pilot: z.array(word),
    notSubjectBefore: z.array(word),
    advisoryAfter: z.array(word),
    tenseBeforeVerb: z.array(word),
    wholeKinds: z.array(word),
    citedBasis: z.array(word),
    yearToDate: z.array(word),
    earlier: z.array(word),
  }),
  yieldingStageWords: z.array(word),
  laterPassiveMarkers: z.array(word).min(1),
  listConjunctions: z.array(word),
  shareOfCountWords: z.array(word),
});

export const MetricsFile = ruleObject({
  metrics: z.array(ruleObject({
    id: z.string().regex(/^[a-z0-9_]+$/, 'metric ids are snake_case (they become CSV columns)'),
    label: z.string(),
    kind: z.enum(['count', 'percent', 'ratio', 'money', 'range']),
    unit: word.optional(),
    // Strict without $comment: every key is a dimension the metric asks a value of.
    where: z.strictObject({
      stage: z.string().nullable().optional(),
      channel: z.string().nullable().optional(),
      timeliness: z.string().nullable().optional(),
      service: z.string().nullable().optional(),
      level: z.string().nullable().optional(),
    }),
    // whole: the province's (the body's) own figure, not one unit's, level's or pilot's; any: every figure.
    scope: z.enum(['whole', 'any']).default('whole'),
  })),
});

export const AgencyCuesFile = ruleObject({
  groupBefore: z.array(word),
  groupAfter: z.array(word),
  groupPhrases: z.array(word),
  headTitles: z.array(word),
  assignmentCues: z.array(word),
  leadAfter: z.array(word),
  coordinatorBefore: z.array(word),
  proposerAfter: z.array(word),
  deadlineCues: z.array(word),
  actingVerbsAfter: z.array(word),
  genericHeads: z.array(word),
  letterheadHeads: z.array(word).min(1),
  listHeads: z.array(word).min(1),
  bodyPrefixes: z.array(word),
  listPrefixes: z.record(z.string().min(1), word),
  prefixableBodies: z.record(z.string().min(1), z.array(word)),
  termNamedBodies: z.array(word),
  termWords: z.array(word).min(1),
  ownBodyHeads: z.array(word),
  titlesBeforePrefix: z.array(word),
  nameStops: z.array(word),
  levelWord: z.array(word),
  placeRequiredKinds: z.array(word),
  classAfter: z.array(word),
  notAfter: z.array(word),
  notBefore: z.array(word),
  lowercaseHeads: z.array(word),
  boardHeads: z.array(word),
  boardNameStops: z.array(word),
  parentLinks: z.array(word),
  nextBodyLinks: z.array(word),
  boardLinks: z.array(word),
  planSectionWords: z.array(word),
  introPhrases: z.array(word),
  nameAbbreviations: z.record(z.string().min(1), word),
  headAbbreviations: z.record(z.string().min(1), word),
  titleHeads: z.record(z.string().min(1), word),
  aliasDefinitions: z.array(word),
  teamHeads: z.array(word),
  headNotAfter: z.record(z.string().min(1), z.array(word)),
  oneCaseWords: z.array(word),
});

export const LegacyEncodingsFile = ruleObject({
  encodings: z.array(ruleObject({
    name: z.string().min(1),
    aliases: z.array(z.string()),
    fontPrefixes: z.array(z.string().min(1)),
    fontPrefixesUpper: z.array(z.string().min(1)).optional(),
    map: z.record(z.string().min(1), z.string().length(1).refine((s) => s === s.normalize('NFC'), 'must be one NFC character')),
  })),
});

export type LegacyEncodings = z.infer<typeof LegacyEncodingsFile>;
export type AgencyCues = z.infer<typeof AgencyCuesFile>;
export type FigureNouns = z.infer<typeof FigureNounsFile>;
export type FigureCues = z.infer<typeof FigureCuesFile>;
export type Metrics = z.infer<typeof MetricsFile>;
export type DocumentTypes = z.infer<typeof DocumentTypesFile>;
export type Issuers = z.infer<typeof IssuersFile>;
export type Provinces = z.infer<typeof ProvincesFile>;
export type Laws = z.infer<typeof LawsFile>;
export type Signing = z.infer<typeof SigningFile>;
export type Relations = z.infer<typeof RelationsFile>;
export type Agencies = z.infer<typeof AgenciesFile>;
export type Lexicon = z.infer<typeof LexiconFile>;
