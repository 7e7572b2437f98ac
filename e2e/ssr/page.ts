// Rendered in Node by @lit-labs/ssr (through Vite's ssrLoadModule): the overlay and the
// picker as declarative shadow DOM, as an SSR framework (Next.js, Nuxt, SvelteKit, Astro,
// Eleventy) would put them in a page. Importing the package here proves that nothing at
// import or in the constructors touches `window` or `document`.
import { render } from '@lit-labs/ssr';
import { collectResultSync } from '@lit-labs/ssr/lib/render-result.js';
import { html } from 'lit';
import '../../src/index.js';
import '../../src/picker.js';
import { credentials } from './data.js';


/** The whole page; `client` is the URL of the module that hydrates it. */
export function renderPage(client: string): string {
  const body = collectResultSync(render(html`
    <main>
      <h1>Server-rendered</h1>
      <credential-picker id="with-child" .credentials=${credentials} value="a">
        <credential-overlay credential-name="From the server"></credential-overlay>
      </credential-picker>
      <credential-picker id="alone" .credentials=${credentials}></credential-picker>
      <credential-overlay id="standalone" credential-name="Standalone"></credential-overlay>
    </main>
  `));
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><link rel="icon" href="data:,"><title>SSR</title></head>
<body>
${body}
<script>
  // Before any module runs: nodes the server rendered, to compare after hydration.
  const picker = document.querySelector('#with-child');
  window.serverNodes = {
    tile: picker.shadowRoot.querySelector('[part~="tile"]'),
    heading: document.querySelector('#standalone').shadowRoot.querySelector('h2'),
  };
</script>
<script type="module" src="${client}"></script>
</body>
</html>`;
}
