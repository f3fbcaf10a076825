import { ReadError } from './types.js';

/**
 * A bounded check of an OLE2 compound file (the container of a Word 97–2003 .doc) before
 * word-extractor reads it. word-extractor follows sector chains with no loop check: a chain whose
 * last sector points back to its first makes it push sector numbers into an array until V8 aborts
 * the whole process (exit 133), which no worker can contain; a header that declares a million FAT
 * sectors makes it allocate half a gigabyte. Here every structure it follows — the header, the
 * DIFAT and FAT, the directory chain and tree, the mini FAT and mini stream, and the chains of the
 * WordDocument, 1Table/0Table and Data streams — is walked with a loop check, every sector number
 * must lie in the file, and every declared size must fit in it. A damaged file gets
 * `corrupt-doc` with what is wrong; a sound one is left to word-extractor.
 *
 * Layout (MS-CFB): a header sector, then sectors numbered from 0; sector n starts at (n + 1) × size.
 */

const corrupt = (why: string): ReadError => new ReadError('corrupt-doc', `the Word 97-2003 file is damaged: ${why}`);

const HEADER_BYTES = 512;
/** Entries of the DIFAT held in the header itself. */
const HEADER_DIFAT = 109;
const DIRECTORY_ENTRY_BYTES = 128;
const NO_STREAM = -1;
const STORAGE = 1;
const STREAM = 2;
const ROOT = 5;
/** The streams word-extractor reads (Data is checked too: Word keeps pictures' and fields' data there). */
const WORD_STREAMS = ['WordDocument', '1Table', '0Table', 'Data'];

export interface OleHeader {
  sectorSize: number;
  miniSectorSize: number;
  fatSectors: number;
  directoryStart: number;
  /** Streams shorter than this live in the mini stream (4096 in every writer). */
  miniCutoff: number;
  miniFatStart: number;
  miniFatSectors: number;
  difatStart: number;
  difatSectors: number;
}

export interface OleEntry {
  index: number;
  name: string;
  type: number;
  left: number;
  right: number;
  child: number;
  start: number;
  size: number;
}

/** What the check found, for tests that damage a sound file on purpose. */
export interface OleLayout {
  header: OleHeader;
  /** Sectors in the file after the header (the last may be cut short). */
  sectorCount: number;
  /** Sector numbers that hold the FAT, in order. */
  fatSectorIds: number[];
  fat: Int32Array;
  directoryChain: number[];
  entries: OleEntry[];
  miniFatChain: number[];
  miniStreamChain: number[];
  /** The chains of the Word streams present: regular sectors, or mini sectors when `mini`. */
  streams: { name: string; entry: OleEntry; mini: boolean; chain: number[] }[];
}

/** Throws ReadError('corrupt-doc') when the container cannot be read safely. */
export function checkOle2(bytes: Uint8Array): void {
  oleLayout(bytes);
}

export function oleLayout(bytes: Uint8Array): OleLayout {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.length < HEADER_BYTES) throw corrupt(`the file is ${buf.length} bytes, shorter than the 512-byte OLE2 header`);
  const header = readHeader(buf);
  const { sectorSize } = header;
  const sectorCount = Math.ceil(Math.max(0, buf.length - sectorSize) / sectorSize);
  if (header.fatSectors < 1 || header.fatSectors > sectorCount) {
    throw corrupt(`the header declares ${header.fatSectors} FAT sectors; the file has ${sectorCount} sectors`);
  }
  const fatSectorIds = readDifat(buf, header, sectorCount);
  const fat = readSectorsAsTable(buf, fatSectorIds, sectorSize);
  const regularLimit = Math.min(sectorCount, fat.length);
  const directoryChain = followChain(fat, header.directoryStart, regularLimit, 'the directory');
  const entries = readDirectory(buf, directoryChain, sectorSize);
  const root = entries.find((e) => e.type === ROOT);
  if (!root) throw corrupt('the directory has no root entry');
  const rootChildren = walkTree(entries, root);

  const miniFatChain = followChain(fat, header.miniFatStart, regularLimit, 'the mini FAT');
  if (miniFatChain.length !== header.miniFatSectors) {
    throw corrupt(`the header declares ${header.miniFatSectors} mini FAT sectors; its chain has ${miniFatChain.length}`);
  }
  const miniFat = readSectorsAsTable(buf, miniFatChain, sectorSize);
  const miniStreamChain = followChain(fat, root.start, regularLimit, 'the mini stream');
  const miniLimit = Math.min(miniFat.length, (miniStreamChain.length * sectorSize) / header.miniSectorSize);

  const streams = WORD_STREAMS.flatMap((name) => {
    const entry = rootChildren.get(name);
    if (!entry) return [];
    if (entry.size < 0 || entry.size > buf.length) {
      throw corrupt(`the ${name} stream declares ${entry.size >>> 0} bytes; the file has ${buf.length}`);
    }
    // word-extractor's own test: a stream shorter than the cutoff is read from the mini stream.
    const mini = entry.size < header.miniCutoff;
    const chain = mini
      ? followChain(miniFat, entry.start, miniLimit, `the ${name} stream`)
      : followChain(fat, entry.start, regularLimit, `the ${name} stream`);
    const held = chain.length * (mini ? header.miniSectorSize : sectorSize);
    if (held < entry.size) throw corrupt(`the ${name} stream declares ${entry.size} bytes; its sector chain holds ${held}`);
    return [{ name, entry, mini, chain }];
  });
  return { header, sectorCount, fatSectorIds, fat, directoryChain, entries, miniFatChain, miniStreamChain, streams };
}

