import { recordId } from '../engine/tables.js';
import type { ExtractionRecord } from '../schema.js';
import { annotate, type Insert, type Mark } from './annotate.js';
import { escapeHtml, jsonScript, page } from './html.js';

/**
 * `vnreform view`: one document's text as read, every reference, figure, agency and task
 * highlighted by kind, page breaks and section headings shown, findings in the margin, and a side
 * panel of metadata and findings. Hover or focus on a highlight shows the item's JSON.
 */
export interface DocumentView {
  record: ExtractionRecord;
  /** The text the record's spans point into; null when it could not be had (then `missingText` says why). */
  text: string | null;
  /** [start, end) of each page in the text, for paged formats. */
  pages?: { start: number; end: number }[] | null;
  missingText?: string;
}

/** The highlighted kinds, in the legend's order, with the record field each comes from. */
export const KINDS = [
  { kind: 'reference', field: 'references', label: 'Reference' },
  { kind: 'figure', field: 'figures', label: 'Figure' },
  { kind: 'agency', field: 'agencies', label: 'Agency' },
  { kind: 'task', field: 'tasks', label: 'Task' },
] as const;

type Kind = (typeof KINDS)[number]['kind'];

function highlightMarks(record: ExtractionRecord): Mark[] {
  return KINDS.flatMap(({ kind, field }) => record[field].map((item, i): Mark => {
    const attrs = `class="hl k-${kind}" data-kind="${kind}" data-i="${i}"`;
    return { start: item.span.start, end: item.span.end, tag: 'mark', open: `mark id="${kind}-${i}" tabindex="0" ${attrs}`, cont: `mark ${attrs} data-cont=""` };
  }));
}

/** A section's heading: its first line. */
function headingMarks(record: ExtractionRecord, text: string): Mark[] {
  return record.sections.map((s) => {
    const lineEnd = text.indexOf('\n', s.span.start);
    const end = Math.min(s.span.end, lineEnd === -1 ? text.length : lineEnd);
    const attrs = 'class="heading"';
    return { start: s.span.start, end, tag: 'span', open: `span id="section-${escapeHtml(s.path)}" ${attrs}`, cont: `span ${attrs}` };
  });
}

function findingMarks(record: ExtractionRecord): { marks: Mark[]; inserts: Insert[] } {
  const marks: Mark[] = [];
  const inserts: Insert[] = [];
  record.findings.forEach((f, i) => {
    if (!f.span) return;
    const attrs = `class="flagged sev-${escapeHtml(f.severity)}"`;
    marks.push({ start: f.span.start, end: f.span.end, tag: 'span', open: `span ${attrs}`, cont: `span ${attrs}` });
    inserts.push({
      at: f.span.start,
      html: `<a class="finding sev-${escapeHtml(f.severity)}" id="finding-${i}" href="#finding-list-${i}" aria-label="${escapeHtml(`${f.severity} ${f.code}`)}">⚑</a>`
        + `<span class="note sev-${escapeHtml(f.severity)}" data-finding="${i}"><b>${escapeHtml(f.code)}</b> ${escapeHtml(f.message)}</span>`,
    });
  });
  return { marks, inserts };
}

function pageBreaks(pages: { start: number; end: number }[] | null | undefined): Insert[] {
  return (pages ?? []).slice(1).map((p, i) => ({ at: p.start, html: `<span class="page-break" role="separator" data-page="${i + 2}">page ${i + 2}</span>` }));
}

const row = (label: string, value: string | number | null | undefined): string =>
  value === null || value === undefined || value === '' ? '' : `<dt>${escapeHtml(label)}</dt><dd>${escapeHtml(String(value))}</dd>`;

