import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Spool } from '../../src/util/spool.js';
import { tempDir } from '../helpers/temp.js';

const parent = tempDir('spool');
const spoolFolders = (): string[] => readdirSync(parent);

describe('Spool: items held on disk until read back', () => {
  it('gives back every item in order, with its Vietnamese text, after more than its buffer holds', async () => {
    const spool = new Spool<{ path: string; line: number; message: string }>(parent);
    const items = Array.from({ length: 5000 }, (_, i) => ({ path: `Sở Nội vụ/${i}.txt`, line: i, message: `"Nghị định số ${i}/2018/NĐ-CP": dated 2018-04-23 here\nand "ngày 23/4/2019" there` }));
    for (const item of items) spool.push(item);
    expect(spoolFolders()).toHaveLength(1); // the items went to disk
    const back = [];
    for await (const item of spool.items()) back.push(item);
    expect(back).toEqual(items);
    expect(spool.length).toBe(5000);
    spool.close();
    expect(spoolFolders()).toEqual([]);
  });

  it('makes no file for a few items, and reads them back the same', async () => {
    const spool = new Spool<string>(parent);
    spool.push('Ủy ban nhân dân tỉnh Kiên Giang');
    spool.push('Sở Nội vụ');
    expect(spoolFolders()).toEqual([]);
    const back = [];
    for await (const item of spool.items()) back.push(item);
    expect(back).toEqual(['Ủy ban nhân dân tỉnh Kiên Giang', 'Sở Nội vụ']);
    spool.close();
  });
});
