/**
 * A synthetic archive for batch tests and benchmarks: N varied reports made from the corpus, in
 * year/province folders. Each is a slice of a corpus report (2–12 KB) with its province, years and
 * figures changed, so no two files are alike; a share (`binaryShare`, default 5%) is written as PDF
 * or DOCX. `npm run archive -- DIR N` (scripts/make-archive.ts) writes one to look at; the batch,
 * scale-out and Slurm tests and the benches make theirs here.
 */
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultRules } from '../src/rules/compile.js';
import { makeDocx, makePdf } from './format-fixtures.js';
import { random } from './random.js';

export interface ArchiveOptions {
  binaryShare?: number;
  seed?: number;
}

export async function makeArchive(dir: string, n: number, options: ArchiveOptions = {}): Promise<{ files: number; bytes: number }> {
  const rand = random(options.seed ?? 1);
  const corpus = new URL('../corpus/', import.meta.url).pathname;
  const texts = readdirSync(corpus).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(join(corpus, f), 'utf8'));
  const provinces = defaultRules().data.provinces.provinces.map((p) => p.name);
  let bytes = 0;
  for (let i = 0; i < n; i++) {
    const source = texts[i % texts.length]!;
    const size = 2000 + Math.floor(rand() * 10_000);
    const start = Math.floor(rand() * Math.max(1, source.length - size));
    const province = provinces[Math.floor(rand() * provinces.length)]!;
    const year = 2008 + Math.floor(rand() * 18);
    const body = source.slice(start, start + size)
      .replace(/An Giang|Kiên Giang/g, province)
      .replace(/\b20(1\d|2[0-5])\b/g, () => String(year - Math.floor(rand() * 3)))
      .replace(/\b\d{3,5}\b(?= hồ sơ)/g, () => String(100 + Math.floor(rand() * 90_000)));
    const text = `ỦY BAN NHÂN DÂN TỈNH ${province.toUpperCase()}\nSố: ${1 + Math.floor(rand() * 900)}/BC-UBND\n${province}, ngày ${1 + Math.floor(rand() * 28)} tháng ${1 + Math.floor(rand() * 12)} năm ${year}\nBÁO CÁO\nCông tác cải cách hành chính năm ${year}\n${body}\n`;
    const folder = join(dir, String(year), province.replace(/\s+/g, '-'));
    mkdirSync(folder, { recursive: true });
    const name = `bao-cao-${String(i).padStart(6, '0')}`;
    const kind = rand();
    const share = options.binaryShare ?? 0.05;
    let file: Buffer | string;
    let path: string;
    if (kind < share / 2) [file, path] = [await makePdf(text), join(folder, `${name}.pdf`)];
    else if (kind < share) [file, path] = [await makeDocx(text), join(folder, `${name}.docx`)];
    else [file, path] = [text, join(folder, `${name}.txt`)];
    writeFileSync(path, file);
    bytes += typeof file === 'string' ? Buffer.byteLength(file) : file.length;
  }
  return { files: n, bytes };
}
