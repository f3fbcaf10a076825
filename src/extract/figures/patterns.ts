import { lower } from '../../normalize/fold.js';
import { alternation, memo, normalizeWord, type Rules } from '../../rules/compile.js';
import { NUMBER_SOURCE } from './numbers.js';
import { endAnchored, type EndAnchored } from '../../rules/end-anchored.js';
import { oneSpaced } from '../../util/text.js';

/** The figure rules compiled once: folded alternations with lookup tables back to canonical values. */
export interface FigurePatterns {
  /** Sticky over folded text: a noun right after a number ("hồ sơ", "TTHC"). Group 1 the form. */
  nounAfter: RegExp;
  nounByForm: Map<string, string>;
  /** Global over folded text: any noun form (for "Số lượng DVCTT: 995"). */
  nounAnywhere: RegExp;
  /** "DVCTT" says "online" by itself (figure-nouns.json formMeanings), by lower-cased form. */
  formMeaning: Map<string, Partial<Record<'stage' | 'channel' | 'timeliness' | 'service', string>>>;
  /** Sticky over folded text: a money unit after a number ("triệu đồng"). */
  moneyAfter: RegExp;
  moneyByForm: Map<string, { unit: string; scale: number }>;
  /** Sticky: "triệu", "tỷ", "nghìn" right after a number. */
  scaleAfter: RegExp;
  scaleByWord: Map<string, number>;
  /** Sticky: "đồng chí", "đồng bộ" — no money. */
  notMoneyAt: RegExp;
  /** Sticky: "xuống còn", "đến" after a figure: "từ" before it starts a change, not a comparison. */
  fromToAfter: RegExp;
  notRatios: Set<string>;
  /** Ends at the end of a folded window: a comparator right before a number. */
  comparatorBefore: EndAnchored;
  comparatorByForm: Map<string, string>;
  /** Ends at the end of a folded window: a word that makes the number a label ("lĩnh vực 7"). */
  labelBefore: EndAnchored;
  periodBefore: EndAnchored;
  /** Anywhere in a folded clause. */
  targetCue: RegExp;
  weakTargetCue: RegExp;
  /** A clause opening with "Giao …", "Đề nghị …". */
  assignmentClause: RegExp;
  /** A number of the text, letting a glued money form follow ("500.000đ"). */
  number: RegExp;
  /** `number`, sticky: tried where a run of digits begins. */
  numberAt: RegExp;
  resultCue: RegExp;
  planSection: RegExp;
  breakdownCue: RegExp;
  /** The cues that may open a sentence breaking down the one before ("Trong đó, tại sở …"); a footnote's "Gồm: …" may not. */
  openingBreakdownCue: RegExp;
  /** "… hồ sơ đã được hoàn thành": the stage follows the unit. */
  passiveAfter: RegExp;
  /** "02 thủ tục hành chính … của Sở Y tế được sửa đổi bổ sung": a passive stage later after the unit. Group 1 the stage. */
  laterPassiveStage: RegExp;
  /** Stage words that only say the list is announced ("công bố"): a stage written after the unit wins. */
  yieldingStage: Set<string>;
  /** Over the gap between two figures: everything up to its last "và" (which follows the first figure). Group 1. */
  upToListConjunction: RegExp | null;
  /** The gap from a count to a percentage in brackets that is its share: "11.385 hồ sơ (tỷ lệ 99%)". */
  shareOfCount: RegExp;
  /** Names whose words are no qualifiers ("Bộ phận tiếp nhận và trả kết quả"). */
  notQualifier: RegExp;
  trailingUpward: RegExp;
  qualifiers: { dimension: 'stage' | 'channel' | 'timeliness' | 'service'; re: RegExp; byForm: Map<string, string> }[];
  level: RegExp;
  levelByForm: Map<string, 'tỉnh' | 'huyện' | 'xã'>;
  rangeAfter: RegExp;
  fromWord: EndAnchored;
  /** Sticky, after a number: "- 8,5%", "đến 8,5 %", the upper bound of a percentage range. */
  percentRangeAfter: RegExp;
  /** Ends at the end of a folded window: "xếp thứ", "hạng" — the x/y after it is a rank. */
  rankBefore: EndAnchored;
  /** Ends at the end of a folded window: "tỷ lệ", "bản đồ" — 1/500 after it is a map scale. */
  scaleBefore: EndAnchored;
  /** Noun forms that make x/y a score ("điểm"). */
  scoreForms: Set<string>;
  /** Sticky over folded text: up to three lower-case words after a number. */
  openNounAfter: RegExp;
  /** Words that count nothing ("của", "tại"): an open noun ends before them. */
  notCounted: Set<string>;
  /** Ends at the end of a window: ":" after a letter, or "là", right before a number. */
  nounFirstLink: RegExp;
  /** Over a folded clause: a count lead and the noun after it ("tổng số hồ sơ"). Group 1 the noun. */
  countLeadNoun: RegExp;
  /** Sticky after a number: "bộ", "(bộ)": the sets of papers a procedure asks for. */
  requirementAfter: RegExp;
}

