import { describe, expect, it } from 'vitest';
import { lineBreaks, normalize, shortNumbers } from '../../src/normalize/normalize.js';
import { endOf, identity, replaceMapped, sourceSlice, startOf, toSourceSpan } from '../../src/normalize/mapped-text.js';
import { fold, lower } from '../../src/normalize/fold.js';
import { seededRandom } from '../helpers/random.js';

/** Every normalized character maps back to a source range that covers it. */
function expectMapConsistent(source: string): void {
  const mt = normalize(source);
  for (let i = 0; i < mt.text.length; i++) {
    expect(startOf(mt, i)).toBeLessThan(endOf(mt, i));
    expect(endOf(mt, i)).toBeLessThanOrEqual(source.length);
    if (i > 0) expect(startOf(mt, i)).toBeGreaterThanOrEqual(startOf(mt, i - 1));
  }
}

describe('normalize', () => {
  it('composes decomposed (NFD) text and maps back to the decomposed source', () => {
    const nfd = 'Nghị định số 61/2018/NĐ-CP'.normalize('NFD');
    const mt = normalize(nfd);
    expect(mt.text).toBe('Nghị định số 61/2018/NĐ-CP');
    const at = mt.text.indexOf('định');
    expect(sourceSlice(mt, at, at + 4).normalize('NFC')).toBe('định');
    expectMapConsistent(nfd);
  });

  it.each([
    ['Ủy ban nhân dân', 'Uỷ ban nhân dân'],
    ['hóa', 'hoá'],
    ['Thanh Hóa', 'Thanh Hoá'],
    ['thủy lợi', 'thuỷ lợi'],
    ['khỏe', 'khoẻ'],
    ['Khánh Hòa', 'Khánh Hoà'],
  ])('folds old tone placement: %s = %s', (modern, old) => {
    expect(normalize(old).text).toBe(modern);
    expect(normalize(modern).text).toBe(modern);
  });

  it('leaves syllables whose tone is already right alone', () => {
    for (const w of ['quý', 'Quý IV', 'hoàng', 'toán', 'khuyến', 'thuyết', 'quyết định', 'Nguyễn']) {
      expect(normalize(w).text).toBe(w);
    }
  });

  it('unifies dashes and spaces', () => {
    expect(normalize('61/2018/NĐ–CP').text).toBe('61/2018/NĐ-CP');
    expect(normalize('NĐ\u2011CP\u00a0và\u2212TT').text).toBe('NĐ-CP và-TT');
    expect(normalize('A\r\nB\rC').text).toBe('A\nB\nC');
  });

  it('removes markdown leftovers but keeps offsets into the markdown', () => {
    const src = '## **BÁO CÁO**\n\nVideo\\_clip đạt 170 trường hợp<sup>1</sup>;';
    const mt = normalize(src);
    expect(mt.text).toBe('BÁO CÁO\n\nVideo_clip đạt 170 trường hợp ;');
    const at = mt.text.indexOf('BÁO CÁO');
    const span = toSourceSpan(mt, at, at + 7);
    expect(src.slice(span.start, span.end)).toBe('BÁO CÁO');
  });

  it('joins a symbol split after its hyphen', () => {
    expect(normalize('Kế hoạch số 153/KH-\n\nUBND về').text).toBe('Kế hoạch số 153/KH-UBND về');
    expect(normalize('Nghị định số 143/2020/NĐ-\n\nCP của').text).toBe('Nghị định số 143/2020/NĐ-CP của');
  });

  it('joins PDF lines that continue a sentence, but not headings or bullets', () => {
    expect(normalize('Nghị \n\nđịnh số 42').text).toBe('Nghị định số 42');
    expect(normalize('ngày 23 tháng 12 năm \n\n2022).').text).toBe('ngày 23 tháng 12 năm 2022).');
    expect(normalize('kết quả:\n\n2. Công tác tuyên truyền').text).toBe('kết quả:\n\n2. Công tác tuyên truyền');
    expect(normalize('như sau\n\n6.1. Công nghệ').text).toBe('như sau\n\n6.1. Công nghệ');
    expect(normalize('Hiện đại hóa\n\na) Về ứng dụng').text).toBe('Hiện đại hóa\n\na) Về ứng dụng');
    expect(normalize('tỉnh;\n- Sở Nội vụ').text).toBe('tỉnh;\n- Sở Nội vụ');
  });

  it('drops a link line that cuts a sentence, and keeps one between sentences', () => {
    const cut = 'tổ chức lại Trung tâm Y tế \n\nhttp://dichvucong.angiang.gov.vn/\n huyện Thoại Sơn; thẩm định';
    const mt = normalize(cut);
    expect(mt.text).toBe('tổ chức lại Trung tâm Y tế huyện Thoại Sơn; thẩm định');
    const at = mt.text.indexOf('huyện');
    expect(sourceSlice(mt, at, at + 'huyện Thoại Sơn'.length)).toBe('huyện Thoại Sơn');
    expect(normalize('Sở Tư pháp, \nwww.stp.laocai.gov.vn\n phối hợp').text).toBe('Sở Tư pháp, phối hợp');
    // After a full stop, or before a capital, the link is a line of its own.
    expect(normalize('công việc của năm 2023. \n\nhttps://dti.gov.vn/\n - Ban Chỉ đạo').text).toContain('https://dti.gov.vn/');
    // A link's closing slash is not a symbol cut after its slash ("153/KH-\n\nUBND").
    expect(normalize('Xem thêm\nhttps://dti.gov.vn/\nBộ Nội vụ').text).toBe('Xem thêm https://dti.gov.vn/\nBộ Nội vụ');
    expectMapConsistent(cut);
  });

  it('separates footnote markers glued to words', () => {
    expect(normalize('với 28 chỉ tiêu.1Tham mưu').text).toBe('với 28 chỉ tiêu. Tham mưu');
    expect(normalize('đối với 22 trường hợp2 là công chức').text).toBe('đối với 22 trường hợp  là công chức');
    // units and codes are not footnotes
    expect(normalize('diện tích 120 m2 và Tiếng Anh B1, lớp K02-2023').text).toBe('diện tích 120 m2 và Tiếng Anh B1, lớp K02-2023');
  });

  it('keeps a number glued to a word that takes one: "tháng12" is December, not a footnote', () => {
    const numberWords = ['ngày', 'tháng', 'năm', 'quý'];
    expect(normalize('Hà Tĩnh, ngày 01 tháng12 năm 2025', { numberWords }).text).toBe('Hà Tĩnh, ngày 01 tháng12 năm 2025');
    expect(normalize('kết quả quý3 năm 2025', { numberWords }).text).toBe('kết quả quý3 năm 2025');
    // Other words still lose their glued marker.
    expect(normalize('đối với 22 trường hợp2 là công chức', { numberWords }).text).toBe('đối với 22 trường hợp  là công chức');
  });

  it('drops bold markers that close after a space at a line end', () => {
    expect(normalize('**ỦY BAN NHÂN\nDÂN **\nTỈNH HÀ TĨNH').text).toBe('ỦY BAN NHÂN\nDÂN \nTỈNH HÀ TĨNH');
    expect(normalize('- mục một\n * \n- mục hai').text).toContain(' * ');
  });

  it('keeps a consistent offset map on mixed input', () => {
    expectMapConsistent('## **Nơi nhận:**\r\n- Bộ Nội vụ;\n\nKế hoạch số 153/KH-\n\nUBND' + 'Uỷ ban'.normalize('NFD') + '28 chỉ tiêu.1Tham');
  });
});

