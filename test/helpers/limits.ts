/**
 * The time limit of the heaviest tests: runs of 600 to 2,000 files, the 50 MB bad-input archive,
 * OCR of whole scanned reports. Each takes ~20-60 s on a quiet machine and up to seven times that
 * on two cores shared with other work (the suite once took 29 minutes instead of 4, and OCR tests
 * passed 240 s). A limit is there to catch a hang, not to fail a slow machine.
 */
export const HEAVY_TEST_MS = 15 * 60_000;
