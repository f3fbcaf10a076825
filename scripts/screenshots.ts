/**
 * The README's pictures of `vnreform view` and `vnreform report`, made from the corpus in Debian's
 * Chromium: `node --import tsx scripts/screenshots.ts` writes docs/view.png and docs/report.png.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchBrowser, openWatched } from '../support/browser.js';

const cli = (args: string[]): void => {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`vnreform ${args[0]} failed`);
};

const dir = mkdtempSync(join(tmpdir(), 'vnreform-screenshots-'));
try {
  cli(['extract', 'corpus', '--out', join(dir, 'records.jsonl'), '--quiet']);
  cli(['view', join(dir, 'records.jsonl'), '--out', dir, '--quiet']);
  cli(['report', join(dir, 'records.jsonl'), '--out', join(dir, 'report.html'), '--quiet']);
  const browser = await launchBrowser();
  const view = await openWatched(browser.context, join(dir, 'kien-giang_2020_q3_bao-cao-cchc.html'));
  await view.page.setViewportSize({ width: 1280, height: 760 });
  // A reference's tooltip, as a reader sees it on hover.
  await view.page.locator('#section-I\\.3').scrollIntoViewIfNeeded();
  await view.page.locator('mark[data-kind="reference"]').nth(8).hover();
  await view.page.screenshot({ path: 'docs/view.png' });
  const report = await openWatched(browser.context, join(dir, 'report.html'));
  await report.page.setViewportSize({ width: 1280, height: 900 });
  await report.page.locator('#cited').scrollIntoViewIfNeeded();
  await report.page.screenshot({ path: 'docs/report.png' });
  await browser.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
