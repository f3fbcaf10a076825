export { UsageError } from '../util/usage-error.js';

export const HELP = `vnreform — Vietnamese administrative-reform reports → structured JSON

Usage:
  vnreform extract [inputs…] [--out PATH] [--format json|jsonl] [--resume] [--shard i/n|auto]
                   [--shards N] [--tables DIR] [--quiet] [--jobs N] [--timeout S]
                   [--max-memory MB] [--cache DIR] [--ocr auto|never|always] [--max-size MB]
  vnreform check   [inputs…] [--format text|json|sarif] [--across] [--rule CODE=off|warning|error]… [--config FILE]
                   [--quiet] [--jobs N] [--timeout S] [--max-memory MB] [--cache DIR] [--ocr MODE]
  vnreform compare [inputs…] [--format csv|json] [--long] [--quiet] [--jobs N] [--timeout S]
                   [--max-memory MB] [--cache DIR] [--ocr MODE]
  vnreform text    FILE [--page N] [--plain] [--ocr MODE]
  vnreform merge   SHARD.jsonl…|DIR… --out FILE.jsonl [--expect INPUT]… [--tables DIR]
  vnreform view    FILE… --out DIR|FILE.html [--quiet] [--jobs N] [--timeout S] [--max-memory MB]
                   [--ocr MODE]
  vnreform report  RECORDS.jsonl --out FILE.html [--quiet]
  vnreform schema
  vnreform --help | --version

Inputs are files, folders (read recursively: .txt .md .markdown .pdf .docx .doc .rtf .html .htm
.png .jpg .jpeg .tif .tiff; other extensions are counted in the summary and hidden entries named
there; a folder that cannot be listed gets an error record), globs in quotes (one that matches
nothing gets an error record), or - for standard input. With no input, extract, check and compare
read corpus/ when the current folder has one; elsewhere no input is a usage error.

extract writes one record per input (a result, or an error record when the input cannot be read):
  --out DIR          one JSON file per input in DIR
  --out FILE.jsonl   one line per input (.ndjson too);  --out FILE.json: one JSON array; another
                     extension is a usage error (end a folder whose name has a dot with /)
  (no --out)         standard output, JSON Lines unless --format json
  --resume           with --out FILE.jsonl: continue an interrupted run; inputs already there (same
                     path and content) are skipped, a half-written last line is cut off; files
                     changed, stopped by a limit, or unreadable then and readable now run again;
                     records of inputs no longer given are dropped
  --keep-missing     with --resume: keep the records of inputs no longer given
  --shard i/n        take share i of n (by a hash of the path): n machines, one share each;
                     {shard} in --out (and --tables) becomes i: --out results/part-{shard}.jsonl
  --shard auto       the share of a scheduler's task: a Slurm job array (SLURM_ARRAY_TASK_ID: its
                     place in the array, --array=0-3 or 1-4 alike) or a Kubernetes Indexed Job
                     (JOB_COMPLETION_INDEX 0…n-1 is share 1…n); --out needs {shard}. With --resume
                     a retried task goes on with its own part. docs/scale-out.md
  --shards N         with --shard auto: n, the number of shares (or VNREFORM_SHARDS=N); needed by an
                     Indexed Job; under Slurm it makes the array index the share (--array=1-N), so
                     a task re-run alone (sbatch --array=3) is still share 3
  --tables DIR       also write long-format CSV tables (documents, signatures, citations, figures,
                     agencies, tasks, findings, errors) for pandas, R and DuckDB: docs/tables.md
  --quiet            no progress and no summary. Progress is a bar redrawn in place on a terminal
                     (cut to its width); elsewhere a line every 10 s. Time left shows once 10 files
                     are done and 30 s have passed (before, the rate still holds the workers' start)
  --jobs N           worker threads (default: the number of cores); output order is the same
  --timeout S        per-file time limit in seconds (default 300): past it, error record "timeout"
  --max-memory MB    per-worker heap limit (default 2000): past it, error record "out-of-memory";
                     either way the run goes on with a fresh worker
  --cache DIR        keep records by file content, rules version and code: unchanged files are
                     not extracted again on later runs
                     check and compare take --quiet, --jobs, --timeout, --max-memory and --cache too
                     (they read their inputs through the same worker pool)
  --ocr MODE         auto (default): pages with no usable text layer (scans, images) are read by
                     OCR (tesseract with its Vietnamese model: apt-get install tesseract-ocr
                     tesseract-ocr-vie); always: every page; never: a scan is the error no-text-layer.
                     check and compare take it too
  --max-size MB      a file (or standard input) larger than this is refused with too-large, before
                     it is read (default 200; a text file is also held to 20 MB of text); every
                     command that reads files takes it
merge joins shard outputs, each input once in path order, and lists inputs duplicated, missing
  (with --expect and the inputs the shards were given) or cut short, and shard files not found;
  exit 1 if any. A folder stands for the .jsonl files in it (merge results/ --out all.jsonl).
  --tables DIR writes the CSV tables of the joined output.
check prints citation problems, one per line (path:line:col: severity code: message, and " (p. N)"
  after it for a paged input such as a PDF; line and column count in the text as read, shown by
  "vnreform text FILE"), JSON, or SARIF 2.1.0 for code-scanning tools:
  --across           also compare dates of the same document across all inputs
  --rule CODE=LEVEL  report a finding code as an error or a warning, or not at all (off); repeatable
  --config FILE      the levels of vnreform.config.json ({"rules": {"percent-mismatch": "off"}});
                     without it, the nearest such file from the first input upward; --rule wins
  --quiet            no progress and no summary line on standard error (compare takes it too)
compare prints one row per input with the standard metrics of rules/metrics.json (hồ sơ received,
  online, in person, by post, resolved, on time, late; rates; TTHC; DVC) as CSV for pandas and R;
  --long writes one row per metric value with its source text and span.
text prints the text of FILE (- for standard input) as read (a PDF's rebuilt lines, a DOCX's paragraphs, a legacy
  encoding converted): the text check counts lines and columns in, so that PATH:L:C is line L and
  its C-th character here. Each line as "cat -n" numbers it (the number right-aligned, a tab, the
  line); a paged input (PDF) has a line "==> page N <==" (", footnotes" for the notes kept after
  the body) before each page's lines, with no number and no tab. Exit 1 when FILE cannot be read.
  --page N           only page N's lines, numbered as in the whole text (2 if there is no page N,
                     or FILE has no pages)
  --plain            the lines alone, no numbers and no page lines
view writes an annotated HTML page per document (self-contained, no network): the text as read with
  every reference, figure, agency and task highlighted by kind (hover or focus shows its JSON),
  page breaks, section headings, findings in the margin, a side panel of metadata and findings.
  FILE is a document (extracted now) or a record file written by extract (.json, .jsonl): its
  source file is read again, and must be unchanged (same SHA-256) for its text to be shown.
  --out DIR: one page per document, named after the file;  --out FILE.html: one document.
report writes an HTML report of a batch's records (RECORDS.jsonl or .json): counts by province,
  year and type, the compare metrics by province and period, hồ sơ received over time, the most
  cited documents and who cites them, findings and errors by code, each chart with its table; a
  document links to its view when vnreform view wrote it into the report's folder.
schema prints the JSON Schema of a record.

Exit status: 0 all inputs read (check: no error-level finding), 1 some inputs failed (check: an
error-level finding), 2 usage error, 73 the output cannot be written (the path and the reason
are printed). Messages go to standard error, data to standard output. In messages and check's
lines a file name holding a control character (a newline, an ESC) is printed as a JSON string.`;


