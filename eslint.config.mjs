// `npm run lint`: ESLint for the TypeScript sources, with the Lit and web-component rule
// sets; `lit-analyzer --strict` (same script) type-checks the templates' bindings.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';

export default tseslint.config(
  { ignores: ['dist/', 'coverage/', 'node_modules/'] },
  {
    files: ['src/**/*.ts'],
    extends: [
      js.configs.recommended,
      tseslint.configs.recommended,
      wc.configs['flat/recommended'],
      wc.configs['flat/best-practice'],
      lit.configs['flat/recommended'],
    ],
    settings: { wc: { elementBaseClasses: ['LitElement'] } },
    rules: {
      // Unused code is already an error of `tsc` (noUnusedLocals, noUnusedParameters).
      '@typescript-eslint/no-unused-vars': 'off',
      // LitElement implements every lifecycle callback: super calls need no guard.
      'wc/guard-super-call': 'off',
    },
  },
);
