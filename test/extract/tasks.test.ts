import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractText } from '../../src/pipeline.js';

const corpus = (name: string): string => readFileSync(new URL(`../../corpus/${name}`, import.meta.url), 'utf8');

describe('tasks: stated and inferred (schema: tasks[].inferred)', () => {
  const tasks = (name: string) => extractText(corpus(name)).tasks;
  const task = (list: ReturnType<typeof tasks>, opening: string) => {
    const t = list.find((x) => x.action.startsWith(opening));
    expect(t, opening).toBeDefined();
    return t!;
  };

  it('infers a lead named on the line over its "+" or "-" items (corpus: an-giang_2018_cong-van-795)', () => {
    const t = task(tasks('an-giang_2018_cong-van-795-chi-so-cchc.txt'), 'Quán triệt trong toàn thể cán bộ');
    expect(t).toMatchObject({ rule: 'assignment-items', lead: 'các sở, ban ngành tỉnh', leadGroup: true });
    expect(t.inferred).toEqual(['lead', 'leadGroup']);
  });

  it('states a lead that opens the task\'s own words (corpus: an-giang_2018_cong-van-795)', () => {
    const t = task(tasks('an-giang_2018_cong-van-795-chi-so-cchc.txt'), 'Ủy ban nhân dân huyện Tri Tôn chỉ đạo');
    expect(t).toMatchObject({ rule: 'acting-body-item', lead: 'Ủy ban nhân dân huyện Tri Tôn', inferred: [] });
  });

  it('infers a lead the province was added to, though its words are the task\'s (corpus: an-giang_2025_thong-bao)', () => {
    const t = task(tasks('an-giang_2025_thong-bao-ket-luan-cchc-2024.txt'), 'Giao Sở Nội vụ chủ trì');
    expect(t).toMatchObject({ rule: 'assignment', lead: 'Sở Nội vụ tỉnh An Giang', leadGroup: false });
    expect(t.inferred).toEqual(['lead']);
  });
});