const COMMANDS = ['extract', 'check', 'compare', 'text', 'merge', 'view', 'report', 'schema'] as const;

/**
 * `vnreform COMMAND --help`: the command's usage line, what it does and its options, the inputs
 * paragraph for commands that read files, and the exit statuses; cut from HELP, the one text.
 */
export function commandHelp(command: string): string | null {
  if (!(COMMANDS as readonly string[]).includes(command)) return null;
  const usage = HELP.split('\n').filter((_, i, lines) => {
    const start = lines.findIndex((l) => l.startsWith(`  vnreform ${command}`));
    if (start === -1 || i < start) return false;
    return i === start || (lines[i]!.startsWith('   ') && !lines.slice(start + 1, i + 1).some((l) => l.startsWith('  vnreform ')));
  }).join('\n');
  const heads: Record<string, string> = { extract: 'extract writes', merge: 'merge joins', check: 'check prints', compare: 'compare prints', text: 'text prints', view: 'view writes', report: 'report writes', schema: 'schema prints' };
  const order = ['extract writes', 'merge joins', 'check prints', 'compare prints', 'text prints', 'view writes', 'report writes', 'schema prints', 'Exit status'];
  const from = HELP.indexOf(heads[command]!);
  const next = order.map((h) => HELP.indexOf(h, from + 1)).filter((i) => i > from).sort((a, b) => a - b)[0] ?? HELP.length;
  const section = HELP.slice(from, next).trimEnd();
  const inputs = command === 'merge' || command === 'schema' || command === 'text' || command === 'report' ? '' : `\n\n${HELP.slice(HELP.indexOf('Inputs are'), HELP.indexOf('extract writes')).trimEnd()}`;
  const exit = HELP.slice(HELP.indexOf('Exit status'));
  return `Usage:\n${usage}${inputs}\n\n${section}\n\n${exit}`;
}
