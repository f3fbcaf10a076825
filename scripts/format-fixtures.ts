/**
 * `npm run fixtures -- DIR`: the corpus reports in every fixture format (support/format-fixtures.ts),
 * written to DIR (out/formats by default) to look at.
 */
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { FORMATS, makeFormat } from '../support/format-fixtures.js';

const out = process.argv[2] ?? 'out/formats';
mkdirSync(out, { recursive: true });
const corpus = new URL('../corpus/', import.meta.url).pathname;
for (const file of readdirSync(corpus).filter((f) => f.endsWith('.txt'))) {
  const text = readFileSync(join(corpus, file), 'utf8');
  const name = basename(file, '.txt');
  for (const format of FORMATS) writeFileSync(join(out, `${name}.${format}`), await makeFormat(text, format));
}
process.stderr.write(`wrote ${FORMATS.join(', ')} versions of the corpus to ${out}/\n`);
