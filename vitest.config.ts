import { defineConfig } from 'vitest/config';

/**
 * Two tiers, told apart by the file name. `*.process.test.ts` run something heavy: a command (the CLI
 * as a process, or in this one with its worker pool), a browser, tesseract. Every other test runs code
 * in this process (extraction, readers, rules, the engine's parts): `npm run test:unit` runs those
 * alone, in well under 30 s; `npm test` runs both (CI).
 */
export const PROCESS_TESTS = 'test/**/*.process.test.ts';

export default defineConfig({
  test: {
    // Sized for a loaded machine, not a quiet one: on two cores shared with other work the suite
    // ran seven times slower (29 minutes instead of 4), and 60-second limits failed tests that were
    // only slow. A limit catches a hang, not a slow run; the heaviest tests set their own.
    testTimeout: 5 * 60_000,
    hookTimeout: 5 * 60_000,
    projects: [
      // In-process tests share their workers' loaded modules (the compiled rules, pdf.js): a second each file would pay again.
      { extends: true, test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: [PROCESS_TESTS], isolate: false } },
      { extends: true, test: { name: 'process', include: [PROCESS_TESTS] } },
    ],
  },
});
