import { describe, expect, it } from 'vitest';
import { parseSymbol, symbolKey } from '../../src/extract/symbol.js';
import { defaultRules } from '../../src/rules/compile.js';

const rules = defaultRules();
const parse = (numbers: string, tail: string) => parseSymbol(numbers, tail, rules);

describe('parseSymbol', () => {
  it.each([
    ['61', '/2018/NĐ-CP', 'normative', '61/2018/NĐ-CP', 'NĐ', 'CP', 2018],
    // The id as written (ANNOTATION.md), the codes in official case.
    ['45', '/2016/QĐ-TTG', 'normative', '45/2016/QĐ-TTG', 'QĐ', 'TTg', 2016],
    ['45', '/2019/QH14', 'normative', '45/2019/QH14', null, 'QH14', 2019],
    ['2636', '/QĐ-BNV', 'administrative', '2636/QĐ-BNV', 'QĐ', 'BNV', null],
    ['01', '/KH-BCĐ', 'administrative', '01/KH-BCĐ', 'KH', 'BCĐ', null],
    ['795', '/UBND-TH', 'cong-van', '795/UBND-TH', null, 'UBND', null],
    ['1045', '/VPUBND-KSTT', 'cong-van', '1045/VPUBND-KSTT', null, 'VPUBND', null],
    ['18', '-NQ/TW', 'party', '18-NQ/TW', 'NQ', 'TW', null],
    ['08', '-QĐi/TW', 'party', '08-QĐi/TW', 'QĐi', 'TW', null],
    ['20', '-CTR/TU', 'party', '20-CTR/TU', 'CTr', 'TU', null],
    ['30c', '/NQ-CP', 'administrative', '30c/NQ-CP', 'NQ', 'CP', null],
    ['61', '/2018/NĐ - CP', 'normative', '61/2018/NĐ-CP', 'NĐ', 'CP', 2018],
  ])('%s%s is %s %s', (n, tail, family, id, typeCode, issuerCode, year) => {
    const p = parse(n, tail)!;
    expect(p).toMatchObject({ family, typeCode, issuerCode, year });
    expect(p.ids).toEqual([id]);
  });

  it('splits a shared symbol into one id per number', () => {
    expect(parse('876, 878', '/QĐ-BNV')!.ids).toEqual(['876/QĐ-BNV', '878/QĐ-BNV']);
    expect(parse('2552, 2553 và 2554', '/QĐ-UBND')!.ids).toEqual(['2552/QĐ-UBND', '2553/QĐ-UBND', '2554/QĐ-UBND']);
  });

  it.each([
    ['130', '/2005/N/Đ-CP', '130/2005/N/Đ-CP', '130/2005/NĐ-CP'],
    ['19', '-2018/NQ-CP', '19-2018/NQ-CP', '19/2018/NQ-CP'],
  ])('keeps malformed %s%s as written and suggests the intended form', (n, tail, id, suggestion) => {
    const p = parse(n, tail)!;
    expect(p.family).toBe('malformed');
    expect(p.ids).toEqual([id]);
    expect(p.suggestion).toBe(suggestion);
  });

  it('needs a code: dates and ratios are not symbols', () => {
    expect(parse('23', '/4/2018')).toBeNull();
    expect(parse('1', '/2023')).toBeNull();
  });

  it('compares numbers numerically and codes without case', () => {
    expect(symbolKey('06/2019/QĐ-UBND')).toBe(symbolKey('6/2019/QĐ-UBND'));
    expect(symbolKey('01/KH-BCĐ')).toBe(symbolKey('1/kh-bcđ'));
  });
});
