// `npm run size`: the size budget (issue 8). Measures what we publish, the way the peers
// were measured: esbuild --bundle --minify, then gzip -9 (CSS is inside the JS here).
//   node scripts/size.mjs            build if dist/ is older than the sources, then check
//   node scripts/size.mjs --build    always build first
//   node scripts/size.mjs --json     print the figures as JSON (no table)
// Exits 1 when a figure is above its ceiling. 1 KB = 1000 bytes, as vite prints sizes.
import { build } from 'esbuild';
import { execSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const LIT_EXTERNAL = ['lit', 'lit/*', 'lit-html', 'lit-html/*', 'lit-element', 'lit-element/*', '@lit/*'];

/** The budgets: `aim` is the target, `ceiling` fails the check. Bytes, gzip -9. */
export const budgets = {
  withLit: { aim: 10_000, ceiling: 12_000 },
  alone: { aim: 4_000, ceiling: 6_000 },
  bundle: { aim: 10_000, ceiling: 12_000 },
};

const pkg = () => JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

/** The file an export of package.json points at (`.` → `./dist/index.js`). */
function exportPath(subpath) {
  let target = pkg().exports?.[subpath];
  if (target && typeof target === 'object') target = target.import ?? target.default;
  return target ? join(root, target) : undefined;
}

function newest(dir) {
  let t = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    t = Math.max(t, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

/** Runs `npm run build` when asked, or when dist/ is missing or older than the sources. */
export function buildIfNeeded(force = false) {
  const built = [exportPath('.'), exportPath('./bundle')].filter(Boolean);
  const inputs = [join(root, 'src'), join(root, 'vite.config.ts'), join(root, 'scripts/minify-literals.mjs')].filter(existsSync);
  const stale =
    force ||
    !built.length ||
    built.some((f) => !existsSync(f)) ||
    Math.min(...built.map((f) => statSync(f).mtimeMs)) <
      Math.max(...inputs.map((p) => (statSync(p).isDirectory() ? newest(p) : statSync(p).mtimeMs)));
  if (stale) {
    process.stderr.write('size: building (npm run build)...\n');
    execSync('npm run --silent build', { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  }
}

/** esbuild --bundle --minify of `contents` (an ES module), then gzip -9. */
export async function bundleSize(contents, { external = [], resolveDir = root } = {}) {
  const result = await build({
    stdin: { contents, resolveDir, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    write: false,
    external,
    logLevel: 'silent',
    // Tiny CSS files a peer requires are inlined as text so they count.
    loader: { '.css': 'text' },
  });
  const bytes = Buffer.concat(result.outputFiles.map((f) => Buffer.from(f.contents)));
  return { min: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}

const importOf = (file) => `import ${JSON.stringify(pathToFileURL(file).pathname)};`;

/** Every figure, in bytes. */
export async function measure() {
  const index = exportPath('.');
  const bundleFile = exportPath('./bundle');
  const rows = [];
  rows.push({
    id: 'withLit',
    what: "`import 'credential-overlay'` with Lit",
    ...(await bundleSize(importOf(index))),
    ...budgets.withLit,
  });
  rows.push({
    id: 'alone',
    what: "`import 'credential-overlay'`, Lit external",
    ...(await bundleSize(importOf(index), { external: LIT_EXTERNAL })),
    ...budgets.alone,
  });
  if (bundleFile && existsSync(bundleFile)) {
    const bytes = readFileSync(bundleFile);
    rows.push({
      id: 'bundle',
      what: `\`${bundleFile.slice(root.length + 1)}\` as shipped`,
      min: bytes.length,
      gzip: gzipSync(bytes, { level: 9 }).length,
      ...budgets.bundle,
    });
  }
  // For reference, no budget: Lit itself, and our other entries (Lit external).
  rows.push({
    id: 'lit',
    what: '`lit` alone (reference)',
    ...(await bundleSize(`export * from 'lit';`)),
  });
  for (const [subpath, target] of Object.entries(pkg().exports ?? {})) {
    if (['.', './bundle', './package.json'].includes(subpath) || subpath.includes('*')) continue;
    const file = exportPath(subpath);
    if (!file || !/\.m?js$/.test(file) || !existsSync(file)) continue;
    rows.push({
      id: subpath,
      what: `\`credential-overlay${subpath.slice(1)}\`, Lit external`,
      ...(await bundleSize(`export * from ${JSON.stringify(pathToFileURL(file).pathname)};`, {
        external: [...LIT_EXTERNAL, 'react', 'react/*', 'react-dom', 'react-dom/*'],
      })),
    });
    void target;
  }
  return rows;
}

export const kb = (bytes) => `${(bytes / 1000).toFixed(1)} KB`;
const signed = (bytes) => `${bytes > 0 ? '+' : bytes < 0 ? '−' : '±'}${(Math.abs(bytes) / 1000).toFixed(1)} KB`;

/** The figures as a markdown table; `failed` is true when one is above its ceiling. */
export function table(rows) {
  const lines = [
    '| what | minified | gzip -9 | aim | to the aim | ceiling | budget |',
    '|---|---:|---:|---:|---:|---:|---|',
  ];
  let failed = false;
  for (const r of rows) {
    if (r.ceiling === undefined) {
      lines.push(`| ${r.what} | ${kb(r.min)} | ${kb(r.gzip)} | | | | |`);
      continue;
    }
    const over = r.gzip > r.ceiling;
    failed ||= over;
    const verdict = over ? `**FAIL**, ${kb(r.gzip - r.ceiling)} over` : r.gzip <= r.aim ? 'ok, aim met' : 'ok';
    lines.push(
      `| ${r.what} | ${kb(r.min)} | ${kb(r.gzip)} | ${kb(r.aim)} | ${signed(r.gzip - r.aim)} | ${kb(r.ceiling)} | ${verdict} |`,
    );
  }
  return { text: lines.join('\n'), failed };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  buildIfNeeded(process.argv.includes('--build'));
  const rows = await measure();
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify(rows, null, 2));
    process.exit(rows.some((r) => r.ceiling !== undefined && r.gzip > r.ceiling) ? 1 : 0);
  }
  const { text, failed } = table(rows);
  console.log('Size (esbuild --bundle --minify, gzip -9; 1 KB = 1000 bytes)\n');
  console.log(text);
  console.log(
    failed
      ? '\nsize: FAIL: above a ceiling (12 KB with Lit, 6 KB element alone). The aims are 10 KB and 4 KB.'
      : '\nsize: ok: every figure is under its ceiling.',
  );
  process.exit(failed ? 1 : 0);
}
