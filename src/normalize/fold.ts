/**
 * A matching key that ignores case, tone marks and other diacritics: "Kiên Giang", "Kien Giang"
 * and "KIÊN GIANG" all fold to "kien giang". Folding is one code unit for one code unit, so an
 * offset in the folded text is the same offset in the text it came from.
 */
const cache = new Map<string, string>();

export function foldChar(ch: string): string {
  let folded = cache.get(ch);
  if (folded === undefined) {
    const base = ch.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    folded = base.length === 1 ? base.replace('đ', 'd') : ch.toLowerCase().length === 1 ? ch.toLowerCase() : ch;
    if (ch === 'Đ' || ch === 'đ') folded = 'd';
    cache.set(ch, folded);
  }
  return folded;
}

const NEEDS_FOLDING = /[A-Z\u0080-\uFFFF]/g;

export function fold(text: string): string {
  return text.replace(NEEDS_FOLDING, foldChar);
}
