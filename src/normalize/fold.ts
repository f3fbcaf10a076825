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

export function fold(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    out += code < 0x41 ? text[i] : code < 0x80 ? text[i]!.toLowerCase() : foldChar(text[i]!);
  }
  return out;
}
