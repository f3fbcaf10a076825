import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Sized for a loaded machine, not a quiet one: on two cores shared with other work the suite
    // ran seven times slower (29 minutes instead of 4), and 60-second limits failed tests that were
    // only slow. A limit catches a hang, not a slow run; the heaviest tests set their own.
    testTimeout: 5 * 60_000,
    hookTimeout: 5 * 60_000,
  },
});
