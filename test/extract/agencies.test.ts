import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractText } from '../../src/pipeline.js';
import { loadAgencyCases, runAgencyCase } from '../../support/fixture-cases.js';
import { corpusDocuments, goldAgencies, goldTasks, prf, scoreAgencies, scoreTasks, add, emptyCounts } from '../../support/gold.js';
import { extractFile } from '../../src/pipeline.js';

const fixture = (name: string): string => readFileSync(new URL(`../../corpus/fixtures/${name}`, import.meta.url), 'utf8');
const agencies = (text: string) => extractText(text).agencies;

describe('agency fixture cases (corpus/fixtures/agencies.cases)', () => {
  const cases = loadAgencyCases(fixture('agencies.cases'));
  const failures = cases.map((c) => ({ c, failure: runAgencyCase(c) })).filter((x) => x.failure);
  it('has at least 100 cases', () => expect(cases.length).toBeGreaterThanOrEqual(100));
  it('passes at least 99% of them', () => {
    expect({ ok: 1 - failures.length / cases.length >= 0.99, failures: failures.map((f) => `line ${f.c.line}: ${f.failure}`) }).toMatchObject({ ok: true });
  });
});

describe('agency negative cases (corpus/fixtures/agencies-negative.cases)', () => {
  const cases = loadAgencyCases(fixture('agencies-negative.cases'));
  it.each(cases.map((c) => [c.line, c] as const))('line %i names no agency', (_line, c) => {
    expect(runAgencyCase(c)).toBeNull();
  });
});

describe('agencies in context', () => {
  const anGiang = 'An Giang, ngày 05 tháng 3 năm 2024\n\nBÁO CÁO\nCông tác cải cách hành chính năm 2023\n\n';

  it('finds a body named at the very start of the text, as in a header\'s first line', () => {
    const a = agencies('ỦY BAN NHÂN DÂN\nTỈNH ĐỒNG THÁP\nSố: 12/BC-UBND\n\nBÁO CÁO\nSở Tư pháp, UBND huyện Cao Lãnh');
    // The letterhead's second line gives the place (ANNOTATION.md: written as in the text).
    expect(a[0]).toMatchObject({ name: 'Ủy ban nhân dân tỉnh Đồng Tháp', span: { start: 0 } });
    expect(a.map((x) => x.name)).toContain('Sở Tư pháp');
  });

  it('resolves local bodies to the document\'s province', () => {
    const a = agencies(`${anGiang}UBND tỉnh giao Sở Nội vụ chủ trì, phối hợp với VP. UBND tỉnh và Bộ Nội vụ.`);
    expect(a.map((x) => [x.name, x.resolved, x.level])).toEqual([
      ['Ủy ban nhân dân tỉnh', 'Ủy ban nhân dân tỉnh An Giang', 'tỉnh'],
      ['Sở Nội vụ', 'Sở Nội vụ tỉnh An Giang', 'tỉnh'],
      ['Văn phòng Ủy ban nhân dân tỉnh', 'Văn phòng Ủy ban nhân dân tỉnh An Giang', 'tỉnh'],
      ['Bộ Nội vụ', 'Bộ Nội vụ', 'trung ương'],
    ]);
    expect(a.map((x) => x.roles)).toEqual([[], ['lead'], ['coordinator'], []]);
  });

  it('reads groups as groups', () => {
    const a = agencies('Yêu cầu Thủ trưởng các sở, ban, ngành tỉnh, Chủ tịch UBND các huyện, thị xã, thành phố và UBND cấp xã.');
    expect(a.map((x) => [x.name, x.group])).toEqual([
      ['các sở, ban, ngành tỉnh', true],
      ['Ủy ban nhân dân các huyện, thị xã, thành phố', true],
      ['Ủy ban nhân dân', true],
    ]);
  });

  it('names district and commune bodies with their place, and levels them', () => {
    const a = agencies('Ủy ban nhân dân huyện Tri Tôn, UBND xã Vĩnh Gia và Công an tỉnh Lào Cai phối hợp với Tỉnh ủy Kiên Giang.');
    expect(a.map((x) => [x.resolved, x.level])).toEqual([
      ['Ủy ban nhân dân huyện Tri Tôn', 'huyện'],
      ['Ủy ban nhân dân xã Vĩnh Gia', 'xã'],
      ['Công an tỉnh Lào Cai', 'tỉnh'],
      ['Tỉnh ủy Kiên Giang', 'tỉnh'],
    ]);
  });

  it('keeps every span on the text as written', () => {
    const text = 'Giao Sở TT&TT, Sở Văn hoá, Thể thao và Du lịch và Đài PT-TH An Giang thực hiện.';
    for (const a of agencies(text)) expect(text.slice(a.span.start, a.span.end)).toBe(a.text);
  });
});

