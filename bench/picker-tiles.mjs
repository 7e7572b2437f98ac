// `node bench/picker-tiles.mjs [--tiles N] [--rounds N]`: how <credential-picker> copes with
// a long list, in headless Chromium (the system browser), built from src with esbuild.
// Prints medians of: rendering N tiles until a frame is painted, an arrow-key move (select
// and focus the next tile) until painted, and replacing the list with one more tile (a host
// adding a saved credential). No assertion: a benchmark prints figures.
import { build } from 'esbuild';
import { createServer } from 'node:http';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { findChrome } from '../scripts/chrome.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const TILES = arg('--tiles', 10_000);
const ROUNDS = arg('--rounds', 5);

const script = await build({
  stdin: {
    resolveDir: root,
    loader: 'ts',
    contents: `
import './src/picker.ts';
const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
const list = (n) => Array.from({ length: n }, (_, i) => ({
  id: 'c' + i, name: 'Credential ' + i, description: i % 3 ? 'Used by job ' + i : '',
  keyHint: 'sk-proj-…' + String(i).padStart(4, '0'), keyType: 'project', verified: i % 2 === 0,
  createdAt: new Date(Date.UTC(2026, 0, 1 + (i % 300))).toISOString(),
}));
window.run = async (n) => {
  document.body.replaceChildren();
  const p = document.createElement('credential-picker');
  document.body.append(p);
  await p.updateComplete;
  const credentials = list(n);
  const count = () => p.shadowRoot.querySelectorAll('[role=radio]').length;
  // The longest gap between two frames while the list renders: how long the page was frozen.
  let last = performance.now();
  let longest = 0;
  let watching = true;
  const watch = (now) => {
    longest = Math.max(longest, now - last);
    last = now;
    if (watching) requestAnimationFrame(watch);
  };
  let t = performance.now();
  last = t;
  requestAnimationFrame(watch);
  p.credentials = credentials;
  await p.updateComplete;
  await frame();
  const first = performance.now() - t;
  while (count() < n) await frame();
  const all = performance.now() - t;
  watching = false;
  await frame();
  const radio = p.shadowRoot.querySelector('[role=radio]');
  radio.focus();
  t = performance.now();
  radio.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true, composed: true }));
  await p.updateComplete;
  await frame();
  const move = performance.now() - t;
  t = performance.now();
  radio.dispatchEvent(new KeyboardEvent('keydown', { key: 'End', bubbles: true, composed: true }));
  await p.updateComplete;
  await frame();
  const end = performance.now() - t;
  t = performance.now();
  p.credentials = [...credentials, ...list(n + 1).slice(n)];
  await p.updateComplete;
  await frame();
  const add = performance.now() - t;
  return { first, all, longest, move, end, add, tiles: count() };
};`,
  },
  bundle: true,
  format: 'esm',
  minify: true,
  write: false,
  // package.json's sideEffects names the dist files; these are the sources.
  ignoreAnnotations: true,
  logLevel: 'warning',
});
const server = createServer((req, res) => {
  if (req.url === '/bench.js') {
    res.writeHead(200, { 'content-type': 'text/javascript' });
    res.end(script.outputFiles[0].contents);
  } else {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end('<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><script type="module" src="/bench.js"></script></head><body></body></html>');
  }
}).listen(0, '127.0.0.1');
await new Promise((r) => server.once('listening', r));
const browser = await puppeteer.launch({ executablePath: findChrome(), headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 1200, height: 800 });
  await page.goto(`http://127.0.0.1:${server.address().port}/`);
  await page.waitForFunction(() => typeof window.run === 'function');
  const runs = [];
  for (let i = 0; i < ROUNDS; i++) runs.push(await page.evaluate((n) => window.run(n), TILES));
  const median = (k) => {
    const v = runs.map((r) => r[k]).sort((a, b) => a - b);
    return v[Math.floor(v.length / 2)].toFixed(0);
  };
  console.log(`<credential-picker> with ${TILES} tiles, ${ROUNDS} rounds, medians (headless Chromium, this machine):`);
  console.log(`| figure | ms |\n|---|---:|`);
  console.log(`| first tiles painted (the list renders in batches of 300 a frame) | ${median('first')} |`);
  console.log(`| all ${TILES} tiles rendered | ${median('all')} |`);
  console.log(`| longest frame while they render (how long the page was unresponsive) | ${median('longest')} |`);
  console.log(`| arrow key: select and focus the next tile, until painted | ${median('move')} |`);
  console.log(`| End: the last tile, until painted | ${median('end')} |`);
  console.log(`| the host adds one tile (${TILES + 1}), until painted | ${median('add')} |`);
  if (runs.some((r) => r.tiles !== TILES + 1)) throw new Error('not every tile rendered');
} finally {
  await browser.close();
  server.close();
}
