/**
 * `credential-overlay/connect-callback`: what a host's callback page imports (contract section
 * 16). The provider sends the popup back here with `?code=…` (or `?error=…`) after the
 * one-time `state` the overlay put in the callback URL; this hands both to the overlay over a
 * same-origin BroadcastChannel (the provider's page may have cut the popup's opener), takes
 * the code out of the address bar and the history, and closes the popup once the overlay has
 * taken the answer. Opened on its own, it says there is nothing to finish and closes nothing.
 *
 * It writes its one line into `#credential-overlay-connect` when the page has that element,
 * else into the body; that element's `data-nothing`, `data-done` and `data-expired`
 * attributes replace the English texts.
 *
 *   <!doctype html><html lang="en"><meta charset="utf-8"><title>Connecting…</title>
 *   <p id="credential-overlay-connect">Connecting…</p>
 *   <script type="module">import 'credential-overlay/connect-callback';</script>
 */
const CHANNEL = 'credential-overlay-connect';

const TEXTS = {
  nothing: 'There is nothing to finish here. You can close this page.',
  done: 'Connected. You can close this window.',
  expired: 'This sign-in is no longer waited for (it was already used, or the window that asked for it closed). Go back and connect again.',
};

/**
 * The parameters of a callback URL, read defensively: a provider may append `?code=…` to a
 * URL that already has a query (`…?state=a?code=b`), so `?` and `&` both separate. A name
 * given twice with different values is refused (`undefined`).
 */
export function callbackParams(search: string): Record<string, string> | undefined {
  const params: Record<string, string> = {};
  for (const pair of search.replace(/^\?/, '').split(/[?&]/)) {
    if (!pair) continue;
    const at = pair.indexOf('=');
    let name: string;
    let value: string;
    try {
      name = decodeURIComponent((at < 0 ? pair : pair.slice(0, at)).replace(/\+/g, ' '));
      value = decodeURIComponent((at < 0 ? '' : pair.slice(at + 1)).replace(/\+/g, ' '));
    } catch {
      return undefined; // a broken escape
    }
    if (Object.hasOwn(params, name) && params[name] !== value) return undefined;
    params[name] = value;
  }
  return params;
}

function say(which: keyof typeof TEXTS): void {
  const target = document.getElementById('credential-overlay-connect');
  const text = target?.dataset[which] ?? TEXTS[which];
  if (target) target.textContent = text;
  else document.body.textContent = text;
}

function finish(): void {
  const params = callbackParams(location.search);
  const state = params?.state;
  const code = params?.code;
  const error = params?.error;
  // The code is one-time, but it leaves the address bar and the history at once, whatever it is.
  if (location.search) history.replaceState(null, '', location.pathname);
  if (!state || (!code && !error)) return say('nothing');
  const channel = new BroadcastChannel(CHANNEL);
  const timer = setTimeout(() => {
    channel.close();
    say('expired');
  }, 3000);
  channel.onmessage = (message: MessageEvent) => {
    const m = message.data as { type?: unknown; state?: unknown } | null;
    if (!m || m.type !== 'credential-overlay/connected' || m.state !== state) return;
    clearTimeout(timer);
    channel.close();
    say('done');
    window.close();
  };
  channel.postMessage({ type: 'credential-overlay/connect', state, ...(code ? { code } : { error: error!.slice(0, 100) }) });
}

// Only on a page (importable elsewhere for its parser).
if (typeof location !== 'undefined' && typeof BroadcastChannel !== 'undefined') finish();