describe('lineBreaks', () => {
  it('finds what its pattern finds, on random runs of spaces, breaks, tabs and words', () => {
    const pattern = /(?<![ ])[ ]*\n\s*/g;
    const random = seededRandom(11);
    for (let round = 0; round < 2000; round++) {
      const text = Array.from({ length: random(30) }, () => [' ', ' ', '\n', '\t', 'a', '\u00a0', '\r'][random(7)]).join('');
      const found = [...lineBreaks(text)].map((m) => [m.index, m[0]]);
      expect(found).toEqual([...text.matchAll(pattern)].map((m) => [m.index, m[0]]));
    }
  });
});

describe('shortNumbers', () => {
  it('finds the runs of one or two digits its pattern finds', () => {
    for (const text of ['1 22 333 4444 a5b 66c 7.8 9/10/2025 ٣ 12', '', '1', '123', 'x99']) {
      expect([...shortNumbers(text)].map((m) => [m.index, m[0]])).toEqual([...text.matchAll(/(?<!\d)\d{1,2}(?!\d)/g)].map((m) => [m.index, m[0]]));
    }
  });
});

describe('replaceMapped', () => {
  it('maps a shorter replacement to the whole matched range', () => {
    const mt = replaceMapped(identity('a**b**c'), /\*\*/g, () => '');
    expect(mt.text).toBe('abc');
    expect(toSourceSpan(mt, 1, 2)).toEqual({ start: 3, end: 4 });
    expect(toSourceSpan(mt, 0, 3)).toEqual({ start: 0, end: 7 });
  });

  // The map keeps a run per edit that changes a length; the two offsets per character it replaced
  // are the reference: every character of random texts, after random passes of every kind of edit.
  it('maps every character as two offsets per character would, through passes of every kind', () => {
    type Dense = { text: string; starts: number[]; ends: number[] };
    const densePass = (d: Dense, re: RegExp, f: (m: RegExpExecArray) => string): Dense => {
      const out: Dense = { text: '', starts: [], ends: [] };
      let last = 0;
      re.lastIndex = 0;
      for (let m = re.exec(d.text); m; m = re.exec(d.text)) {
        if (!m[0].length) { re.lastIndex++; continue; }
        const text = f(m);
        const from = m.index;
        const to = from + m[0].length;
        out.text += d.text.slice(last, from) + text;
        out.starts.push(...d.starts.slice(last, from));
        out.ends.push(...d.ends.slice(last, from));
        for (let i = 0; i < text.length; i++) {
          out.starts.push(d.starts[text.length === to - from ? from + i : from]!);
          out.ends.push(d.ends[text.length === to - from ? from + i : to - 1]!);
        }
        last = to;
      }
      out.text += d.text.slice(last);
      out.starts.push(...d.starts.slice(last));
      out.ends.push(...d.ends.slice(last));
      return out;
    };
    // Deletions, shorter, same-length and longer replacements, one after another and side by side.
    const passes: [RegExp, (m: RegExpExecArray) => string][] = [
      [/b+/g, () => ''], [/c/g, () => 'xyz'], [/a{2}/g, () => 'q'], [/d/g, () => 'e'], [/x|q/g, (m) => (m[0] === 'x' ? '' : 'ww')],
      [/e+/g, (m) => m[0].toUpperCase()], [/w/g, () => 'bb'], [/[A-Z]b/g, () => 'c'],
    ];
    const random = seededRandom(7);
    for (let round = 0; round < 300; round++) {
      const source = Array.from({ length: random(40) }, () => 'abcdeqw'.charAt(random(7))).join('');
      let mt = identity(source);
      let dense: Dense = { text: source, starts: [...source].map((_, i) => i), ends: [...source].map((_, i) => i + 1) };
      for (let k = 0; k < 5; k++) {
        const [re, f] = passes[random(passes.length)]!;
        mt = replaceMapped(mt, re, f);
        dense = densePass(dense, re, f);
        expect(mt.text).toBe(dense.text);
        for (let i = 0; i < dense.text.length; i++) {
          expect(toSourceSpan(mt, i, i + 1)).toEqual({ start: dense.starts[i], end: dense.ends[i] });
        }
        expect(toSourceSpan(mt, dense.text.length, dense.text.length)).toEqual({ start: source.length, end: source.length });
      }
    }
  });
});

