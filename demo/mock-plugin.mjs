// A Vite plugin that serves the local mock of the providers' `GET /models` endpoints
// (test/mock-api.mjs) from the dev server, so the demo's live check never leaves the machine:
//   GET /mock/openai/v1/models, GET /mock/anthropic/v1/models
import { handleMockApi } from '../test/mock-api.mjs';

/** @returns {import('vite').Plugin} */
export function mockApi() {
  return {
    name: 'credential-overlay-mock-api',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        if (!handleMockApi(req, res)) next();
      });
    },
  };
}