function sidePanel(view: DocumentView): string {
  const { record } = view;
  const d = record.document;
  const s = record.source;
  const findings = record.findings.map((f, i) => `<li class="sev-${escapeHtml(f.severity)}" id="finding-list-${i}">`
    + `${f.span ? `<a href="#finding-${i}">${escapeHtml(f.code)}</a>` : `<b>${escapeHtml(f.code)}</b>`} `
    + `<span class="sev">${escapeHtml(f.severity)}</span>${f.span?.page ? ` (p. ${f.span.page})` : ''}: ${escapeHtml(f.message)}</li>`).join('');
  const errors = record.errors.map((e) => `<li><b>${escapeHtml(e.code)}</b>: ${escapeHtml(e.message)}</li>`).join('');
  const sections = record.sections.map((x) => `<li><a href="#section-${escapeHtml(x.path)}">${escapeHtml(x.path)}</a> ${escapeHtml(x.title)}</li>`).join('');
  return `<aside class="panel">
<h2>Document</h2>
<dl>${row('Type', d?.type)}${row('Number', d?.number)}${row('Date', d?.date)}${row('Province', d?.province)}${row('Issuer', d?.issuer)}${row('Title', d?.title)}${row('Period', d?.period?.text)}${(d?.signatures ?? []).map((g) => row('Signed', [g.authority, g.authorityOf, g.title, g.name].filter(Boolean).join(' '))).join('')}</dl>
<h2>Source</h2>
<dl>${row('Path', s.path)}${row('Format', s.format)}${row('Encoding', s.encoding)}${row('Pages', s.pages)}${row('Bytes', s.bytes)}${row('SHA-256', s.sha256)}${row('Tool', `${record.tool.name} ${record.tool.version}, rules ${record.tool.rules}`)}</dl>
${errors ? `<h2>Errors</h2><ul class="errors">${errors}</ul>` : ''}
<h2>Findings (${record.findings.length})</h2>
${findings ? `<ul class="findings">${findings}</ul>` : '<p>None.</p>'}
${sections ? `<h2>Sections</h2><ul class="sections">${sections}</ul>` : ''}
</aside>`;
}

function legend(record: ExtractionRecord): string {
  return `<fieldset class="legend"><legend>Highlights</legend>${KINDS.map(({ kind, field, label }) =>
    `<label class="k-${kind}"><input type="checkbox" checked data-toggle="${kind}"> ${label} (${record[field].length})</label>`).join('')}</fieldset>`;
}

/** What the tooltip shows of each item: all of it but the span's offsets (the page stays). */
function itemsForTooltip(record: ExtractionRecord): Record<Kind, unknown[]> {
  return Object.fromEntries(KINDS.map(({ kind, field }) => [kind, record[field].map(({ span, ...rest }) => ({ ...rest, ...(span.page ? { page: span.page } : {}) }))])) as Record<Kind, unknown[]>;
}

export function documentPage(view: DocumentView): string {
  const { record, text } = view;
  const title = record.document?.title ?? record.source.path;
  let body: string;
  if (text === null) {
    body = `<p class="banner">${escapeHtml(view.missingText ?? 'The text of this document is not available.')}</p>`;
  } else {
    const findings = findingMarks(record);
    body = annotate(text, [...headingMarks(record, text), ...highlightMarks(record), ...findings.marks], [...pageBreaks(view.pages), ...findings.inserts]);
    body = `<div class="doc" lang="vi">${body}</div>`;
  }
  return page({
    title: `${title} — vnreform view`,
    head: `<meta name="vnreform-record" content="${recordId(record.source.path, record.source.sha256)}">\n`,
    style: STYLE,
    body: `<header><h1>${escapeHtml(title)}</h1><p class="path">${escapeHtml(record.source.path)}</p>${legend(record)}</header>
<div class="layout"><main>${body}</main>${sidePanel(view)}</div>
<pre id="tip" role="tooltip" hidden></pre>
${jsonScript('vn-items', itemsForTooltip(record))}`,
    scripts: [SCRIPT],
  });
}

