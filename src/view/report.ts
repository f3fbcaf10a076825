import { escapeHtml, jsonScript, libraryScript, page } from './html.js';
import type { ReportData } from './report-data.js';

/**
 * `vnreform report`: a batch's aggregates as charts (Observable Plot, drawn in the page from the
 * aggregates alone) with the table of each chart beside it, and a table of the documents linking to
 * their views. Everything the page shows of a document (paths, titles, codes) is escaped.
 */
type Cell = string | number | null;

interface Column<T> {
  head: string;
  cell: (row: T) => Cell;
  /** Already-escaped HTML for the cell (a link), instead of its text. */
  html?: (row: T) => string;
}

function table<T>(caption: string, columns: Column<T>[], rows: readonly T[]): string {
  if (!rows.length) return `<p class="empty">${escapeHtml(caption)}: none.</p>`;
  const head = columns.map((c) => `<th scope="col">${escapeHtml(c.head)}</th>`).join('');
  const body = rows.map((r) => `<tr>${columns.map((c) => {
    const v = c.cell(r);
    return `<td${typeof v === 'number' ? ' class="n"' : ''}>${c.html ? c.html(r) : escapeHtml(v === null ? '' : String(v))}</td>`;
  }).join('')}</tr>`).join('\n');
  return `<div class="table"><table><caption>${escapeHtml(caption)}</caption><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table></div>`;
}

/** A chart (drawn by the page's script from the data named) and its table, side by side. */
function pair(id: string, title: string, note: string, tableHtml: string): string {
  return `<section class="pair" id="${id}"><h2>${escapeHtml(title)}</h2>${note ? `<p class="note">${escapeHtml(note)}</p>` : ''}`
    + `<div class="row"><figure class="chart" data-chart="${id}" role="img" aria-label="${escapeHtml(title)}"></figure>${tableHtml}</div></section>`;
}

const countColumns = (head: string): Column<{ key: string; count: number }>[] => [{ head, cell: (r) => r.key }, { head: 'Documents', cell: (r) => r.count }];
const codeColumns: Column<ReportData['findings'][number]>[] = [
  { head: 'Code', cell: (r) => r.code }, { head: 'Severity', cell: (r) => r.severity }, { head: 'Count', cell: (r) => r.count }, { head: 'Documents', cell: (r) => r.documents },
];
const rateColumns: Column<ReportData['onTime'][number]>[] = [
  { head: 'Province', cell: (r) => r.province }, { head: 'Period', cell: (r) => r.period }, { head: 'Mean rate (%)', cell: (r) => r.rate }, { head: 'Documents', cell: (r) => r.documents },
];

function documentsTable(data: ReportData): string {
  return table('Documents', [
    { head: 'Document', cell: (r) => r.path, html: (r) => (r.view ? `<a href="${escapeHtml(encodeURI(r.view))}">${escapeHtml(r.path)}</a>` : escapeHtml(r.path)) },
    { head: 'Type', cell: (r) => r.type }, { head: 'Province', cell: (r) => r.province }, { head: 'Date', cell: (r) => r.date },
    { head: 'Period', cell: (r) => r.period }, { head: 'References', cell: (r) => r.references }, { head: 'Figures', cell: (r) => r.figures },
    { head: 'Agencies', cell: (r) => r.agencies }, { head: 'Tasks', cell: (r) => r.tasks }, { head: 'Findings', cell: (r) => r.findings },
    { head: 'Error', cell: (r) => r.error },
  ], data.rows);
}

/** What the page's script needs to draw: the aggregates, never the documents' rows. */
function chartData(data: ReportData): unknown {
  const { byProvince, byYear, byType, onTime, online, received, cited, graph, findings, errors } = data;
  return { byProvince, byYear, byType, onTime, online, received, cited: cited.slice(0, 20), graph, findings, errors };
}

