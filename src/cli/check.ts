import { parseArgs } from 'node:util';
import { checkAcrossDocuments, type DocumentRefs } from '../check/citations.js';
import { defaultRules } from '../rules/compile.js';
import type { Finding } from '../schema.js';
import { expandInputs } from '../engine/inputs.js';
import { inputsOrDefault } from './options.js';
import { processInput } from '../engine/process.js';
import { UsageError } from './usage.js';
import { applyLevel, DEFAULT_LEVELS, findConfig, loadConfig, parseRuleOption, type Level } from './check-config.js';
import { VERSION } from '../version.js';
import { shownPath, shownText } from '../util/shown.js';
import { processIo, type Io } from './io.js';

export interface Located extends Finding {
  path: string;
  line: number;
  column: number;
}

/** 1-based line and column of a source offset, as compilers print them. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

export async function checkCommand(argv: string[], io: Io = processIo()): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { format: { type: 'string', short: 'f' }, across: { type: 'boolean' }, rule: { type: 'string', multiple: true }, config: { type: 'string' }, quiet: { type: 'boolean', short: 'q' } },
  });
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json' && format !== 'sarif') throw new UsageError(`--format must be text, json or sarif, not ${format}`);
  const targets = inputsOrDefault(positionals);
  // The config nearest the first input (or the one named), then --rule, which wins.
  const configPath = values.config ?? findConfig(targets[0] === '-' ? process.cwd() : targets[0]!);
  const levels: Record<string, Level> = { ...DEFAULT_LEVELS, ...(configPath ? loadConfig(configPath) : {}), ...Object.fromEntries((values.rule ?? []).map(parseRuleOption)) };
  const rules = defaultRules();
  const { inputs } = await expandInputs(targets);
  const located: Located[] = [];
  const texts = new Map<string, string>();
  const docs: DocumentRefs[] = [];
  for (const input of inputs) {
    const { record, analysis } = await processInput(input, rules, null, io.stdin);
    const path = record.source.path;
    const text = analysis?.source ?? '';
    texts.set(path, text);
    for (const e of record.errors) located.push({ path, line: 1, column: 1, code: e.code, severity: 'error', message: e.message, span: null, suggestion: null });
    for (const found of record.findings) {
      const f = applyLevel(found, levels);
      if (f) located.push({ path, ...at(text, f), ...f });
    }
    docs.push({ path, refs: record.references });
  }
  if (values.across) {
    const where = (path: string, span: Finding['span']): string => {
      const { line, column } = span ? lineColumn(texts.get(path) ?? '', span.start) : { line: 1, column: 1 };
      return `${shownPath(path)}:${line}:${column}`;
    };
    for (const { path, finding } of checkAcrossDocuments(docs, where)) {
      const f = applyLevel(finding, levels);
      if (f) located.push({ path, ...at(texts.get(path) ?? '', f), ...f });
    }
  }
  if (format === 'json') io.stdout.write(JSON.stringify(located, null, 2) + '\n');
  else if (format === 'sarif') io.stdout.write(JSON.stringify(sarif(located), null, 2) + '\n');
  else for (const f of located) io.stdout.write(findingLine(f));
  const count = (severity: string): number => located.filter((f) => f.severity === severity).length;
  const errors = count('error');
  const infos = count('info');
  if (!values.quiet) io.stderr.write(`vnreform check: ${inputs.length} input(s), ${errors} error(s), ${count('warning')} warning(s)${infos ? `, ${infos} info` : ''}\n`);
  return errors ? 1 : 0;
}

/**
 * One finding as compilers print them: path:line:col: severity code: message, and for a paged input
 * (PDF) the page after it; "vnreform text FILE" shows the lines. One line whatever the name or the
 * quoted text hold (a newline, an ESC): those are escaped, never printed raw.
 */
export function findingLine(f: Located): string {
  return `${shownPath(f.path)}:${f.line}:${f.column}: ${f.severity} ${f.code}: ${shownText(f.message)}${f.span?.page ? ` (p. ${f.span.page})` : ''}\n`;
}

function at(text: string, f: Finding): { line: number; column: number } {
  return f.span ? lineColumn(text, f.span.start) : { line: 1, column: 1 };
}

/**
 * SARIF 2.1.0, the format code-scanning tools read: one run of vnreform, a rule per finding code, a
 * result per finding with its file, line and column (1-based). Warnings are "warning", errors "error".
 */
export function sarif(findings: readonly Located[]): object {
  const codes = [...new Set(findings.map((f) => f.code))].sort();
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: 'vnreform', version: VERSION, rules: codes.map((id) => ({ id })) } },
      results: findings.map((f) => ({
        ruleId: f.code,
        level: f.severity === 'error' ? 'error' : f.severity === 'warning' ? 'warning' : 'note',
        message: { text: f.message },
        locations: [{ physicalLocation: { artifactLocation: { uri: f.path.split('\\').join('/') }, region: { startLine: f.line, startColumn: f.column } } }],
      })),
    }],
  };
}
