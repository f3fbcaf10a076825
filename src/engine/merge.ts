import { closeSync, openSync, readSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { makeFolder, outputError } from '../util/output-files.js';

/**
 * Joining shard outputs (JSON Lines): every record once, in path order (the order of an unsharded
 * run over one folder), with the inputs that have no record and those that have more than one.
 * Files are scanned for line offsets and records copied byte for byte, so memory holds one entry
 * per record, never the records themselves.
 */
export interface LineRef {
  path: string;
  file: number;
  start: number;
  length: number;
}

export interface MergeReport {
  records: number;
  duplicated: string[];
  missing: string[];
  /** Lines that are not a whole JSON record (a shard cut short): left out and reported. */
  broken: { file: string; line: number }[];
}

const CHUNK = 1 << 20;

/** Each line of a file, with its offset, handed over as bytes. */
function forEachLine(file: string, visit: (line: Buffer, start: number, lineNumber: number) => void): void {
  const fd = openSync(file, 'r');
  try {
    let carry = Buffer.alloc(0);
    let carryStart = 0;
    let position = 0;
    let lineNumber = 0;
    const buf = Buffer.alloc(CHUNK);
    for (;;) {
      const n = readSync(fd, buf, 0, CHUNK, position);
      if (n === 0) break;
      let data = Buffer.concat([carry, buf.subarray(0, n)]);
      let from = 0;
      for (let nl = data.indexOf(0x0a); nl !== -1; nl = data.indexOf(0x0a, from)) {
        visit(data.subarray(from, nl), carryStart + from, ++lineNumber);
        from = nl + 1;
      }
      carry = Buffer.from(data.subarray(from));
      carryStart += from;
      position += n;
      data = Buffer.alloc(0);
    }
    if (carry.length) visit(carry, carryStart, ++lineNumber);
  } finally {
    closeSync(fd);
  }
}

export function mergeShards(files: string[], out: string, expected: string[] | null): MergeReport {
  const refs: LineRef[] = [];
  const broken: MergeReport['broken'] = [];
  files.forEach((file, index) => {
    forEachLine(file, (line, start, lineNumber) => {
      if (line.length === 0) return;
      try {
        const path = (JSON.parse(line.toString('utf8')) as { source: { path: string } }).source.path;
        refs.push({ path, file: index, start, length: line.length });
      } catch {
        broken.push({ file, line: lineNumber });
      }
    });
  });
  refs.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.file - b.file));
  const seen = new Set<string>();
  const duplicated = new Set<string>();
  const fds = files.map((f) => openSync(f, 'r'));
  const outFd = openOutput(out);
  let records = 0;
  try {
    for (const ref of refs) {
      if (seen.has(ref.path)) {
        duplicated.add(ref.path);
        continue;
      }
      seen.add(ref.path);
      const line = Buffer.alloc(ref.length + 1);
      readSync(fds[ref.file]!, line, 0, ref.length, ref.start);
      line[ref.length] = 0x0a;
      try {
        writeSync(outFd, line);
      } catch (err) {
        throw outputError(out, err);
      }
      records++;
    }
  } finally {
    fds.forEach((fd) => closeSync(fd));
    closeSync(outFd);
  }
  const missing = expected ? expected.filter((p) => !seen.has(p)) : [];
  return { records, duplicated: [...duplicated], missing, broken };
}

function openOutput(path: string): number {
  makeFolder(dirname(path), path);
  try {
    return openSync(path, 'w');
  } catch (err) {
    throw outputError(path, err);
  }
}