describe('bodies read from a head, in a province\'s report', () => {
  const laoCai = 'Lào Cai, ngày 10 tháng 4 năm 2024\n\nBÁO CÁO\nCông tác cải cách hành chính quý I năm 2024\n\n';
  const resolvedOf = (body: string): string[] => agencies(`${laoCai}${body}`).filter((a) => !a.group).map((a) => a.resolved);

  it('gives one school one name, the one the report writes with its place', () => {
    expect(new Set(resolvedOf('Chuyển Trường Cao đẳng Y tế về Sở Y tế; bổ nhiệm tại Trường Cao đẳng Y tế tỉnh; tuyển dụng Trường Cao đẳng Y tế Lào Cai.')))
      .toEqual(new Set(['Trường Cao đẳng Y tế Lào Cai', 'Sở Y tế tỉnh Lào Cai']));
  });

  it('names a centre under a department or a school as written, and gives its parent apart', () => {
    const text = `${laoCai}Trung tâm Kiểm soát bệnh tật trực thuộc Sở Y tế; Trung tâm ngoại ngữ thuộc Trường Cao đẳng Lào Cai.`;
    expect(agencies(text).filter((a) => !a.group).map((a) => [a.resolved, a.parent])).toEqual([
      ['Trung tâm Kiểm soát bệnh tật', 'Sở Y tế tỉnh Lào Cai'], ['Sở Y tế tỉnh Lào Cai', null],
      ['Trung tâm ngoại ngữ', 'Trường Cao đẳng Lào Cai'], ['Trường Cao đẳng Lào Cai', null],
    ]);
  });

  it('reads a bare provincial station as the province\'s, and keeps a unit\'s code as written with its parent apart', () => {
    const text = `${laoCai}Phối hợp với Đài Phát thanh - Truyền hình đưa tin.\n\nNơi nhận:\n- VP. UBND tỉnh: LĐVP, P.NC;\n- Lưu: VT.`;
    expect(agencies(text).filter((a) => !a.group).map((a) => [a.resolved, a.parent])).toEqual([
      ['Đài Phát thanh - Truyền hình Lào Cai', null], ['Văn phòng Ủy ban nhân dân tỉnh Lào Cai', null],
      ['Phòng NC', 'Văn phòng Ủy ban nhân dân tỉnh Lào Cai'],
    ]);
  });

  it('shares a place along a list; a board set up to score and its team are reported as groups, not agencies', () => {
    const text = `${laoCai}Thành lập Hội đồng và Tổ giúp việc chấm điểm Chỉ số CCHC tỉnh; hợp nhất Trung tâm Y tế và Trung tâm Dân số huyện Bát Xát.`;
    expect(resolvedOf(text.slice(laoCai.length))).toEqual(['Trung tâm Y tế huyện Bát Xát', 'Trung tâm Dân số huyện Bát Xát']);
    expect(agencies(text).filter((a) => a.rule === 'team').map((a) => [a.name, a.group])).toEqual([
      ['Hội đồng chấm điểm Chỉ số cải cách hành chính tỉnh', true], ['Tổ giúp việc chấm điểm Chỉ số cải cách hành chính tỉnh', true],
    ]);
  });
});

