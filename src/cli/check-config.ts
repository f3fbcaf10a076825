import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { z } from 'zod';
import type { Finding } from '../schema.js';
import { UsageError } from './usage.js';
import { shownPath } from '../util/shown.js';

/**
 * How `check` treats each finding code, the way linters are configured: `off`, `warning` or `error`,
 * from `vnreform.config.json` (found from the first input's folder upward, as eslint finds its
 * config) and `--rule CODE=LEVEL` on the command line, which wins.
 */
export type Level = 'off' | 'warning' | 'error';

export const CONFIG_FILE = 'vnreform.config.json';

/**
 * Levels before any config: `unknown-code` says rules/ lacks a code (a tax branch's "QNI", a court's
 * "THADS"), not that the text is wrong, so `check` keeps it off unless asked ("--rule
 * unknown-code=warning"); the JSON record still holds it.
 */
export const DEFAULT_LEVELS: Readonly<Record<string, Level>> = { 'unknown-code': 'off' };

const LevelSchema = z.enum(['off', 'warning', 'error']);
export const ConfigSchema = z.object({
  $schema: z.string().optional(),
  rules: z.record(z.string().regex(/^[a-z][a-z0-9-]*$/, 'a finding code: lower case and dashes ("percent-mismatch")'), LevelSchema).default({}),
}).strict();

/** The config file nearest to `from` (a file or a folder), going up to the root; null if none. */
export function findConfig(from: string): string | null {
  let dir = resolve(from);
  if (existsSync(dir) && !statSync(dir).isDirectory()) dir = dirname(dir);
  for (;;) {
    const candidate = join(dir, CONFIG_FILE);
    if (existsSync(candidate)) return candidate;
    const up = dirname(dir);
    if (up === dir) return null;
    dir = up;
  }
}

export function loadConfig(path: string): Record<string, Level> {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new UsageError(`${shownPath(path)}: not valid JSON (${(err as Error).message})`);
  }
  const parsed = ConfigSchema.safeParse(raw);
  if (!parsed.success) {
    throw new UsageError(`${shownPath(path)}: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(top)'}: ${i.message}`).join('; ')}`);
  }
  return parsed.data.rules;
}

/** "--rule percent-mismatch=off" → ["percent-mismatch", "off"]. */
export function parseRuleOption(option: string): [string, Level] {
  const m = /^([a-z][a-z0-9-]*)=(off|warning|error)$/.exec(option);
  if (!m) throw new UsageError(`--rule wants CODE=off|warning|error ("--rule percent-mismatch=off"), not "${option}"`);
  return [m[1]!, m[2] as Level];
}

/** A finding with its configured severity, or null when its code is off. */
export function applyLevel<F extends Pick<Finding, 'code' | 'severity'>>(finding: F, levels: Readonly<Record<string, Level>>): F | null {
  const level = levels[finding.code];
  if (!level) return finding;
  return level === 'off' ? null : { ...finding, severity: level };
}
