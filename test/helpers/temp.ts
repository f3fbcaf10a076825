import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

// Folders made by the test file that imports this; all removed when its tests end, so a test run
// leaves nothing behind (the bad-input archive alone holds a 50 MB file).
const made: string[] = [];

afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A fresh folder under the system's temporary folder, named vnreform-<label>-XXXXXX. */
export function tempDir(label: string): string {
  const dir = mkdtempSync(join(tmpdir(), `vnreform-${label}-`));
  made.push(dir);
  return dir;
}
