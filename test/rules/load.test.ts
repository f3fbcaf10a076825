import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRuleData, RulesError } from '../../src/rules/load.js';
import { compileRules, defaultRules, memo, normalizeWord, relaxedPhrase } from '../../src/rules/compile.js';
import { datePatterns } from '../../src/rules/dates.js';
import { tempDir } from '../helpers/temp.js';

function rulesCopy(): string {
  const dir = tempDir('rules');
  cpSync(defaultRules().data.dir, dir, { recursive: true });
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
    const p = defaultRules().data.provinces.provinces;
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

  it('reject a misspelt key, naming the file and the path to it', () => {
    const dir = rulesCopy();
    const file = join(dir, 'metrics.json');
    const data = JSON.parse(readFileSync(file, 'utf8'));
    // "levle" for "level": with keys let through, the metric would quietly ask no level at all.
    data.metrics[0].where.levle = 'tỉnh';
    writeFileSync(file, JSON.stringify(data));
    expect(() => loadRuleData(dir)).toThrow(/rules\/metrics\.json is not valid:\n {2}at metrics\.0\.where\.levle: unknown key/);
  });

  it('reject an unknown key at the top of a file and in a nested entry, and take a $comment anywhere', () => {
    const dir = rulesCopy();
    const file = join(dir, 'document-types.json');
    const data = JSON.parse(readFileSync(file, 'utf8'));
    data.types[2].formerCode = ['QĐ'];
    data.types[3].$comment = 'a note is fine';
    data.unnumberd = [];
    writeFileSync(file, JSON.stringify(data));
    const message = (() => {
      try {
        loadRuleData(dir);
        return '';
      } catch (err) {
        return (err as Error).message;
      }
    })();
    expect(message).toMatch(/at types\.2\.formerCode: unknown key/);
    expect(message).toMatch(/at unnumberd: unknown key/);
    expect(message).not.toMatch(/types\.3/);
  });

  it('build what is derived from rules once per rules, and apart for rules loaded from elsewhere', () => {
    const shipped = defaultRules();
    expect(datePatterns(shipped)).toBe(datePatterns(shipped));
    let builds = 0;
    const build = (): object => ({ n: ++builds });
    expect(memo(shipped, 'test-memo', build)).toBe(memo(shipped, 'test-memo', build));
    const copy = compileRules(loadRuleData(rulesCopy()));
    expect(memo(copy, 'test-memo', build)).not.toBe(memo(shipped, 'test-memo', build));
    expect(builds).toBe(2);
    expect(datePatterns(copy)).not.toBe(datePatterns(shipped));
    expect(datePatterns(copy).all.source).toBe(datePatterns(shipped).all.source);
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
