// Hydrates what e2e/ssr/page.ts rendered: Lit's hydrate support first; then the properties the
// server rendered with (a property binding is not in the HTML), set before the elements are
// defined so that their first render, the hydrating one, matches the server's; then the package.
import '@lit-labs/ssr-client/lit-element-hydrate-support.js';
import { credentials } from './data.js';

for (const picker of document.querySelectorAll('credential-picker')) Object.assign(picker, { credentials });
await import('../../src/index.js');
await import('../../src/picker.js');
(window as unknown as { hydrated: boolean }).hydrated = true;
