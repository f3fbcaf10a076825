import { symbolKey } from '../extract/symbol.js';
import type { ExtractedReference } from '../extract/references.js';

/**
 * Short citations, as eyecite resolves them: a later mention without a date points to the first
 * full mention of the same document (and takes its date as inferred); a short name ("Đề án 2948",
 * "Đề án 06") points to the cited document carrying that number — the one it is defined after
 * ("… 2948/QĐ-BNV … (gọi tắt là Đề án 2948)") or, failing that, the first one the text cites.
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
      ref.resolvesTo = full.index;
      ref.impliedDate = full.date;
    }
  }
  for (const ref of refs) {
    if (ref.id || !ref.number || ref.rule.startsWith('law')) continue;
    const target = definingReference(refs, ref) ?? refs.find((r) => r.id && sameNumber(r.number, ref.number));
    if (!target) continue;
    const full = target.date ? target : target.resolvesTo !== null ? refs[target.resolvesTo] : undefined;
    ref.resolvesTo = (full ?? target).index;
    ref.impliedDate = full?.date ?? null;
  }
  return refs;
}

/** The numbered reference a "(gọi tắt là …)" definition follows, for short names defined in the text. */
function definingReference(refs: ExtractedReference[], shortName: ExtractedReference): ExtractedReference | undefined {
  const definition = refs.find((r) => r.rule === 'short-name-definition' && r.name === shortName.name);
  if (!definition) return undefined;
  for (let i = definition.index - 1; i >= 0; i--) {
    const r = refs[i]!;
    if (r.id && sameNumber(r.number, shortName.number)) return r;
  }
  return undefined;
}

function sameNumber(a: string | null, b: string | null): boolean {
  return a !== null && b !== null && a.replace(/^0+(?=\d)/, '') === b.replace(/^0+(?=\d)/, '');
}
