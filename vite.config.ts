import { defineConfig } from 'vite';

// `vite` serves the demo (index.html). `vite build` builds the library: one ES module per
// entry, Lit external. `vite build --mode bundle` builds the single file with Lit included,
// minified, for a plain <script type="module"> with no bundler.
export default defineConfig(({ mode }) => {
  const bundle = mode === 'bundle';
  return {
    server: { open: false },
    build: {
      outDir: 'dist',
      emptyOutDir: !bundle,
      sourcemap: true,
      minify: bundle,
      target: 'es2022',
      lib: bundle
        ? { entry: 'src/index.ts', formats: ['es'], fileName: () => 'credential-overlay.bundle.js' }
        : { entry: { index: 'src/index.ts', element: 'src/element.ts' }, formats: ['es'] },
      rolldownOptions: bundle
        ? // Library mode keeps whitespace in ES output; the single file is minified fully.
          { output: { minify: true } }
        : { external: [/^lit(\/|$)/, /^@lit\//] },
    },
  };
});
