import { oleLayout } from '../../src/read/ole.js';
import { constants, deflateRawSync } from 'node:zlib';

/** A zip whose one entry, word/document.xml, declares 4 GB unpacked from 2 bytes: the shape of a zip bomb, built in memory. */
export function zipBomb(): Uint8Array {
  const name = Buffer.from('word/document.xml');
  const data = Buffer.from([0x03, 0x00]);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(0xfffffff0, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(0xfffffff0, 24);
  central.writeUInt16LE(name.length, 28);
  const cdOffset = local.length + name.length + data.length;
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(1, 8);
  eocd.writeUInt16LE(1, 10);
  eocd.writeUInt32LE(central.length + name.length, 12);
  eocd.writeUInt32LE(cdOffset, 16);
  return Buffer.concat([local, name, data, central, name, eocd]);
}

/**
 * Damaged copies of a sound .doc, each breaking one structure of its OLE2 container the way a bit
 * flip or a truncated download can: sector chains that loop (word-extractor followed them until V8
 * aborted the process), a chain or a size past the end of the file, absurd counts in the header.
 */
export function damagedDocs(sound: Uint8Array): { name: string; bytes: Uint8Array }[] {
  const layout = oleLayout(sound);
  const { sectorSize } = layout.header;
  const perSector = sectorSize / 4;
  const stream = (name: string) => layout.streams.find((s) => s.name === name)!;
  const word = stream('WordDocument');
  const miniStream = layout.streams.find((s) => s.mini);
  if (word.mini || !miniStream) throw new Error('damagedDocs needs a .doc whose WordDocument is in regular sectors and one stream in the mini stream');
  /** A copy with int32 `value` written at byte `at`. */
  const patched = (...writes: [at: number, value: number][]): Uint8Array => {
    const copy = Buffer.from(sound);
    for (const [at, value] of writes) copy.writeInt32LE(value, at);
    return copy;
  };
  const sectorAt = (id: number) => (id + 1) * sectorSize;
  const fatEntryAt = (sector: number) => sectorAt(layout.fatSectorIds[Math.floor(sector / perSector)]!) + (sector % perSector) * 4;
  const miniFatEntryAt = (mini: number) => sectorAt(layout.miniFatChain[Math.floor(mini / perSector)]!) + (mini % perSector) * 4;
  const entryAt = (index: number) => sectorAt(layout.directoryChain[Math.floor(index / (sectorSize / 128))]!) + (index % (sectorSize / 128)) * 128;
  const last = <T>(xs: T[]): T => xs[xs.length - 1]!;
  const root = layout.entries.find((e) => e.type === 5)!;
  return [
    { name: 'word-stream-loop', bytes: patched([fatEntryAt(last(word.chain)), word.chain[0]!]) },
    { name: 'word-stream-past-end', bytes: patched([fatEntryAt(word.chain[1]!), 0x100000]) },
    { name: 'directory-loop', bytes: patched([fatEntryAt(last(layout.directoryChain)), layout.directoryChain[0]!]) },
    { name: 'mini-stream-loop', bytes: patched([fatEntryAt(last(layout.miniStreamChain)), layout.miniStreamChain[0]!]) },
    { name: 'mini-fat-loop', bytes: patched([miniFatEntryAt(last(miniStream.chain)), miniStream.chain[0]!]) },
    { name: 'word-size-past-end', bytes: patched([entryAt(word.entry.index) + 120, 0x7ffffff0]) },
    { name: 'directory-tree-loop', bytes: patched([entryAt(root.child) + 68, root.child]) },
    // 2,000,000 FAT sectors: word-extractor allocated a gigabyte for them.
    { name: 'fat-count-absurd', bytes: patched([44, 2_000_000]) },
    // More FAT sectors than the header lists, and a DIFAT of 2^31 sectors that word-extractor read one by one.
    { name: 'difat-loop', bytes: patched([44, 110], [68, last(word.chain)], [72, 40], [sectorAt(last(word.chain)) + sectorSize - 4, last(word.chain)]) },
    { name: 'difat-endless', bytes: patched([44, 110], [68, layout.fatSectorIds[0]!], [72, 0x7fffffff]) },
  ];
}

/**
 * A zip whose word/document.xml declares 5 KB unpacked (an honest-looking ratio to its packed
 * size) but inflates to `megabytes` MB of zeros: built from one flushed deflate block of 1 MB repeated
 * (each block stands alone, so the copies chain into one valid stream), then a final empty block.
 */
export function lyingZipBomb(megabytes: number): Uint8Array {
  const block = deflateRawSync(Buffer.alloc(1 << 20), { finishFlush: constants.Z_SYNC_FLUSH });
  const data = Buffer.concat([...Array.from({ length: megabytes }, () => block), Buffer.from([0x03, 0x00])]);
  const declared = 5 * 1024;
  const name = Buffer.from('word/document.xml');
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(declared, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(declared, 24);
  central.writeUInt16LE(name.length, 28);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(1, 8);
  eocd.writeUInt16LE(1, 10);
  eocd.writeUInt32LE(central.length + name.length, 12);
  eocd.writeUInt32LE(local.length + name.length + data.length, 16);
  return Buffer.concat([local, name, data, central, name, eocd]);
}
