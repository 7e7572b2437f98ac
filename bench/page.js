// In-page side of `npm run bench`, bundled by bench/run.mjs with esbuild into one module
// (one copy of Lit shared by both variants, so both run on the same page load).
// bench/run.mjs calls window.bench.* through puppeteer; every time is taken here with
// performance.now(), so no protocol round trip is ever timed.
import '../dist/index.js';
import { createShoelaceDialog } from './shoelace-dialog.js';
import { openai } from '../dist/element.js';
import { checkKey } from '../dist/key-rules.js';

const VALID = `sk-proj-${'Ab3dE9_-Xy'.repeat(7)}T3BlbkFJ${'Qz8w-_Lm2N'.repeat(8)}x9Qz`;
const INVALID = `sk-ant-api03-${'AbCdEfGhIjKlMnOpQrStUv'.repeat(3)}`;

const now = () => performance.now();
/** The next task (MessageChannel: no 4 ms clamp as with nested setTimeout). */
const tick = () =>
  new Promise((resolve) => {
    const c = new MessageChannel();
    c.port1.onmessage = () => resolve();
    c.port2.postMessage(0);
  });
/** Resolves after the next frame was produced (rAF, then the task after it). */
const paint = () => new Promise((resolve) => requestAnimationFrame(() => tick().then(resolve)));

async function until(cond, what) {
  const start = now();
  for (let i = 0; !cond(); i++) {
    await (i < 20 ? null : tick()); // microtasks first (Lit renders in one), then tasks
    if (now() - start > 5000) throw new Error(`timed out waiting for ${what}`);
  }
}

/** Sets a control's value as a paste does and fires `input`. */
function type(control, value) {
  control.value = value;
  control.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertFromPaste' }));
}

/** <credential-overlay>, driven through its contract: labels and accessible names. */
async function oursDriver() {
  const el = document.createElement('credential-overlay');
  document.body.append(el);
  await el.updateComplete;
  const root = el.shadowRoot;
  const field = (label) => {
    const l = [...root.querySelectorAll('label')].find((x) => x.textContent.trim() === label);
    if (!l) throw new Error(`no field labelled ${label}`);
    return root.getElementById(l.htmlFor);
  };
  const button = (name) => [...root.querySelectorAll('button')].find((b) => (b.getAttribute('aria-label') ?? b.textContent.trim()) === name);
  const name = field('Credential Name');
  const description = field('Credential Description');
  const key = field('API Key Value');
  const save = button('Save');
  const dialog = root.querySelector('dialog');
  let saved = 0;
  el.addEventListener('credential-saved', () => saved++);
  return {
    el,
    open: () => (el.open = true),
    focused: () => root.activeElement === name,
    fill(apiKey) {
      type(name, 'Production');
      type(description, 'Nightly enrichment job');
      type(key, apiKey);
    },
    save: () => save.click(),
    keyInvalid: () => key.getAttribute('aria-invalid') === 'true',
    closed: () => !el.open && !dialog.open,
    close: () => el.close(),
    saved: () => saved,
  };
}

/** The Shoelace 2 equivalent (bench/shoelace-dialog.js). */
async function shoelaceDriver() {
  const d = createShoelaceDialog(document.body);
  await Promise.all(['sl-dialog', 'sl-input', 'sl-textarea', 'sl-button'].map((t) => customElements.whenDefined(t)));
  await d.dialog.updateComplete;
  const inner = (c) => c.shadowRoot.querySelector('input, textarea');
  let hidden = true;
  let saved = 0;
  d.dialog.addEventListener('sl-after-hide', (e) => e.target === d.dialog && (hidden = true));
  d.dialog.addEventListener('credential-saved', () => saved++);
  const helpShown = () =>
    d.apiKey.helpText !== d.helpText &&
    d.apiKey.shadowRoot.querySelector('[part~="form-control-help-text"]')?.textContent.trim() === d.apiKey.helpText;
  return {
    el: d.dialog,
    open() {
      hidden = false;
      d.dialog.show();
    },
    focused: () => document.activeElement === d.name,
    fill(apiKey) {
      type(inner(d.name), 'Production');
      type(inner(d.description), 'Nightly enrichment job');
      type(inner(d.apiKey), apiKey);
    },
    save: () => d.save.click(),
    keyInvalid: () => d.apiKey.hasAttribute('data-invalid') && helpShown(),
    closed: () => hidden && !d.dialog.open,
    close: () => d.dialog.hide(),
    saved: () => saved,
  };
}

const drivers = {};

async function closeAndSettle(drv) {
  if (!drv.closed()) drv.close();
  await until(drv.closed, 'close');
  await paint();
}

/** One timed run of `figure` with `variant`; returns milliseconds. */
async function once(variant, figure) {
  const drv = drivers[variant];
  await closeAndSettle(drv);
  let t0;
  let t;
  switch (figure) {
    case 'open':
      t0 = now();
      drv.open();
      await until(drv.focused, 'focus on the first field');
      await paint();
      t = now() - t0;
      break;
    case 'validate':
      drv.open();
      await until(drv.focused, 'focus');
      drv.fill(INVALID);
      await paint();
      t0 = now();
      drv.save();
      await until(drv.keyInvalid, 'the key error');
      await paint();
      t = now() - t0;
      break;
    case 'cycle': {
      const before = drv.saved();
      t0 = now();
      drv.open();
      await until(drv.focused, 'focus');
      drv.fill(VALID);
      drv.save();
      await until(drv.closed, 'closed after Save');
      await paint();
      t = now() - t0;
      if (drv.saved() !== before + 1) throw new Error(`${variant}: Save did not emit credential-saved`);
      break;
    }
    default:
      throw new Error(`unknown figure ${figure}`);
  }
  await closeAndSettle(drv);
  return t;
}

