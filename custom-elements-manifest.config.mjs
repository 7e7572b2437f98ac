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

export default {
  globs: ['src/index.ts', 'src/element.ts', 'src/credential-overlay.ts', 'src/events.ts', 'src/picker.ts', 'src/credential-picker.ts'],
  outdir: 'dist',
  litelement: true,
  // Never rewrite package.json: "customElements" is set there once, by hand.
  packagejson: false,
  plugins: [publicApiPlugin()],
};