describe('tasks in context', () => {
  const ninhBinh = 'Ninh Bình, ngày 02 tháng 3 năm 2025\n\nTHÔNG BÁO\nKết luận về công tác cải cách hành chính\n\n';
  const tasksOf = (body: string) => extractText(`${ninhBinh}${body}`).tasks.map((t) => [t.lead, t.deadline, t.rule]);

  it('reads a sentence whose subject acts as a task in a section that plans, and not in one that reports', () => {
    const haTinh = 'Hà Tĩnh, ngày 20 tháng 6 năm 2024\n\nBÁO CÁO\nCông tác cải cách hành chính quý II năm 2024\n\n';
    const body = 'I. KẾT QUẢ THỰC HIỆN\n\nSở Nội vụ đã hướng dẫn các cơ quan rà soát vị trí việc làm.\n\n'
      + 'II. PHƯƠNG HƯỚNG, NHIỆM VỤ QUÝ III\n\n1. Công tác tổ chức bộ máy\n\nSở Nội vụ hướng dẫn các cơ quan hoàn thiện Đề án vị trí việc làm. '
      + 'Trên cơ sở kết quả rà soát, Sở Tư pháp tham mưu UBND tỉnh sửa đổi quy định.\n\n'
      + 'Các sở, ban, ngành và UBND cấp huyện, cấp xã phải hoàn thành số hóa hồ sơ trước ngày 30/9/2024.\n';
    expect(extractText(`${haTinh}${body}`).tasks.map((t) => [t.lead, t.deadline, t.section])).toEqual([
      ['Sở Nội vụ tỉnh Hà Tĩnh', null, 'II.1'],
      ['Sở Tư pháp tỉnh Hà Tĩnh', null, 'II.1'],
      ['Các sở, ban, ngành', '2024-09-30', 'II.1'],
    ]);
  });

  it('ends the "+" items of an assignment at a heading with another marker', () => {
    expect(tasksOf('3. Cải cách thể chế:\n\nĐề nghị các sở, ban, ngành:\n\n+ Rà soát văn bản quy phạm pháp luật.\n\n+ Kiện toàn đội ngũ pháp chế.\n\n4. Cải cách thủ tục hành chính:\n\n- Giao Sở Tư pháp chủ trì rà soát thủ tục, trước ngày 30/6/2025.\n')).toEqual([
      ['các sở, ban, ngành', null, 'assignment-items'],
      ['các sở, ban, ngành', null, 'assignment-items'],
      ['Sở Tư pháp tỉnh Ninh Bình', '2025-06-30', 'assignment'],
    ]);
  });
});

describe('text from a PDF, with lines wrapped inside sentences', () => {
  const anGiang = 'An Giang, ngày 05 tháng 4 năm 2019\n\nBÁO CÁO\nCông tác cải cách hành chính quý I năm 2019\n\n';
  const resolvedOf = (body: string): string[] => extractText(`${anGiang}${body}`).agencies.filter((a) => !a.group).map((a) => a.resolved);

  it('keeps a place cut by the wrap whole, and does not take the next line of a short one', () => {
    expect(resolvedOf('Phê duyệt phương án tự chủ của các đơn vị sự nghiệp trực thuộc UBND thành phố Long\nXuyên.'))
      .toEqual(['Ủy ban nhân dân thành phố Long Xuyên']);
    expect(resolvedOf('chuyển về trực thuộc Trường Cao đẳng Y tế Kiên\nGiang.')).toEqual(['Trường Cao đẳng Y tế Kiên Giang']);
    expect(resolvedOf('UBND huyện Tri Tôn\nBáo cáo số liệu quý I.')).toEqual(['Ủy ban nhân dân huyện Tri Tôn']);
    expect(resolvedOf('duy trì chuyên mục cải cách hành chính trên Báo\nKiên Giang mỗi tháng 2 kỳ.')).toEqual(['Báo Kiên Giang']);
  });

  it('splits and shares a list of bodies read from a head across wrapped lines', () => {
    expect(resolvedOf('hợp nhất Trung tâm Văn hóa - Thể thao và\nĐài Truyền thanh huyện Tịnh Biên; thành lập Trung tâm Đào tạo,\nHuấn luyện và Thi đấu thể dục thể thao tỉnh.')).toEqual([
      'Trung tâm Văn hóa - Thể thao huyện Tịnh Biên', 'Đài Truyền thanh huyện Tịnh Biên', 'Trung tâm Đào tạo, Huấn luyện và Thi đấu thể dục thể thao tỉnh An Giang',
    ]);
  });

  it('keeps a wrapped item whole, and reads a wrapped introduction to the items', () => {
    const tasks = extractText(`${anGiang}III. NHIỆM VỤ TRỌNG TÂM\n\nYêu cầu Thủ trưởng các sở, ban, ngành tỉnh; Chủ tịch\nỦy ban nhân dân huyện thực hiện:\n\n`
      + '1. Tập trung thực hiện các chỉ đạo của Ban Thường vụ\nTỉnh ủy về CCHC.\n\n2. Nâng cao Chỉ số PAPI.\n\n'
      + 'Tiếp tục thực hiện Nghị định số 61/2018/NĐ-CP của\nChính phủ về cơ chế một cửa.\n').tasks;
    expect(tasks.map((t) => [t.lead, t.action])).toEqual([
      ['các sở, ban, ngành tỉnh', '1. Tập trung thực hiện các chỉ đạo của Ban Thường vụ Tỉnh ủy về CCHC.'],
      ['các sở, ban, ngành tỉnh', '2. Nâng cao Chỉ số PAPI.'],
    ]);
  });
});