function readHeader(buf: Buffer): OleHeader {
  const sectorShift = buf.readUInt16LE(30);
  const miniShift = buf.readUInt16LE(32);
  // Version 3 files have 512-byte sectors, version 4 files 4096-byte ones; mini sectors are 64 bytes.
  if (sectorShift !== 9 && sectorShift !== 12) throw corrupt(`the sector size is 2^${sectorShift} bytes (512 or 4096 expected)`);
  if (miniShift !== 6) throw corrupt(`the mini sector size is 2^${miniShift} bytes (64 expected)`);
  return {
    sectorSize: 1 << sectorShift,
    miniSectorSize: 1 << miniShift,
    fatSectors: buf.readInt32LE(44),
    directoryStart: buf.readInt32LE(48),
    miniCutoff: buf.readInt32LE(56),
    miniFatStart: buf.readInt32LE(60),
    miniFatSectors: buf.readInt32LE(64),
    difatStart: buf.readInt32LE(68),
    difatSectors: buf.readInt32LE(72),
  };
}

/**
 * The FAT's sector numbers: the first 109 from the header, the rest from the DIFAT sectors, a chain
 * whose last entry in each sector names the next one. word-extractor reads exactly `difatSectors`
 * of them, so each must be a real sector, and none twice.
 */
function readDifat(buf: Buffer, header: OleHeader, sectorCount: number): number[] {
  const { fatSectors, sectorSize } = header;
  const ids: number[] = [];
  for (let i = 0; i < Math.min(fatSectors, HEADER_DIFAT); i++) ids.push(buf.readInt32LE(76 + i * 4));
  if (fatSectors > HEADER_DIFAT) {
    if (header.difatSectors < 1 || header.difatSectors > sectorCount) {
      throw corrupt(`${fatSectors} FAT sectors need DIFAT sectors; the header declares ${header.difatSectors}`);
    }
    const seen = new Set<number>();
    let id = header.difatStart;
    for (let n = 0; n < header.difatSectors; n++) {
      if (id < 0 || id >= sectorCount) throw corrupt(`DIFAT sector ${n + 1} of ${header.difatSectors} is sector ${id}, outside the file's ${sectorCount}`);
      if (seen.has(id)) throw corrupt(`the DIFAT chain loops back to sector ${id}`);
      seen.add(id);
      const at = (id + 1) * sectorSize;
      for (let k = 0; k < sectorSize / 4 - 1 && ids.length < fatSectors; k++) ids.push(readInt32(buf, at + k * 4));
      id = readInt32(buf, at + sectorSize - 4);
    }
    if (ids.length < fatSectors) throw corrupt(`the DIFAT lists ${ids.length} of the ${fatSectors} FAT sectors`);
  }
  const outside = ids.findIndex((id) => id < 0 || id >= sectorCount);
  if (outside !== -1) throw corrupt(`FAT sector ${outside + 1} of ${fatSectors} is sector ${ids[outside]}, outside the file's ${sectorCount}`);
  return ids;
}

