import type { Plugin } from 'vite';

/** Serves test/mock-api.mjs (`/mock/openai/v1/models`, `/mock/anthropic/v1/models`) from the dev server. */
export function mockApi(): Plugin;
