import { parseArgs } from 'node:util';
import { AcrossDocuments } from '../check/citations.js';
import { expandInputs } from '../engine/inputs.js';
import { positionLookup } from '../engine/positions.js';
import { startPool } from '../engine/pool.js';
import { progress } from '../engine/progress.js';
import { pooledRecords } from '../engine/records.js';
import { tuneEngineForBatch } from '../engine/v8-flags.js';
import { defaultRules } from '../rules/compile.js';
import type { Finding } from '../schema.js';
import { JsonArrayText } from '../util/json-array.js';
import { put } from '../util/output-files.js';
import { Spool } from '../util/spool.js';
import { UsageError } from './usage.js';
import { applyLevel, DEFAULT_LEVELS, findConfig, loadConfig, parseRuleOption, type Level } from './check-config.js';
import { ENGINE_OPTIONS, engineOptions, inputsOrDefault } from './options.js';
import { VERSION } from '../version.js';
import { shownPath, shownText } from '../util/shown.js';
import { processIo, type Io } from './io.js';

export interface Located extends Finding {
  path: string;
  line: number;
  column: number;
}

/**
 * vnreform check: the findings of every input, as compilers print them, through the engine's pool
 * (--jobs, limits, --cache). Printed as each record arrives, in input order: what is kept is a
 * record at a time, and with --across the dated citations of those before it; with --format sarif
 * the findings, whose codes the report lists before them.
 */
export async function checkCommand(argv: string[], io: Io = processIo()): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { format: { type: 'string', short: 'f' }, across: { type: 'boolean' }, rule: { type: 'string', multiple: true }, config: { type: 'string' }, ...ENGINE_OPTIONS },
  });
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json' && format !== 'sarif') throw new UsageError(`--format must be text, json or sarif, not ${format}`);
  const { engine } = engineOptions(values);
  const targets = inputsOrDefault(positionals);
  // The config nearest the first input (or the one named), then --rule, which wins.
  const configPath = values.config ?? findConfig(targets[0] === '-' ? process.cwd() : targets[0]!);
  const levels: Record<string, Level> = { ...DEFAULT_LEVELS, ...(configPath ? loadConfig(configPath) : {}), ...Object.fromEntries((values.rule ?? []).map(parseRuleOption)) };
  tuneEngineForBatch(engine.jobs);
  const pool = startPool(engine);
  try {
    const rules = defaultRules();
    const { inputs } = await expandInputs(targets);
    const bar = progress({ total: inputs.length, quiet: !!values.quiet, stream: io.stderr });
    const printer = findingPrinter(format, io.stdout);
    const across = values.across ? new AcrossDocuments() : null;
    // Warnings across documents come after every document's own findings, as the check can only end
    // then; till then they wait on disk, as they grow with the documents (every pair that disagrees).
    const acrossFound = new Spool<Located>();
    try {
      try {
        for await (const { record, positions } of pooledRecords(inputs, rules, { ...engine, stdin: io.stdin, locate: true }, pool, bar)) {
          const path = record.source.path;
          const at = positionLookup(positions);
          const place = (f: Finding): { line: number; column: number } => (f.span ? at(f.span.start) : { line: 1, column: 1 });
          const found: Located[] = record.errors.map((e) => ({ path, line: 1, column: 1, code: e.code, severity: 'error', message: e.message, span: null, suggestion: null }));
          for (const finding of record.findings) {
            const f = applyLevel(finding, levels);
            if (f) found.push({ path, ...place(f), ...f });
          }
          await printer.add(found);
          if (!across) continue;
          const where = (span: Finding['span']): string => {
            const { line, column } = span ? at(span.start) : { line: 1, column: 1 };
            return `${shownPath(path)}:${line}:${column}`;
          };
          for (const finding of across.add({ path, refs: record.references }, where)) {
            const f = applyLevel(finding, levels);
            if (f) acrossFound.push({ path, ...place(f), ...f });
          }
        }
      } finally {
        bar.done();
      }
      let batch: Located[] = [];
      for await (const f of acrossFound.items()) {
        batch.push(f);
        if (batch.length < 1000) continue;
        await printer.add(batch);
        batch = [];
      }
      await printer.add(batch);
    } finally {
      acrossFound.close();
    }
    const counts = await printer.end();
    const infos = counts.info;
    if (!values.quiet) io.stderr.write(`vnreform check: ${inputs.length} input(s), ${counts.error} error(s), ${counts.warning} warning(s)${infos ? `, ${infos} info` : ''}\n`);
    return counts.error ? 1 : 0;
  } finally {
    await pool.pool.destroy();
  }
}

/** Findings to standard output in the chosen format as they come, and their count by severity. */
interface FindingPrinter {
  add(found: readonly Located[]): Promise<void>;
  end(): Promise<Record<Finding['severity'], number>>;
}

function findingPrinter(format: 'text' | 'json' | 'sarif', stdout: NodeJS.WritableStream): FindingPrinter {
  const counts: Record<Finding['severity'], number> = { error: 0, warning: 0, info: 0 };
  const write = (text: string): Promise<void> => (text ? put(stdout, text, 'standard output') : Promise.resolve());
  const count = (found: readonly Located[]): void => {
    for (const f of found) counts[f.severity]++;
  };
  if (format === 'sarif') {
    // The report names every code before its results: the findings are kept (not the texts) until the end.
    const all: Located[] = [];
    return {
      add: async (found) => {
        count(found);
        all.push(...found);
      },
      end: async () => {
        await write(JSON.stringify(sarif(all), null, 2) + '\n');
        return counts;
      },
    };
  }
  const array = new JsonArrayText();
  return {
    add: async (found) => {
      count(found);
      await write(found.map((f) => (format === 'json' ? array.item(f) : findingLine(f))).join(''));
    },
    end: async () => {
      if (format === 'json') await write(array.end());
      return counts;
    },
  };
}

/**
 * One finding as compilers print them: path:line:col: severity code: message, and for a paged input
 * (PDF) the page after it; "vnreform text FILE" shows the lines. One line whatever the name or the
 * quoted text hold (a newline, an ESC): those are escaped, never printed raw.
 */
export function findingLine(f: Located): string {
  return `${shownPath(f.path)}:${f.line}:${f.column}: ${f.severity} ${f.code}: ${shownText(f.message)}${f.span?.page ? ` (p. ${f.span.page})` : ''}\n`;
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
