import { parseArgs } from 'node:util';
import { checkAcrossDocuments, type DocumentRefs } from '../check/citations.js';
import { defaultRules } from '../rules/compile.js';
import type { Finding } from '../schema.js';
import { expandInputs } from './inputs.js';
import { processInput } from './run.js';
import { UsageError } from './usage.js';

interface Located extends Finding {
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

export async function checkCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { format: { type: 'string', short: 'f' }, across: { type: 'boolean' } },
  });
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json') throw new UsageError(`--format must be text or json, not ${format}`);
  const rules = defaultRules();
  const { inputs } = await expandInputs(positionals.length ? positionals : ['corpus']);
  const located: Located[] = [];
  const texts = new Map<string, string>();
  const docs: DocumentRefs[] = [];
  for (const input of inputs) {
    const { record, analysis } = await processInput(input, rules);
    const path = record.source.path;
    const text = analysis?.source ?? '';
    texts.set(path, text);
    for (const e of record.errors) located.push({ path, line: 1, column: 1, code: e.code, severity: 'error', message: e.message, span: null, suggestion: null });
    for (const f of record.findings) located.push({ path, ...at(text, f), ...f });
    docs.push({ path, refs: record.references });
  }
  if (values.across) {
    for (const { path, finding } of checkAcrossDocuments(docs)) located.push({ path, ...at(texts.get(path) ?? '', finding), ...finding });
  }
  if (format === 'json') process.stdout.write(JSON.stringify(located, null, 2) + '\n');
  else for (const f of located) process.stdout.write(`${f.path}:${f.line}:${f.column}: ${f.severity} ${f.code}: ${f.message}\n`);
  const errors = located.filter((f) => f.severity === 'error').length;
  process.stderr.write(`vnreform check: ${inputs.length} input(s), ${errors} error(s), ${located.length - errors} warning(s)\n`);
  return errors ? 1 : 0;
}

function at(text: string, f: Finding): { line: number; column: number } {
  return f.span ? lineColumn(text, f.span.start) : { line: 1, column: 1 };
}