export function reportPage(data: ReportData, source: string): string {
  const summary = `<dl class="summary">
<div><dt>Documents</dt><dd>${data.documents}</dd></div><div><dt>Read</dt><dd>${data.read}</dd></div><div><dt>Failed</dt><dd>${data.failed}</dd></div>
<div><dt>References</dt><dd>${data.totals.references}</dd></div><div><dt>Figures</dt><dd>${data.totals.figures}</dd></div>
<div><dt>Agencies</dt><dd>${data.totals.agencies}</dd></div><div><dt>Tasks</dt><dd>${data.totals.tasks}</dd></div><div><dt>Findings</dt><dd>${data.totals.findings}</dd></div></dl>`;
  const bad = data.badLines.length
    ? `<p class="banner">${data.badLines.length} line(s) of ${escapeHtml(source)} held no record and are not counted: ${data.badLines.slice(0, 10).map((b) => `line ${b.line} (${escapeHtml(b.message)})`).join('; ')}${data.badLines.length > 10 ? '; …' : ''}</p>`
    : '';
  const body = `<header><h1>vnreform report</h1><p class="path">${escapeHtml(source)}</p>
<nav>${[['provinces', 'Provinces'], ['years', 'Years'], ['types', 'Types'], ['on-time', 'On-time rate'], ['online', 'Online rate'], ['received', 'Hồ sơ received'], ['cited', 'Most cited'], ['graph', 'Citations'], ['findings', 'Findings'], ['errors', 'Errors'], ['documents', 'Documents']]
    .map(([id, label]) => `<a href="#${id}">${label}</a>`).join(' ')}</nav></header>
<main>${summary}${bad}
${pair('provinces', 'Documents by province', 'Documents read, by the province they report on.', table('By province', countColumns('Province'), data.byProvince))}
${pair('years', 'Documents by year', 'By the year of the period reported on, else of the date.', table('By year', countColumns('Year'), data.byYear))}
${pair('types', 'Documents by type', '', table('By type', countColumns('Type'), data.byType))}
${pair('on-time', 'On-time rate by province and period', 'The mean of the on-time rates the documents state (metric rate_on_time of vnreform compare).', table('On-time rate', rateColumns, data.onTime))}
${pair('online', 'Online rate by province and period', 'The mean of the online rates the documents state (metric rate_online).', table('Online rate', rateColumns, data.online))}
${pair('received', 'Hồ sơ received over time', 'The sum of the hồ sơ received the documents state (metric hs_received), by period.', table('Hồ sơ received', [
    { head: 'Period', cell: (r) => r.period }, { head: 'Province', cell: (r) => r.province }, { head: 'Hồ sơ received', cell: (r) => r.received }, { head: 'Documents', cell: (r) => r.documents },
  ], data.received))}
${pair('cited', 'Most cited documents', 'By the number of documents that cite them (a mention that refers back counts as a mention).', table('Most cited', [
    { head: 'Document', cell: (r) => r.key }, { head: 'Kind', cell: (r) => r.kind }, { head: 'Cited by', cell: (r) => r.citedBy },
    { head: 'Mentions', cell: (r) => r.mentions }, { head: 'In the archive', cell: (r) => (r.inArchive ? 'yes' : '') },
  ], data.cited))}
${pair('graph', 'Which documents cite which', `The ${data.graph.nodes.filter((n) => n.role !== 'citing').length} most cited documents (dark) and the documents of the archive that cite most of them; an arrow goes from the citing document to the cited one.`, table('Citations', [
    { head: 'Citing', cell: (r) => data.graph.nodes.find((n) => n.id === r.source)?.label ?? r.source }, { head: 'Cites', cell: (r) => r.target },
  ], data.graph.links))}
${pair('findings', 'Findings by code', 'Citation and arithmetic problems found by vnreform check, over all documents.', table('Findings', codeColumns, data.findings))}
${pair('errors', 'Errors by code', 'Inputs that could not be read.', table('Errors', codeColumns, data.errors))}
<section id="documents"><h2>Documents</h2>${documentsTable(data)}</section>
</main>
${jsonScript('vn-report', chartData(data))}`;
  return page({
    title: 'vnreform report',
    style: STYLE,
    body,
    scripts: [libraryScript('d3', 'dist/d3.min.js'), libraryScript('@observablehq/plot', 'dist/plot.umd.min.js'), SCRIPT],
    inlineStyles: true,
  });
}

const STYLE = `
:root { font-family: system-ui, "DejaVu Sans", sans-serif; color: #1d1d1f; }
body { margin: 0; background: #fafafa; }
header { padding: .75rem 1.25rem; background: #fff; border-bottom: 1px solid #ddd; }
h1 { font-size: 1.2rem; margin: 0; } h2 { font-size: 1.05rem; margin: 0 0 .3rem; }
.path { margin: .2rem 0 .4rem; color: #666; font-size: .85rem; }
nav a { margin-right: .6rem; font-size: .85rem; }
main { padding: 1rem 1.25rem; }
.summary { display: flex; gap: 1.5rem; flex-wrap: wrap; margin: 0 0 1rem; }
.summary dt { color: #666; font-size: .8rem; } .summary dd { margin: 0; font-size: 1.3rem; font-weight: 600; }
section { background: #fff; border: 1px solid #ddd; padding: .75rem 1rem; margin-bottom: 1rem; }
.note { color: #555; font-size: .85rem; margin: 0 0 .5rem; }
.row { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 1rem; align-items: start; }
figure.chart { margin: 0; min-height: 2rem; overflow-x: auto; }
.table { max-height: 26rem; overflow: auto; border: 1px solid #eee; }
table { border-collapse: collapse; font-size: .8rem; width: 100%; }
caption { text-align: left; font-weight: 600; padding: .2rem .4rem; }
th, td { padding: .2rem .45rem; border-bottom: 1px solid #eee; text-align: left; vertical-align: top; }
th { position: sticky; top: 0; background: #f3f3f3; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
#documents .table { max-height: 40rem; }
.banner { background: #fff0f0; border: 1px solid #e0a0a0; padding: .6rem; color: #a00; }
.empty { color: #777; font-size: .85rem; }
`;

