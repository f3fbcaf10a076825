import { symbolKey } from '../extract/symbol.js';
import type { ExtractedReference } from '../extract/references/index.js';

/**
 * Short citations, as eyecite resolves them: a later mention without a date points to the first
 * full mention of the same document (and takes its date as inferred); a short name ("Đề án 2948",
 * "Đề án 06") points to the cited document carrying that number — the one it is defined after
 * ("… 2948/QĐ-BNV … (gọi tắt là Đề án 2948)") or, failing that, the first one the text cites.
 * Both links are inferred: resolvesTo, and impliedDate when the target has a date, join `inferred`.
 */
export function resolveReferences(refs: ExtractedReference[]): ExtractedReference[] {
  const firstDated = new Map<string, ExtractedReference>();
  for (const ref of refs) {
    if (!ref.id) continue;
    const key = symbolKey(ref.id);
    const full = firstDated.get(key);
    if (ref.date) {
      if (!full) firstDated.set(key, ref);
    } else if (full) {
      resolve(ref, full.index, full.date);
    }
  }
  // Looked up once per document, not once per short name (a long text has thousands of both).
  const firstWithNumber = new Map<string, ExtractedReference>();
  const firstDefinition = new Map<string, ExtractedReference>();
  for (const r of refs) {
    if (r.id && r.number !== null && !firstWithNumber.has(bareNumber(r.number))) firstWithNumber.set(bareNumber(r.number), r);
    if (r.defines && r.name !== null && !firstDefinition.has(r.name)) firstDefinition.set(r.name, r);
  }
  // The numbered reference a definition follows, found once per definition and number.
  const defined = new Map<string, ExtractedReference | undefined>();
  const definedNumber = (definition: ExtractedReference, number: string): ExtractedReference | undefined => {
    const key = `${definition.index}|${bareNumber(number)}`;
    if (!defined.has(key)) defined.set(key, definedBefore(refs, definition, number));
    return defined.get(key);
  };
  for (const ref of refs) {
    if (ref.form !== 'short-name' || !ref.number) continue;
    const definition = ref.name === null ? undefined : firstDefinition.get(ref.name);
    const target = (definition && definedNumber(definition, ref.number)) ?? firstWithNumber.get(bareNumber(ref.number));
    if (!target) continue;
    const full = target.date ? target : target.resolvesTo !== null ? refs[target.resolvesTo] : undefined;
    resolve(ref, (full ?? target).index, full?.date ?? null);
  }
  return refs;
}

/** The link to the full citation, and its date: both inferred (they are the last of the inferable fields, so `inferred` keeps its order). */
function resolve(ref: ExtractedReference, to: number, date: string | null): void {
  ref.resolvesTo = to;
  ref.impliedDate = date;
  ref.inferred.push('resolvesTo');
  if (date !== null) ref.inferred.push('impliedDate');
}

/** The numbered reference a "(gọi tắt là …)" definition follows, for short names defined in the text: the nearest before it with that number. */
function definedBefore(refs: ExtractedReference[], definition: ExtractedReference, number: string): ExtractedReference | undefined {
  for (let i = definition.index - 1; i >= 0; i--) {
    const r = refs[i]!;
    if (r.id && sameNumber(r.number, number)) return r;
  }
  return undefined;
}

/** "06" and "6" are one number. */
function bareNumber(n: string): string {
  return n.replace(/^0+(?=\d)/, '');
}

function sameNumber(a: string | null, b: string | null): boolean {
  return a !== null && b !== null && bareNumber(a) === bareNumber(b);
}
