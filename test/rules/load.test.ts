import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultRuleData, loadRuleData, RulesError } from '../../src/rules/load.js';
import { defaultRules, normalizeWord, relaxedPhrase } from '../../src/rules/compile.js';
import { tempDir } from '../helpers/temp.js';

function rulesCopy(): string {
  const dir = tempDir('rules');
  cpSync(defaultRuleData().dir, dir, { recursive: true });
  return dir;
}

describe('rules', () => {
  it('load and validate', () => {
    const rules = defaultRules();
    expect(rules.typeByCode.get('QĐ')?.name).toBe('Quyết định');
    expect(rules.typeByCode.get('CTR')?.code).toBe('CTr');
    expect(rules.version).toMatch(/^[0-9a-f]{12}$/);
  });

  it('hold the 63 provinces before the 2025 merger and the 34 after it', () => {
    const p = defaultRuleData().provinces.provinces;
    expect(p.filter((x) => x.era !== 'post2025')).toHaveLength(63);
    expect(p.filter((x) => x.era !== 'pre2025')).toHaveLength(34);
    expect(defaultRules().provinceByKey.get('kien giang')?.name).toBe('Kiên Giang');
  });

  it('say what is wrong in an invalid file', () => {
    const dir = rulesCopy();
    const file = join(dir, 'document-types.json');
    const data = JSON.parse(readFileSync(file, 'utf8'));
    data.types[0].code = 'N Đ';
    writeFileSync(file, JSON.stringify(data));
    expect(() => loadRuleData(dir)).toThrow(RulesError);
    expect(() => loadRuleData(dir)).toThrow(/document-types\.json.*\n.*types\.0\.code/);
  });

  it('reject a province merged into one that does not exist', () => {
    const dir = rulesCopy();
    const file = join(dir, 'provinces.json');
    const data = JSON.parse(readFileSync(file, 'utf8'));
    data.provinces[1].mergedInto = 'Atlantis';
    writeFileSync(file, JSON.stringify(data));
    expect(() => loadRuleData(dir)).toThrow(/merged into unknown Atlantis/);
  });

  it('build relaxed patterns from words', () => {
    const re = new RegExp(`^(?:${relaxedPhrase('Lao động - Thương binh và Xã hội')})$`, 'u');
    expect(re.test('Lao động-Thương binh và Xã hội')).toBe(true);
    expect(re.test('Lao động -  Thương binh\nvà Xã hội')).toBe(true);
    expect(normalizeWord('Uỷ ban')).toBe('Ủy ban');
  });
});
