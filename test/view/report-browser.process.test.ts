import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtractionRecord } from '../../src/schema.js';
import { launchBrowser, haveChromium, mustRunBrowser, openWatched, type Browser } from '../../support/browser.js';
import { ROOT, vnreform } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';

/** `vnreform report` on the corpus's records, opened in Chromium, with the views written beside it. */
const ARTIFACTS = join(ROOT, 'test-artifacts');

describe.skipIf(!haveChromium && !mustRunBrowser)('vnreform report in a browser', () => {
  let browser: Browser;
  let dir: string;
  let records: ExtractionRecord[];

  beforeAll(async () => {
    dir = tempDir('report-browser');
    mkdirSync(ARTIFACTS, { recursive: true });
    const jsonl = join(dir, 'records.jsonl');
    expect(vnreform(['extract', 'corpus', '--out', jsonl, '--quiet']).status).toBe(0);
    records = readFileSync(jsonl, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    // Views from the records (no second extraction), beside the report.
    expect(vnreform(['view', jsonl, '--out', dir, '--quiet']).status).toBe(0);
    const r = vnreform(['report', jsonl, '--out', join(dir, 'report.html')]);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/5 record\(s\) \(0 failed\), 5 view\(s\) linked/);
    browser = await launchBrowser();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('draws every chart with its table, links each document to its view, and logs no error', async () => {
    const w = await openWatched(browser.context, join(dir, 'report.html'));
    const charts = await w.page.evaluate(() => [...document.querySelectorAll<HTMLElement>('[data-chart]')].map((el) => [el.dataset.chart, el.querySelector('svg') ? 'drawn' : el.textContent]));
    // A metric chart is drawn when some document states the metric (as vnreform compare reads it);
    // the corpus reads without errors, so that chart has nothing to draw.
    const compared = JSON.parse(vnreform(['compare', 'corpus', '--format', 'json', '--quiet']).stdout) as { metrics: Record<string, number | null> }[];
    const stated = (metric: string) => (compared.some((row) => row.metrics[metric] !== null) ? 'drawn' : 'Nothing to chart.');
    expect(stated('rate_on_time')).toBe('drawn');
    expect(Object.fromEntries(charts)).toEqual({
      provinces: 'drawn', years: 'drawn', types: 'drawn', 'on-time': stated('rate_on_time'), online: stated('rate_online'), received: stated('hs_received'),
      cited: 'drawn', graph: 'drawn', findings: 'drawn', errors: 'Nothing to chart.',
    });
    // The province chart's table counts what the records say.
    const provinces = new Map<string, number>();
    for (const r of records) provinces.set(r.document!.province!, (provinces.get(r.document!.province!) ?? 0) + 1);
    const table = await w.page.locator('#provinces tbody tr').evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent)));
    expect(table).toEqual([...provinces].sort((a, b) => b[1] - a[1]).map(([p, n]) => [p, String(n)]));
    // The most cited document heads its table with the number of documents whose references name it.
    const top = await w.page.locator('#cited tbody tr').first().locator('td').allTextContents();
    expect(Number(top[2])).toBe(records.filter((r) => r.references.some((x) => (x.id ?? x.name) === top[0])).length);
    // Findings by code add up to the records' findings.
    const findingCounts = await w.page.locator('#findings tbody tr td:nth-child(3)').allTextContents();
    expect(findingCounts.reduce((s, n) => s + Number(n), 0)).toBe(records.reduce((s, r) => s + r.findings.length, 0));

    // Each document links to its view; the link opens it.
    const links = await w.page.locator('#documents a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(links).toHaveLength(records.length);
    await w.page.locator('#documents a').first().click();
    await w.page.waitForURL(/an-giang_2018_cong-van-795-chi-so-cchc\.html$/, { timeout: 60_000 });
    expect(await w.page.locator('mark[data-kind="reference"]:not([data-cont])').count()).toBe(records[0]!.references.length);
    await w.page.goBack();

    await w.page.screenshot({ path: join(ARTIFACTS, 'report.png') });
    await w.page.screenshot({ path: join(ARTIFACTS, 'report-full.png'), fullPage: true });
    expect(w.consoleErrors).toEqual([]);
    expect(w.pageErrors).toEqual([]);
    expect(w.requests.filter((u) => !u.startsWith('file://'))).toEqual([]);
  }, 120_000);
});
