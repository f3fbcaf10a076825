import { escapeUTF8 } from 'entities';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * The pieces every page is made of. Pages are self-contained (no network when viewed) and treat
 * document text as untrusted: all of it goes through `escapeHtml`, data goes in through `jsonScript`,
 * and a Content-Security-Policy lets only the page's own scripts run, named by their hashes.
 */
/** Text for element content and quoted attribute values: `<script>` shows as characters (& < > " ' escaped, by `entities`). */
export const escapeHtml = (text: string): string => escapeUTF8(text);

/**
 * Data for the page's script, as a JSON block the browser never runs. "<" is written \u003c so no
 * string in the data ("</script><script>…") can end the block; U+2028/2029 likewise for old parsers.
 */
export function jsonScript(id: string, data: unknown): string {
  const json = JSON.stringify(data).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
  return `<script type="application/json" id="${escapeHtml(id)}">${json}</script>`;
}

const sha256 = (text: string): string => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

export interface PageParts {
  title: string;
  /** Extra <meta> and such, already HTML. */
  head?: string;
  /** The page's one stylesheet. */
  style: string;
  /** The body, already HTML (escaped where it holds text). */
  body: string;
  /** Inline scripts (library builds, then the page's own code), run in order. */
  scripts: string[];
  /**
   * Libraries that add <style> elements as they draw (Observable Plot does) need inline styles; a
   * page without them allows only its own stylesheet, by hash.
   */
  inlineStyles?: boolean;
}

/** The Content-Security-Policy: nothing from the network, scripts only by hash, no plugins, forms or <base>. */
export function contentSecurityPolicy(parts: Pick<PageParts, 'style' | 'scripts' | 'inlineStyles'>): string {
  const scripts = parts.scripts.map(sha256).join(' ') || "'none'";
  const styles = parts.inlineStyles ? "'unsafe-inline'" : sha256(parts.style);
  return `default-src 'none'; script-src ${scripts}; style-src ${styles}; img-src data:; font-src data:; base-uri 'none'; form-action 'none'`;
}

export function page(parts: PageParts): string {
  // A script's text must not hold "</script": a library build that did could not be inlined.
  for (const s of parts.scripts) if (/<\/script/i.test(s)) throw new Error('internal error: an inline script holds "</script"');
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(contentSecurityPolicy(parts))}">
<meta name="viewport" content="width=device-width, initial-scale=1">
${parts.head ?? ''}<title>${escapeHtml(parts.title)}</title>
<style>${parts.style}</style>
</head>
<body>
${parts.body}
${parts.scripts.map((s) => `<script>${s}</script>`).join('\n')}
</body>
</html>
`;
}

const require = createRequire(import.meta.url);

/**
 * A file of an installed package, found from the package's entry point (its exports hide the
 * package.json): works from src/ under tsx and from dist/ alike.
 */
export function packageFile(name: string, file: string): string {
  let dir = dirname(require.resolve(name));
  for (;;) {
    try {
      if ((JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string }).name === name) return join(dir, file);
    } catch { /* no package.json here: go up */ }
    const up = dirname(dir);
    if (up === dir) throw new Error(`internal error: cannot find the folder of the package ${name}`);
    dir = up;
  }
}

const loaded = new Map<string, string>();

/** A library's browser build, read once per process. */
export function libraryScript(name: string, file: string): string {
  const key = `${name}/${file}`;
  if (!loaded.has(key)) loaded.set(key, readFileSync(packageFile(name, file), 'utf8'));
  return loaded.get(key)!;
}