describe('the corpus reports', () => {
  const docs = corpusDocuments();
  const records = Promise.all(docs.map((d) => extractFile(d.textPath)));

  it('name their agencies with F1 ≥ 0.97 and their tasks with F1 ≥ 0.95 against the gold', async () => {
    const recs = await records;
    let ag = emptyCounts();
    let tk = emptyCounts();
    docs.forEach((d, i) => {
      ag = add(ag, scoreAgencies(goldAgencies(d.name)!, recs[i]!.agencies));
      tk = add(tk, scoreTasks(goldTasks(d.name)!, recs[i]!.tasks));
    });
    expect(prf(ag).f1).toBeGreaterThanOrEqual(0.97);
    expect(prf(tk).f1).toBeGreaterThanOrEqual(0.95);
  });

  it('give every task of the An Giang thông báo of 2025 (section IV) a lead, and the deadline it states', async () => {
    const recs = await records;
    const i = docs.findIndex((d) => d.name.includes('thong-bao'));
    const tasks = recs[i]!.tasks.filter((t) => t.section?.startsWith('IV'));
    expect(tasks.length).toBeGreaterThanOrEqual(15);
    for (const t of tasks) expect(t.lead).toBeTruthy();
    expect(tasks.filter((t) => t.deadline).map((t) => [t.lead, t.deadline])).toEqual([
      ['Sở Nội vụ tỉnh An Giang', '2025-03'],
      ['Sở Nội vụ tỉnh An Giang', '2025-03'],
    ]);
    const joint = tasks.find((t) => t.lead.startsWith('Sở Văn hóa'))!;
    expect(joint.coordinators).toEqual(['Báo An Giang', 'Đài Phát thanh và Truyền hình An Giang']);
  });
});

