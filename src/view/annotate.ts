import { escapeHtml } from './html.js';

/**
 * Text with marks around spans and markers between characters, as HTML. Spans may nest or cross
 * (a task's sentence holds its agencies; a finding may start inside a reference): a mark that is
 * still open when an inner one ends is closed and opened again, the second piece flagged
 * `data-cont` so each item is counted, focused and linked once.
 */
export interface Mark {
  start: number;
  end: number;
  /** The element's name and attributes, already escaped: `span class="x" data-i="3"`. */
  open: string;
  /** The attributes of a continuation piece (no id, not focusable). */
  cont: string;
  tag: string;
}

/** Something put between characters at an offset: a page break, a finding's margin note. */
export interface Insert {
  at: number;
  html: string;
}

export function annotate(text: string, marks: readonly Mark[], inserts: readonly Insert[] = []): string {
  const clamp = (n: number): number => Math.max(0, Math.min(text.length, n));
  const spans = marks.map((m) => ({ ...m, start: clamp(m.start), end: clamp(Math.max(m.start, m.end)) }))
    // Outer first: earlier start, then longer.
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const at = [...inserts].map((i) => ({ ...i, at: clamp(i.at) })).sort((a, b) => a.at - b.at);
  const points = [...new Set([0, text.length, ...spans.flatMap((m) => [m.start, m.end]), ...at.map((i) => i.at)])].sort((a, b) => a - b);
  const out: string[] = [];
  const stack: typeof spans = [];
  let next = 0;
  let ins = 0;
  let last = 0;
  for (const p of points) {
    out.push(escapeHtml(text.slice(last, p)));
    last = p;
    if (stack.some((m) => m.end <= p)) {
      // Close down to the last mark that ends here; the ones above it that go on open again.
      const reopen: typeof spans = [];
      while (stack.some((m) => m.end <= p)) {
        const m = stack.pop()!;
        out.push(`</${m.tag}>`);
        if (m.end > p) reopen.unshift(m);
      }
      for (const m of reopen) {
        out.push(`<${m.cont}>`);
        stack.push(m);
      }
    }
    while (ins < at.length && at[ins]!.at === p) out.push(at[ins++]!.html);
    while (next < spans.length && spans[next]!.start === p) {
      const m = spans[next++]!;
      out.push(`<${m.open}>`);
      if (m.end > p) stack.push(m);
      else out.push(`</${m.tag}>`);
    }
  }
  while (stack.length) out.push(`</${stack.pop()!.tag}>`);
  return out.join('');
}
