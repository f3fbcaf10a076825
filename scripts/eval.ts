/**
 * npm run eval: precision, recall and F1 of every extractor against corpus/gold, plus the fixture
 * pass rate. `--verbose` lists every miss, extra and wrong date.
 */
import { readFileSync } from 'node:fs';
import { extractFile } from '../src/pipeline.js';
import { add, corpusDocuments, GOLD_DIR, emptyCounts, FIGURE_KINDS, goldAgencies, goldFigures, goldTasks, scoreAgencies, scoreTasks, METADATA_FIELDS, prf, scoreFigures, scoreMetadata, scoreReferences, type Counts } from '../support/gold.js';
import { CATALOGUE_FIELDS, DEV_GOLD_FIELDS, DEVSET_DIR, devDocuments, lastSigner, matchCatalogue, scoreDevGold, type CatalogueField, type DevGoldField } from '../support/devset.js';
import { loadAgencyCases, loadFigureCases, loadFixtureCases, runAgencyCase, runFigureCase, runFixtureCase } from '../support/fixture-cases.js';
import { legacyScores } from '../support/legacy-letters.js';
import { readGold, scoreCompare, scoreFindings, type CompareGold, type FindingGold } from '../support/check-gold.js';
import { defaultRules } from '../src/rules/compile.js';
import { join } from 'node:path';

const verbose = process.argv.includes('--verbose');
const fmt = (x: number): string => x.toFixed(3);
const pad = (s: string | number, n: number): string => String(s).padEnd(n);
const padL = (s: string | number, n: number): string => String(s).padStart(n);

const docs = corpusDocuments();
const records = await Promise.all(docs.map((d) => extractFile(d.textPath)));

console.log(`metadata — ${docs.filter((d) => d.metadata).length} documents with gold (corpus/gold/<name>.json)`);
console.log(`${pad('field', 12)}${padL('P', 7)}${padL('R', 7)}${padL('F1', 7)}${padL('TP', 5)}${padL('FP', 5)}${padL('FN', 5)}`);
const fieldTotals = new Map<string, Counts>();
docs.forEach((d, i) => {
  if (!d.metadata) return;
  const scores = scoreMetadata(d.metadata, records[i]!.document);
  for (const f of METADATA_FIELDS) {
    fieldTotals.set(f, add(fieldTotals.get(f) ?? emptyCounts(), scores[f]));
    if (verbose && (scores[f].fp || scores[f].fn)) {
      console.log(`  ${d.name}: ${f}: gold ${JSON.stringify(d.metadata[f])} / got ${JSON.stringify(records[i]!.document?.[f])}`);
    }
  }
});
let allMeta = emptyCounts();
for (const f of METADATA_FIELDS) {
  const c = fieldTotals.get(f)!;
  allMeta = add(allMeta, c);
  const { p, r, f1 } = prf(c);
  console.log(`${pad(f, 12)}${padL(fmt(p), 7)}${padL(fmt(r), 7)}${padL(fmt(f1), 7)}${padL(c.tp, 5)}${padL(c.fp, 5)}${padL(c.fn, 5)}`);
}
{
  const { p, r, f1 } = prf(allMeta);
  console.log(`${pad('all fields', 12)}${padL(fmt(p), 7)}${padL(fmt(r), 7)}${padL(fmt(f1), 7)}${padL(allMeta.tp, 5)}${padL(allMeta.fp, 5)}${padL(allMeta.fn, 5)}`);
}