// The page's own code: one Plot chart per figure, from the aggregates in #vn-report. Labels reach the
// page through Plot's text marks and titles (textContent), never as HTML.
const SCRIPT = `(() => {
  const data = JSON.parse(document.getElementById('vn-report').textContent);
  const width = (el) => Math.max(320, el.clientWidth || 600);
  const bars = (rows, label, byCount = true) => (el) => Plot.plot({
    width: width(el), height: Math.max(120, 22 * rows.length + 40), marginLeft: 180, x: { grid: true, label },
    y: { label: null }, marks: [Plot.barX(rows, { x: 'count', y: 'key', sort: byCount ? { y: '-x' } : null, fill: '#4c78a8', tip: true }), Plot.ruleX([0])],
  });
  const heat = (rows) => (el) => {
    const provinces = new Set(rows.map((r) => r.province)).size;
    return Plot.plot({
      width: width(el), height: Math.max(120, 26 * provinces + 60), marginLeft: 120, marginBottom: 50,
      x: { label: 'period', tickRotate: -30 }, y: { label: null }, color: { scheme: 'blues', legend: true, label: 'mean rate (%)', domain: [0, 100] },
      marks: [Plot.cell(rows, { x: 'period', y: 'province', fill: 'rate', tip: true, inset: 0.5 }), Plot.text(rows, { x: 'period', y: 'province', text: (d) => d.rate.toFixed(1), fill: (d) => (d.rate > 60 ? 'white' : 'black') })],
    });
  };
  const codes = (rows) => (el) => Plot.plot({
    width: width(el), height: Math.max(120, 22 * rows.length + 40), marginLeft: 200, x: { grid: true, label: 'count' }, y: { label: null },
    color: { domain: ['error', 'warning', 'info'], range: ['#d62728', '#ff9f1c', '#999999'], legend: true },
    marks: [Plot.barX(rows, { x: 'count', y: 'code', fill: 'severity', sort: { y: '-x' }, tip: true }), Plot.ruleX([0])],
  });
  const received = (el) => Plot.plot({
    width: width(el), height: 360, marginLeft: 80, marginBottom: 50, x: { type: 'point', label: 'period', tickRotate: -30 },
    y: { grid: true, label: 'hồ sơ received' }, color: { legend: data.received.length > 0 && new Set(data.received.map((r) => r.province)).size <= 12 },
    marks: [Plot.lineY(data.received, { x: 'period', y: 'received', stroke: 'province', marker: 'dot', tip: true, sort: { x: 'x' } })],
  });
  const cited = (el) => Plot.plot({
    width: width(el), height: Math.max(120, 22 * data.cited.length + 40), marginLeft: 200, x: { grid: true, label: 'documents citing it' }, y: { label: null },
    marks: [Plot.barX(data.cited, { x: 'citedBy', y: 'key', sort: { y: '-x' }, fill: '#54a24b', tip: true }), Plot.ruleX([0])],
  });
  const graph = (el) => {
    const nodes = data.graph.nodes.map((n) => ({ ...n }));
    const links = data.graph.links.map((l) => ({ ...l }));
    // A force layout, run to its end before drawing: the graph is small (the aggregates cap it).
    const simulation = d3.forceSimulation(nodes)
      .force('link', d3.forceLink(links).id((d) => d.id).distance(60))
      .force('charge', d3.forceManyBody().strength(-120))
      .force('x', d3.forceX()).force('y', d3.forceY()).stop();
    simulation.tick(300);
    return Plot.plot({
      width: width(el), height: 520, inset: 60, x: { axis: null }, y: { axis: null },
      marks: [
        Plot.arrow(links, { x1: (d) => d.source.x, y1: (d) => d.source.y, x2: (d) => d.target.x, y2: (d) => d.target.y, bend: true, stroke: '#aaa', insetEnd: 6, headLength: 6 }),
        Plot.dot(nodes, { x: 'x', y: 'y', r: (d) => 4 + Math.sqrt(d.citedBy), fill: (d) => (d.role === 'citing' ? '#6baed6' : '#08519c'), stroke: 'white', title: (d) => d.label + (d.citedBy ? ' (cited by ' + d.citedBy + ')' : '') }),
        Plot.text(nodes.filter((d) => d.role !== 'citing'), { x: 'x', y: 'y', text: 'label', dy: -12, fontSize: 10 }),
      ],
    });
  };
  const charts = {
    provinces: bars(data.byProvince, 'documents'), years: bars(data.byYear, 'documents', false), types: bars(data.byType, 'documents'),
    'on-time': heat(data.onTime), online: heat(data.online), received, cited, graph, findings: codes(data.findings), errors: codes(data.errors),
  };
  const empty = { provinces: data.byProvince, years: data.byYear, types: data.byType, 'on-time': data.onTime, online: data.online, received: data.received, cited: data.cited, graph: data.graph.nodes, findings: data.findings, errors: data.errors };
  for (const el of document.querySelectorAll('[data-chart]')) {
    const name = el.dataset.chart;
    if (!empty[name].length) { el.textContent = 'Nothing to chart.'; continue; }
    el.append(charts[name](el));
  }
})();`;
