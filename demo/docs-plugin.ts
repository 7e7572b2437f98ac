/**
 * The documentation pages of the demo site: every `docs/*.md` rendered to `/docs/<name>.html`
 * (`docs/README.md` to `/docs/index.html`), and the repository's README and CHANGELOG to
 * `/docs/readme.html` and `/docs/changelog.html`, beside the API reference page. Under `npm start`
 * they are rendered on each request from the files as they are; `vite build --mode demo`
 * (`npm run serve`) writes them, their style sheet and the pictures they show into
 * `dist-demo/docs/`.
 *
 * The pages work under the demo's strict Content-Security-Policy: no script at all, one style
 * sheet of their own, no `style` attribute (table alignment is a class). Links between pages
 * are written for GitHub (`./check.md`, `server.md#routes`) and become `.html` links here.
 * Markdown is rendered by `marked` (a development dependency of the demo, never in the
 * package), at build or request time in Node; raw HTML in a page is shown as text.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Marked, type Tokens } from 'marked';
import type { Plugin } from 'vite';

/** The order of the pages in each page's list; pages not named here follow by file name. */
const ORDER = [
  'index', 'readme', 'overlay', 'check', 'presets-check', 'connect', 'providers', 'picker', 'languages', 'frameworks',
  'security', 'migrating', 'changelog', 'demo', 'server', 'master-key', 'size', 'glossary', 'working-on-it',
];

/** Pages from the repository's root, beside `docs/`: the README and the CHANGELOG (`/docs/readme.html`, `/docs/changelog.html`). */
const ROOT_PAGES: Record<string, string> = { 'README.md': 'readme', 'CHANGELOG.md': 'changelog' };

/** Files a page may show besides itself: pictures beside it in `docs/`. */
const ASSET = /^[\w.-]+\.(png|svg|jpe?g|webp)$/i;

export interface DocPage {
  /** `index` for README.md, else the file name without `.md`. */
  name: string;
  /** The first `#` heading's text. */
  title: string;
  /** The rendered markdown, without the page around it. */
  body: string;
  /** Pictures in `docs/` that the page shows (file names). */
  assets: string[];
}

/** The page of a markdown file: `README.md` is the index. */
export const pageName = (file: string): string => (/^readme\.md$/i.test(file) ? 'index' : file.replace(/\.md$/i, ''));

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": '#39' }[c]};`);

/**
 * A link as written for GitHub, for the site: a markdown page beside this one (`check.md`,
 * `./check.md#check-key`) is its `.html` page; `README.md` (of `docs/`) is the index; the
 * repository's `../README.md` and `../CHANGELOG.md` are their pages. `root`: the link is
 * written in a file at the repository's root (the README, the CHANGELOG), where the pages
 * are `docs/<name>.md`. Anything else (`../api.html`, `https://…`, `#part`) stays.
 */
