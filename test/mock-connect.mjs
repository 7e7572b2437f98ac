// A local stand-in for OpenRouter's connect flow (its documented OAuth PKCE flow), for the
// tests, the demo and the demo's server. Nothing here reaches the internet.
//
//   GET  /mock/openrouter/auth?callback_url=…&code_challenge=…&code_challenge_method=S256
//        an approval page that looks like a provider's, with "Allow" and "Deny"
//   GET  /mock/openrouter/auth/decide   (the page's form) → 302 to callback_url with
//        ?code=… or ?error=access_denied, appended as a provider may: with "?" even when the
//        callback URL already has a query
//   POST /mock/openrouter/api/v1/auth/keys  { code, code_verifier, code_challenge_method }
//        → { key, user_id } when base64url(SHA-256(code_verifier)) is the code's challenge;
//        a code works once
//
// `mock=` on the authorization page picks another exchange answer for that code: `fail`
// (500), `nokey` (200 without a key), `badkey` (a key that breaks OpenRouter's key rules).
import { createHash, randomBytes } from 'node:crypto';

/** Codes handed out and not yet exchanged: code → { challenge, method, mode }. */
const codes = new Map();
/** Keys this mock issued: its check of OpenRouter's keys (mock-api.mjs) takes them as valid. */
export const issuedKeys = new Set();

const escape = (s) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const s256 = (verifier) => createHash('sha256').update(verifier).digest('base64url');

/** The approval page: plain HTML, no script, no inline style (the demo's CSP holds). */
function approvalPage(params) {
  const callback = params.get('callback_url') ?? '';
  const hidden = ['callback_url', 'code_challenge', 'code_challenge_method', 'mock']
    .map((name) => `<input type="hidden" name="${name}" value="${escape(params.get(name) ?? '')}">`)
    .join('');
  let host = '';
  try {
    host = new URL(callback).host;
  } catch {
    host = '(no valid callback_url)';
  }
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>Authorize application – OpenRouter (local mock)</title><link rel="stylesheet" href="/mock/openrouter/auth.css"></head>
<body><main><p class="brand">OpenRouter <span>local mock</span></p>
<h1>Authorize ${escape(host)}</h1>
<p>This application asks for an API key to use OpenRouter on your account. You can revoke it at any time under Settings, Keys.</p>
<form method="get" action="/mock/openrouter/auth/decide">${hidden}
<button name="decision" value="allow" class="allow">Allow</button> <button name="decision" value="deny">Deny</button></form></main></body></html>`;
}

const CSS = `body{margin:0;font:16px/1.5 system-ui,sans-serif;background:#f4f5f7;color:#111827}
main{max-width:28rem;margin:10vh auto;padding:2rem;background:#fff;border:1px solid #d1d5db;border-radius:12px}
.brand{font-weight:700;margin:0 0 1rem}.brand span{font-weight:400;color:#4b5563;font-size:.875rem}
h1{font-size:1.25rem;margin:0 0 .5rem}button{font:inherit;font-weight:600;min-height:44px;padding:0 1.25rem;border-radius:8px;border:1px solid #6b7280;background:#fff;color:#111827;cursor:pointer}
.allow{background:#111827;color:#fff;border-color:#111827}button:focus-visible{outline:2px solid #2456d6;outline-offset:2px}`;

/** Reads a small JSON body; `undefined` when it is over 16 KB (answered 413, never a dropped connection). */
function readBody(req) {
  return new Promise((resolve) => {
    let data = '';
    req.on('data', (chunk) => {
      data += chunk;
      if (data.length > 16_384) req.pause(), resolve(undefined);
    });
    req.on('end', () => resolve(data));
    req.on('error', () => resolve(''));
  });
}

/** Handles the connect mock; returns false for any other URL. Plain Node (req, res). */
export function handleMockConnect(req, res) {
  const url = new URL(req.url, 'http://localhost');
  const path = url.pathname.replace(/^\/mock\/(?:[\w-]+\/)?openrouter/, '/mock/openrouter');
  const send = (status, body, headers = {}) => {
    res.writeHead(status, { 'cache-control': 'no-store', ...headers });
    res.end(body);
  };
  const json = (status, body) => send(status, JSON.stringify(body), { 'content-type': 'application/json', 'access-control-allow-origin': '*' });
  if (path === '/mock/openrouter/auth.css') {
    send(200, CSS, { 'content-type': 'text/css' });
    return true;
  }
  if (path === '/mock/openrouter/auth' && req.method === 'GET') {
    send(200, approvalPage(url.searchParams), { 'content-type': 'text/html; charset=utf-8' });
    return true;
  }
  if (path === '/mock/openrouter/auth/decide' && req.method === 'GET') {
    // A form sent by GET: no body to parse in whatever server mounts the mock.
    void Promise.resolve(url.searchParams).then((form) => {
      const callback = form.get('callback_url') ?? '';
      if (!/^https?:\/\//.test(callback)) return send(400, 'callback_url must be an http(s) URL', { 'content-type': 'text/plain' });
      if (form.get('decision') !== 'allow') return send(302, '', { location: `${callback}?error=access_denied` });
      const code = randomBytes(16).toString('hex');
      codes.set(code, { challenge: form.get('code_challenge') ?? '', method: form.get('code_challenge_method') ?? '', mode: form.get('mock') ?? '' });
      // As a provider may: "?" appended, even to a URL that already has a query.
      send(302, '', { location: `${callback}?code=${code}` });
    });
    return true;
  }
  if (path === '/mock/openrouter/api/v1/auth/keys') {
    if (req.method === 'OPTIONS') {
      send(204, '', { 'access-control-allow-origin': '*', 'access-control-allow-headers': 'content-type', 'access-control-allow-methods': 'POST' });
      return true;
    }
    if (req.method !== 'POST') return json(405, { error: { message: 'Use POST.', code: 405 } }), true;
    readBody(req).then((body) => {
      if (body === undefined) return json(413, { error: { message: 'The body is too large.', code: 413 } });
      let given;
      try {
        given = JSON.parse(body);
      } catch {
        return json(400, { error: { message: 'Invalid JSON.', code: 400 } });
      }
      const entry = codes.get(given?.code);
      // A code works once, replayed or not.
      codes.delete(given?.code);
      if (!entry) return json(403, { error: { message: 'Invalid code.', code: 403 } });
      if (given.code_challenge_method !== 'S256' || entry.method !== 'S256' || s256(String(given.code_verifier ?? '')) !== entry.challenge) {
        return json(403, { error: { message: 'Invalid code_verifier.', code: 403 } });
      }
      if (entry.mode === 'fail') return json(500, { error: { message: 'Internal server error', code: 500 } });
      if (entry.mode === 'nokey') return json(200, { user_id: 'user_mock' });
      if (entry.mode === 'badkey') return json(200, { key: 'sk-or-v1-short', user_id: 'user_mock' });
      const key = `sk-or-v1-${randomBytes(32).toString('hex')}`;
      issuedKeys.add(key);
      return json(200, { key, user_id: 'user_mock' });
    });
    return true;
  }
  return false;
}
