import { spawn, spawnSync } from 'node:child_process';
import { ReadError } from '../read/types.js';

/**
 * OCR with the `tesseract` program of Debian's tesseract-ocr and tesseract-ocr-vie packages: the
 * page image on standard input, TSV on standard output (every word with its box and confidence).
 * Nothing is downloaded at run time; without the program or its Vietnamese model a scan gets the
 * error `ocr-unavailable`, whose message says what to install.
 */
export const OCR_LANGUAGE = 'vie';
export const INSTALL_HINT = 'apt-get install tesseract-ocr tesseract-ocr-vie';

export interface OcrWord {
  text: string;
  /** 0–100, tesseract's own. */
  confidence: number;
  /** Box in image pixels. */
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface OcrLine {
  words: OcrWord[];
  /** Block and paragraph the line is in: a new one starts a paragraph of the text. */
  block: number;
  paragraph: number;
}

export interface OcrPage {
  lines: OcrLine[];
  /** The image's size in pixels (TSV's page row), for word boxes as shares of the page. */
  width: number;
  height: number;
  /** Mean confidence of the page's words, 0–100. */
  confidence: number;
}

let engine: { version: string } | Error | undefined;

/** The engine's version ("tesseract 5.3.0"), or why OCR cannot run here. */
export function ocrEngine(): { version: string } {
  if (engine === undefined) {
    const version = spawnSync('tesseract', ['--version'], { encoding: 'utf8' });
    if (version.error || version.status !== 0) {
      engine = new ReadError('ocr-unavailable', `the file needs OCR, and the tesseract program is not installed: ${INSTALL_HINT}`);
    } else {
      const langs = spawnSync('tesseract', ['--list-langs'], { encoding: 'utf8' });
      const listed = `${langs.stdout}\n${langs.stderr}`.split('\n').map((l) => l.trim());
      engine = listed.includes(OCR_LANGUAGE)
        ? { version: `${(version.stdout || version.stderr).split('\n')[0]!.trim()} (${OCR_LANGUAGE})` }
        : new ReadError('ocr-unavailable', `the file needs OCR, and tesseract has no Vietnamese model: ${INSTALL_HINT}`);
    }
  }
  if (engine instanceof Error) throw engine;
  return engine;
}

/** Read one page image (PNG, JPEG, TIFF bytes). One thread per process: --jobs bounds the CPUs used. */
export function ocrImage(image: Uint8Array, timeoutMs = 120_000): Promise<OcrPage> {
  ocrEngine();
  return new Promise((resolve, reject) => {
    const child = spawn('tesseract', ['stdin', 'stdout', '-l', OCR_LANGUAGE, '--psm', '3', 'tsv'], {
      env: { ...process.env, OMP_THREAD_LIMIT: '1' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => err.push(c));
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(new ReadError('ocr-failed', `tesseract could not run: ${e.message}`));
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code !== 0) {
        const why = signal ? `stopped after ${timeoutMs / 1000} s` : Buffer.concat(err).toString('utf8').trim().split('\n').pop();
        reject(new ReadError('ocr-failed', `tesseract failed on a page: ${why}`));
      } else resolve(parseTsv(Buffer.concat(out).toString('utf8')));
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(Buffer.from(image));
  });
}

/** Tesseract's TSV: one row per word (level 5) with block, paragraph and line numbers, box, confidence. */
export function parseTsv(tsv: string): OcrPage {
  const lines = new Map<string, OcrLine>();
  let sum = 0;
  let n = 0;
  let size = { width: 0, height: 0 };
  for (const row of tsv.split('\n').slice(1)) {
    const f = row.split('\t');
    if (f[0] === '1' && f.length >= 10) size = { width: Number(f[8]), height: Number(f[9]) };
    if (f.length < 12 || f[0] !== '5') continue;
    const text = f.slice(11).join('\t').trim();
    if (!text) continue;
    const confidence = Number(f[10]);
    const key = `${f[1]}.${f[2]}.${f[3]}.${f[4]}`;
    const line = lines.get(key) ?? { words: [], block: Number(f[2]), paragraph: Number(f[3]) };
    line.words.push({ text, confidence, left: Number(f[6]), top: Number(f[7]), width: Number(f[8]), height: Number(f[9]) });
    lines.set(key, line);
    sum += confidence;
    n++;
  }
  return { lines: [...lines.values()], confidence: n ? sum / n : 0, ...size };
}