export function siteHref(href: string, { root = false } = {}): string {
  if (/^[a-z][a-z0-9+.-]*:|^\/\/|^#/i.test(href)) return href;
  const at = href.search(/[?#]/);
  const path = at < 0 ? href : href.slice(0, at);
  const rest = at < 0 ? '' : href.slice(at);
  let file = path.replace(/^\.\//, '');
  if (root) file = /^docs\//.test(file) ? file.slice(5) : `../${file}`;
  if (/^readme\.md$/i.test(file)) return `index.html${rest}`;
  const outside = /^\.\.\/([\w.-]+\.md)$/i.exec(file)?.[1];
  if (outside && ROOT_PAGES[outside]) return `${ROOT_PAGES[outside]}.html${rest}`;
  if (/^[\w.-]+\.md$/i.test(file)) return `${pageName(file)}.html${rest}`;
  if (root && file.startsWith('../')) return file.slice(3) === 'api.html' ? `../api.html${rest}` : href;
  return href;
}

/** Heading ids as GitHub makes them: lower case, punctuation but `-` and `_` dropped, spaces as `-`, repeats numbered. */
export function slugger(): (text: string) => string {
  const seen = new Map<string, number>();
  return (text) => {
    const base = text.toLowerCase().replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, '').replace(/ /g, '-');
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return n ? `${base}-${n}` : base;
  };
}

/** Renders one page's markdown: headings with GitHub's ids, tables that scroll on narrow screens, links for the site. */
export function renderDoc(markdown: string, file: string, { root = false } = {}): DocPage {
  const slug = slugger();
  const assets = new Set<string>();
  let title = '';
  /** The text of the last heading, which names the tables under it, and how many it named. */
  let section = '';
  const named = new Map<string, number>();
  const marked = new Marked({
    gfm: true,
    walkTokens(token) {
      if (token.type === 'link') token.href = siteHref(token.href, { root });
      if (token.type === 'image') {
        // A picture beside the page (`overlay-light.png`), or in `docs/` from the root's pages.
        const src = token.href.replace(/^\.\//, '').replace(root ? /^docs\// : /^$/, '');
        if (ASSET.test(src)) {
          token.href = src;
          assets.add(src);
        }
      }
    },
    renderer: {
      heading({ tokens, depth }) {
        const text = this.parser.parseInline(tokens, this.parser.textRenderer);
        const id = slug(text);
        section = text;
        if (depth === 1 && !title) title = text;
        return `<h${depth} id="${escape(id)}">${this.parser.parseInline(tokens)}</h${depth}>\n`;
      },
      table(token: Tokens.Table) {
        const align = (a: Tokens.TableCell['align']) => (a ? ` class="align-${a}"` : '');
        const cell = (c: Tokens.TableCell) => this.parser.parseInline(c.tokens);
        // A header cell left empty in the markdown (a table of names and values) is no header.
        const head = token.header.every((c) => !c.text.trim())
          ? ''
          : `<thead><tr>${token.header.map((c) => (c.text.trim() ? `<th scope="col"${align(c.align)}>${cell(c)}</th>` : '<td></td>')).join('')}</tr></thead>\n`;
        const rows = token.rows.map((row) => `<tr>${row.map((c) => `<td${align(c.align)}>${cell(c)}</td>`).join('')}</tr>`).join('\n');
        // A region with a name of its own, reachable by keyboard, so a wide table can scroll on
        // a phone: named after the heading above it, numbered when that heading has several.
        const base = section || title || file;
        const n = (named.get(base) ?? 0) + 1;
        named.set(base, n);
        const name = n > 1 ? `${base} (table ${n})` : base;
        return `<div class="table" role="region" aria-label="${escape(name)}" tabindex="0"><table>\n${head}<tbody>${rows}</tbody>\n</table></div>\n`;
      },
      // No raw HTML on the site: shown as the text it is.
      html({ text }) {
        return escape(text);
      },
    },
  });
  const body = marked.parse(markdown, { async: false });
  const name = root ? ROOT_PAGES[file] : pageName(file);
  return { name, title: title || name, body, assets: [...assets] };
}

/** Every page of `dir` (`docs/`), and the root's pages beside it, in the site's order. */
export function readDocs(dir: string): DocPage[] {
  const files = readdirSync(dir).filter((f) => /\.md$/i.test(f));
  const rank = (name: string) => (ORDER.includes(name) ? ORDER.indexOf(name) : ORDER.length);
  const pages = files.map((file) => renderDoc(readFileSync(join(dir, file), 'utf8'), file));
  for (const file of Object.keys(ROOT_PAGES)) {
    const path = join(dir, '..', file);
    if (existsSync(path)) pages.push(renderDoc(readFileSync(path, 'utf8'), file, { root: true }));
  }
  return pages.sort((a, b) => rank(a.name) - rank(b.name) || a.name.localeCompare(b.name));
}

/** A whole page: the site's header, the list of pages, and the rendered markdown. */
export function pageHtml(page: DocPage, all: readonly DocPage[]): string {
  const list = all
    .map((p) => `<li><a href="${p.name}.html"${p.name === page.name ? ' aria-current="page"' : ''}>${escape(p.title)}</a></li>`)
    .join('\n');
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="color-scheme" content="light dark" />
    <title>${escape(page.title)} · credential-overlay</title>
    <link rel="icon" href="/docs/favicon.svg" type="image/svg+xml" />
    <link rel="stylesheet" href="/docs/site.css" />
    <link rel="stylesheet" href="/docs/docs.css" />
  </head>
  <body>
    <a class="skip-link" href="#main">Skip to content</a>
    <header class="site">
      <nav aria-label="Site">
        <ul>
          <li><a href="/">← The demo</a></li>
          <li><a href="/docs/index.html"${page.name === 'index' ? ' aria-current="page"' : ''}>Documentation</a></li>
          <li><a href="/api.html">API reference</a></li>
        </ul>
      </nav>
    </header>
    <div class="layout">
      <nav class="pages" aria-label="Pages">
        <ul>
${list}
        </ul>
      </nav>
      <main id="main" tabindex="-1">
${page.body}
      </main>
    </div>
  </body>
</html>
`;
}

/** The files besides the pages: the style sheet and the icon, by their path under `/docs/`. */
const SITE_FILES: Record<string, { file: string; type: string }> = {
  'docs.css': { file: 'demo/docs.css', type: 'text/css; charset=utf-8' },
  'site.css': { file: 'demo/site.css', type: 'text/css; charset=utf-8' },
  'favicon.svg': { file: 'demo/favicon.svg', type: 'image/svg+xml' },
};

/**
 * `/docs/<name>.html` for every `docs/<name>.md`. `build`: write them into the demo build
 * (`vite build --mode demo`); without it, only the dev server serves them (the library build
 * must not get them).
 */
export function docsPages({ build = false }: { build?: boolean } = {}): Plugin {
  let root = process.cwd();
  return {
    name: 'credential-overlay-docs-pages',
    configResolved(config) {
      root = config.root;
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const path = (req.url ?? '').split(/[?#]/)[0];
        const match = /^\/docs\/(?:([\w.-]+)\.html)?$/.exec(path === '/docs' ? '/docs/' : path);
        const extra = /^\/docs\/([\w.-]+)$/.exec(path)?.[1];
        if (extra && SITE_FILES[extra]) {
          const { file, type } = SITE_FILES[extra];
          res.writeHead(200, { 'content-type': type, 'cache-control': 'no-cache' }).end(readFileSync(resolve(root, file)));
          return;
        }
        if (!match) return next();
        const name = match[1] ?? 'index';
        const all = readDocs(resolve(root, 'docs'));
        const page = all.find((p) => p.name === name);
        // No such page: a 404, not the demo's page that Vite would answer, so a broken link shows.
        if (!page) return void res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end(`No page docs/${name}.md.`);
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache' }).end(pageHtml(page, all));
      });
    },
    generateBundle() {
      if (!build) return;
      const dir = resolve(root, 'docs');
      const all = readDocs(dir);
      const assets = new Set(all.flatMap((p) => p.assets));
      for (const page of all) this.emitFile({ type: 'asset', fileName: `docs/${page.name}.html`, source: pageHtml(page, all) });
      for (const asset of assets) this.emitFile({ type: 'asset', fileName: `docs/${asset}`, source: readFileSync(join(dir, asset)) });
      for (const [name, { file }] of Object.entries(SITE_FILES)) this.emitFile({ type: 'asset', fileName: `docs/${name}`, source: readFileSync(resolve(root, file)) });
    },
  };
}
