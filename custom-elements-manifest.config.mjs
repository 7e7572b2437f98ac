import { readFileSync, writeFileSync } from 'node:fs';
import { customElementJetBrainsPlugin as webTypes } from 'custom-element-jet-brains-integration';
import { customElementJsxPlugin as jsxTypes } from 'custom-element-jsx-integration';
import { customElementSolidJsPlugin as solidTypes } from 'custom-element-solidjs-integration';
import { customElementSveltePlugin as svelteTypes } from 'custom-element-svelte-integration';
import { customElementVsCodePlugin as vsCodeData } from 'custom-element-vs-code-integration';
import { customElementVuejsPlugin as vueTypes } from 'custom-element-vuejs-integration';

// `custom-elements-manifest analyze` (run by `npm run build`) reads this file and writes
// dist/custom-elements.json from the JSDoc on the class (@fires, @csspart, @cssprop) and
// Lit's static properties. package.json's "customElements" points at it.

/**
 * Event types from the `HTMLElementEventMap` augmentation in src/events.ts, so each event in
 * the manifest says `CustomEvent<…Detail>` even where `@fires` names no type; and no private
 * members (Lit's internal state and queries, `#private` ones): they are not API. Also the tag's
 * definition by the default entry.
 */
function publicApiPlugin() {
  const eventTypes = new Map(); // 'credential-saved' -> 'CredentialSavedEvent'
  const aliases = new Map(); // 'CredentialSavedEvent' -> 'CustomEvent<CredentialSavedDetail>'
  return {
    name: 'credential-overlay-public-api',
    analyzePhase({ ts, node }) {
      if (ts.isTypeAliasDeclaration(node)) aliases.set(node.name.text, node.type.getText());
      if (ts.isInterfaceDeclaration(node) && node.name.text === 'HTMLElementEventMap') {
        for (const member of node.members) {
          if (!member.name || !member.type) continue;
          eventTypes.set(member.name.getText().replace(/^['"]|['"]$/g, ''), member.type.getText());
        }
      }
    },
    packageLinkPhase({ customElementsManifest }) {
      const { modules } = customElementsManifest;
      // `import 'credential-overlay'` defines the tag through `define()`, which the analyzer
      // cannot follow: record that definition on the entry module.
      const entry = modules.find((m) => m.path === 'src/index.ts');
      for (const mod of modules) {
        for (const decl of mod.declarations ?? []) {
          if (!entry || !decl.tagName) continue;
          entry.exports = [...(entry.exports ?? []), {
            kind: 'custom-element-definition',
            name: decl.tagName,
            declaration: { name: decl.name, module: mod.path },
          }];
        }
      }
      for (const mod of modules) {
        for (const decl of mod.declarations ?? []) {
          if (decl.members) {
            const hidden = new Set(decl.members.filter((m) => m.privacy === 'private' || m.name.startsWith('#')).map((m) => m.name));
            decl.members = decl.members.filter((m) => !hidden.has(m.name));
            // Lit's internal state ({ state: true } in static properties) has no attribute.
            if (decl.attributes) decl.attributes = decl.attributes.filter((a) => !hidden.has(a.fieldName));
          }
          // An event the analyzer guessed from `new CustomEvent(type, …)` inside a helper is no event.
          if (decl.events) decl.events = decl.events.filter((e) => eventTypes.has(e.name));
          for (const event of decl.events ?? []) {
            const declared = eventTypes.get(event.name);
            if (!declared || (event.type?.text && event.type.text !== 'CustomEvent')) continue;
            event.type = { text: aliases.get(declared) ?? declared };
          }
        }
      }
    },
  };
}

/**
 * Module paths name the built files (dist/credential-overlay.js), not the sources: a
 * manifest describes the package as installed. Runs after the analyzer has linked the modules.
 */
function distPathsPlugin() {
  const toDist = (value) => value.replace(/^\/?src\/(.+)\.ts$/, 'dist/$1.js');
  const walk = (node) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      if ((key === 'path' || key === 'module') && typeof value === 'string') node[key] = toDist(value);
      else walk(value);
    }
  };
  return { name: 'credential-overlay-dist-paths', packageLinkPhase: ({ customElementsManifest }) => walk(customElementsManifest.modules) };
}

/**
 * The integrations write `CustomEvent<type>` and import `type` from the component's module:
 * they read an event's detail type, where the manifest has the event's type. Around them,
 * events carry their detail type (`CredentialSavedDetail`), then get their own back.
 */
function detailTypesAround(plugins) {
  const saved = new Map();
  const events = (manifest) => manifest.modules.flatMap((m) => (m.declarations ?? []).flatMap((d) => d.events ?? []));
  const before = {
    name: 'credential-overlay-event-details',
    packageLinkPhase({ customElementsManifest }) {
      for (const event of events(customElementsManifest)) {
        const detail = /^CustomEvent<(\w+)>$/.exec(event.type?.text ?? '')?.[1];
        if (!detail) continue;
        saved.set(event, event.type.text);
        event.type = { text: detail };
      }
    },
  };
  const after = {
    name: 'credential-overlay-event-types',
    packageLinkPhase() {
      for (const [event, text] of saved) event.type = { text };
    },
  };
  return [before, ...plugins, after];
}

/**
 * The Svelte integration writes Svelte 4's `on:event` only, and declares `svelteHTML` inside a
 * module, where it augments nothing. Add Svelte 5's `onevent` attributes and make the
 * declaration global, so that importing `credential-overlay/svelte` types the tags.
 */
function svelteFivePlugin(file) {
  return {
    name: 'credential-overlay-svelte-5',
    packageLinkPhase() {
      let text = readFileSync(file, 'utf8');
      text = text.replace(/^(\s*)"on:([\w-]+)"\?: (.*)$/gm, '$1"on:$2"?: $3\n$1"on$2"?: $3');
      text = text.replace(/declare namespace svelteHTML \{([\s\S]*?)\n\}/, 'declare global {\n  namespace svelteHTML {$1\n  }\n}');
      writeFileSync(file, text);
    },
  };
}

/**
 * Vue's template compiler (and vue-tsc) camelizes what the template says: `credential-name`
 * is the prop `credentialName`, `@credential-saved` the prop `onCredentialSaved`. The Vue
 * integration writes the kebab-case names, which strict templates then reject; write them
 * as Vue reads them.
 */
function vueCamelCasePlugin(file) {
  const camel = (name) => name.replace(/-(\w)/g, (_, c) => c.toUpperCase());
  return {
    name: 'credential-overlay-vue-camel-case',
    packageLinkPhase() {
      let text = readFileSync(file, 'utf8');
      text = text.replace(/^(\s*)"on([a-z][\w-]*)"\?:/gm, (_, indent, event) => `${indent}on${camel(`-${event}`)}?:`);
      text = text.replace(/^(\s*)"([a-z]+(?:-[a-z]+)+)"\?:/gm, (_, indent, attr) => `${indent}${camel(attr)}?:`);
      writeFileSync(file, text);
    },
  };
}

// Typings and editor data made from the manifest by the maintained integrations, into
// dist/ (package.json names them where each ecosystem looks). Component types come from the
// .d.ts files tsc writes to dist/types/.
const typesOf = (name) => `./types/${name === 'CredentialPicker' ? 'credential-picker' : 'credential-overlay'}.js`;
const integrations = [
  jsxTypes({ outdir: 'dist', fileName: 'jsx.d.ts', componentTypePath: typesOf, hideLogs: true }),
  solidTypes({ outdir: 'dist', fileName: 'solid.d.ts', componentTypePath: typesOf, hideLogs: true }),
  vueTypes({ outdir: 'dist', fileName: 'vue.d.ts', componentTypePath: typesOf, hideLogs: true }),
  vueCamelCasePlugin('dist/vue.d.ts'),
  svelteTypes({ outdir: 'dist', fileName: 'svelte.d.ts', componentTypePath: typesOf, hideLogs: true }),
  svelteFivePlugin('dist/svelte.d.ts'),
  vsCodeData({ outdir: 'dist', htmlFileName: 'vscode.html-custom-data.json', cssFileName: 'vscode.css-custom-data.json', hideLogs: true }),
  webTypes({ outdir: 'dist', webTypesFileName: 'web-types.json', packageJson: false, hideLogs: true }),
];

export default {
  globs: ['src/index.ts', 'src/element.ts', 'src/credential-overlay.ts', 'src/events.ts', 'src/picker.ts', 'src/credential-picker.ts'],
  outdir: 'dist',
  litelement: true,
  // Never rewrite package.json: "customElements" is set there once, by hand.
  packagejson: false,
  // CEM_INTEGRATIONS=off: the manifest alone (the demo's API page makes one at start, and
  // must not rewrite dist/).
  plugins: [publicApiPlugin(), distPathsPlugin(), ...(process.env.CEM_INTEGRATIONS === 'off' ? [] : detailTypesAround(integrations))],
};
