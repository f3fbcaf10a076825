import { readFileSync, readdirSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';
import {
  AgenciesFile, AgencyCuesFile, DocumentTypesFile, LegacyEncodingsFile, FigureCuesFile, FigureNounsFile, IssuersFile, LawsFile, LexiconFile, MetricsFile,
  ProvincesFile, RelationsFile, SigningFile,
  type Agencies, type AgencyCues, type DocumentTypes, type LegacyEncodings, type FigureCues, type FigureNouns, type Issuers, type Laws, type Lexicon,
  type Metrics, type Provinces, type Relations, type Signing,
} from './schemas.js';

/** All rule data, validated. Code reads it through `defaultRules().data` (compile.ts), never from the files. */
export interface RuleData {
  documentTypes: DocumentTypes;
  issuers: Issuers;
  provinces: Provinces;
  laws: Laws;
  signing: Signing;
  relations: Relations;
  agencies: Agencies;
  lexicon: Lexicon;
  figureNouns: FigureNouns;
  figureCues: FigureCues;
  metrics: Metrics;
  agencyCues: AgencyCues;
  legacyEncodings: LegacyEncodings;
  /** sha256 of the rule files, so outputs and caches can say which rules made them. */
  version: string;
  dir: string;
}

export class RulesError extends Error {
  override name = 'RulesError';
}

const FILES = {
  documentTypes: ['document-types.json', DocumentTypesFile],
  issuers: ['issuers.json', IssuersFile],
  provinces: ['provinces.json', ProvincesFile],
  laws: ['laws.json', LawsFile],
  signing: ['signing.json', SigningFile],
  relations: ['relations.json', RelationsFile],
  agencies: ['agencies.json', AgenciesFile],
  lexicon: ['lexicon.json', LexiconFile],
  figureNouns: ['figure-nouns.json', FigureNounsFile],
  figureCues: ['figure-cues.json', FigureCuesFile],
  metrics: ['metrics.json', MetricsFile],
  agencyCues: ['agency-cues.json', AgencyCuesFile],
  legacyEncodings: ['legacy-encodings.json', LegacyEncodingsFile],
} as const;

/** rules/ beside src/ or dist/ (the package ships it). */
export function defaultRulesDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  return resolve(here, '..', '..', 'rules');
}

function parseFile<S extends z.ZodTypeAny>(dir: string, file: string, schema: S): z.infer<S> {
  const path = join(dir, file);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new RulesError(`rules/${file}: cannot read or parse JSON: ${(err as Error).message}`);
  }
  const result = schema.safeParse(raw);
  if (!result.success) {
    const problems = result.error.issues.flatMap(problemLines).slice(0, 10).join('\n');
    throw new RulesError(`rules/${file} is not valid:\n${problems}`);
  }
  return result.data;
}

/**
 * One issue as lines naming where it is; an unknown key gets a line of its own at its full path
 * ("at metrics.0.where.levle: unknown key"), the way a misspelling is found.
 */
function problemLines(issue: z.core.$ZodIssue): string[] {
  const at = (path: readonly PropertyKey[]): string => path.map(String).join('.') || '(top)';
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => `  at ${at([...issue.path, key])}: unknown key (a misspelling? only the keys of src/rules/schemas.ts and "$comment" are read)`);
  }
  return [`  at ${at(issue.path)}: ${issue.message}`];
}

export function loadRuleData(dir: string = defaultRulesDir()): RuleData {
  const hash = createHash('sha256');
  const data: Record<string, unknown> = {};
  for (const [key, [file, schema]] of Object.entries(FILES)) {
    data[key] = parseFile(dir, file, schema);
  }
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    hash.update(file).update(readFileSync(join(dir, file)));
  }
  checkCrossReferences(data as unknown as RuleData);
  return { ...(data as unknown as RuleData), version: hash.digest('hex').slice(0, 12), dir };
}

/** Errors a schema cannot see: duplicates and names that point nowhere. */
function checkCrossReferences(rules: RuleData): void {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const t of rules.documentTypes.types) {
    if (seen.has(t.code)) problems.push(`document-types.json: code ${t.code} appears twice`);
    seen.add(t.code);
  }
  const issuerCodes = new Set<string>();
  for (const i of rules.issuers.issuers) {
    if (issuerCodes.has(i.code)) problems.push(`issuers.json: code ${i.code} appears twice`);
    issuerCodes.add(i.code);
    if (i.codePattern) {
      try {
        new RegExp(i.codePattern, 'u');
      } catch {
        problems.push(`issuers.json: codePattern of ${i.code} is not a valid regular expression`);
      }
    }
  }
  const names = new Set(rules.provinces.provinces.map((p) => p.name));
  for (const p of rules.provinces.provinces) {
    if (p.mergedInto !== null && !names.has(p.mergedInto)) {
      problems.push(`provinces.json: ${p.name} is merged into unknown ${p.mergedInto}`);
    }
  }
  if (problems.length) throw new RulesError(problems.join('\n'));
}