{
  const dev = devDocuments();
  const devRecords = await Promise.all(dev.map((d) => extractFile(d.path)));
  console.log(`\nmetadata — development set (devset/): ${dev.length} real documents against the database's catalogue`);
  const byType = new Map<string, { n: number; right: Record<CatalogueField, number> }>();
  const zero = (): Record<CatalogueField, number> => Object.fromEntries(CATALOGUE_FIELDS.map((f) => [f, 0])) as Record<CatalogueField, number>;
  dev.forEach((d, i) => {
    const m = matchCatalogue(d.catalogue, devRecords[i]!.document);
    for (const key of ['all types', d.catalogue.type]) {
      const t = byType.get(key) ?? { n: 0, right: zero() };
      t.n++;
      for (const f of CATALOGUE_FIELDS) if (m[f]) t.right[f]++;
      byType.set(key, t);
    }
    if (verbose) {
      const doc = devRecords[i]!.document;
      const got: Record<CatalogueField, unknown> = { number: doc?.number, type: doc?.type, date: doc?.date, signer: lastSigner(doc), issuer: `${doc?.issuer} / ${doc?.province}` };
      for (const f of CATALOGUE_FIELDS) if (!m[f]) console.log(`  ${d.name}: ${f}: catalogue ${JSON.stringify(d.catalogue[f])} / got ${JSON.stringify(got[f] ?? null)}`);
    }
  });
  console.log(`${pad('type', 14)}${padL('docs', 5)}${CATALOGUE_FIELDS.map((f) => padL(f, 8)).join('')}`);
  for (const [type, t] of [...byType].sort((a, b) => b[1].n - a[1].n)) {
    console.log(`${pad(type, 14)}${padL(t.n, 5)}${CATALOGUE_FIELDS.map((f) => padL(fmt(t.right[f] / t.n), 8)).join('')}`);
  }

  const withGold = dev.flatMap((d, i) => (d.gold ? [{ d, gold: d.gold, doc: devRecords[i]!.document }] : []));
  console.log(`\nmetadata — development set, hand-written gold (devset/gold/<name>.json): ${withGold.length} documents`);
  console.log(`${pad('field', 12)}${padL('P', 7)}${padL('R', 7)}${padL('F1', 7)}${padL('TP', 5)}${padL('FP', 5)}${padL('FN', 5)}`);
  const totals = new Map<DevGoldField, Counts>();
  for (const { d, gold, doc } of withGold) {
    const s = scoreDevGold(gold, doc);
    for (const f of DEV_GOLD_FIELDS) {
      totals.set(f, add(totals.get(f) ?? emptyCounts(), s[f]));
      if (verbose && (s[f].fp || s[f].fn)) {
        const want = f === 'signer' || f === 'signers' ? gold.signatures.map((x) => x.name) : gold[f];
        const got = f === 'signer' || f === 'signers' ? doc?.signatures.map((x) => x.name) : doc?.[f];
        console.log(`  ${d.name}: ${f}: gold ${JSON.stringify(want)} / got ${JSON.stringify(got ?? null)}`);
      }
    }
  }
  for (const f of DEV_GOLD_FIELDS) {
    const c = totals.get(f) ?? emptyCounts();
    const { p, r, f1 } = prf(c);
    console.log(`${pad(f, 12)}${padL(fmt(p), 7)}${padL(fmt(r), 7)}${padL(fmt(f1), 7)}${padL(c.tp, 5)}${padL(c.fp, 5)}${padL(c.fn, 5)}`);
  }

  // References, figures and agencies against the dev gold (devset/gold/<name>.{references,figures,agencies}.json).
  let refs = emptyCounts(), agencies = emptyCounts(), dr = 0, dc = 0, n = 0;
  const kinds = { count: emptyCounts(), percent: emptyCounts(), ratio: emptyCounts() };
  dev.forEach((d, i) => {
    const rec = devRecords[i]!;
    if (!d.references || !d.figures || !d.agencies) return;
    n++;
    const r = scoreReferences(d.references, rec.references);
    refs = add(refs, r); dr += r.datesRight; dc += r.datesCompared;
    const f = scoreFigures(d.figures, rec.figures);
    for (const k of FIGURE_KINDS) kinds[k] = add(kinds[k], f.byKind[k]);
    const a = scoreAgencies(d.agencies, rec.agencies);
    agencies = add(agencies, a);
    if (verbose) {
      for (const m of r.missed) console.log(`  ${d.name}: missed ref ${m.kind} ${m.id ?? m.name} (line ${m.line ?? '?'})`);
      for (const e of r.extra) console.log(`  ${d.name}: extra ref  ${e.kind} ${e.id ?? e.name} "${e.text.replace(/\s+/g, ' ')}"`);
      for (const w of r.wrongDates) console.log(`  ${d.name}: ref date ${w.key}: gold ${w.gold}, got ${w.predicted}`);
      for (const m of f.missed) console.log(`  ${d.name}: missed ${m.kind} ${m.value ?? `${m.numerator}/${m.denominator}`} ${m.unit ?? ''} (line ${m.line})`);
      for (const e of f.extra) console.log(`  ${d.name}: extra  ${e.kind} ${e.value ?? `${e.numerator}/${e.denominator}`} ${e.unit ?? ''} "${e.text.replace(/\s+/g, ' ')}"`);
      for (const m of a.missed) console.log(`  ${d.name}: missed agency ${m}`);
      for (const e of a.extra) console.log(`  ${d.name}: extra agency  ${e}`);
    }
  });
  console.log(`\nreferences, figures, agencies — development set, hand-written gold: ${n} documents`);
  console.log(`${pad('kind', 12)}${padL('P', 7)}${padL('R', 7)}${padL('F1', 7)}${padL('TP', 5)}${padL('FP', 5)}${padL('FN', 5)}`);
  for (const [label, c] of [['references', refs], ...FIGURE_KINDS.map((k) => [k, kinds[k]] as const), ['agencies', agencies]] as const) {
    const { p, r, f1 } = prf(c);
    console.log(`${pad(label, 12)}${padL(fmt(p), 7)}${padL(fmt(r), 7)}${padL(fmt(f1), 7)}${padL(c.tp, 5)}${padL(c.fp, 5)}${padL(c.fn, 5)}`);
  }
  console.log(`reference date accuracy on matched references: ${dc ? fmt(dr / dc) : '-'} (${dr}/${dc})`);

  // compare and check against their gold, corpus and development set together.
  const sets = [
    ...docs.map((d, i) => ({ set: 'corpus', name: d.name, dir: GOLD_DIR, path: d.textPath, record: records[i]! })),
    ...dev.map((d, i) => ({ set: 'dev', name: d.name, dir: join(DEVSET_DIR, 'gold'), path: d.path, record: devRecords[i]! })),
  ];
  const rules = defaultRules();
  const cells = new Map<string, { corpus: [number, number]; dev: [number, number] }>();
  const compared = { corpus: 0, dev: 0 };
  for (const s of sets) {
    const gold = readGold<CompareGold>(s.dir, s.name, 'compare');
    if (!gold) continue;
    compared[s.set as 'corpus' | 'dev']++;
    for (const c of scoreCompare(gold, s.record, rules)) {
      const t = cells.get(c.metric) ?? { corpus: [0, 0], dev: [0, 0] };
      const slot = t[s.set as 'corpus' | 'dev'];
      slot[0] += c.right ? 1 : 0;
      slot[1]++;
      cells.set(c.metric, t);
      if (verbose && !c.right) console.log(`  ${s.name}: ${c.metric}: gold ${c.gold} / got ${c.got}`);
    }
  }
  console.log(`\ncompare — cell accuracy per metric (right value or right blank; <name>.compare.json): corpus ${compared.corpus}, dev ${compared.dev} documents`);
  console.log(`${pad('metric', 16)}${padL('corpus', 9)}${padL('dev', 9)}${padL('all', 9)}`);
  const acc = ([a, b]: [number, number]): string => (b ? fmt(a / b) : '-');
  const sum = { corpus: [0, 0] as [number, number], dev: [0, 0] as [number, number] };
  for (const [metric, t] of cells) {
    for (const k of ['corpus', 'dev'] as const) { sum[k][0] += t[k][0]; sum[k][1] += t[k][1]; }
    console.log(`${pad(metric, 16)}${padL(acc(t.corpus), 9)}${padL(acc(t.dev), 9)}${padL(acc([t.corpus[0] + t.dev[0], t.corpus[1] + t.dev[1]]), 9)}`);
  }
  console.log(`${pad('all cells', 16)}${padL(acc(sum.corpus), 9)}${padL(acc(sum.dev), 9)}${padL(acc([sum.corpus[0] + sum.dev[0], sum.corpus[1] + sum.dev[1]]), 9)}`);

  let right = 0, wrong = 0, missed = 0, judged = 0;
  for (const s of sets) {
    const gold = readGold<{ findings: FindingGold[] }>(s.dir, s.name, 'findings');
    if (!gold) continue;
    judged++;
    const score = scoreFindings(gold.findings, s.record, readFileSync(s.path, 'utf8'));
    right += score.right.length; wrong += score.wrong.length; missed += score.missed.length;
    if (verbose) {
      for (const f of score.wrong) console.log(`  ${s.name}: wrong finding ${f.code}: ${f.message}`);
      for (const g of score.missed) console.log(`  ${s.name}: missed finding ${g.code}: ${g.text}`);
    }
  }
  console.log(`\ncheck — findings at the default levels judged against <name>.findings.json: ${judged} documents`);
  console.log(`precision ${right + wrong ? fmt(right / (right + wrong)) : '-'} (${right}/${right + wrong}); gold findings not emitted: ${missed}`);
}

