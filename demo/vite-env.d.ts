/// <reference types="vite/client" />

declare module 'virtual:custom-elements.json' {
  const manifest: { schemaVersion: string; modules: unknown[] };
  export default manifest;
}
