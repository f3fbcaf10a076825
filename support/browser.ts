import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/**
 * Debian's Chromium driven by playwright-core (no browser download). Outside CI a machine without
 * it skips the browser tests; in CI (`CI` set) they must run, so .ci/run installs it.
 */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const haveChromium = existsSync(CHROMIUM);
export const mustRunBrowser = !!process.env.CI;

// Without the background-networking flags a closed network makes Chromium stall on start.
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync'];

export interface Browser {
  context: BrowserContext;
  close: () => Promise<void>;
}

/** One browser per test file, with a fresh profile removed on close. */
export async function launchBrowser(): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'vnreform-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM, headless: true, args: ARGS, viewport: { width: 1400, height: 900 }, timeout: 120_000,
    // The pages under test are files: nothing may be fetched.
    offline: true,
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** What a page did that it should not: console errors, uncaught exceptions, dialogs, requests to anywhere but the file itself. */
export interface Watched {
  page: Page;
  consoleErrors: string[];
  pageErrors: string[];
  dialogs: string[];
  requests: string[];
}

export async function openWatched(context: BrowserContext, path: string): Promise<Watched> {
  const page = await context.newPage();
  const watched: Watched = { page, consoleErrors: [], pageErrors: [], dialogs: [], requests: [] };
  page.on('console', (m) => { if (m.type() === 'error') watched.consoleErrors.push(m.text()); });
  page.on('pageerror', (e) => watched.pageErrors.push(e.message));
  page.on('dialog', (d) => { watched.dialogs.push(d.message()); void d.dismiss(); });
  const url = `file://${path}`;
  page.on('request', (r) => { if (r.url() !== url) watched.requests.push(r.url()); });
  await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
  return watched;
}