console.log(`\nreferences — match on kind and id (name for laws and short names), repeats counted`);
console.log(`${pad('document', 46)}${padL('gold', 5)}${padL('pred', 5)}${padL('P', 7)}${padL('R', 7)}${padL('F1', 7)}${padL('dates', 9)}`);
let refTotal = emptyCounts();
let datesRight = 0;
let datesCompared = 0;
docs.forEach((d, i) => {
  if (!d.references) return;
  const s = scoreReferences(d.references, records[i]!.references);
  refTotal = add(refTotal, s);
  datesRight += s.datesRight;
  datesCompared += s.datesCompared;
  const { p, r, f1 } = prf(s);
  console.log(`${pad(d.name, 46)}${padL(s.tp + s.fn, 5)}${padL(s.tp + s.fp, 5)}${padL(fmt(p), 7)}${padL(fmt(r), 7)}${padL(fmt(f1), 7)}${padL(`${s.datesRight}/${s.datesCompared}`, 9)}`);
  if (verbose) {
    for (const m of s.missed) console.log(`    missed: ${m.kind} ${m.id ?? m.name} (line ${m.line ?? '?'})`);
    for (const e of s.extra) console.log(`    extra:  ${e.kind} ${e.id ?? e.name} "${e.text.replace(/\s+/g, ' ')}"`);
    for (const w of s.wrongDates) console.log(`    date:   ${w.key}: gold ${w.gold}, got ${w.predicted}`);
  }
});
{
  const { p, r, f1 } = prf(refTotal);
  const acc = datesCompared ? datesRight / datesCompared : 1;
  console.log(`${pad('all documents', 46)}${padL(refTotal.tp + refTotal.fn, 5)}${padL(refTotal.tp + refTotal.fp, 5)}${padL(fmt(p), 7)}${padL(fmt(r), 7)}${padL(fmt(f1), 7)}${padL(`${datesRight}/${datesCompared}`, 9)}`);
  console.log(`date accuracy on matched references: ${fmt(acc)}`);
}

