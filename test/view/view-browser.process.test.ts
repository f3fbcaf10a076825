import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtractionRecord } from '../../src/schema.js';
import { launchBrowser, haveChromium, mustRunBrowser, openWatched, type Browser } from '../../support/browser.js';
import { ROOT, vnreform } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';

/** `vnreform view` pages opened in Chromium: what a researcher sees, and what a hostile document cannot do. */
const ARTIFACTS = join(ROOT, 'test-artifacts');
const DOC = 'corpus/kien-giang_2020_q3_bao-cao-cchc.txt';
// A document that tries to run script from its text, its title line and inside a reference.
const HOSTILE = `BÁO CÁO
Công tác cải cách hành chính <script>alert(1)</script> năm 2024
Căn cứ Nghị định số 61/2018/NĐ-CP "><img src=x onerror=alert(1)> ngày 23/4/2018 của Chính phủ;
Ủy ban nhân dân tỉnh Cà Mau báo cáo </pre></div><script>alert(2)</script> như sau.
`;

describe.skipIf(!haveChromium && !mustRunBrowser)('vnreform view in a browser', () => {
  let browser: Browser;
  let dir: string;
  let record: ExtractionRecord;

  beforeAll(async () => {
    dir = tempDir('view-browser');
    mkdirSync(ARTIFACTS, { recursive: true });
    writeFileSync(join(dir, 'hostile.txt'), HOSTILE);
    const r = vnreform(['view', DOC, join(dir, 'hostile.txt'), '--out', dir]);
    expect(r.stderr).toMatch(/2 page\(s\) written/);
    record = JSON.parse(vnreform(['extract', DOC, '--format', 'json']).stdout)[0];
    browser = await launchBrowser();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('highlights every reference, figure, agency and task once, runs without errors, and shows an item\'s JSON on hover and focus', async () => {
    const w = await openWatched(browser.context, join(dir, 'kien-giang_2020_q3_bao-cao-cchc.html'));
    const counted = await w.page.evaluate(() => Object.fromEntries(['reference', 'figure', 'agency', 'task'].map((kind) => {
      const pieces = [...document.querySelectorAll<HTMLElement>(`mark[data-kind="${kind}"]`)];
      return [kind, { first: pieces.filter((m) => !m.hasAttribute('data-cont')).length, distinct: new Set(pieces.map((m) => m.dataset.i)).size }];
    })));
    expect(counted).toEqual({
      reference: { first: record.references.length, distinct: record.references.length },
      figure: { first: record.figures.length, distinct: record.figures.length },
      agency: { first: record.agencies.length, distinct: record.agencies.length },
      task: { first: record.tasks.length, distinct: record.tasks.length },
    });
    expect(record.references.length).toBeGreaterThan(10);
    // A highlight holds the words its span points at.
    const ref = record.references.findIndex((r) => r.id !== null);
    expect(await w.page.locator(`#reference-${ref}`).innerText()).toBe(record.references[ref]!.text);

    await w.page.locator(`#reference-${ref}`).hover();
    await expect.poll(() => w.page.locator('#tip').isVisible()).toBe(true);
    expect(await w.page.locator('#tip').innerText()).toContain(`"id": "${record.references[ref]!.id}"`);
    // The keyboard reaches the same: focus on another reference shows its id.
    const other = record.references.findIndex((r, i) => i > ref && r.id !== null && r.id !== record.references[ref]!.id);
    await w.page.locator(`#reference-${other}`).focus();
    expect(await w.page.locator('#tip').innerText()).toContain(`"id": "${record.references[other]!.id}"`);

    // Each finding with a span has its margin note and a link to it from the side panel.
    const findings = record.findings.filter((f) => f.span);
    expect(await w.page.locator('.note').count()).toBe(findings.length);
    expect(await w.page.locator('.findings a[href^="#finding-"]').count()).toBe(findings.length);
    // A toggle turns a kind's colour off.
    const background = () => w.page.locator(`#reference-${ref}`).evaluate((el) => getComputedStyle(el).backgroundColor);
    const before = await background();
    await w.page.locator('input[data-toggle="reference"]').uncheck();
    expect(await background()).not.toBe(before);

    await w.page.screenshot({ path: join(ARTIFACTS, 'view.png') });
    expect(w.consoleErrors).toEqual([]);
    expect(w.pageErrors).toEqual([]);
    expect(w.requests).toEqual([]);
  }, 120_000);

  it('shows a hostile document\'s markup as characters and runs none of it', async () => {
    const w = await openWatched(browser.context, join(dir, 'hostile.html'));
    await w.page.waitForTimeout(500);
    const text = await w.page.locator('.doc').innerText();
    expect(text).toContain('<script>alert(1)</script>');
    expect(text).toContain('"><img src=x onerror=alert(1)>');
    expect(text).toContain('</pre></div><script>alert(2)</script>');
    expect(await w.page.locator('h1').innerText()).toContain('<script>alert(1)</script>');
    expect(await w.page.evaluate(() => ({
      images: document.querySelectorAll('img').length,
      // The page's own: its code and its data block.
      scripts: document.querySelectorAll('script').length,
      docChildren: [...document.querySelectorAll('.doc *')].map((e) => e.tagName).filter((t) => !['MARK', 'SPAN', 'A', 'B'].includes(t)),
    }))).toEqual({ images: 0, scripts: 2, docChildren: [] });
    await w.page.screenshot({ path: join(ARTIFACTS, 'view-hostile.png') });
    expect(w.dialogs).toEqual([]);
    expect(w.consoleErrors).toEqual([]);
    expect(w.pageErrors).toEqual([]);
    expect(w.requests).toEqual([]);
    expect(readFileSync(join(dir, 'hostile.html'), 'utf8')).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src &apos;none&apos;; script-src &apos;sha256-/);
  }, 120_000);
});