const STYLE = `
:root { --reference: #cfe2ff; --figure: #ffe2b8; --agency: #d3f2d3; --task: #f0d9ff; font-family: system-ui, "DejaVu Sans", sans-serif; }
body { margin: 0; color: #1d1d1f; background: #fafafa; }
header { padding: .75rem 1.25rem; background: #fff; border-bottom: 1px solid #ddd; position: sticky; top: 0; z-index: 2; }
h1 { font-size: 1.15rem; margin: 0; }
.path { margin: .2rem 0 .4rem; color: #666; font-size: .85rem; }
.legend { border: 0; padding: 0; margin: 0; display: flex; gap: .5rem; flex-wrap: wrap; font-size: .85rem; }
.legend legend { float: left; margin-right: .5rem; font-weight: 600; }
.legend label { padding: .1rem .45rem; border-radius: .3rem; cursor: pointer; }
.k-reference { background: var(--reference); } .k-figure { background: var(--figure); }
.k-agency { background: var(--agency); } .k-task { background: var(--task); }
.layout { display: grid; grid-template-columns: minmax(0, 1fr) 22rem; gap: 1rem; padding: 1rem 1.25rem; }
main { min-width: 0; }
.doc { position: relative; white-space: pre-wrap; overflow-wrap: anywhere; font: .95rem/1.65 system-ui, "DejaVu Sans", sans-serif; background: #fff; border: 1px solid #ddd; padding: 1rem 15rem 1rem 1rem; }
mark.hl { color: inherit; border-radius: .2rem; cursor: help; }
mark.hl:focus { outline: 2px solid #0a58ca; }
mark.k-task { background: none; box-shadow: inset 0 -.35em 0 var(--task); }
body.hide-reference mark.k-reference, body.hide-figure mark.k-figure, body.hide-agency mark.k-agency { background: none; }
body.hide-task mark.k-task { box-shadow: none; }
.heading { font-weight: 700; color: #0b3d91; }
.flagged { text-decoration: underline wavy #d00; text-underline-offset: .2em; }
.flagged.sev-warning { text-decoration-color: #d98b00; } .flagged.sev-info { text-decoration-color: #888; }
a.finding { color: #d00; text-decoration: none; font-weight: 700; }
.note { position: absolute; right: .5rem; width: 13.5rem; white-space: normal; font: .75rem/1.3 system-ui, sans-serif; background: #fff4f4; border-left: 3px solid #d00; padding: .2rem .4rem; }
.note.sev-warning { background: #fff8e6; border-color: #d98b00; } .note.sev-info { background: #f2f2f2; border-color: #888; }
.page-break { display: block; border-top: 2px dashed #999; color: #777; font: .75rem system-ui, sans-serif; margin: .6rem 0; }
.panel { font-size: .85rem; background: #fff; border: 1px solid #ddd; padding: .5rem 1rem; align-self: start; position: sticky; top: 7rem; max-height: calc(100vh - 8rem); overflow: auto; }
.panel h2 { font-size: .95rem; margin: .8rem 0 .3rem; }
.panel dl { display: grid; grid-template-columns: auto 1fr; gap: .15rem .6rem; margin: 0; }
.panel dt { color: #666; } .panel dd { margin: 0; overflow-wrap: anywhere; }
.panel ul { padding-left: 1.1rem; margin: 0; } .panel li { margin: .25rem 0; }
.sev-error > .sev { color: #d00; } .sev-warning > .sev { color: #a36800; }
.errors li, .banner { color: #a00; }
.banner { background: #fff0f0; border: 1px solid #e0a0a0; padding: 1rem; }
#tip { position: absolute; z-index: 3; max-width: 32rem; max-height: 24rem; overflow: auto; margin: 0; padding: .5rem .7rem; background: #1d1d1f; color: #f5f5f7; font: .75rem/1.35 ui-monospace, monospace; border-radius: .3rem; white-space: pre-wrap; pointer-events: none; }
`;

// The page's own code: the tooltip (hover or keyboard focus) and the per-kind toggles. Text reaches
// the page only through textContent, never innerHTML.
const SCRIPT = `(() => {
  const items = JSON.parse(document.getElementById('vn-items').textContent);
  const tip = document.getElementById('tip');
  const show = (el) => {
    const item = (items[el.dataset.kind] || [])[Number(el.dataset.i)];
    if (!item) return;
    tip.textContent = el.dataset.kind + ' ' + el.dataset.i + '\\n' + JSON.stringify(item, null, 2);
    tip.hidden = false;
    const box = el.getBoundingClientRect();
    tip.style.top = (window.scrollY + box.bottom + 4) + 'px';
    tip.style.left = (window.scrollX + Math.max(4, Math.min(box.left, window.innerWidth - tip.offsetWidth - 8))) + 'px';
  };
  const hide = () => { tip.hidden = true; };
  const target = (e) => (e.target instanceof Element && !e.target.closest('.note') ? e.target.closest('mark.hl') : null);
  document.addEventListener('mouseover', (e) => { const el = target(e); if (el) show(el); else hide(); });
  document.addEventListener('focusin', (e) => { const el = target(e); if (el) show(el); else hide(); });
  document.addEventListener('focusout', hide);
  for (const box of document.querySelectorAll('input[data-toggle]')) {
    box.addEventListener('change', () => document.body.classList.toggle('hide-' + box.dataset.toggle, !box.checked));
  }
})();`;
