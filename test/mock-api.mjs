// A local stand-in for every preset's live check, for the tests (web-test-runner middleware),
// the demo (Vite dev server) and the demo's server. Nothing here reaches the internet.
//
// Each preset answers under /mock/[SESSION/]<preset id>/ at the path its check uses below
// the provider's base URL, reads the key from that provider's header, and answers as that
// provider does (status and body), by a marker word inside the key:
//   VALID    valid                            REVOKED  refused (the provider's "wrong key")
//   SCOPES   a restricted key's refusal       FORBID   403
//   QUOTA    no credit (429 or 402)           RATE     429 rate limit
//   DOWN     503                              GARBLED  200 with a body that is not JSON
//   HANG     never answers                    BLOCKED  xAI: 200, but the key is blocked
//   anything else: REVOKED
// openai-compatible without any Authorization header answers VALID (a server without auth).
// `GET /mock/last-request?session=SESSION` tells the method, path, query, which header carried
// the key and the extra headers of the last call, never the key itself.

const MARKERS = ['VALID', 'REVOKED', 'SCOPES', 'FORBID', 'QUOTA', 'RATE', 'DOWN', 'GARBLED', 'HANG', 'BLOCKED'];

const openaiError = (message, type, code) => ({ error: { message, type, param: null, code } });
const anthropicError = (type, message) => ({ type: 'error', error: { type, message } });
const googleError = (code, status, message, reason) => ({
  error: { code, message, status, details: reason ? [{ '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason, domain: 'googleapis.com' }] : [] },
});
const list = (id) => ({ object: 'list', data: [{ id, object: 'model', owned_by: 'system' }] });

/** OpenAI's answers, which most OpenAI-compatible APIs copy. */
const openaiLike = (model, over = {}) => ({
  VALID: [200, list(model)],
  REVOKED: [401, openaiError('Incorrect API key provided: sk-proj-****MOCK. You can find your API key at https://platform.openai.com/account/api-keys.', 'invalid_request_error', 'invalid_api_key')],
  SCOPES: [401, openaiError('You have insufficient permissions for this operation. Missing scopes: api.model.read.', 'invalid_request_error', null)],
  FORBID: [403, openaiError('Country, region, or territory not supported', 'request_forbidden', 'unsupported_country_region_territory')],
  QUOTA: [429, openaiError('You exceeded your current quota, please check your plan and billing details.', 'insufficient_quota', 'insufficient_quota')],
  RATE: [429, openaiError('Rate limit reached for requests. Please try again in 20s.', 'requests', 'rate_limit_exceeded')],
  DOWN: [503, openaiError('The engine is currently overloaded, please try again later.', 'server_error', null)],
  ...over,
});

const bearer = (h) => (h.authorization?.startsWith('Bearer ') ? h.authorization.slice(7) : undefined);

/**
 * Every preset's check: its path below /mock/<id>, its method, where the key is, and its
 * answers by marker.
 */
const providers = {
  openai: { path: '/v1/models', key: bearer, replies: openaiLike('gpt-4o') },
  anthropic: {
    path: '/v1/models',
    key: (h) => h['x-api-key'],
    replies: {
      VALID: [200, { data: [{ type: 'model', id: 'claude-sonnet-4-5', display_name: 'Claude Sonnet 4.5' }], has_more: false }],
      REVOKED: [401, anthropicError('authentication_error', 'invalid x-api-key')],
      SCOPES: [401, anthropicError('authentication_error', 'This API key does not have permission to use the specified resource.')],
      FORBID: [403, anthropicError('permission_error', 'Your API key does not have permission to use the specified resource.')],
      QUOTA: [429, anthropicError('rate_limit_error', 'Your credit balance is too low to access the Anthropic API.')],
      RATE: [429, anthropicError('rate_limit_error', 'Number of requests has exceeded your rate limit.')],
      DOWN: [529, anthropicError('overloaded_error', 'Overloaded')],
    },
  },
  'azure-openai': {
    path: '/openai/models',
    key: (h) => h['api-key'],
    query: (q) => (q.get('api-version') ? undefined : [404, { error: { code: '404', message: 'Resource not found' } }]),
    replies: {
      VALID: [200, list('gpt-4o')],
      REVOKED: [401, { error: { code: '401', message: 'Access denied due to invalid subscription key or wrong API endpoint. Make sure to provide a valid key for an active subscription and use a correct regional API endpoint for your resource.' } }],
      SCOPES: [401, { error: { code: 'PermissionDenied', message: 'The principal lacks the required data action permission.' } }],
      FORBID: [403, { error: { code: '403', message: 'Traffic is not from an approved private endpoint.' } }],
      QUOTA: [429, { error: { code: '429', message: 'You exceeded your current quota, please check your plan and billing details.' } }],
      RATE: [429, { error: { code: '429', message: 'Rate limit is exceeded. Try again in 2 seconds.' } }],
      DOWN: [503, { error: { code: '503', message: 'Service Unavailable' } }],
    },
  },
  'openai-compatible': { path: '/v1/models', key: bearer, noKey: 'VALID', replies: openaiLike('llama3.1:8b') },
  gemini: {
    path: '/v1beta/models',
    key: (h) => h['x-goog-api-key'],
    replies: {
      VALID: [200, { models: [{ name: 'models/gemini-2.5-flash', displayName: 'Gemini 2.5 Flash' }] }],
      REVOKED: [400, googleError(400, 'INVALID_ARGUMENT', 'API key not valid. Please pass a valid API key.', 'API_KEY_INVALID')],
      SCOPES: [403, googleError(403, 'PERMISSION_DENIED', "Your API key doesn't have the required permissions.", 'API_KEY_SERVICE_BLOCKED')],
      FORBID: [403, googleError(403, 'PERMISSION_DENIED', 'Your project has been denied access.', undefined)],
      QUOTA: [429, googleError(429, 'RESOURCE_EXHAUSTED', 'You exceeded your current quota, please check your plan and billing details.', undefined)],
      RATE: [429, googleError(429, 'RESOURCE_EXHAUSTED', 'Resource has been exhausted (e.g. check rate limits).', undefined)],
      DOWN: [503, googleError(503, 'UNAVAILABLE', 'The model is overloaded. Please try again later.', undefined)],
    },
  },
  mistral: {
    path: '/v1/models',
    key: bearer,
    replies: {
      VALID: [200, list('mistral-large-latest')],
      REVOKED: [401, { message: 'Unauthorized', request_id: 'mock-request' }],
      SCOPES: [401, { detail: 'This key lacks the permission to list models.' }],
      FORBID: [403, { message: 'Forbidden' }],
      QUOTA: [402, { message: 'Payment required: your workspace has no credit left.' }],
      RATE: [429, { object: 'error', message: 'Rate limit exceeded', type: 'rate_limited', param: null, code: '1300' }],
      DOWN: [503, { message: 'Service unavailable' }],
    },
  },
  groq: {
    path: '/openai/v1/models',
    key: bearer,
    replies: openaiLike('llama-3.3-70b-versatile', {
      REVOKED: [401, openaiError('Invalid API Key', 'invalid_request_error', 'invalid_api_key')],
      RATE: [429, openaiError('Rate limit reached for model llama-3.3-70b-versatile.', 'tokens', 'rate_limit_exceeded')],
    }),
  },
  openrouter: {
    path: '/api/v1/key',
    key: bearer,
    replies: {
      VALID: [200, { data: { label: 'sk-or-v1-mock...', limit: null, limit_remaining: null, usage: 0, is_free_tier: false } }],
      REVOKED: [401, { error: { message: 'User not found.', code: 401 } }],
      SCOPES: [401, { error: { message: 'This key lacks the permission to read itself.', code: 401 } }],
      FORBID: [403, { error: { message: 'Forbidden', code: 403 } }],
      QUOTA: [402, { error: { message: 'Insufficient credits. Add more credits and retry.', code: 402 } }],
      RATE: [429, { error: { message: 'Rate limit exceeded', code: 429 } }],
      DOWN: [502, { error: { message: 'Upstream error', code: 502 } }],
    },
  },
  deepseek: {
    path: '/models',
    key: bearer,
    replies: openaiLike('deepseek-chat', {
      REVOKED: [401, { error: { message: 'Authentication Fails, Your api key: ****MOCK is invalid', type: 'authentication_error', param: null, code: 'invalid_request_error' } }],
      QUOTA: [402, { error: { message: 'Insufficient Balance', type: 'unknown_error', param: null, code: 'invalid_request_error' } }],
    }),
  },
  xai: {
    path: '/v1/api-key',
    key: bearer,
    replies: {
      VALID: [200, { redacted_api_key: 'xai-...mock', api_key_id: 'mock-id', team_blocked: false, api_key_blocked: false, api_key_disabled: false }],
      BLOCKED: [200, { redacted_api_key: 'xai-...mock', api_key_id: 'mock-id', team_blocked: false, api_key_blocked: true, api_key_disabled: false }],
      REVOKED: [400, { code: 'Client specified an invalid argument', error: 'Incorrect API key provided: xa***. You can obtain an API key from https://console.x.ai.' }],
      SCOPES: [401, { code: 'permission-denied', error: 'The API key lacks the permission api-key:endpoint:*.' }],
      FORBID: [403, { code: 'permission-denied', error: 'Your team has used all available credits or reached its monthly spending limit.' }],
      QUOTA: [429, { code: 'resource-exhausted', error: 'Your team has no credits left.' }],
      RATE: [429, { code: 'resource-exhausted', error: 'Too many requests.' }],
      DOWN: [503, { code: 'unavailable', error: 'Service unavailable' }],
    },
  },
  cohere: {
    path: '/v1/check-api-key',
    method: 'POST',
    key: bearer,
    replies: {
      VALID: [200, { valid: true, organization_id: 'mock-org', owner_id: 'mock-owner' }],
      REVOKED: [200, { valid: false }],
      SCOPES: [401, { message: 'This key lacks the permission to check itself.' }],
      FORBID: [403, { message: 'Forbidden' }],
      QUOTA: [429, { message: 'You are using a Trial key, which is limited to 1000 API calls / month. Upgrade your billing.' }],
      RATE: [429, { message: 'Too many requests' }],
      DOWN: [503, { message: 'Service unavailable' }],
    },
  },
};

/** Names of the headers that carry a key, reported by scheme, never by value. */
const SCHEMES = [
  ['authorization', 'bearer'],
  ['x-api-key', 'x-api-key'],
  ['x-goog-api-key', 'x-goog-api-key'],
  ['api-key', 'api-key'],
];
const EXTRA = ['openai-organization', 'openai-project', 'anthropic-version', 'anthropic-dangerous-direct-browser-access'];

/** The last call per session ('' without one). */
const last = new Map();

/** Handles a mock request; returns false for any other URL. Plain Node (req, res). */
export function handleMockApi(req, res) {
  const url = new URL(req.url, 'http://localhost');
  const send = (status, body, type = 'application/json') => {
    res.writeHead(status, { 'content-type': type, 'access-control-allow-origin': '*' });
    res.end(typeof body === 'string' ? body : JSON.stringify(body));
  };
  if (url.pathname === '/mock/last-request') {
    send(200, last.get(url.searchParams.get('session') ?? '') ?? null);
    return true;
  }
  const match = /^\/mock\/(?:([\w-]+)\/)??(openai-compatible|azure-openai|openai|anthropic|gemini|mistral|groq|openrouter|deepseek|xai|cohere)(\/.*)$/.exec(url.pathname);
  if (!match) return false;
  const [, session = '', provider, path] = match;
  const p = providers[provider];
  const h = req.headers;
  const scheme = SCHEMES.find(([name]) => h[name])?.[1] ?? 'none';
  last.set(session, {
    provider,
    method: req.method,
    path,
    query: Object.fromEntries(url.searchParams),
    scheme,
    headers: Object.fromEntries(EXTRA.filter((n) => h[n] !== undefined).map((n) => [n, h[n]])),
    // Kept for the tests written against the first mock.
    organization: h['openai-organization'] ?? null,
    project: h['openai-project'] ?? null,
    anthropicVersion: h['anthropic-version'] ?? null,
    directBrowserAccess: h['anthropic-dangerous-direct-browser-access'] ?? null,
  });
  if (req.method === 'OPTIONS') {
    res.writeHead(204, { 'access-control-allow-origin': '*', 'access-control-allow-headers': '*', 'access-control-allow-methods': 'GET, POST' });
    res.end();
    return true;
  }
  if (path !== p.path || req.method !== (p.method ?? 'GET')) {
    send(404, { error: { message: `No route ${req.method} ${path}` } });
    return true;
  }
  const early = p.query?.(url.searchParams);
  if (early) {
    send(...early);
    return true;
  }
  const key = p.key(h);
  const marker = key === undefined && p.noKey ? p.noKey : (MARKERS.find((m) => key?.includes(m)) ?? 'REVOKED');
  if (marker === 'HANG') {
    const timer = setTimeout(() => res.destroy(), 30_000);
    req.on('close', () => clearTimeout(timer));
    return true;
  }
  if (marker === 'GARBLED') {
    send(200, '<html><body>Gateway login</body></html>', 'text/html');
    return true;
  }
  const [status, body] = p.replies[marker] ?? p.replies.REVOKED;
  send(status, body);
  return true;
}

/** The same, as web-test-runner / Koa middleware. */
export const mockApiMiddleware = async (ctx, next) => {
  if (handleMockApi(ctx.req, ctx.res)) ctx.respond = false;
  else await next();
};
