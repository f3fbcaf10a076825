import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../../', import.meta.url).pathname;

describe.skipIf(process.platform !== 'linux')('peak RSS of a process a large one started', () => {
  it('is its own, not its parent\'s memory at the fork (which getrusage\'s maxRSS carries over exec)', () => {
    const held = Buffer.alloc(400e6, 1); // 400 MB resident in this process
    const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e',
      `import { peakRssBytes } from '${ROOT}src/util/peak-rss.ts'; console.log(JSON.stringify({ own: peakRssBytes(), maxRss: process.resourceUsage().maxRSS * 1024 }))`], { encoding: 'utf8', cwd: ROOT });
    const { own, maxRss } = JSON.parse(child.stdout) as { own: number; maxRss: number };
    expect(held[held.length - 1]).toBe(1);
    // maxRSS said over 300 MB here (Node 20, Linux): this process's memory, which the child shared at the fork.
    expect(maxRss).toBeGreaterThanOrEqual(own);
    expect(own).toBeLessThan(200e6); // a node with tsx loaded: well under 200 MB
  });
});
