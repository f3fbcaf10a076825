import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeHTML } from 'entities';
import { describe, expect, it } from 'vitest';
import { extractFile } from '../../src/pipeline.js';
import { readBytes } from '../../src/read/index.js';
import { tempDir } from '../helpers/temp.js';

const dir = tempDir('html');

// A decision as a legal database's web page shows it: navigation, scripts and a search form around
// it, the letterhead as a two-cell table, entities, a <br> inside a paragraph.
const page = `<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><title>Quyết định 1234/QĐ-UBND</title>
<style>.menu{color:red}</style><script>var tracking = "Quyết định số 99/QĐ-XX";</script></head>
<body>
<nav class="menu"><a href="/">Trang chủ</a> | <a href="/vb">Văn bản pháp luật</a></nav>
<form action="/search"><input name="q"><button>Tìm kiếm Nghị định 88/2020/NĐ-CP</button></form>
<div class="content">
<table><tr><td><b>ỦY BAN NHÂN DÂN<br>TỈNH LÀO CAI</b><br>Số: 1234/QĐ-UBND</td>
<td><b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM<br>Độc lập - Tự do - Hạnh phúc</b><br><i>Lào Cai, ngày 05 tháng 12 năm 2025</i></td></tr></table>
<p align="center"><b>QUYẾT ĐỊNH</b></p>
<p>Căn cứ Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 của Chính phủ về thực hiện cơ chế một cửa,&nbsp;một cửa liên thông;</p>
<p>Theo đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 45/TTr-SNV&nbsp;ngày 01/12/2025.</p>
<p>Công bố 12 thủ tục hành chính; tỷ lệ hồ sơ đúng hạn đạt 98,5&#37;.</p>
<div style="display:none">Quyết định số 77/QĐ-ẨN</div>
<table><tr><td>Nơi nhận:<br>- Như Điều 3;<br>- Lưu: VT.</td><td><b>CHỦ TỊCH</b><br><br>Nguyễn Văn An</td></tr></table>
</div>
<footer>Bản quyền © Cơ sở dữ liệu văn bản</footer>
</body></html>`;

describe('HTML reader', () => {
  it('reads the words a browser shows: blocks as lines, cells parted, entities decoded, chrome and scripts dropped', async () => {
    const result = await readBytes(Buffer.from(page, 'utf8'), 'qd-1234.html');
    expect(result.format).toBe('html');
    const lines = result.text.split('\n');
    expect(lines).toContain('QUYẾT ĐỊNH');
    expect(lines.find((l) => l.startsWith('Số:'))).toBe('Số: 1234/QĐ-UBND\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(result.text).toContain('cơ chế một cửa, một cửa liên thông;');
    expect(result.text).toContain('đạt 98,5%.');
    for (const gone of ['Trang chủ', 'tracking', '88/2020/NĐ-CP', '77/QĐ-ẨN', '.menu']) expect(result.text).not.toContain(gone);
  });

  it('keeps a page of UTF-8 with a damaged byte in UTF-8 (not Windows-1252 mojibake), naming the byte in a finding', async () => {
    const bytes = Buffer.from(page.replace('<meta charset="utf-8">', ''), 'utf8');
    const at = bytes.indexOf(Buffer.from('QUYẾT ĐỊNH'));
    bytes[at + 1] = 0xff; // "U" turned into a byte no UTF-8 text has
    const result = await readBytes(bytes, 'damaged.html');
    expect(result.text).toContain('Q\uFFFDYẾT ĐỊNH');
    expect(result.text).toContain('cơ chế một cửa, một cửa liên thông;');
    expect(result.findings).toEqual([expect.objectContaining({ code: 'invalid-encoding', message: `byte ${at + 1} (FF) not valid UTF-8: read as U+FFFD`, span: null })]);
  });

  it('gives the pipeline a decision it reads like any other: number, date, references, figures, signer', async () => {
    const path = join(dir, 'qd-1234.htm');
    writeFileSync(path, page);
    const record = await extractFile(path);
    expect(record.source.format).toBe('html');
    expect(record.document).toMatchObject({ number: '1234/QĐ-UBND', date: '2025-12-05', type: 'Quyết định', province: 'Lào Cai' });
    expect(record.document!.signatures.map((s) => s.name)).toEqual(['Nguyễn Văn An']);
    expect(record.references.map((r) => r.id)).toEqual(['61/2018/NĐ-CP', '45/TTr-SNV']);
    expect(record.figures.map((f) => [f.kind, f.value])).toEqual([['count', 12], ['percent', 98.5]]);
  });

  it('points every span into the page as given: the words, with the tags and entities between them', async () => {
    const path = join(dir, 'qd-1234-spans.html');
    writeFileSync(path, page);
    const record = await extractFile(path);
    const shown = (html: string) => decodeHTML(html.replace(/<[^>]*>/g, ' ')).replace(/\s+/g, ' ').trim();
    const spans = [...record.references, ...record.figures, ...record.agencies, ...Object.values(record.document!.evidence)];
    expect(spans.length).toBeGreaterThan(8);
    for (const x of spans) expect([x.text, shown(page.slice(x.span.start, x.span.end))]).toEqual([x.text, x.text.replace(/\s+/g, ' ').trim()]);
    // "98,5&#37;": the span ends after the entity.
    const pct = record.figures.find((f) => f.kind === 'percent')!;
    expect(page.slice(pct.span.start, pct.span.end)).toBe('98,5&#37;');
  });

  it('reads a ".doc" that is really a web page as HTML, in the charset its meta tag declares', async () => {
    // Windows-1258: "á" (E1), "à" (E0), "í" (ED) precomposed; "ả" as "a" and a combining hook above (D2).
    const words = [0x42, 0xe1, 0x6f, 0x20, 0x63, 0xe1, 0x6f, 0x20, 0x63, 0x61, 0xd2, 0x69, 0x20, 0x63, 0xe1, 0x63, 0x68, 0x20, 0x68, 0xe0, 0x6e, 0x68, 0x20, 0x63, 0x68, 0xed, 0x6e, 0x68];
    const head = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1258"></head><body><p>';
    const bytes = Buffer.concat([Buffer.from(head, 'latin1'), Buffer.from(words), Buffer.from('</p></body></html>', 'latin1')]);
    const result = await readBytes(bytes, 'bao-cao.doc');
    expect(result.format).toBe('html');
    expect(result.text.normalize('NFC')).toBe('Báo cáo cải cách hành chính');
  });
});
