import { readdirSync } from 'node:fs';
import { defineConfig, type Plugin } from 'vite';
import minifyLiterals from './scripts/minify-literals.mjs';
import { customElementsManifest } from './demo/manifest-plugin.js';
import { docsPages } from './demo/docs-plugin.js';
import { credentialServer } from './server/vite-plugin.js';

/**
 * Library entries: `.`, `./element`, `./react`, `./picker`, and every `src/locales/*.ts` and
 * `src/providers/*.ts` module that is an entry of its own (`credential-overlay/locales/de`,
 * `credential-overlay/providers/anthropic`): not the shared types, the known keys, nor the
 * OpenAI preset that the default entry carries.
 */
function libraryEntries(): Record<string, string> {
  const entries: Record<string, string> = { index: 'src/index.ts', element: 'src/element.ts', 'key-rules': 'src/key-rules-entry.ts', react: 'src/react.ts', 'react-picker': 'src/react-picker.ts', picker: 'src/picker.ts', 'connect-callback': 'src/connect-callback.ts' };
  // Not in the exports map, but files of their own so that custom-elements.json's module
  // paths (dist/credential-overlay.js, …) name real files for editors and docs tools.
  for (const name of ['credential-overlay', 'credential-picker', 'events']) entries[name] = `src/${name}.ts`;
  const internal = new Set<string>();
  for (const dir of ['locales', 'providers']) {
    let names: string[] = [];
    try {
      names = readdirSync(`src/${dir}`);
    } catch {
      continue; // no such folder (yet)
    }
    for (const file of names) {
      if (file.endsWith('.ts') && !file.endsWith('.d.ts') && !internal.has(file)) {
        entries[`${dir}/${file.slice(0, -3)}`] = `src/${dir}/${file}`;
      }
    }
  }
  return entries;
}

/**
 * The production build: `src/dev.ts` (development-only checks and warnings) becomes a module
 * where `DEV` is `false` and the warnings do nothing, so the bundler drops what only they use.
 */
function productionOnly(): Plugin {
  return {
    name: 'credential-overlay-production',
    enforce: 'pre',
    load(id) {
      if (id.replace(/\\/g, '/').endsWith('/src/dev.ts')) return 'export const DEV = false; export function warn() {} export function warnOnce() {}';
      return undefined;
    },
  };
}

// `vite` serves the demo (index.html) with its server (server/: the API and the providers'
// mock). `vite build` builds the library: one ES module per entry, Lit external.
// `vite build --mode bundle` builds the single file with Lit included, minified, for a plain
// <script type="module"> with no bundler. `vite build --mode demo` builds the demo site into
// dist-demo/ for `npm run serve`.
export default defineConfig(({ mode }) => {
  const bundle = mode === 'bundle';
  // `vite build --mode development`: the same entries with the development-only checks and
  // warnings, in dist/development/ (the `development` export condition).
  const development = mode === 'development';
  if (mode === 'demo') {
    return {
      // docs/*.md as pages beside the API page (dist-demo/docs/<name>.html).
      plugins: [minifyLiterals(), customElementsManifest(), docsPages({ build: true })],
      build: { outDir: 'dist-demo', emptyOutDir: true, target: 'es2022', sourcemap: true, rolldownOptions: { input: ['index.html', 'api.html', 'connect-callback.html'] } },
    };
  }
  return {
    server: { open: false },
    // Build only: Lit's css/html/svg templates lose comments and indentation.
    plugins: [minifyLiterals(), credentialServer(), customElementsManifest(), docsPages(), ...(development ? [] : [productionOnly()])],
    build: {
      outDir: development ? 'dist/development' : 'dist',
      emptyOutDir: !bundle && !development,
      sourcemap: true,
      minify: bundle,
      target: 'es2022',
      lib: bundle
        ? { entry: 'src/index.ts', formats: ['es'], fileName: () => 'credential-overlay.bundle.js' }
        : { entry: libraryEntries(), formats: ['es'] },
      rolldownOptions: bundle
        ? // Library mode keeps whitespace in ES output; the single file is minified fully.
          // One file: the live check, a chunk of its own in the ES build, is inlined here.
          { output: { minify: true, codeSplitting: false } }
        : {
            external: [/^lit(\/|$)/, /^@lit\//, /^react(\/|$)/],
            // src/react.ts starts with 'use client' (React Server Components); as an entry of
            // its own it stays the first line of dist/react.js, so the warning is noise.
            onLog(level, log, handler) {
              if (log.code === 'MODULE_LEVEL_DIRECTIVE' && log.message.includes('use client')) return;
              handler(level, log);
            },
          },
    },
  };
});
