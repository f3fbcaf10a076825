import { lower } from '../../normalize/fold.js';
import { alternation, caseAlternation, caseVariants, memo, normalizeWord, type Rules } from '../../rules/compile.js';

/** The patterns the reference scanners share, built once per rules. */
export interface ReferencePatterns {
  /** Ends at the end of the window: "… Thông báo kết luận số ", "Nghị định ". */
  typeBefore: RegExp;
  relationBefore: RegExp;
  /** Sticky, after a symbol: ", của Trung tâm … (VNCERT) " up to a "ngày". */
  issuerThenDay: RegExp;
  /** Sticky, after a symbol: optional comma before a date. */
  gapBeforeDate: RegExp;
  shortNameNumber: RegExp;
  shortNameWord: RegExp;
  /** "Luật ", "Bộ luật " as a word: where a law's name may start. */
  lawWord: RegExp;
  /** Sticky, over folded text: a law's name (and "năm 2015") right after the law word. */
  lawNameFolded: RegExp;
  listGap: RegExp;
  /** Between a law's name and its number: " số ". */
  lawThenNumber: RegExp;
  dayWord: RegExp;
  /** Ends at the end of a lower-cased window: "mẫu số ", "biểu mẫu " — a form's number follows. */
  formBefore: RegExp;
  /** Ends at the end of a lower-cased window: "các " — "các Quyết định 03 cán bộ" counts, names nothing. */
  pluralBefore: RegExp;
  url: RegExp;
  email: RegExp;
}

export function referencePatterns(rules: Rules): ReferencePatterns {
  return memo(rules, 'reference-patterns', () => {
    const lx = rules.data.lexicon;
    const allTypeWords = [
      ...rules.data.documentTypes.types.flatMap((t) => t.words),
      ...rules.data.documentTypes.unnumbered.flatMap((u) => u.words),
    ];
    const marker = caseAlternation(lx.numberMarker);
    const day = caseAlternation(lx.dayWord);
    // Case variants that begin with a capital: "luật" in running text is the word, not a law's name.
    const lawWords = alternation(rules.data.documentTypes.unnumbered.filter((u) => u.role === 'law').flatMap((u) => u.words)
      .flatMap(caseVariants).filter((w) => !/^\p{Ll}/u.test(normalizeWord(w))));
    // Type words compare folded, one alternative per word: a quarter of the case variants to try.
    const typeWordFolded = alternation(allTypeWords.map(lower));
    const lawWordNames = rules.data.documentTypes.unnumbered.filter((u) => u.role === 'law').flatMap((u) => u.words).map(lower);
    const shortNameWords = alternation(allTypeWords.map(lower).filter((w) => !lawWordNames.includes(w)));
    // A space, or a line break that does not end a paragraph: "…của UBND tỉnh Sơn La\n\nNgày 12/3/2022, Sở …"
    // opens a new paragraph with its own date.
    const inParagraph = '(?:[ \\t]|\\n(?![ \\t]*\\n))';
    return {
      // "Thông báo kết luận số ", "Công văn cảnh báo số ", "Nghị định " — up to two lower-case words between.
      // No lookbehind in front: tried at every position it costs more than the rest; the word boundary is checked in code.
      typeBefore: new RegExp(`(${typeWordFolded})((?:\\s+\\p{L}+){0,2}?)\\s*(?:(?<![\\p{L}])(?:${alternation(lx.numberMarker.map(lower))})\\s*)?:?\\s*$`, 'gu'),
      relationBefore: new RegExp(`(${alternation(rules.data.relations.relations.flatMap((r) => r.words).map(lower))})((?:[ ,]+\\p{L}+){0,3}?)\\s*$`, 'gu'),
      // The issuer may wrap onto the next line of its paragraph (a PDF's "…máy tính\nViệt Nam (VNCERT) ngày"), not past a blank line.
      // White space around an optional comma is "\s*(?:,\s*)?", never "\s*,?\s*": with no comma the two
      // runs would share the space every possible way (a symbol then 100,000 blank lines: seconds).
      // The space after "của" is taken whole ("(?=(\s+))\1", an atomic group): the name after it
      // starts at a non-space, and the name's characters, spaces among them, cannot share that space
      // with it (a symbol, "của" and 20,000 spaces ran for minutes). "của  ngày 5/3" (two spaces)
      // gave a date whose issuer was a space, "của ngày 5/3" none; now neither does.
      issuerThenDay: new RegExp(`\\s*(?:,\\s*)?(?:${caseAlternation(lx.issuerLink)})(?=(\\s+))\\1(?:(?:${caseAlternation(lx.issuerLink)})(?=(\\s+))\\2)?(?:[^.;:()\\n\\d]|\\n(?![ \\t]*\\n)){1,90}?(?:\\s*\\([^()\\n]{1,30}\\))?${inParagraph}*(?:,${inParagraph}*)?(?=(?:${day})\\s)`, 'uy'),
      gapBeforeDate: /[ \t]*(,[ \t]*)?/y,
      // "Đề án 2948", "Chương trình 553" — a type word and a bare number, not a symbol.
      // Numbers first (cheap to find), then the type word that ends right before one.
      // "(?<![ ])": from the first space of a run only, else a long run of spaces is read once from each.
      shortNameNumber: /(?<![ ])[ ]+(\d{1,5})(?![\d\p{L}]|[ ]*[/-][ ]*[\p{L}\d]|[.,]\d)/gu,
      shortNameWord: new RegExp(`(${shortNameWords})$`, 'u'),
      lawWord: new RegExp(`(?<![\\p{L}])(${lawWords})\\s+`, 'gu'),
      lawNameFolded: new RegExp(`(${alternation(rules.data.laws.laws.flatMap((l) => [l.name, ...l.aliases]).map(lower))})(?:\\s+(?:${alternation(lx.yearWord.map(lower))})\\s+(\\d{4}))?(?![\\p{L}])`, 'uy'),
      lawThenNumber: new RegExp(`^\\s*(?:(?:${marker})\\s*)?$`, 'u'),
      listGap: new RegExp(`^\\s*(?:[,;]|(?:${caseAlternation(lx.listJoiners)}))\\s*$`, 'u'),
      dayWord: new RegExp(`^(?:${day})\\s`, 'u'),
      formBefore: new RegExp(`(?<![\\p{L}])(?:${alternation(lx.formWords.map(lower))})(?:\\s+(?:${alternation(lx.numberMarker.map(lower))}))?\\s*$`, 'u'),
      pluralBefore: new RegExp(`(?<![\\p{L}])(?:${alternation(rules.data.agencyCues.groupBefore.map(lower))})\\s+$`, 'u'),
      url: /(?:https?:\/\/|www\.)[^\s<>()"]+/gu,
      email: /[\w.+-]+@[\w-]+\.[\w.]+/gu,
    };
  });
}
