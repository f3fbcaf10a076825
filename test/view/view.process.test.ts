import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractText } from '../../src/pipeline.js';
import { annotate } from '../../src/view/annotate.js';
import { documentPage } from '../../src/view/document.js';
import { jsonScript } from '../../src/view/html.js';
import { vnreform } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';

describe('annotate', () => {
  it('closes and reopens a mark that crosses another, the second piece flagged as a continuation', () => {
    const marks = [
      { start: 0, end: 4, tag: 'mark', open: 'mark id="a"', cont: 'mark data-cont="a"' },
      { start: 2, end: 6, tag: 'mark', open: 'mark id="b"', cont: 'mark data-cont="b"' },
    ];
    expect(annotate('abcdef', marks)).toBe('<mark id="a">ab<mark id="b">cd</mark></mark><mark data-cont="b">ef</mark>');
  });

  it('escapes the text between marks and puts inserts between characters', () => {
    expect(annotate('a<b>&"c', [{ start: 1, end: 4, tag: 'i', open: 'i', cont: 'i' }], [{ at: 4, html: '<hr>' }])).toBe('a<i>&lt;b&gt;</i><hr>&amp;&quot;c');
  });
});

describe('documentPage', () => {
  it('lets run only the script whose hash the Content-Security-Policy names', () => {
    const text = 'BÁO CÁO\nCăn cứ Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 của Chính phủ </script><script>alert(1)</script>\n';
    const html = documentPage({ record: extractText(text), text });
    const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
    expect(scripts).toHaveLength(1);
    const hash = createHash('sha256').update(scripts[0]!).digest('base64');
    expect(html).toContain(`script-src &apos;sha256-${hash}&apos;;`);
    expect(html).toContain('&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('writes data for the page\'s script so that no string in it can end its block', () => {
    const block = jsonScript('d', { text: '</script><script>alert(1)</script>\u2028' });
    expect(block).toBe('<script type="application/json" id="d">{"text":"\\u003c/script>\\u003cscript>alert(1)\\u003c/script>\\u2028"}</script>');
    expect(JSON.parse(block.slice(block.indexOf('>') + 1, -'</script>'.length))).toEqual({ text: '</script><script>alert(1)</script>\u2028' });
  });
});

describe('vnreform view of a record file', () => {
  const setUp = () => {
    const dir = tempDir('view-record');
    const doc = join(dir, 'bao-cao.txt');
    writeFileSync(doc, 'BÁO CÁO\nCăn cứ Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 của Chính phủ, Sở Nội vụ báo cáo.\n');
    const records = join(dir, 'records.json');
    expect(vnreform(['extract', doc, '--out', records, '--quiet']).status).toBe(0);
    return { dir, doc, records };
  };

  it('shows the text of an unchanged source without extracting again', () => {
    const { dir, records } = setUp();
    const r = vnreform(['view', records, '--out', join(dir, 'v.html')]);
    expect(r.status).toBe(0);
    expect(readFileSync(join(dir, 'v.html'), 'utf8')).toContain('<mark id="reference-0" tabindex="0" class="hl k-reference" data-kind="reference" data-i="0">Nghị định số 61/2018/NĐ-CP ngày 23/4/2018');
  });

  it('says the source changed (exit 1) and shows no text, since the spans would point at other words', () => {
    const { dir, doc, records } = setUp();
    writeFileSync(doc, 'BÁO CÁO\nmột văn bản khác\n');
    const r = vnreform(['view', records, '--out', join(dir, 'v.html')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/bao-cao\.txt has changed since the record was made/);
    const html = readFileSync(join(dir, 'v.html'), 'utf8');
    expect(html).toMatch(/class="banner">the source file .* has changed/);
    expect(html).not.toContain('một văn bản khác');
  });

  it('says the source is gone (exit 1)', () => {
    const { dir, records } = setUp();
    const r = vnreform(['view', records, join(dir, 'missing.txt'), '--out', join(dir, 'out')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/missing\.txt: not-found/);
    expect(r.stderr).toMatch(/2 document\(s\), 2 page\(s\) written/);
    expect(vnreform(['view', records, join(dir, 'missing.txt'), '--out', join(dir, 'one.html')]).status).toBe(2);
  });
});

describe('vnreform report', () => {
  it('names a line that holds no record, counts the rest, and exits 1', () => {
    const dir = tempDir('report');
    const good = vnreform(['extract', 'corpus/an-giang_2019_q1_bao-cao-cchc.txt', '--quiet']).stdout.trim();
    writeFileSync(join(dir, 'r.jsonl'), `${good}\n{"not": "a record"}\n{broken\n`);
    const r = vnreform(['report', join(dir, 'r.jsonl'), '--out', join(dir, 'report.html')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/r\.jsonl:2: not a vnreform record/);
    expect(r.stderr).toMatch(/r\.jsonl:3: not JSON/);
    expect(r.stderr).toMatch(/1 record\(s\) \(0 failed, 2 line\(s\) not records\)/);
    expect(readFileSync(join(dir, 'report.html'), 'utf8')).toMatch(/2 line\(s\) of .*r\.jsonl held no record/);
  });
});