export const key = (s: string): string => oneSpaced(lower(normalizeWord(s)));
export const words = (list: readonly string[]): string => alternation(list.map(key));
// A whole word or phrase: no letter right before or after.
export const whole = (source: string): string => `(?<![\\p{L}])(?:${source})(?![\\p{L}])`;

/**
 * The separator of a range with the spaces around it: "[ ]*(?:đến|tới)[ ]*" or "\s*-\s*". A dash
 * compiles to "\s*-\s*" (relaxedPhrase), and wrapped in "[ ]*(?:…)[ ]*" its white space would stand
 * beside the spaces: a number then a long run of spaces was read every way the two could share it.
 */
function separator(list: readonly string[], source: (list: readonly string[]) => string): string {
  const wordsOnly = list.filter((w) => w.trim() !== '-');
  const alternatives = wordsOnly.length ? [`[ ]*(?:${source(wordsOnly)})[ ]*`] : [];
  if (wordsOnly.length < list.length) alternatives.push('\\s*-\\s*');
  return `(?:${alternatives.join('|')})`;
}

export function figurePatterns(rules: Rules): FigurePatterns {
  return memo(rules, 'figures', () => {
    const cues = rules.data.figureCues;
    const nounByForm = new Map<string, string>();
    for (const n of rules.data.figureNouns.nouns) for (const f of n.forms) nounByForm.set(key(f), n.unit);
    const moneyByForm = new Map<string, { unit: string; scale: number }>();
    const glued: string[] = [];
    for (const m of rules.data.figureNouns.money) {
      for (const f of [...m.forms, ...(m.gluedForms ?? [])]) moneyByForm.set(key(f), { unit: m.unit, scale: m.scale });
      glued.push(...(m.gluedForms ?? []).map(key));
    }
    const fromWords = cues.comparators.filter((c) => c.after?.length).flatMap((c) => c.before);
    const numberSource = NUMBER_SOURCE.replace('(?![\\d\\p{L}]', `(?!\\d|(?!(?:${words(glued) || '(?!)'})(?![\\p{L}]))\\p{L}`);
    const scaleByWord = new Map(rules.data.figureNouns.scales.map((x) => [key(x.word), x.value]));
    const comparatorByForm = new Map<string, string>();
    for (const c of cues.comparators) for (const f of c.before) comparatorByForm.set(key(f), c.comparator);
    const qualifiers = (['stage', 'channel', 'timeliness', 'service'] as const).map((dimension) => {
      const byForm = new Map<string, string>();
      // The patterns let a comma inside a phrase drop ("sửa đổi bổ sung"): so do the keys.
      for (const q of cues.qualifiers[dimension]) for (const w of q.words) for (const form of [key(w), key(w).replace(/,/g, '')]) byForm.set(form, q.value);
      return { dimension, byForm, re: new RegExp(`(?<![\\p{L}])(${words([...byForm.keys()])})(?![\\p{L}])`, 'gu') };
    });
    const levelByForm = new Map<string, 'tỉnh' | 'huyện' | 'xã'>();
    for (const l of cues.levels) for (const w of l.words) levelByForm.set(key(w), l.level);
    return {
      // "05 (năm) thủ tục hành chính": the number in words may follow it; "(07\nTTHC)": a line may wrap between.
      nounAfter: new RegExp(`(?:[ ]*(?:\\n[ ]*)?\\([ ]*\\p{L}+(?:[ ]+\\p{L}+){0,2}[ ]*\\))?[ ]*(?:\\n[ ]*)?(${words([...nounByForm.keys()])})(?![\\p{L}])`, 'uy'),
      nounByForm,
      formMeaning: new Map(rules.data.figureNouns.formMeanings.map(({ form, ...meaning }) => [key(form), meaning])),
      nounAnywhere: new RegExp(`(?<![\\p{L}])(${words([...nounByForm.keys()])})(?![\\p{L}])`, 'gu'),
      // "1.833 … đồng", and forms written right after the number: "500.000đ".
      moneyAfter: new RegExp(`(?:[ ]*(${words([...moneyByForm.keys()].filter((k) => !glued.includes(k)))})|(${words(glued) || '(?!)'}))(?![\\p{L}])`, 'uy'),
      moneyByForm,
      scaleAfter: new RegExp(`[ ]*(${words([...scaleByWord.keys()])})(?![\\p{L}])`, 'uy'),
      scaleByWord,
      notMoneyAt: new RegExp(`[ ]*(?:${words(rules.data.figureNouns.notMoney)})(?![\\p{L}])`, 'uy'),
      fromToAfter: new RegExp(`[ ]*(?:${words(cues.fromToAfter)})(?![\\p{L}])`, 'uy'),
      notRatios: new Set(cues.notRatios),
      comparatorBefore: endAnchored([...comparatorByForm.keys()], new RegExp(`(?<![\\p{L}])(${words([...comparatorByForm.keys()])})\\s*$`, 'u')),
      comparatorByForm,
      labelBefore: endAnchored(cues.notFigureBefore, new RegExp(`${whole(words(cues.notFigureBefore))}\\s*$`, 'u')),
      periodBefore: endAnchored(cues.periodWordsBefore, new RegExp(`${whole(words(cues.periodWordsBefore))}\\s*$`, 'u')),
      targetCue: new RegExp(whole(words(cues.targetCues)), 'u'),
      weakTargetCue: new RegExp(whole(words(cues.weakTargetCues)), 'u'),
      // "\s*(?:[-+•]\s*)?", not "\s*[-+•]?\s*": two runs of white space side by side share a long run every possible way.
      assignmentClause: new RegExp(`(?:^|[.;:\\n])\\s*(?:[-+•]\\s*)?(?:${words(cues.assignmentCues)})(?![\\p{L}])[^.;:\\n]*$`, 'u'),
      number: new RegExp(numberSource, 'gu'),
      numberAt: new RegExp(numberSource, 'uy'),
      resultCue: new RegExp(whole(words(cues.resultCues)), 'u'),
      planSection: new RegExp(whole(words(cues.planSectionCues)), 'u'),
      breakdownCue: new RegExp(whole(words(cues.breakdownCues)), 'u'),
      openingBreakdownCue: new RegExp(whole(words(cues.openingBreakdownCues)), 'u'),
      notQualifier: new RegExp(whole(words(cues.notQualifiers)), 'gu'),
      passiveAfter: new RegExp(`^\\s*(?:${words(cues.passiveMarkers)})(?![\\p{L}])`, 'u'),
      laterPassiveStage: new RegExp(`^[^.;:()]*?${whole(words(cues.laterPassiveMarkers))}\\s+(${words(cues.qualifiers.stage.flatMap((q) => q.words))})(?![\\p{L}])`, 'u'),
      yieldingStage: new Set(cues.yieldingStageWords.map(key)),
      upToListConjunction: cues.listConjunctions.length ? new RegExp(`^(.*${whole(words(cues.listConjunctions))})`, 'su') : null,
      shareOfCount: new RegExp(`^\\s*\\(\\s*(?:(?:${words(cues.shareOfCountWords)})\\s*)*:?\\s*$`, 'u'),
      trailingUpward: new RegExp(`^[ ]*(?:${words(cues.comparators.flatMap((c) => c.after ?? []))})(?![\\p{L}])`, 'u'),
      qualifiers,
      level: new RegExp(`(?<![\\p{L}])(${words([...levelByForm.keys()])})(?![\\p{L}])`, 'gu'),
      levelByForm,
      // "từ 500 đến 2.000 lượt xem": the second number of a range, after the first.
      rangeAfter: new RegExp(`${separator(cues.rangeSeparators, words)}(\\d{1,3}(?:\\.\\d{3})+(?:,\\d+)?|\\d+(?:,\\d+)?)(?![\\d\\p{L}])`, 'uy'),
      // The word that opens a range is the one that opens "từ … trở lên" (figure-cues.json).
      fromWord: endAnchored(fromWords, new RegExp(`(?<![\\p{L}])(?:${words(fromWords)})\\s*$`, 'u')),
      percentRangeAfter: new RegExp(`${separator(cues.rangeSeparators, alternation)}(${NUMBER_SOURCE.replace(/^\(\?<!\[[^\]]*\]\)\(/, '(?:').replace(/\)\(\?!.*$/, ')')})[ ]?%`, 'uy'),
      rankBefore: endAnchored(cues.rankWordsBefore, new RegExp(`${whole(words(cues.rankWordsBefore))}\\s*$`, 'u')),
      scaleBefore: endAnchored(cues.mapScaleWordsBefore, new RegExp(`${whole(words(cues.mapScaleWordsBefore))}\\s*$`, 'u')),
      scoreForms: new Set(cues.scoreNouns.map(key)),
      openNounAfter: /[ ]+(\p{Ll}+(?:[ ]+\p{Ll}+){0,2})/uy,
      notCounted: new Set(cues.notCountedWords.map(key)),
      nounFirstLink: new RegExp(`(?:(?<=\\p{L})[ ]*:|(?<![\\p{L}])(?:${words(cues.nounFirstLinks)}))[ ]*$`, 'u'),
      countLeadNoun: new RegExp(`(?<![\\p{L}])(?:${words(cues.countLeads)})[ ]+(${words([...nounByForm.keys()])})(?![\\p{L}])`, 'u'),
      requirementAfter: new RegExp(`[ ]*\\(?[ ]*(?:${words(cues.requirementWordsAfter)})(?![\\p{L}])`, 'uy'),
    };
  });
}
