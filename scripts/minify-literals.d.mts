import type { Plugin } from 'vite';

/** Vite plugin: minifies Lit's css/html/svg templates of this project's sources at build time. */
export default function minifyLiteralsPlugin(options?: { include?: RegExp }): Plugin;
export function minifyLiterals(code: string): Promise<{ code: string; edits: Array<{ start: number; end: number; text: string }> } | null>;
export function minifyHtmlStrings(strings: string[]): string[];
export function minifyCssStrings(strings: string[]): Promise<string[]>;
export function editMap(code: string, edits: Array<{ start: number; end: number; text: string }>, source: string): object;
