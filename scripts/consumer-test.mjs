// Tests the package the way a consumer meets it, after `npm run build`:
//   npm pack -> a fresh project in a temporary folder -> npm install the tarball (plus vite,
//   typescript, react and react-dom at the versions this repo uses) -> then
//   (a) tsc type-checks a consumer of the tag map and the typed events (two module resolutions),
//   (b) a Vite build of it, loaded in headless Chromium: the element defines and opens,
//   (c) `credential-overlay/element` defines nothing until `define()` is called,
//   (d) the React wrapper renders and its typed `onCredentialSaved` fires on Save,
//   (e) the single-file bundle works from a plain <script type="module">, and every
//       `locales/*` and `providers/*` entry in the tarball imports.
// Prints the tarball's file list and size, and ends with `N passed, N failed`.
// `KEEP=1` keeps the temporary project; `CHROME_PATH` picks the browser.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { findChrome } from './chrome.mjs';

const repo = fileURLToPath(new URL('..', import.meta.url));
const results = [];
const started = Date.now();

function record(name, ok, detail = '') {
  results.push({ name, ok });
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${detail ? `\n     ${detail.replace(/\n/g, '\n     ')}` : ''}`);
}

async function check(name, fn) {
  try {
    const detail = await fn();
    record(name, true, typeof detail === 'string' ? detail : '');
  } catch (error) {
    record(name, false, String(error?.stdout || '') + String(error?.stderr || '') + String(error?.message ?? error));
  }
}

function run(cmd, args, cwd) {
  return execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, npm_config_fund: 'false', npm_config_audit: 'false' } });
}

/** The version of `name` installed in this repo, so the consumer uses the same tools. */
function repoVersion(name) {
  try {
    return JSON.parse(readFileSync(join(repo, 'node_modules', name, 'package.json'), 'utf8')).version;
  } catch {
    return JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')).devDependencies?.[name] ?? 'latest';
  }
}

function finish() {
  const passed = results.filter((r) => r.ok).length;
  const failed = results.length - passed;
  console.log(`\nconsumer tests took ${((Date.now() - started) / 1000).toFixed(1)} s`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed || !results.length ? 1 : 0;
}

// ---------------------------------------------------------------------------------------
// The tarball

if (!existsSync(join(repo, 'dist', 'index.js'))) {
  console.error('No dist/: run `npm run build` first.');
  record('build output present', false);
  finish();
  process.exit();
}

const work = mkdtempSync(join(tmpdir(), 'credential-overlay-consumer-'));
const app = join(work, 'app');
mkdirSync(join(app, 'src'), { recursive: true });
process.on('exit', () => {
  if (!process.env.KEEP) rmSync(work, { recursive: true, force: true });
  else console.log(`kept ${work}`);
});

const [pack] = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', work], repo));
const tarball = join(work, pack.filename);
console.log(`\n${pack.filename}: ${pack.entryCount} files, ${(pack.size / 1024).toFixed(1)} kB packed, ${(pack.unpackedSize / 1024).toFixed(1)} kB unpacked`);
for (const f of pack.files) console.log(`  ${String(f.size).padStart(8)}  ${f.path}`);
console.log('');

const files = pack.files.map((f) => f.path);
await check('tarball: holds only package.json, README, licence and dist/ (no tests, sources, docs)', () => {
  const stray = files.filter((p) => !/^(package\.json|README\.md|LICEN[CS]E(\.\w+)?|CHANGELOG\.md|dist\/.+)$/i.test(p));
  const required = ['dist/index.js', 'dist/element.js', 'dist/react.js', 'dist/credential-overlay.bundle.js',
    'dist/custom-elements.json', 'dist/types/index.d.ts', 'dist/types/element.d.ts', 'dist/types/react.d.ts'];
  const missing = required.filter((p) => !files.includes(p));
  if (stray.length || missing.length) throw new Error(`unexpected: ${stray.join(', ') || '-'}; missing: ${missing.join(', ') || '-'}`);
});

await check('tarball: custom-elements.json declares the tag, attributes, events, parts, CSS properties', () => {
  const pkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8'));
  const manifest = JSON.parse(readFileSync(join(repo, pkg.customElements), 'utf8'));
  const el = manifest.modules.flatMap((m) => m.declarations ?? []).find((d) => d.tagName === 'credential-overlay');
  if (!el) throw new Error('no declaration with tagName credential-overlay');
  const names = (list) => (list ?? []).map((x) => x.name);
  const want = {
    attributes: ['open', 'provider', 'heading', 'credential-name', 'credential-description', 'docs-url'],
    events: ['credential-saved', 'credential-cancel', 'credential-request-close', 'credential-close'],
    cssParts: ['dialog', 'save-button', 'cancel-button', 'reveal-button'],
    cssProperties: ['--credential-overlay-accent'],
  };
  const missing = Object.entries(want).flatMap(([k, v]) => v.filter((n) => !names(el[k]).includes(n)).map((n) => `${k}:${n}`));
  const untyped = (el.events ?? []).filter((e) => !/^CustomEvent<\w+>$/.test(e.type?.text ?? '')).map((e) => e.name);
  if (missing.length || untyped.length) throw new Error(`missing ${missing.join(', ') || '-'}; events without a detail type: ${untyped.join(', ') || '-'}`);
  if (!files.includes(pkg.customElements.replace(/^\.\//, ''))) throw new Error(`${pkg.customElements} is not in the tarball`);
});

// ---------------------------------------------------------------------------------------
// The consumer project

const locales = files.map((p) => p.match(/^dist\/locales\/([\w-]+)\.js$/)?.[1]).filter(Boolean);
const providers = files.map((p) => p.match(/^dist\/providers\/([\w-]+)\.js$/)?.[1]).filter(Boolean);
const write = (path, text) => {
  mkdirSync(dirname(join(app, path)), { recursive: true });
  writeFileSync(join(app, path), text.replace(/^\n/, ''));
};

write('package.json', JSON.stringify({
  name: 'consumer', private: true, type: 'module',
  dependencies: {
    'credential-overlay': `file:${tarball}`,
    react: repoVersion('react'),
    'react-dom': repoVersion('react-dom'),
  },
  devDependencies: {
    vite: repoVersion('vite'),
    typescript: repoVersion('typescript'),
    '@types/react': repoVersion('@types/react'),
    '@types/react-dom': repoVersion('@types/react-dom'),
  },
}, null, 2));

const tsconfig = (extra) => JSON.stringify({
  compilerOptions: {
    target: 'ES2022', lib: ['ES2022', 'DOM', 'DOM.Iterable'], strict: true, noEmit: true,
    jsx: 'react-jsx', skipLibCheck: false, types: [], ...extra,
  },
  include: ['src'],
}, null, 2);
write('tsconfig.json', tsconfig({ module: 'ESNext', moduleResolution: 'bundler' }));
write('tsconfig.node16.json', tsconfig({ module: 'NodeNext', moduleResolution: 'NodeNext' }));

// (a) + (b): the default entry, typed.
write('src/main.ts', `
import { CredentialOverlay, type CredentialSavedDetail, type CancelSource } from 'credential-overlay';

const el = document.querySelector('credential-overlay')!;
const same: CredentialOverlay = el; // HTMLElementTagNameMap
const made: CredentialOverlay = document.createElement('credential-overlay');
void made;
el.addEventListener('credential-saved', (e) => {
  const hint: string = e.detail.keyHint;
  const detail: CredentialSavedDetail = e.detail;
  e.detail.waitUntil(Promise.resolve());
  // @ts-expect-error detail is typed (and frozen), not any
  e.detail.apiKey = 1;
  (window as any).savedHint = hint + detail.keyType;
});
el.addEventListener('credential-cancel', (e) => {
  const source: CancelSource = e.detail.source;
  // @ts-expect-error a cancel never carries the key
  void e.detail.apiKey;
  void source;
});
same.heading = 'Add New Credential';
same.show();
(window as any).consumer = {
  defined: customElements.get('credential-overlay') === CredentialOverlay,
};
`);
write('index.html', `<!doctype html><link rel="icon" href="data:,"><title>default entry</title>
<credential-overlay></credential-overlay>
<script type="module" src="/src/main.ts"></script>
`);

// (c): the element entry defines nothing by itself.
write('src/element.ts', `
import { CredentialOverlay } from 'credential-overlay/element';

const before = customElements.get('credential-overlay') ?? null;
const upgradedBefore = document.querySelector('acme-credential-overlay') instanceof CredentialOverlay;
CredentialOverlay.define('acme-credential-overlay');
CredentialOverlay.define('acme-credential-overlay'); // a no-op the second time
const el = document.querySelector('acme-credential-overlay') as CredentialOverlay;
el.show();
(window as any).consumer = {
  before: before === null && !upgradedBefore,
  after: customElements.get('acme-credential-overlay') === CredentialOverlay,
  defaultTagStillFree: customElements.get('credential-overlay') === undefined,
};
`);
write('element.html', `<!doctype html><link rel="icon" href="data:,"><title>element entry</title>
<acme-credential-overlay></acme-credential-overlay>
<script type="module" src="/src/element.ts"></script>
`);

// (d): the React wrapper.
write('src/react.tsx', `
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { CredentialOverlay, type CredentialSavedEvent } from 'credential-overlay/react';

function App() {
  const [open, setOpen] = useState(true);
  const [saved, setSaved] = useState('');
  const onSaved = (e: CredentialSavedEvent) => {
    const hint: string = e.detail.keyHint;
    setSaved(hint);
    setOpen(false);
    (window as any).consumer = { saved: hint, keyType: e.detail.keyType, name: e.detail.name };
  };
  return (
    <>
      <output id="saved">{saved}</output>
      <CredentialOverlay
        open={open}
        heading="Add New Credential"
        credentialName="From React"
        onCredentialSaved={onSaved}
        onCredentialCancel={(e) => setSaved(e.detail.source)}
      />
      {/* @ts-expect-error the callback is typed: a number is no listener */}
      <CredentialOverlay onCredentialSaved={1} />
    </>
  );
}

createRoot(document.getElementById('root')!).render(<StrictMode><App /></StrictMode>);
`);
write('react.html', `<!doctype html><link rel="icon" href="data:,"><title>react</title>
<div id="root"></div>
<script type="module" src="/src/react.tsx"></script>
`);

// (e): every locale and provider entry in the tarball, through the package's exports.
write('src/entries.ts', `
import { getProvider } from 'credential-overlay';
import 'credential-overlay/picker';
import { checkKey, presets } from 'credential-overlay/key-rules';
${locales.map((l, i) => `import * as locale${i} from 'credential-overlay/locales/${l}';`).join('\n')}
${providers.map((p) => `import 'credential-overlay/providers/${p}';`).join('\n')}

const locales: Record<string, Record<string, unknown>> = { ${locales.map((l, i) => `'${l}': locale${i}`).join(', ')} };
(window as any).consumer = {
  locales: Object.entries(locales).map(([name, mod]) => {
    const strings = mod[name.replace(/-(\\w)/g, (_, c: string) => c.toUpperCase())] as { heading?: unknown } | undefined;
    return [name, typeof strings?.heading === 'string'];
  }),
  providers: ${JSON.stringify(providers.filter((p) => p !== 'all'))}.map((id) => [id, Boolean(getProvider(id))]),
  picker: Boolean(customElements.get('credential-picker')),
  keyRules: checkKey('sk-ant-api03-' + 'x1Y2z3'.repeat(6), presets.find((p) => p.id === 'openai')!).ok === false,
};
`);
write('entries.html', `<!doctype html><link rel="icon" href="data:,"><title>entries</title>
<script type="module" src="/src/entries.ts"></script>
`);

// (e): the single file, no bundler: served straight from node_modules.
write('public/plain.html', `<!doctype html><link rel="icon" href="data:,"><title>bundle</title>
<credential-overlay open></credential-overlay>
<script type="module" src="/node_modules/credential-overlay/dist/credential-overlay.bundle.js"></script>
`);

write('vite.config.ts', `
import { defineConfig } from 'vite';
export default defineConfig({
  logLevel: 'warn',
  build: {
    target: 'es2022',
    rolldownOptions: { input: ['index.html', 'element.html', 'react.html', 'entries.html'] },
  },
});
`);

let installed = false;
await check('npm install the tarball into a fresh project', () => {
  const t = Date.now();
  run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], app);
  installed = true;
  const lit = JSON.parse(readFileSync(join(app, 'node_modules/lit/package.json'), 'utf8')).version;
  return `${((Date.now() - t) / 1000).toFixed(1)} s; lit ${lit}, react ${repoVersion('react')}, vite ${repoVersion('vite')}, typescript ${repoVersion('typescript')}`;
});

if (installed) {
  await check('(a) tsc: the tag map and typed events type-check (moduleResolution bundler)', () => {
    run(join(app, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.json'], app);
  });
  await check('(a) tsc: the same with moduleResolution NodeNext', () => {
    run(join(app, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.node16.json'], app);
  });
}

// (f): the typings made from custom-elements.json, in the frameworks that read them: a Vue
// SFC under vue-tsc (strict templates), a Svelte 5 component under svelte-check, Preact JSX
// under tsc. Each has a good file that must pass and a bad one whose errors must be reported.
const fw = join(work, 'frameworks');
const fwWrite = (path, text) => {
  mkdirSync(dirname(join(fw, path)), { recursive: true });
  writeFileSync(join(fw, path), text.replace(/^\n/, ''));
};
fwWrite('package.json', JSON.stringify({
  name: 'frameworks', private: true, type: 'module',
  dependencies: { 'credential-overlay': `file:${tarball}` },
  devDependencies: { typescript: repoVersion('typescript'), vue: '^3.5.0', 'vue-tsc': '^3.0.0', svelte: '^5.0.0', 'svelte-check': '^4.0.0', preact: '^10.0.0' },
}, null, 2));
fwWrite('vue/env.d.ts', `import type {} from 'credential-overlay/vue';\n`);
fwWrite('vue/Good.vue', `
<script setup lang="ts">
import 'credential-overlay';
import type { CredentialSavedDetail } from 'credential-overlay';
const onSaved = (e: CustomEvent<CredentialSavedDetail>) => {
  const hint: string = e.detail.keyHint;
  e.detail.waitUntil(Promise.resolve(hint));
};
</script>
<template>
  <credential-overlay :open="true" provider="openai" credential-name="From Vue" @credential-saved="onSaved" />
</template>
`);
fwWrite('vue-bad/env.d.ts', `import type {} from 'credential-overlay/vue';\n`);
fwWrite('vue-bad/Bad.vue', `
<script setup lang="ts">
import 'credential-overlay';
const onSaved = (e: CustomEvent<{ nope: number }>) => e.detail.nope;
</script>
<template>
  <credential-overlay credentail-name="typo" @credential-saved="onSaved" />
</template>
`);
const vueTsconfig = (dir) => JSON.stringify({
  compilerOptions: { target: 'ES2022', lib: ['ES2022', 'DOM', 'DOM.Iterable'], strict: true, noEmit: true, module: 'ESNext', moduleResolution: 'bundler', skipLibCheck: true, types: [] },
  vueCompilerOptions: { strictTemplates: true },
  include: [`${dir}/**/*.ts`, `${dir}/**/*.vue`],
}, null, 2);
fwWrite('tsconfig.vue.json', vueTsconfig('vue'));
fwWrite('tsconfig.vue-bad.json', vueTsconfig('vue-bad'));
const svelteTsconfig = JSON.stringify({
  compilerOptions: { target: 'ES2022', lib: ['ES2022', 'DOM', 'DOM.Iterable'], strict: true, noEmit: true, module: 'ESNext', moduleResolution: 'bundler', skipLibCheck: true, verbatimModuleSyntax: true, types: [] },
  include: ['**/*.ts', '**/*.svelte'],
}, null, 2);
fwWrite('svelte/tsconfig.json', svelteTsconfig);
fwWrite('svelte/env.d.ts', `import type {} from 'credential-overlay/svelte';\n`);
fwWrite('svelte/Good.svelte', `
<script lang="ts">
  import 'credential-overlay';
  import type { CredentialSavedDetail } from 'credential-overlay';
  const onSaved = (e: CustomEvent<CredentialSavedDetail>) => e.detail.waitUntil(Promise.resolve(e.detail.keyHint));
</script>

<credential-overlay open={true} provider="openai" credential-name="From Svelte" oncredential-saved={onSaved}></credential-overlay>
`);
fwWrite('svelte-bad/tsconfig.json', svelteTsconfig);
fwWrite('svelte-bad/env.d.ts', `import type {} from 'credential-overlay/svelte';\n`);
fwWrite('svelte-bad/Bad.svelte', `
<script lang="ts">
  import 'credential-overlay';
</script>

<credential-overlay open="yes" oncredential-saved={(e) => e.detail.nope}></credential-overlay>
`);
fwWrite('tsconfig.preact.json', JSON.stringify({
  compilerOptions: { target: 'ES2022', lib: ['ES2022', 'DOM', 'DOM.Iterable'], strict: true, noEmit: true, module: 'ESNext', moduleResolution: 'bundler', skipLibCheck: true, jsx: 'react-jsx', jsxImportSource: 'preact', types: [] },
  include: ['preact'],
}, null, 2));
fwWrite('preact/app.tsx', `
import 'credential-overlay';
import type { CustomElements } from 'credential-overlay/jsx';
import type { CredentialSavedDetail } from 'credential-overlay';

declare module 'preact' {
  namespace JSX {
    interface IntrinsicElements extends CustomElements {}
  }
}

const onSaved = (e: CustomEvent<CredentialSavedDetail>) => e.detail.waitUntil(Promise.resolve(e.detail.keyHint));
export const Good = () => <credential-overlay open provider="openai" credential-name="From Preact" oncredential-saved={onSaved} />;
// @ts-expect-error open is a boolean
export const WrongType = () => <credential-overlay open="yes" />;
// @ts-expect-error the detail is typed: it has no "nope"
export const WrongDetail = () => <credential-overlay oncredential-saved={(e) => e.detail.nope} />;
`);

let fwInstalled = false;
await check('(f) npm install the tarball with Vue, vue-tsc, Svelte, svelte-check and Preact', () => {
  const t = Date.now();
  run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], fw);
  fwInstalled = true;
  const v = (n) => JSON.parse(readFileSync(join(fw, 'node_modules', n, 'package.json'), 'utf8')).version;
  return `${((Date.now() - t) / 1000).toFixed(1)} s; vue ${v('vue')}, vue-tsc ${v('vue-tsc')}, svelte ${v('svelte')}, svelte-check ${v('svelte-check')}, preact ${v('preact')}`;
});

/** Runs a checker that must fail, and returns its output; throws when it passes or says none of `want`. */
function mustFail(cmd, args, cwd, want) {
  let out;
  try {
    out = run(cmd, args, cwd);
  } catch (error) {
    out = `${error.stdout ?? ''}${error.stderr ?? ''}`;
    const missing = want.filter((w) => !out.includes(w));
    if (missing.length) throw new Error(`the errors do not name ${missing.join(', ')}:\n${out}`);
    return out;
  }
  throw new Error(`it passed, but the file has errors:\n${out}`);
}

if (fwInstalled) {
  const bin = (name) => join(fw, 'node_modules/.bin', name);
  await check('(f) Vue 3 SFC, vue-tsc with strict templates: the tags and a typed @credential-saved handler check', () => {
    run(bin('vue-tsc'), ['-p', 'tsconfig.vue.json'], fw);
  });
  await check('(f) Vue 3 SFC: a misspelt attribute and a wrongly typed handler are errors', () => {
    mustFail(bin('vue-tsc'), ['-p', 'tsconfig.vue-bad.json'], fw, ["'credentailName' does not exist", "'nope'"]);
  });
  await check('(f) Svelte 5 component, svelte-check: the tags and a typed oncredential-saved handler check', () => {
    run(bin('svelte-check'), ['--workspace', 'svelte', '--fail-on-warnings', '--output', 'human'], fw);
  });
  await check('(f) Svelte 5: a wrong attribute type and a wrong detail are errors', () => {
    mustFail(bin('svelte-check'), ['--workspace', 'svelte-bad', '--output', 'human'], fw, ["Type 'string' is not assignable to type 'boolean", "'nope'"]);
  });
  await check('(f) Preact JSX, tsc: the tags type-check, a wrong type and a wrong detail are errors', () => {
    run(join(fw, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.preact.json'], fw);
  });
}

let built = false;
if (installed) {
  await check('(b) vite build of the consumer', () => {
    run(join(app, 'node_modules/.bin/vite'), ['build'], app);
    built = true;
  });
}

if (built) {
  const chrome = findChrome();
  if (!chrome) {
    record('browser: Chromium found (run `node scripts/chrome.mjs --ensure` or set CHROME_PATH)', false);
  } else {
    await browserTests(chrome);
  }
}
finish();

// ---------------------------------------------------------------------------------------

/** Serves the consumer's dist/, and its node_modules/ for the no-bundler page. */
function serve() {
  const types = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.map': 'application/json', '.css': 'text/css' };
  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://localhost').pathname;
    const rel = normalize(decodeURIComponent(url)).replace(/^(\.\.[/\\])+/, '');
    const file = rel.startsWith('/node_modules/') ? join(app, rel) : join(app, 'dist', rel);
    if (!file.startsWith(app) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

async function browserTests(executablePath) {
  const server = await serve();
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await puppeteer.launch({
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update'],
  });

  /** Opens `path` in a new page; fails the check on any uncaught error in the page. */
  async function open(path) {
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(`${origin}/${path}`, { waitUntil: 'load' });
    return { page, errors };
  }
  const assert = (cond, message) => {
    if (!cond) throw new Error(message);
  };
  /** What the user sees: whether the dialog is open, and the label of the focused field. */
  const overlayState = (page, tag) =>
    page.waitForFunction((tag) => {
      const el = document.querySelector(tag);
      const dialog = el?.shadowRoot?.querySelector('dialog');
      const active = el?.shadowRoot?.activeElement;
      if (!dialog?.open || !active) return false;
      return { open: dialog.open, focused: active.labels?.[0]?.textContent.trim() ?? active.localName };
    }, { timeout: 5000 }, tag).then((h) => h.jsonValue());

  try {
    await check('(b) Chromium: `import "credential-overlay"` defines the tag; show() opens the dialog with Credential Name focused', async () => {
      const { page, errors } = await open('index.html');
      const state = await overlayState(page, 'credential-overlay');
      const consumer = await page.evaluate(() => window.consumer);
      assert(consumer?.defined, 'credential-overlay is not defined by the default entry');
      assert(state.focused === 'Credential Name', `focus is on ${state.focused}`);
      assert(!errors.length, errors.join('\n'));
      await page.close();
    });

    await check('(c) Chromium: `credential-overlay/element` defines nothing until define() is called', async () => {
      const { page, errors } = await open('element.html');
      const state = await overlayState(page, 'acme-credential-overlay');
      const c = await page.evaluate(() => window.consumer);
      assert(c.before, 'a tag was defined before define() was called');
      assert(c.after, 'define("acme-credential-overlay") did not define the tag');
      assert(c.defaultTagStillFree, 'the element entry defined <credential-overlay>');
      assert(state.focused === 'Credential Name', `focus is on ${state.focused}`);
      assert(!errors.length, errors.join('\n'));
      await page.close();
    });

    await check('(d) Chromium: the React wrapper renders open and its typed onCredentialSaved fires on Save', async () => {
      const { page, errors } = await open('react.html');
      await overlayState(page, 'credential-overlay');
      const name = await page.$eval('credential-overlay', (el) => el.shadowRoot.querySelector('#name').value);
      assert(name === 'From React', `credentialName prop did not reach the field (${JSON.stringify(name)})`);
      const key = `sk-proj-${'AbCd1234'.repeat(5)}`;
      const input = await page.$('credential-overlay >>> #api-key');
      await input.type(key);
      const save = await page.$('credential-overlay >>> [part="save-button"]');
      await save.click();
      await page
        .waitForFunction(() => window.consumer?.saved, { timeout: 5000 })
        .catch(async (error) => {
          const shown = await page.$eval('credential-overlay', (el) =>
            [...el.shadowRoot.querySelectorAll('[part~="error"], [role="alert"]')].map((e) => e.textContent.trim()).filter(Boolean).join(' | '));
          throw new Error(`${error.message}; the overlay shows: ${shown || 'no error'}; page errors: ${errors.join(' | ') || 'none'}`);
        });
      const c = await page.evaluate(() => window.consumer);
      assert(c.saved === 'sk-proj-…1234', `keyHint ${c.saved}`);
      assert(c.keyType === 'project' && c.name === 'From React', JSON.stringify(c));
      const shown = await page.$eval('#saved', (el) => el.textContent);
      assert(shown === c.saved, 'the React state did not update');
      await page
        .waitForFunction(() => !document.querySelector('credential-overlay').shadowRoot.querySelector('dialog').open, { timeout: 5000 })
        .catch((error) => {
          throw new Error(`${error.message}: the dialog stayed open after onCredentialSaved set open={false}`);
        });
      assert(!errors.length, errors.join('\n'));
      await page.close();
    });

    await check('(e) Chromium: the single-file bundle works from a plain <script type="module">', async () => {
      const { page, errors } = await open('plain.html');
      const state = await overlayState(page, 'credential-overlay');
      assert(state.focused === 'Credential Name', `focus is on ${state.focused}`);
      const bare = await page.evaluate(() => performance.getEntriesByType('resource').map((r) => r.name).filter((n) => !n.includes('credential-overlay.bundle')));
      assert(!bare.length, `the bundle loaded more files: ${bare.join(', ')}`);
      assert(!errors.length, errors.join('\n'));
      await page.close();
    });

    await check(`(e) Chromium: entries import through the exports map: picker, key-rules, ${[...locales.map((l) => `locales/${l}`), ...providers.map((p) => `providers/${p}`)].join(', ') || '(none in the tarball)'}`, async () => {
      const { page, errors } = await open('entries.html');
      await page.waitForFunction(() => window.consumer, { timeout: 5000 });
      const c = await page.evaluate(() => window.consumer);
      const bad = [...c.locales.filter(([, ok]) => !ok).map(([n]) => `locales/${n} exports no \`${n}\` strings`),
        ...c.providers.filter(([, ok]) => !ok).map(([n]) => `providers/${n} registered no "${n}" preset`)];
      assert(!bad.length, bad.join('; '));
      assert(c.picker, 'credential-overlay/picker did not define <credential-picker>');
      assert(c.keyRules, 'credential-overlay/key-rules: checkKey did not refuse an Anthropic key for OpenAI');
      assert(!errors.length, errors.join('\n'));
      await page.close();
    });
  } finally {
    await browser.close();
    server.close();
  }
}
