// Measurement behind docs/decisions.md (compromise vs Intl.Segmenter). compromise is not a
// dependency: run it from a scratch folder with `npm install compromise@14` beside a copy of this file.
import nlp from 'compromise';
import { readFileSync, readdirSync } from 'node:fs';
const dir = (process.argv[2] ?? 'corpus').replace(/\/?$/, '/'); // node measure-compromise.mjs path/to/corpus
const texts = readdirSync(dir).filter(f => f.endsWith('.txt')).map(f => readFileSync(dir + f, 'utf8'));
// Paragraphs, as a pipeline would feed them (Intl.Segmenter grows superlinearly on long strings).
const paras = texts.flatMap(t => t.split(/\n\s*\n/)).map(p => p.replace(/\s+/g, ' ').trim()).filter(p => p.length > 0);
const seg = new Intl.Segmenter('vi', { granularity: 'sentence' });
const ABBR = /(?:^|\s)(TP|VP|KT|TM|TL|TUQ|Q|P|TT|PCT|CT|TS|ThS|GS|PGS|Th\.S)\.\s*$/;
function badBreaks(sentences) {
  // a break right after an abbreviation ("TP.", "VP.", "KT.") or inside a number/date is wrong
  let bad = 0;
  for (let i = 0; i < sentences.length - 1; i++) {
    const s = sentences[i];
    if (ABBR.test(s) || /\d[.,]$/.test(s.trim()) && /^\d/.test(sentences[i + 1])) bad++;
  }
  return bad;
}
function run(name, split) {
  let n = 0, bad = 0;
  const t0 = performance.now();
  for (let r = 0; r < 3; r++) for (const p of paras) { const s = split(p); if (r === 0) { n += s.length; bad += badBreaks(s); } }
  const ms = (performance.now() - t0) / 3;
  console.log(`${name}: ${n} sentences, ${bad} wrong breaks after abbreviations or inside numbers, ${ms.toFixed(0)} ms per pass over the corpus`);
}
run('Intl.Segmenter', p => [...seg.segment(p)].map(x => x.segment));
run('compromise', p => nlp(p).sentences().out('array'));
