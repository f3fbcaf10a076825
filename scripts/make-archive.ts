/**
 * `npm run archive -- DIR N`: a synthetic archive of N reports (support/archive.ts) in DIR, to look at.
 */
import { makeArchive } from '../support/archive.js';

const dir = process.argv[2] ?? 'out/archive';
const n = Number(process.argv[3] ?? 1000);
const { bytes } = await makeArchive(dir, n);
process.stderr.write(`wrote ${n} reports (${(bytes / 1e6).toFixed(1)} MB) to ${dir}/\n`);