/** An int32 of a sector that may be cut short at the end of the file: missing bytes read as 0, as word-extractor's copy leaves them. */
function readInt32(buf: Buffer, at: number): number {
  if (at + 4 <= buf.length) return buf.readInt32LE(at);
  const four = Buffer.alloc(4);
  if (at < buf.length) buf.copy(four, 0, at);
  return four.readInt32LE(0);
}

/** Sectors read one after another as a table of int32 (the FAT, the mini FAT). */
function readSectorsAsTable(buf: Buffer, ids: number[], sectorSize: number): Int32Array {
  const table = Buffer.alloc(ids.length * sectorSize);
  ids.forEach((id, i) => buf.copy(table, i * sectorSize, (id + 1) * sectorSize, (id + 2) * sectorSize));
  return new Int32Array(table.buffer, table.byteOffset, table.length / 4);
}

/**
 * A chain of sectors from `start` through `table` (the FAT, or the mini FAT for mini sectors) up to
 * a negative entry (end of chain), every sector below `limit` and none twice. A file with no such
 * stream starts at a negative number: an empty chain.
 */
export function followChain(table: Int32Array, start: number, limit: number, what: string): number[] {
  const seen = new Uint8Array(limit);
  const chain: number[] = [];
  for (let id = start; id >= 0; id = table[id]!) {
    if (id >= limit) throw corrupt(`${what}: its chain reaches sector ${id}, past the last one (${limit - 1})`);
    if (seen[id]) throw corrupt(`${what}: its sector chain loops back to sector ${id}`);
    seen[id] = 1;
    chain.push(id);
  }
  return chain;
}

function readDirectory(buf: Buffer, chain: number[], sectorSize: number): OleEntry[] {
  const entries: OleEntry[] = [];
  for (const id of chain) {
    for (let k = 0; k < sectorSize / DIRECTORY_ENTRY_BYTES; k++) {
      const at = (id + 1) * sectorSize + k * DIRECTORY_ENTRY_BYTES;
      if (at + DIRECTORY_ENTRY_BYTES > buf.length) throw corrupt(`directory sector ${id} is cut off by the end of the file`);
      const nameBytes = Math.min(Math.max(buf.readInt16LE(at + 64) - 2, 0), 64);
      entries.push({
        index: entries.length,
        name: buf.toString('utf16le', at, at + nameBytes),
        type: buf.readInt8(at + 66),
        left: buf.readInt32LE(at + 68),
        right: buf.readInt32LE(at + 72),
        child: buf.readInt32LE(at + 76),
        start: buf.readInt32LE(at + 116),
        size: buf.readInt32LE(at + 120),
      });
    }
  }
  return entries;
}

/**
 * The directory's tree from the root, as word-extractor walks it (each storage's child, then every
 * left and right sibling), with every index checked and no entry reached twice; returns the root's
 * streams by name (a later one of the same name wins, as in word-extractor).
 */
function walkTree(entries: OleEntry[], root: OleEntry): Map<string, OleEntry> {
  const reached = new Uint8Array(entries.length);
  reached[root.index] = 1;
  const reach = (index: number, from: OleEntry): OleEntry => {
    if (index < 0 || index >= entries.length) throw corrupt(`directory entry ${from.index} points to entry ${index}, outside the directory's ${entries.length}`);
    if (reached[index]) throw corrupt(`the directory tree loops back to entry ${index}`);
    reached[index] = 1;
    return entries[index]!;
  };
  const childrenOf = (storage: OleEntry): OleEntry[] => {
    if (storage.child <= NO_STREAM) return [];
    const children: OleEntry[] = [];
    const pending = [reach(storage.child, storage)];
    while (pending.length) {
      const entry = pending.pop()!;
      children.push(entry);
      if (entry.right !== NO_STREAM) pending.push(reach(entry.right, entry));
      if (entry.left !== NO_STREAM) pending.push(reach(entry.left, entry));
    }
    return children;
  };
  const rootStreams = new Map<string, OleEntry>();
  const storages = [root];
  while (storages.length) {
    const storage = storages.pop()!;
    for (const child of childrenOf(storage)) {
      if (child.type === STORAGE) storages.push(child);
      if (storage === root && child.type === STREAM) rootStreams.set(child.name, child);
    }
  }
  return rootStreams;
}