describe('agencies as ANNOTATION.md writes them', () => {
  const haNoi = 'Hà Nội, ngày 10 tháng 12 năm 2025\n\nNGHỊ QUYẾT\nVề học phí\n\n';
  const ngheAn = 'Nghệ An, ngày 02 tháng 10 năm 2025\n\nQUYẾT ĐỊNH\nVề thủ tục hành chính\n\n';
  const resolved = (text: string): string[] => agencies(text).filter((a) => !a.group).map((a) => a.resolved);

  it('names the Chính phủ for its Prime Minister, and keeps the title as the name', () => {
    const a = agencies(`${ngheAn}Thực hiện chỉ đạo của Thủ tướng Chính phủ tại Công điện số 229/CĐ-TTg.`);
    expect(a.filter((x) => !x.group).map((x) => [x.name, x.resolved])).toEqual([['Thủ tướng Chính phủ', 'Chính phủ']]);
  });

  it('keeps an internal code as written, and gives the body its longer name when the text has it too', () => {
    expect(resolved(`${ngheAn}- Cục KSTTHC - VPCP;`)).toEqual(['Cục KSTTHC', 'Văn phòng Chính phủ']);
    expect(new Set(resolved(`${ngheAn}Cục Kiểm soát thủ tục hành chính hướng dẫn.\n\nNơi nhận:\n- Cục KSTTHC;`))).toEqual(new Set(['Cục Kiểm soát thủ tục hành chính']));
    // A name with a phrase abbreviated is the name itself: nameAbbreviations read backwards.
    expect(resolved(`${ngheAn}- Cục Kiểm soát TTHC, VPCP;`)).toEqual(['Cục Kiểm soát thủ tục hành chính', 'Văn phòng Chính phủ']);
    // A code no rule spells out keeps the whole name as written: not "Cục KS thủ tục hành chính".
    expect(resolved(`${ngheAn}- Cục KS TTHC, Văn phòng Chính phủ;`)).toEqual(['Cục KS TTHC', 'Văn phòng Chính phủ']);
  });

  it('gives a prefix that opens a Nơi nhận list to each body of it, with the place the list ends on', () => {
    expect(resolved(`${haNoi}Nơi nhận:\n- Thường trực Thành ủy;\n- Thường trực: HĐND, UBND, UBMTTQ Việt Nam TP;\n- Lưu: VT.`)).toEqual([
      'Thường trực Thành ủy Hà Nội', 'Thường trực Hội đồng nhân dân thành phố Hà Nội', 'Thường trực Ủy ban nhân dân thành phố Hà Nội',
      'Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam thành phố Hà Nội',
    ]);
    expect(resolved(`${ngheAn}Nơi nhận:\n- TT: Tỉnh ủy, HĐND tỉnh, UBND tỉnh;`)).toEqual([
      'Thường trực Tỉnh ủy Nghệ An', 'Thường trực Hội đồng nhân dân tỉnh Nghệ An', 'Thường trực Ủy ban nhân dân tỉnh Nghệ An',
    ]);
  });

  it('reads a list of codes under one head by the bodies\' symbol codes, and a list opened by its head alone', () => {
    expect(resolved('Nơi nhận:\n- Các Bộ: CT, XD;\n- Các Sở: NN&MT, KH và CN;\n- Ban: PC; NVT (CT);')).toEqual([
      'Bộ Công Thương', 'Bộ Xây dựng', 'Sở Nông nghiệp và Môi trường', 'Sở Khoa học và Công nghệ', 'Ban PC', 'Ban NVT',
    ]);
  });

  it('shares a Party committee\'s place along a list, and takes a bare unit as the province really is', () => {
    expect(resolved('Nơi nhận:\n- Thành ủy, HĐND, UBND Thành phố Đà Nẵng;')).toEqual([
      'Thành ủy Đà Nẵng', 'Hội đồng nhân dân thành phố Đà Nẵng', 'Ủy ban nhân dân thành phố Đà Nẵng',
    ]);
    // Huế is a city: a decision of its UBND that writes "tỉnh" still means the city.
    const hue = 'ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HUẾ\n\nHuế, ngày 01 tháng 10 năm 2025\n\nQUYẾT ĐỊNH\n\n';
    expect(resolved(`${hue}Chánh Văn phòng Ủy ban nhân dân tỉnh chịu trách nhiệm thi hành.`)).toContain('Văn phòng Ủy ban nhân dân thành phố Huế');
  });

  it('reads a body named only in a signature title in capitals', () => {
    const text = 'BỘ TÀI CHÍNH\nCỤC THUẾ\nSố: 5347/CT-CS\n\nHà Nội, ngày 20 tháng 11 năm 2025\n\nCục Thuế trả lời để Thuế tỉnh Nghệ An biết.\n\n'
      + 'TL. CỤC TRƯỞNG\nKT. TRƯỞNG BAN CHÍNH SÁCH,\nTHUẾ QUỐC TẾ\nPHÓ TRƯỞNG BAN\nPhạm Thị Minh';
    expect(new Set(resolved(text))).toEqual(new Set(['Bộ Tài chính', 'Cục Thuế', 'Thuế tỉnh Nghệ An', 'Ban Chính sách, thuế quốc tế']));
  });

  it('matches a code only as written: "TU" is the Tỉnh ủy, "Tự" and "TỰ" are not', () => {
    expect(resolved(`${ngheAn}Nơi nhận:\n- TT. TU, HĐND tỉnh;`)).toEqual(['Thường trực Tỉnh ủy Nghệ An', 'Thường trực Hội đồng nhân dân tỉnh Nghệ An']);
    expect(resolved(`${ngheAn}Tự chủ tài chính; TỰ CHỦ TÀI CHÍNH`)).toEqual([]);
  });

  it('reads no body in a person\'s name or a ward\'s, and none in "Chi cục" but the Chi cục', () => {
    expect(resolved(`${ngheAn}Địa chỉ: phường Trường Vinh. Người ký: Lê Trường Sơn`)).toEqual([]);
    expect(resolved(`${ngheAn}Chi cục Thuế khu vực II tiếp nhận hồ sơ.`).some((r) => r.startsWith('Cục'))).toBe(false);
  });
});