console.log('\nfigures — every percentage and ratio, and counts of hồ sơ, TTHC and DVC (corpus/gold/<name>.figures.json)');
const kindTotals = { count: emptyCounts(), percent: emptyCounts(), ratio: emptyCounts() };
let statusRight = 0, matched = 0, meaningRight = 0, meaningCompared = 0, partOfRight = 0, partOfCompared = 0, hsRight = 0, hsCompared = 0;
docs.forEach((d, i) => {
  const gold = goldFigures(d.name);
  if (!gold) return;
  const s = scoreFigures(gold, records[i]!.figures);
  for (const k of FIGURE_KINDS) kindTotals[k] = add(kindTotals[k], s.byKind[k]);
  statusRight += s.statusRight; matched += s.matched;
  meaningRight += s.meaningRight; meaningCompared += s.meaningCompared;
  partOfRight += s.partOfRight; partOfCompared += s.partOfCompared;
  hsRight += s.hoSoMeaningRight; hsCompared += s.hoSoMeaningCompared;
  if (verbose) {
    for (const m of s.missed) console.log(`    ${d.name}: missed ${m.kind} ${m.value ?? `${m.numerator}/${m.denominator}`} ${m.unit ?? ''} (line ${m.line})`);
    for (const e of s.extra) console.log(`    ${d.name}: extra  ${e.kind} ${e.value ?? `${e.numerator}/${e.denominator}`} ${e.unit ?? ''} "${e.text}"`);
    for (const w of s.wrong) console.log(`    ${d.name}: ${w}`);
  }
});
console.log(`${pad('kind', 12)}${padL('P', 7)}${padL('R', 7)}${padL('F1', 7)}${padL('TP', 5)}${padL('FP', 5)}${padL('FN', 5)}`);
for (const k of FIGURE_KINDS) {
  const c = kindTotals[k];
  const { p, r, f1 } = prf(c);
  console.log(`${pad(k, 12)}${padL(fmt(p), 7)}${padL(fmt(r), 7)}${padL(fmt(f1), 7)}${padL(c.tp, 5)}${padL(c.fp, 5)}${padL(c.fn, 5)}`);
}
const ratio = (a: number, b: number): string => `${b ? fmt(a / b) : '-'} (${a}/${b})`;
console.log(`status accuracy on matched figures: ${ratio(statusRight, matched)}`);
console.log(`meaning accuracy (received/resolved, online/in person/post, on time/late) on matched hồ sơ counts: ${ratio(hsRight, hsCompared)}`);
console.log(`meaning accuracy (stage, channel, timeliness) on all matched counts (also TTHC, DVC): ${ratio(meaningRight, meaningCompared)}`);
console.log(`partOf accuracy on matched counts: ${ratio(partOfRight, partOfCompared)}`);