describe('fold', () => {
  it('ignores case, tones and diacritics, one unit per unit', () => {
    expect(fold('Kiên Giang')).toBe('kien giang');
    expect(fold('KIÊN GIANG')).toBe('kien giang');
    expect(fold('Đắk Lắk')).toBe('dak lak');
    expect(fold('Nơi nhận').length).toBe('Nơi nhận'.length);
  });

  it('gives the same units for a short window and inside a long text (two code paths), surrogates and marks included', () => {
    const piece = 'Ủy ban nhân dân TỈNH Thừa Thiên Huế 😀 Quý I/2024, hoà\u0300; ';
    const long = piece.repeat(20); // well past the short-window size
    // …and past the size decoded in pieces (512 K units), with a surrogate pair across a piece's edge.
    const huge = `${'x'.repeat((1 << 19) - 1)}😀${piece.repeat(20_000)}`;
    for (const f of [fold, lower]) {
      expect(f(long)).toBe(f(piece).repeat(20));
      expect(f(long)).toHaveLength(long.length);
      expect(f(huge)).toBe(`${'x'.repeat((1 << 19) - 1)}😀${f(piece).repeat(20_000)}`);
    }
    // A lone combining mark has no unit to fold to: it stays (NFC has joined every mark it could).
    expect(fold(piece)).toBe('uy ban nhan dan tinh thua thien hue 😀 quy i/2024, hoa\u0300; ');
    expect(lower(piece)).toBe('ủy ban nhân dân tỉnh thừa thiên huế 😀 quý i/2024, hoà\u0300; ');
    expect(fold('Ab')).toBe('ab'); // right after a longer window: nothing of it is left over
    expect(fold('')).toBe('');
  });

  it('lower-cases a long text unit for unit as a short window, whether native lower-casing is used or not', () => {
    const plain = 'ỦY BAN NHÂN DÂN TỈNH Thừa Thiên Huế, Quý I/2024; ';
    expect(lower(plain.repeat(20))).toBe(lower(plain).repeat(20));
    // Native lower-casing would give "i̇" (two units) for "İ", "ς" for a final "Σ" and "𐐨" for "𐐀".
    for (const odd of ['İSTANBUL ', 'ΟΔΟΣ ', '𐐀 ']) {
      const long = (plain + odd).repeat(20);
      expect(lower(long)).toHaveLength(long.length);
      expect(lower(long)).toBe(lower(plain + odd).repeat(20));
    }
    expect(lower('ΟΔΟΣ ')).toBe('οδοσ ');
    expect(lower('𐐀')).toBe('𐐀');
  });
});