describe('stated and inferred (schema: agencies[].inferred)', () => {
  const record = (path: string) => extractFile(new URL(`../../${path}`, import.meta.url).pathname);
  const mention = (agencies: Awaited<ReturnType<typeof record>>['agencies'], test: (a: (typeof agencies)[number]) => boolean) => {
    const found = agencies.find(test);
    expect(found).toBeDefined();
    return found!;
  };

  it('infers the place the document gives a bare body, not one written with its place (corpus: an-giang_2019_q1)', async () => {
    const { agencies } = await record('corpus/an-giang_2019_q1_bao-cao-cchc.txt');
    const bare = mention(agencies, (a) => a.text === 'Sở Nội vụ' && a.rule === 'gazetteer');
    expect(bare).toMatchObject({ name: 'Sở Nội vụ', resolved: 'Sở Nội vụ tỉnh An Giang' });
    expect(bare.inferred).toContain('resolved');
    expect(bare.inferred).not.toContain('name');
    const written = mention(agencies, (a) => a.text === 'Sở Giao thông vận tải tỉnh An Giang');
    expect(written).toMatchObject({ name: 'Sở Giao thông vận tải tỉnh An Giang', resolved: 'Sở Giao thông vận tải tỉnh An Giang', inferred: [] });
  });

  it('infers the parent the rules know, and what the next body of a list gives (corpus: an-giang_2019_q1)', async () => {
    const { agencies } = await record('corpus/an-giang_2019_q1_bao-cao-cchc.txt');
    expect(mention(agencies, (a) => a.text === 'Vụ Cải cách hành chính')).toMatchObject({ parent: 'Bộ Nội vụ', inferred: ['parent'] });
    // "Hội đồng nhân dân, Ủy ban nhân dân tỉnh": the first body takes the place written after the second.
    const shared = mention(agencies, (a) => a.rule === 'shared-place');
    expect(shared).toMatchObject({ text: 'Hội đồng nhân dân', name: 'Hội đồng nhân dân tỉnh', level: 'tỉnh', group: false });
    expect(shared.inferred).toEqual(['name', 'resolved', 'level', 'group']);
  });

  it('infers what a list writes once: its head, its body (devset: cong-dien-228, cong-dien-224)', async () => {
    const heads = (await record('devset/docs/cong-dien-228-cd-ttg.md')).agencies;
    expect(mention(heads, (a) => a.rule === 'shared-head-list' && a.text === 'Tài chính')).toMatchObject({
      name: 'Bộ Tài chính', kind: 'Bộ', inferred: ['name', 'resolved', 'kind', 'level'],
    });
    const provinces = (await record('devset/docs/cong-dien-224-cd-ttg.md')).agencies;
    expect(mention(provinces, (a) => a.rule === 'province-list' && a.text === 'Tuyên Quang')).toMatchObject({
      name: 'Ủy ban nhân dân tỉnh Tuyên Quang', level: 'tỉnh', inferred: ['name', 'resolved', 'kind'],
    });
  });

  it('infers the issuer role away from the words the issuer was read from (corpus: an-giang_2023_q1)', async () => {
    const { agencies } = await record('corpus/an-giang_2023_q1_bao-cao-cchc.txt');
    const signing = mention(agencies, (a) => a.text === 'ỦY BAN NHÂN DÂN' && a.roles.includes('signer'));
    expect(signing.roles).toContain('issuer');
    expect(signing.inferred).not.toContain('roles');
    const inText = mention(agencies, (a) => a.roles.includes('issuer') && !a.roles.includes('signer'));
    expect(inText.inferred).toContain('roles');
  });
});
