import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractFile } from '../../src/pipeline.js';
import { expandInputs } from '../../src/engine/inputs.js';
import { MAX_FILE_BYTES, MAX_TEXT_BYTES, readBytes, readErrorOf, readFileBytes } from '../../src/read/index.js';
import { tempDir } from '../helpers/temp.js';

const ROOT = new URL('../../', import.meta.url).pathname;

const utf8 = (s: string) => new TextEncoder().encode(s);

function writeTemp(name: string, bytes: Uint8Array): string {
  const path = join(tempDir('text'), name);
  writeFileSync(path, bytes);
  return path;
}

describe('text reader', () => {
  it('reads UTF-8 with and without a BOM, and drops the BOM', async () => {
    expect((await readBytes(utf8('Báo cáo'), 'a.txt')).text).toBe('Báo cáo');
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('Báo cáo')]);
    expect(await readBytes(withBom, 'a.txt')).toMatchObject({ text: 'Báo cáo', encoding: 'utf-8' });
  });

  it('reads UTF-16 little and big endian by their BOM', async () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Kiên Giang', 'utf16le')]);
    expect(await readBytes(le, 'a.txt')).toMatchObject({ text: 'Kiên Giang', encoding: 'utf-16le' });
    const be = Buffer.from(le.subarray(2)).swap16();
    expect(await readBytes(Buffer.concat([Buffer.from([0xfe, 0xff]), be]), 'a.txt')).toMatchObject({ text: 'Kiên Giang', encoding: 'utf-16be' });
  });

  it('says when Vietnamese is written decomposed, keeps it as written, and extracts from it', async () => {
    const nfd = 'Thực hiện Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 của Chính phủ, tỉnh Đắk Lắk đã rà soát'.normalize('NFD');
    const dir = tempDir('nfd');
    writeFileSync(join(dir, 'nfd.txt'), nfd);
    const record = await extractFile(join(dir, 'nfd.txt'));
    expect(record.source.encoding).toBe('utf-8-nfd');
    const ref = record.references[0]!;
    expect(ref).toMatchObject({ id: '61/2018/NĐ-CP', date: '2018-04-23' });
    expect(nfd.slice(ref.span.start, ref.span.end).normalize('NFC')).toBe(ref.text.normalize('NFC'));
    expect((await readBytes(utf8('Thực hiện Nghị định số 61/2018/NĐ-CP'), 'a.txt')).encoding).toBe('utf-8');
  });

  it('marks markdown by its extension', async () => {
    expect((await readBytes(utf8('# BÁO CÁO'), 'r.md')).format).toBe('markdown');
  });

  it.each([
    ['invalid UTF-8', new Uint8Array([0x61, 0x62, 0x63, 0xff, 0xfe, 0x64]), 'invalid-encoding', /offset 3/],
    ['binary bytes', new Uint8Array([0x00, 0x01, 0x02, 0x03, 0x00]), 'binary-file', /binary/],
    ['an empty file', new Uint8Array([]), 'empty-file', /empty/],
    ['a damaged PDF', utf8('%PDF-1.7\n...'), 'corrupt-pdf', /PDF/],
    ['a damaged zip', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0]), 'corrupt-docx', /zip/],
  ])('refuses %s with a clear code', async (_what, bytes, code, message) => {
    await expect(readBytes(bytes, 'x.txt')).rejects.toMatchObject({ code, message: expect.stringMatching(message) });
  });

  describe('UTF-8 with a few damaged bytes stays UTF-8 (it was read as TCVN3 mojibake)', () => {
    const report = readFileSync(join(ROOT, 'corpus/kien-giang_2020_q3_bao-cao-cchc.txt'));
    /** The report with the bytes at `at` replaced, as a bit flip or a bad sector leaves it. */
    const damaged = (at: number, ...bytes: number[]): Buffer => Buffer.concat([report.subarray(0, at), Buffer.from(bytes), report.subarray(at + bytes.length)]);

    it('reads one flipped byte as U+FFFD, keeps every other letter, and names the byte in a finding', async () => {
      const at = report.indexOf('Thực hiện kế hoạch') + 2; // the first byte of "ự"
      const bytes = damaged(at, 0xff);
      const result = await readBytes(bytes, 'report.txt');
      expect(result.encoding).toBe('utf-8');
      const expected = report.toString('utf8').replace('Thực hiện kế hoạch', 'Th\uFFFD\uFFFD\uFFFDc hiện kế hoạch');
      expect(result.text).toBe(expected);
      expect(result.findings).toHaveLength(3);
      expect(result.findings![0]).toMatchObject({ code: 'invalid-encoding', severity: 'warning', message: `byte ${at} (FF) not valid UTF-8: read as U+FFFD` });
      const record = await extractFile(writeTemp('flipped.txt', bytes));
      expect(record.errors).toEqual([]);
      expect(record.source.encoding).toBe('utf-8');
      expect(record.document?.province).toBe('Kiên Giang');
      const findings = record.findings.filter((f) => f.code === 'invalid-encoding');
      expect(findings.map((f) => expected.slice(f.span!.start, f.span!.end))).toEqual(['\uFFFD', '\uFFFD', '\uFFFD']);
      expect(findings.map((f) => f.message.replace(/ .*/, '') + f.message.match(/\d+/)![0])).toEqual([`byte${at}`, `byte${at + 1}`, `byte${at + 2}`]);
    });

    it('reads a text with a bad sector (random bytes, NULs among them) as text, each NUL a U+FFFD, not as a binary file', async () => {
      const at = report.indexOf('Thực hiện kế hoạch');
      const sector = Buffer.from(Array.from({ length: 64 }, (_, i) => (i % 16 === 0 ? 0 : (i * 37 + 11) % 256)));
      const bytes = damaged(at, ...sector);
      const result = await readBytes(bytes, 'sector.txt');
      expect(result.encoding).toBe('utf-8');
      expect(result.text).not.toContain('\u0000');
      // The first 20 bad sequences are named (3 NULs among them), the rest counted.
      expect(result.findings!.filter((f) => /\(00\) a NUL, no text/.test(f.message))).toHaveLength(3);
      expect(result.findings).toHaveLength(21);
      const record = await extractFile(writeTemp('sector.txt', bytes));
      expect(record.errors).toEqual([]);
      expect(record.references.map((r) => r.id)).toContain('30c/NQ-CP');
      // Bytes that are mostly NULs and controls stay a binary file.
      await expect(readBytes(Buffer.concat([Buffer.from('ab'), Buffer.alloc(200), report.subarray(0, 2000)]), 'x.txt')).rejects.toMatchObject({ code: 'binary-file' });
    });

    it('reads a file cut inside a letter with one U+FFFD for the cut letter', async () => {
      const cut = report.subarray(0, report.indexOf('Kính gửi') + Buffer.byteLength('Kính g') + 2); // "ử" is E1 BB AD: cut after E1 BB
      const result = await readBytes(cut, 'cut.txt');
      expect(result).toMatchObject({ encoding: 'utf-8', findings: [{ message: `bytes ${cut.length - 2}-${cut.length - 1} (E1 BB) not valid UTF-8: read as U+FFFD` }] });
      expect(result.text.endsWith('Kính g\uFFFD')).toBe(true);
    });

    it('reads ASCII text with one Latin-1 byte as UTF-8 with a finding, and says how many more past the first 20', async () => {
      const ascii = Buffer.from(`Decision 61/2018/ND-CP on the one-stop shop, caf\xe9 ${'x '.repeat(600)}`, 'latin1');
      expect(await readBytes(ascii, 'a.txt')).toMatchObject({ encoding: 'utf-8', findings: [{ code: 'invalid-encoding' }] });
      const many = Buffer.concat(Array.from({ length: 25 }, () => damaged(report.indexOf('2020'), 0xc3, 0x28)));
      const findings = (await readBytes(many, 'a.txt')).findings!;
      expect(findings).toHaveLength(21);
      expect(findings[20]!.message).toMatch(/^5 more sequences not valid UTF-8, from byte \d+ to byte \d+: each read as U\+FFFD$/);
    });

    it('reads UTF-16 with a lone surrogate and a last odd byte, each U+FFFD named', async () => {
      const body = Buffer.from('Kiên Giang, ngày 14 tháng 9 năm 2020', 'utf16le');
      body.writeUInt16LE(0xd800, 4); // "ê" becomes a lone lead surrogate
      const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), body, Buffer.from([0x41])]);
      const result = await readBytes(bytes, 'a.txt');
      expect(result.encoding).toBe('utf-16le');
      expect(result.text).toBe('Ki\uFFFDn Giang, ngày 14 tháng 9 năm 2020\uFFFD');
      expect(result.findings!.map((f) => f.message)).toEqual(['bytes 6-7 (00 D8) not valid UTF-16LE: read as U+FFFD', `byte ${bytes.length - 1} (41) not valid UTF-16LE: read as U+FFFD`]);
    });
  });

  describe('size limits, checked before the work', () => {
    it('refuses a 190 MB text file with too-large naming the limit, from its size and first bytes, without reading it', async () => {
      const path = join(tempDir('big'), 'huge.txt');
      writeFileSync(path, readFileSync(join(ROOT, 'corpus/kien-giang_2020_q3_bao-cao-cchc.txt')));
      truncateSync(path, 190 * 1024 * 1024); // sparse: no disk used
      const started = Date.now();
      expect(() => readFileBytes(path)).toThrow(expect.objectContaining({ code: 'too-large', message: `the text file is ${190 * 1024 * 1024} bytes; the limit for text is ${MAX_TEXT_BYTES} (20 MB): split the file` }));
      expect((await extractFile(path)).errors.map((e) => e.code)).toEqual(['too-large']);
      expect(Date.now() - started).toBeLessThan(2000);
    });

    it('lets a PDF or DOCX past the text limit be read, up to the limit for any file', () => {
      const path = join(tempDir('big'), 'scan.pdf');
      writeFileSync(path, '%PDF-1.7\n');
      truncateSync(path, MAX_TEXT_BYTES + 1);
      expect(readFileBytes(path).length).toBe(MAX_TEXT_BYTES + 1);
      truncateSync(path, MAX_FILE_BYTES + 1);
      expect(() => readFileBytes(path)).toThrow(expect.objectContaining({ code: 'too-large', message: expect.stringMatching(/limit is 209715200 bytes \(200 MB; --max-size MB sets it\)/) }));
    });

    it('refuses text past the limit from standard input, and text a reader returns past it (an RTF)', async () => {
      await expect(readBytes(Buffer.alloc(MAX_TEXT_BYTES + 1, 'a'), '-')).rejects.toMatchObject({ code: 'too-large', message: expect.stringMatching(/^the text is 20971521 bytes; the limit for text is 20971520/) });
      const rtf = Buffer.from(`{\\rtf1\\ansi ${'a'.repeat(MAX_TEXT_BYTES + 1)}}`, 'latin1');
      await expect(readBytes(rtf, 'big.rtf')).rejects.toMatchObject({ code: 'too-large', message: expect.stringMatching(/^the text read is 20971521 characters/) });
    });
  });

  it('says a path is too long instead of not-found', async () => {
    const long = join(tempDir('long'), 'x'.repeat(300) + '.txt');
    expect(() => readFileBytes(long)).toThrow(expect.objectContaining({ code: 'name-too-long' }));
    expect((await extractFile(long)).errors).toEqual([{ code: 'name-too-long', message: 'the path, or a name in it, is longer than the file system allows' }]);
    expect((await expandInputs([long])).inputs).toEqual([{ kind: 'failed', path: long, code: 'name-too-long', message: 'the path, or a name in it, is longer than the file system allows' }]);
  });

  it('names why a path cannot be read: missing, no permission, a link loop, anything else', () => {
    const failure = (code: string, message = `${code}: failed`) => Object.assign(new Error(message), { code });
    expect(readErrorOf(failure('ENOENT'))).toMatchObject({ code: 'not-found' });
    expect(readErrorOf(failure('EACCES'))).toMatchObject({ code: 'permission-denied', message: /permission denied/ });
    expect(readErrorOf(failure('EPERM'))).toMatchObject({ code: 'permission-denied' });
    expect(readErrorOf(failure('ELOOP'))).toMatchObject({ code: 'symlink-loop' });
    expect(readErrorOf(failure('ENAMETOOLONG'))).toMatchObject({ code: 'name-too-long' });
    expect(readErrorOf(failure('EIO', 'EIO: i/o error, read'))).toMatchObject({ code: 'io-error', message: /i\/o error/ });
  });

  it('refuses a pipe or a device instead of blocking on it or reading it forever', async () => {
    const dir = tempDir('special');
    const fifo = join(dir, 'report.txt');
    const made = spawnSync('mkfifo', [fifo]);
    if (made.status === 0) expect(() => readFileBytes(fifo)).toThrow(expect.objectContaining({ code: 'not-a-file' }));
    expect(() => readFileBytes('/dev/null')).toThrow(expect.objectContaining({ code: 'not-a-file', message: expect.stringMatching(/device, pipe or socket/) }));
    expect(() => readFileBytes('/dev/zero')).toThrow(expect.objectContaining({ code: 'not-a-file' }));
  });

});