console.log('\nagencies — the set of distinct agencies named (resolved names); tasks — lead and deadline, repeats counted');
console.log(`${pad('document', 46)}${padL('agencies F1', 16)}${padL('tasks F1', 16)}`);
let agTotal = emptyCounts();
let taskTotal = emptyCounts();
docs.forEach((d, i) => {
  const ga = goldAgencies(d.name);
  const gt = goldTasks(d.name);
  if (!ga || !gt) return;
  const a = scoreAgencies(ga, records[i]!.agencies);
  const t = scoreTasks(gt, records[i]!.tasks);
  agTotal = add(agTotal, a);
  taskTotal = add(taskTotal, t);
  console.log(`${pad(d.name, 46)}${padL(`${fmt(prf(a).f1)} (${a.tp}/${a.tp + a.fn})`, 16)}${padL(`${fmt(prf(t).f1)} (${t.tp}/${t.tp + t.fn})`, 16)}`);
  if (verbose) {
    for (const m of a.missed) console.log(`    missed agency: ${m}`);
    for (const e of a.extra) console.log(`    extra agency:  ${e}`);
    for (const m of t.missed) console.log(`    missed task:   ${m}`);
    for (const e of t.extra) console.log(`    extra task:    ${e}`);
  }
});
for (const [label, c] of [['agencies', agTotal], ['tasks', taskTotal]] as const) {
  const { p, r, f1 } = prf(c);
  console.log(`${pad(label, 12)}${padL(fmt(p), 7)}${padL(fmt(r), 7)}${padL(fmt(f1), 7)}${padL(c.tp, 5)}${padL(c.fp, 5)}${padL(c.fn, 5)}`);
}
console.log('\nformats — the corpus rebuilt as PDF (pdfkit, DejaVu Sans), DOCX, legacy-encoded RTF (TCVN3, VNI), a TCVN3 DOCX (.VnTime/.VnTimeH runs) and a VNI PDF, read back and scored against the same gold');
{
  const { FORMATS, makeFormat } = await import('../support/format-fixtures.js');
  const { mkdtempSync, rmSync, writeFileSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const dir = mkdtempSync(join(tmpdir(), 'vnreform-eval-'));
  console.log(`${pad('format', 12)}${padL('refs F1', 9)}${padL('dates', 9)}${padL('figures F1', 12)}${padL('meta F1', 10)}${padL('agencies F1', 13)}${padL('tasks F1', 10)}`);
  for (const format of ['text', ...FORMATS] as const) {
    let refs = emptyCounts(), figs = emptyCounts(), meta = emptyCounts(), ags = emptyCounts(), tks = emptyCounts(), dr = 0, dc = 0;
    for (const d of docs) {
      const text = readFileSync(d.textPath, 'utf8');
      const path = format === 'text' ? d.textPath : join(dir, `${d.name}.${format}`);
      if (format !== 'text') {
        writeFileSync(path, await makeFormat(text, format));
      }
      const rec = await extractFile(path);
      const r = scoreReferences(d.references!, rec.references);
      refs = add(refs, r); dr += r.datesRight; dc += r.datesCompared;
      const f = scoreFigures(goldFigures(d.name)!, rec.figures);
      for (const k of FIGURE_KINDS) figs = add(figs, f.byKind[k]);
      const m = scoreMetadata(d.metadata!, rec.document);
      for (const field of METADATA_FIELDS) meta = add(meta, m[field]);
      ags = add(ags, scoreAgencies(goldAgencies(d.name)!, rec.agencies));
      tks = add(tks, scoreTasks(goldTasks(d.name)!, rec.tasks));
    }
    console.log(`${pad(format, 12)}${padL(fmt(prf(refs).f1), 9)}${padL(fmt(dc ? dr / dc : 1), 9)}${padL(fmt(prf(figs).f1), 12)}${padL(fmt(prf(meta).f1), 10)}${padL(fmt(prf(ags).f1), 13)}${padL(fmt(prf(tks).f1), 10)}`);
  }
  rmSync(dir, { recursive: true, force: true });
}

console.log('\nfixtures (corpus/fixtures/*.cases): one-line surface forms');
const fixtureFiles = [
  ['references.cases', loadFixtureCases, runFixtureCase],
  ['references-negative.cases', loadFixtureCases, runFixtureCase],
  ['figures.cases', loadFigureCases, runFigureCase],
  ['figures-negative.cases', loadFigureCases, runFigureCase],
  ['agencies.cases', loadAgencyCases, runAgencyCase],
  ['agencies-negative.cases', loadAgencyCases, runAgencyCase],
] as const;
for (const [file, load, run] of fixtureFiles) {
  const cases = load(readFileSync(new URL(`../corpus/fixtures/${file}`, import.meta.url), 'utf8'));
  let pass = 0;
  for (const c of cases) {
    const failure = (run as (x: typeof c) => string | null)(c);
    if (!failure) pass++;
    else if (verbose) console.log(`    ${file}:${c.line}: ${failure}`);
  }
  console.log(`${pad(file, 30)}${padL(`${pass}/${cases.length}`, 9)} pass`);
}

{
  // Legacy originals against their transcripts (support/legacy-letters.ts): letters aligned, then the
  // share of accented letters and of all letters read exactly. Issue target: ≥ 0.99 overall, no file below 0.97.
  const scores = await legacyScores();
  if (scores.length) {
    console.log(`\nlegacy originals (devset/legacy, ${scores.length} files: TCVN3/VNI .doc .rtf .pdf) against their transcripts`);
    console.log('(read with tracked deletions kept, as the transcripts have them; `extract` drops them and says so in a tracked-deletions finding)');
    console.log(`${pad('file', 48)}${pad('encoding', 10)}${padL('diacritics', 11)}${padL('characters', 11)}${padL('deleted', 9)}`);
    let a = 0, ar = 0, c = 0, cr = 0;
    for (const s of scores) {
      a += s.accented; ar += s.accentedRight; c += s.characters; cr += s.charactersRight;
      const line = `${pad(s.file.slice(0, 47), 48)}${pad(s.encoding ?? '-', 10)}${padL(fmt(s.accented ? s.accentedRight / s.accented : 1), 11)}${padL(fmt(s.characters ? s.charactersRight / s.characters : 1), 11)}${padL(String(s.deleted), 9)}${s.error ? `  error: ${s.error}` : ''}`;
      if (verbose || (s.accented && s.accentedRight / s.accented < 0.97) || s.deleted || s.error) console.log(line);
    }
    console.log(`${pad('all files (below 0.97 or with deletions listed; --verbose: all)', 58)}${padL(fmt(a ? ar / a : 1), 11)}${padL(fmt(c ? cr / c : 1), 11)}`);
  }
}
