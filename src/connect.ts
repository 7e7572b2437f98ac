/**
 * One connect attempt (contract section 16), a chunk of its own, loaded only when a preset
 * with a connect flow is shown: a fresh verifier (32 random bytes, base64url) and its S256
 * challenge (Web Crypto), a one-time `state` in the callback URL, the provider's page in the
 * popup the click opened, one answer whose state matches from the callback page (over a
 * same-origin BroadcastChannel, since the provider's page may cut the popup's opener), then
 * the code exchanged for the key. The verifier and the state live only in this closure: never
 * in storage, an event, the console, or a URL (the state only in the callback URL, the
 * verifier only as its challenge), and are dropped when it ends.
 */
import { at } from './check-result.js';
import { maskMessage } from './mask.js';
import type { ConnectFlow } from './presets/types.js';

/** The channel the callback page answers on (connect-callback.ts). */
const CHANNEL = 'credential-overlay-connect';
/** Gives up after 5 minutes. */
const CONNECT_TIMEOUT_MS = 300_000;

export type ConnectEvent =
  /** The popup is closed, or looks closed (a provider's page may cut the opener): the attempt still listens. */
  | { kind: 'closed' }
  | { kind: 'key'; key: string }
  | { kind: 'failed'; problem: 'denied' | 'exchange' | 'no-key' | 'timeout'; detail?: string };

export interface ConnectOptions {
  flow: ConnectFlow;
  /** The authorization page: `connect-url`, else the preset's. */
  authorize: string;
  /** The host's callback page (`connect-callback`). */
  callback: string;
  /** `{baseUrl}` of the exchange. */
  baseUrl: string;
  /** Cancel, Escape, `close()`, a new attempt: abandons this one. */
  signal: AbortSignal;
  timeoutMs?: number;
  /** What happened; a `key` or `failed` event ends the attempt. */
  onEvent(event: ConnectEvent): void;
}

const base64url = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const random = (n: number) => base64url(crypto.getRandomValues(new Uint8Array(n)));

/** `template` with each `{name}` of `values` put in (as a function: a `$` in a value stays a `$`). */
const fill = (template: string, values: Record<string, string>) => template.replace(/\{(\w+)\}/g, (all, name: string) => values[name] ?? all);

/** Runs one attempt in `popup` (opened by the click, still blank). */
export async function runConnect(popup: Window, o: ConnectOptions): Promise<void> {
  let verifier: string | undefined = random(32);
  let state: string | undefined = random(16);
  const challenge = base64url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
  // Abandoned already (Cancel, close() right after the click): the window goes too.
  if (o.signal.aborted) return popup.close();
  const callback = new URL(o.callback);
  callback.searchParams.set('state', state);
  const url = new URL(o.authorize);
  for (const [name, template] of Object.entries(o.flow.query)) url.searchParams.set(name, fill(template, { callback: callback.href, challenge }));

  const channel = new BroadcastChannel(CHANNEL);
  let closed = false;
  let ended = false;
  const end = (event?: ConnectEvent) => {
    if (ended) return;
    ended = true;
    verifier = state = undefined;
    channel.close();
    clearTimeout(timer);
    clearInterval(watch);
    o.signal.removeEventListener('abort', abandon);
    if (!popup.closed) popup.close();
    if (event) o.onEvent(event);
  };
  const abandon = () => end();
  o.signal.addEventListener('abort', abandon, { once: true });
  const timer = setTimeout(() => end({ kind: 'failed', problem: 'timeout' }), o.timeoutMs ?? CONNECT_TIMEOUT_MS);
  // A popup that reads as closed within 3 s of going to the provider was cut off by the
  // provider's page (Cross-Origin-Opener-Policy), not closed by the user: from then on only
  // the answer on the channel, or the time limit, ends the attempt.
  let left = Infinity;
  const watch = setInterval(() => {
    if (!popup.closed || closed) return;
    closed = true;
    if (Date.now() - left < 3000) clearInterval(watch);
    else o.onEvent({ kind: 'closed' });
  }, 500);

  channel.onmessage = (message: MessageEvent) => {
    const m = message.data as { type?: unknown; state?: unknown; code?: unknown; error?: unknown } | null;
    // Another page's message, another attempt's, a replay, one of another shape: not for this attempt.
    if (ended || !m || typeof m !== 'object' || m.type !== 'credential-overlay/connect' || typeof m.state !== 'string' || m.state !== state) return;
    const code = typeof m.code === 'string' && m.code ? m.code : undefined;
    const error = typeof m.error === 'string' ? m.error : undefined;
    if (!code === !error) return;
    const once = verifier!;
    state = undefined;
    channel.postMessage({ type: 'credential-overlay/connected', state: m.state });
    if (error !== undefined) end({ kind: 'failed', problem: 'denied', detail: maskMessage(error).slice(0, 100) });
    else void exchange(code!, once);
  };

  async function exchange(code: string, codeVerifier: string): Promise<void> {
    const body = Object.fromEntries(Object.entries(o.flow.exchange.body).map(([name, template]) => [name, fill(template, { code, verifier: codeVerifier })]));
    try {
      const response = await fetch(fill(o.flow.exchange.url, { baseUrl: o.baseUrl.replace(/\/+$/, '') }), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal: o.signal,
        credentials: 'omit',
        cache: 'no-store',
        referrerPolicy: 'no-referrer',
        redirect: 'error',
      });
      const answer: unknown = await response.json().catch(() => undefined);
      const key = at(answer, o.flow.keyPath);
      if (response.ok && typeof key === 'string' && key) return end({ kind: 'key', key });
      const said = [at(answer, 'error.message'), at(answer, 'message'), at(answer, 'error')].find((v) => typeof v === 'string');
      end({ kind: 'failed', problem: response.ok ? 'no-key' : 'exchange', detail: typeof said === 'string' ? maskMessage(said) : `${response.status}` });
    } catch {
      if (!o.signal.aborted) end({ kind: 'failed', problem: 'exchange' });
    }
  }

  try {
    left = Date.now();
    popup.location.href = url.href;
  } catch {
    // Closed before it could go there: the watch says so.
  }
}
