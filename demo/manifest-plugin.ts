import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Plugin } from 'vite';

const ID = 'virtual:custom-elements.json';
const OUT = 'node_modules/.cache/credential-overlay-api';

/**
 * `import manifest from 'virtual:custom-elements.json'`: the package's custom-elements.json,
 * made by the analyzer from the sources with the project's config (without the framework
 * integrations, which write to dist/), when the API page first asks for it.
 */
export function customElementsManifest(): Plugin {
  let json: string | undefined;
  return {
    name: 'credential-overlay-custom-elements-manifest',
    resolveId: (source) => (source === ID ? `\0${ID}` : undefined),
    load(id) {
      if (id !== `\0${ID}`) return undefined;
      if (!json) {
        const cli = createRequire(import.meta.url).resolve('@custom-elements-manifest/analyzer/cem.js');
        execFileSync(process.execPath, [cli, 'analyze', '--outdir', OUT], { env: { ...process.env, CEM_INTEGRATIONS: 'off' }, stdio: 'pipe' });
        json = readFileSync(join(OUT, 'custom-elements.json'), 'utf8');
      }
      return json; // Vite's JSON plugin makes it a module (the id ends in .json)
    },
  };
}