/**
 * Pastes a payload of `size` characters into our key field (`set`: the browser sets the
 * value; `input`: our `input` handlers), then presses Save: `work` until the error is in the
 * DOM (validation and render), `frame` until the next frame was painted.
 */
async function paste(kind, size) {
  const drv = drivers.ours;
  await closeAndSettle(drv);
  const payloads = {
    // A whole file pasted by mistake: one long run of key characters.
    'key characters': () => `sk-${'Ab3dE9_-Xy'.repeat(Math.ceil(size / 10))}`.slice(0, size),
    // Prose or a log: words and spaces.
    'text with spaces': () => 'lorem ipsum dolor sit amet '.repeat(Math.ceil(size / 27)).slice(0, size),
    // The worst case for a trailing-whitespace regex: one huge run of spaces inside.
    'spaces inside': () => `x${' '.repeat(size - 2)}x`,
  };
  const value = payloads[kind]();
  drv.open();
  await until(drv.focused, 'focus');
  drv.fill('');
  await paint();
  const key = drivers.ours.el.shadowRoot.querySelector('input[type="password"]');
  // The browser's cost (the value set), then ours: the `input` handlers, and Save until
  // the error is in the DOM.
  let t0 = now();
  key.value = value;
  const set = now() - t0;
  t0 = now();
  key.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertFromPaste' }));
  await null; // a render the handler may have asked for
  const input = now() - t0;
  await paint();
  t0 = now();
  drv.save();
  await until(drv.keyInvalid, 'the key error');
  const work = now() - t0;
  await paint();
  const frame = now() - t0;
  await closeAndSettle(drv);
  // The validation alone (normalize + every key rule), without the DOM: the part of Save
  // that grows with the paste.
  t0 = now();
  checkKey(value, openai);
  const validate = now() - t0;
  return { set, input, work, frame, validate };
}

/** Open–fill–save–close `n` times, as fast as the element allows (for the leak check). */
async function cycles(variant, n) {
  const drv = drivers[variant];
  for (let i = 0; i < n; i++) {
    drv.open();
    await until(drv.focused, 'focus');
    drv.fill(VALID);
    drv.save();
    await until(drv.closed, 'closed after Save');
    if (i % 50 === 0) await paint();
  }
  await paint();
  return drv.saved();
}

/**
 * "Default model" with `n` models (issue 24): an overlay with `verify` and `choose-model` whose
 * check lists `n` models; from the click on "Check key" until the list of choices is there and
 * two frames were produced, the longest frame (Long Animation Frames, else the gaps between
 * rAF callbacks) and the time until the choices exist.
 */
async function models(n) {
  const el = document.createElement('credential-overlay');
  el.verify = true;
  el.chooseModel = true;
  const ids = Array.from({ length: n }, (_, i) => `provider-model-${String(i).padStart(4, '0')}-preview`);
  el.verifier = async () => ({ ok: true, check: { status: 'valid', models: ids, checkedAt: new Date().toISOString() } });
  document.body.append(el);
  await el.show();
  const root = el.shadowRoot;
  const field = (label) => root.getElementById([...root.querySelectorAll('label')].find((x) => x.textContent.trim() === label).htmlFor);
  type(field('API Key Value'), VALID);
  const check = root.querySelector('[part="check-button"]');
  const model = field('Default model');
  await paint();
  const frames = [];
  const observer = PerformanceObserver.supportedEntryTypes?.includes('long-animation-frame')
    ? new PerformanceObserver((list) => list.getEntries().forEach((e) => frames.push(e.duration)))
    : undefined;
  observer?.observe({ type: 'long-animation-frame', buffered: false });
  let last = now();
  let gaps = 0;
  let rafRunning = true;
  const raf = (t) => {
    gaps = Math.max(gaps, t - last);
    last = t;
    if (rafRunning) requestAnimationFrame(raf);
  };
  requestAnimationFrame(raf);
  const t0 = now();
  check.click();
  await until(() => model.list?.options.length === n, 'the list of models');
  const shown = now() - t0;
  await paint();
  await paint();
  rafRunning = false;
  observer?.disconnect();
  el.remove();
  // Long Animation Frames reports only frames over 50 ms: none is 0 there. The gaps between
  // rAF callbacks give the longest frame whatever its length.
  return { shown, longAnimationFrames: observer ? frames.length : undefined, longestFrame: observer ? Math.max(gaps, ...frames) : gaps };
}

window.bench = {
  models,
  async setup() {
    drivers.ours = await oursDriver();
    drivers.shoelace = await shoelaceDriver();
    return true;
  },
  once,
  paste,
  cycles,
  /** Milliseconds between frames, to know whether frames are rate-limited. */
  async frameInterval() {
    const t0 = now();
    for (let i = 0; i < 20; i++) await paint();
    return (now() - t0) / 20;
  },
};
