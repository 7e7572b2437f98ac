// A local stand-in for the providers' `GET /models` endpoints, for the tests (web-test-runner
// middleware) and the demo (Vite dev server). No test reaches the internet.
//
//   GET /mock/openai/v1/models      (Authorization: Bearer KEY)
//   GET /mock/anthropic/v1/models   (x-api-key: KEY)
//
// The answer depends on a marker word inside the key (keys stay valid in shape):
//   VALID    200 with a model list           REVOKED  401 invalid_api_key
//   SCOPES   401 missing scopes (restricted)  FORBID   403
//   QUOTA    429 insufficient_quota           RATE     429 rate limit
//   DOWN     503                              GARBLED  200 with a body that is not JSON
//   HANG     never answers (until the client gives up)
//   anything else: 401 invalid_api_key
// `GET /mock/last-request` tells which auth scheme and extra headers the last call carried,
// never the key itself. Pages that run in parallel (one per browser engine) put a session
// of their own in the path, `/mock/SESSION/openai/v1/models`, and ask
// `/mock/last-request?session=SESSION`, so they never see each other's calls.

const MARKERS = ['VALID', 'REVOKED', 'SCOPES', 'FORBID', 'QUOTA', 'RATE', 'DOWN', 'GARBLED', 'HANG'];

const openaiError = (message, type, code) => ({ error: { message, type, param: null, code } });
const anthropicError = (type, message) => ({ type: 'error', error: { type, message } });

const replies = {
  openai: {
    VALID: [200, { object: 'list', data: [{ id: 'gpt-4o', object: 'model', owned_by: 'system' }] }],
    REVOKED: [401, openaiError('Incorrect API key provided: sk-proj-****MOCK. You can find your API key at https://platform.openai.com/account/api-keys.', 'invalid_request_error', 'invalid_api_key')],
    SCOPES: [401, openaiError('You have insufficient permissions for this operation. Missing scopes: api.model.read. Check that you have the correct role in your organization (Reader, Writer, Owner) and project (Member, Owner), and if you are using a restricted API key, that it has the necessary scopes.', 'invalid_request_error', null)],
    FORBID: [403, openaiError('Country, region, or territory not supported', 'request_forbidden', 'unsupported_country_region_territory')],
    QUOTA: [429, openaiError('You exceeded your current quota, please check your plan and billing details.', 'insufficient_quota', 'insufficient_quota')],
    RATE: [429, openaiError('Rate limit reached for requests. Please try again in 20s.', 'requests', 'rate_limit_exceeded')],
    DOWN: [503, openaiError('The engine is currently overloaded, please try again later.', 'server_error', null)],
  },
  anthropic: {
    VALID: [200, { data: [{ type: 'model', id: 'claude-sonnet-4-5', display_name: 'Claude Sonnet 4.5' }], has_more: false }],
    REVOKED: [401, anthropicError('authentication_error', 'invalid x-api-key')],
    SCOPES: [401, anthropicError('authentication_error', 'This API key does not have permission to use the specified resource.')],
    FORBID: [403, anthropicError('permission_error', 'Your API key does not have permission to use the specified resource.')],
    QUOTA: [429, anthropicError('rate_limit_error', 'Your credit balance is too low to access the Anthropic API.')],
    RATE: [429, anthropicError('rate_limit_error', 'Number of requests has exceeded your rate limit.')],
    DOWN: [529, anthropicError('overloaded_error', 'Overloaded')],
  },
};

/** The last call per session ('' without one). */
const last = new Map();

/** Handles a mock request; returns false for any other URL. Plain Node (req, res). */
export function handleMockApi(req, res) {
  const url = new URL(req.url, 'http://localhost');
  if (url.pathname === '/mock/last-request') {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(last.get(url.searchParams.get('session') ?? '') ?? null));
    return true;
  }
  const match = /^\/mock\/(?:([\w-]+)\/)?(openai|anthropic)\/v1\/models$/.exec(url.pathname);
  if (!match) return false;
  const session = match[1] ?? '';
  const provider = match[2];
  const h = req.headers;
  const key = provider === 'openai' ? (h.authorization ?? '').replace(/^Bearer /, '') : (h['x-api-key'] ?? '');
  last.set(session, {
    provider,
    method: req.method,
    scheme: h.authorization?.startsWith('Bearer ') ? 'bearer' : h['x-api-key'] ? 'x-api-key' : 'none',
    organization: h['openai-organization'] ?? null,
    project: h['openai-project'] ?? null,
    anthropicVersion: h['anthropic-version'] ?? null,
    directBrowserAccess: h['anthropic-dangerous-direct-browser-access'] ?? null,
  });
  const marker = MARKERS.find((m) => key.includes(m)) ?? 'REVOKED';
  if (marker === 'HANG') {
    const timer = setTimeout(() => res.destroy(), 30_000);
    req.on('close', () => clearTimeout(timer));
    return true;
  }
  if (marker === 'GARBLED') {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end('<html><body>Gateway login</body></html>');
    return true;
  }
  const [status, body] = replies[provider][marker];
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
  return true;
}

/** The same, as web-test-runner / Koa middleware. */
export const mockApiMiddleware = async (ctx, next) => {
  if (handleMockApi(ctx.req, ctx.res)) ctx.respond = false;
  else await next();
};
