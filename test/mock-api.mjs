// A local stand-in for every preset's live check, for the tests (web-test-runner middleware),
// the demo (Vite dev server) and the demo's server. Nothing here reaches the internet.
//
// Each preset answers under /mock/[SESSION/]<preset id>/ at the path its check uses below
// the provider's base URL (xAI also at /v1/models, where its models are), reads the key from
// that provider's header, and answers as that provider documents it (status and body; the
// sources are in each preset's comment and docs/presets-check.md), by a marker word inside
// the key:
//   VALID      valid, with the provider's model list (OpenRouter: $6.80 of a $10 limit left)
//   UNLIMITED  OpenRouter: valid, a key without a credit limit (elsewhere as VALID)
//   MANY       valid, listing exactly 1,000 distinct models (OpenRouter, Cohere: as VALID)
//   ODD        valid, but parts of the answer are not as documented: model entries that are
//              not models (xAI: a model list that is not a list), OpenRouter's credit and
//              expiry not numbers or dates; the check passes with those parts left out
//   REVOKED    refused (the provider's "wrong key")
//   SCOPES     a restricted key's refusal       FORBID   403, not about credit
//   RATE       the provider's rate-limit answer (429)
//   QUOTA      the provider's no-credit answer (402, 429 or 400, as it documents it)
//   DOWN       5xx                              GARBLED  200 with a body that is not JSON
//   HANG       never answers                    BLOCKED  xAI: 200, but the key is blocked
//   anything else: REVOKED
// openai-compatible without any Authorization header answers VALID (a server without auth).
// `GET /mock/last-request?session=SESSION` tells the method, path, query, which header carried
// the key and the extra headers of the last call, never the key itself.
import { handleMockConnect, issuedKeys } from './mock-connect.mjs';
import { MOCK_MODELS } from './test-keys.mjs';

const MARKERS = ['UNLIMITED', 'VALID', 'MANY', 'ODD', 'REVOKED', 'SCOPES', 'FORBID', 'QUOTA', 'RATE', 'DOWN', 'GARBLED', 'HANG', 'BLOCKED'];
/** Markers of keys that pass; a provider without an answer of its own for one answers VALID. */
const PASSING = new Set(['VALID', 'UNLIMITED', 'MANY', 'ODD']);

/** 1,000 distinct ids, `make('0001')` … `make('1000')`. */
const thousand = (make) => Array.from({ length: 1000 }, (_, i) => make(String(i + 1).padStart(4, '0')));

/**
 * VALID, MANY and ODD of a provider whose check lists models: `answer(entries)` is its answer
 * for a list of models, `entry(id)` one model of it. ODD keeps the first id and adds entries
 * that are not models: an id that is a number, none, a string instead of an object, 300
 * characters, a control character, and the first again.
 */
function modelReplies(ids, many, answer, entry, idKey = 'id') {
  const odd = [
    entry(ids[0]),
    { ...entry(ids[0]), [idKey]: 42 },
    { ...entry(ids[0]), [idKey]: null },
    `${ids[0]}-as-a-string`,
    { ...entry(ids[0]), [idKey]: 'x'.repeat(300) },
    { ...entry(ids[0]), [idKey]: 'line\nbreak' },
    entry(ids[0]),
  ];
  return { VALID: [200, answer(ids.map(entry))], MANY: [200, answer(many.map(entry))], ODD: [200, answer(odd)] };
}

const openaiError = (message, type, code) => ({ error: { message, type, param: null, code } });
const anthropicError = (type, message, extra = {}) => ({ type: 'error', error: { type, message, ...extra }, request_id: 'req_011CMockRequest' });
const googleError = (code, status, message, details = []) => ({ error: { code, message, status, details } });
const googleReason = (reason) => [{ '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason, domain: 'googleapis.com' }];

/** `{ object: "list", data: [...] }`, as OpenAI and the APIs that copy it answer GET /models. */
const list = (data) => ({ object: 'list', data });
const openaiModel = (owner) => (id) => ({ id, object: 'model', created: 1715367049, owned_by: owner });

/** OpenAI's answers, which most OpenAI-compatible APIs copy; `ids` are the models it lists. */
const openaiLike = (ids, many, owner, over = {}) => ({
  ...modelReplies(ids, many, list, openaiModel(owner)),
  REVOKED: [401, openaiError('Incorrect API key provided: sk-proj-****MOCK. You can find your API key at https://platform.openai.com/account/api-keys.', 'invalid_request_error', 'invalid_api_key')],
  SCOPES: [401, openaiError('You have insufficient permissions for this operation. Missing scopes: api.model.read.', 'invalid_request_error', null)],
  FORBID: [403, openaiError('Country, region, or territory not supported', 'request_forbidden', 'unsupported_country_region_territory')],
  QUOTA: [429, openaiError('You exceeded your current quota, please check your plan and billing details.', 'insufficient_quota', 'insufficient_quota')],
  RATE: [429, openaiError('Rate limit reached for gpt-4o in organization org-mock on requests per min (RPM): Limit 500, Used 500, Requested 1. Please try again in 120ms.', 'requests', 'rate_limit_exceeded')],
  DOWN: [503, openaiError('The engine is currently overloaded, please try again later.', 'server_error', null)],
  ...over,
});

const bearer = (h) => (h.authorization?.startsWith('Bearer ') ? h.authorization.slice(7) : undefined);

/** OpenRouter's GET /key for a key with this credit and expiry. */
const openrouterKey = (limit, remaining, usage, expires) => ({
  data: {
    label: 'sk-or-v1-b7e…c41',
    limit,
    limit_remaining: remaining,
    limit_reset: limit === null ? null : 'monthly',
    usage,
    usage_daily: usage,
    usage_weekly: usage,
    usage_monthly: usage,
    is_free_tier: false,
    is_provisioning_key: false,
    include_byok_in_limit: false,
    expires_at: expires,
  },
});

/** xAI's GET /v1/api-key for a key, blocked or not. */
const xaiKey = (blocked) => ({
  redacted_api_key: 'xai-…mock',
  user_id: '0b3a6b6e-mock-user',
  name: 'mock key',
  create_time: '2026-01-05T10:00:00.000Z',
  modify_time: '2026-01-05T10:00:00.000Z',
  team_id: '6f2c1d3e-mock-team',
  acls: ['api-key:model:*', 'api-key:endpoint:*'],
  api_key_id: 'mock-id',
  team_blocked: false,
  api_key_blocked: blocked,
  api_key_disabled: false,
});

/** Azure's model entry: a model the resource offers, with what it can do. */
const azureModel = (id) => ({
  id,
  status: 'succeeded',
  object: 'model',
  created_at: 1723075200,
  capabilities: { fine_tune: false, inference: true, completion: false, chat_completion: !/^(text-|dall-e)/.test(id), embeddings: id.startsWith('text-') },
  lifecycle_status: 'generally-available',
  deprecation: { inference: 1788220800 },
});

/** Gemini's model entry, named `models/…`. */
const geminiModel = (name) => ({
  name,
  version: '001',
  displayName: name.slice('models/'.length),
  inputTokenLimit: 1048576,
  outputTokenLimit: 65536,
  supportedGenerationMethods: name.includes('embedding') ? ['embedContent'] : ['generateContent', 'countTokens'],
});

/**
 * Every preset's check: its path below /mock/<id>, its method, where the key is, its answers by
 * marker, and (xAI) a second path with answers of its own.
 */
const providers = {
  openai: {
    path: '/v1/models',
    key: bearer,
    replies: openaiLike(MOCK_MODELS.openai, thousand((n) => `ft:gpt-4o-mini-2024-07-18:acme::run${n}`), 'system'),
  },
  anthropic: {
    path: '/v1/models',
    key: (h) => h['x-api-key'],
    replies: {
      ...modelReplies(
        MOCK_MODELS.anthropic,
        thousand((n) => `claude-mock-${n}`),
        (data) => ({ data, has_more: false, first_id: data[0]?.id ?? null, last_id: data.at(-1)?.id ?? null }),
        (id) => ({ type: 'model', id, display_name: id.replace(/-\d{8}$/, ''), created_at: '2025-10-01T00:00:00Z' }),
      ),
      REVOKED: [401, anthropicError('authentication_error', 'invalid x-api-key')],
      SCOPES: [401, anthropicError('authentication_error', 'This API key does not have permission to use the specified resource.')],
      FORBID: [403, anthropicError('permission_error', 'Your API key does not have permission to use the specified resource.')],
      // The tier's monthly spend cap, as https://docs.anthropic.com/en/api/rate-limits shows it.
      QUOTA: [
        429,
        anthropicError(
          'rate_limit_error',
          "You have reached your API usage limits: your organization has crossed its monthly API usage threshold, set based on your organization's API tier. You will regain access on 2027-01-01 at 00:00 UTC.",
          { details: { error_code: 'enforced_spend_limit_reached' } },
        ),
      ],
      RATE: [429, anthropicError('rate_limit_error', 'Number of requests has exceeded your per-minute rate limit (https://docs.anthropic.com/en/api/rate-limits); see the response headers for current usage.')],
      DOWN: [529, anthropicError('overloaded_error', 'Overloaded')],
    },
  },
  'azure-openai': {
    path: '/openai/models',
    key: (h) => h['api-key'],
    query: (q) => (q.get('api-version') ? undefined : [404, { error: { code: '404', message: 'Resource not found' } }]),
    replies: {
      ...modelReplies(MOCK_MODELS['azure-openai'], thousand((n) => `gpt-4o-mini-2024-07-18.ft-${n}`), list, azureModel),
      REVOKED: [401, { error: { code: '401', message: 'Access denied due to invalid subscription key or wrong API endpoint. Make sure to provide a valid key for an active subscription and use a correct regional API endpoint for your resource.' } }],
      SCOPES: [401, { error: { code: 'PermissionDenied', message: 'The principal lacks the required data action permission.' } }],
      FORBID: [403, { error: { code: '403', message: 'Traffic is not from an approved private endpoint.' } }],
      QUOTA: [429, { error: { code: '429', message: 'You exceeded your current quota, please check your plan and billing details.' } }],
      RATE: [429, { error: { code: '429', message: 'Rate limit is exceeded. Try again in 2 seconds.' } }],
      DOWN: [503, { error: { code: '503', message: 'Service Unavailable' } }],
    },
  },
  'openai-compatible': {
    path: '/v1/models',
    key: bearer,
    noKey: 'VALID',
    replies: openaiLike(MOCK_MODELS['openai-compatible'], thousand((n) => `mock-model-${n}:latest`), 'library'),
  },
  gemini: {
    path: '/v1beta/models',
    key: (h) => h['x-goog-api-key'],
    replies: {
      ...modelReplies(
        MOCK_MODELS.gemini.map((id) => `models/${id}`),
        thousand((n) => `models/gemini-mock-${n}`),
        (models) => ({ models }),
        geminiModel,
        'name',
      ),
      REVOKED: [400, googleError(400, 'INVALID_ARGUMENT', 'API key not valid. Please pass a valid API key.', googleReason('API_KEY_INVALID'))],
      SCOPES: [403, googleError(403, 'PERMISSION_DENIED', "Your API key doesn't have the required permissions.", googleReason('API_KEY_SERVICE_BLOCKED'))],
      FORBID: [403, googleError(403, 'PERMISSION_DENIED', 'Your project has been denied access.')],
      // https://discuss.ai.google.dev/t/183654: depleted prepay credits are a 402.
      QUOTA: [
        402,
        googleError(402, 'RESOURCE_EXHAUSTED', 'Your prepayment credits are depleted. Please go to AI Studio at https://ai.studio/projects to manage your project and billing. Learn more at https://ai.google.dev/gemini-api/docs/billing#prepay.'),
      ],
      RATE: [
        429,
        googleError(429, 'RESOURCE_EXHAUSTED', 'You exceeded your current quota, please check your plan and billing details. For more information on this error, head to: https://ai.google.dev/gemini-api/docs/rate-limits.', [
          {
            '@type': 'type.googleapis.com/google.rpc.QuotaFailure',
            violations: [{ quotaMetric: 'generativelanguage.googleapis.com/generate_content_free_tier_requests', quotaId: 'GenerateRequestsPerMinutePerProjectPerModel-FreeTier', quotaValue: '10' }],
          },
          { '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '22s' },
        ]),
      ],
      DOWN: [503, googleError(503, 'UNAVAILABLE', 'The model is overloaded. Please try again later.')],
    },
  },
  mistral: {
    path: '/v1/models',
    key: bearer,
    replies: {
      ...modelReplies(MOCK_MODELS.mistral, thousand((n) => `ft:open-mistral-7b:mock:${n}`), list, (id) => ({
        id,
        object: 'model',
        created: 1735689600,
        owned_by: 'mistralai',
        capabilities: { completion_chat: id !== 'mistral-embed', function_calling: id !== 'mistral-embed', vision: false },
        type: 'base',
      })),
      REVOKED: [401, { message: 'Unauthorized', request_id: 'mock-request' }],
      SCOPES: [401, { detail: 'This key lacks the permission to list models.' }],
      FORBID: [403, { message: 'Forbidden' }],
      QUOTA: [402, { object: 'error', message: 'Payment required: your organization has no credit left. Add credits or raise its spending limit in the Admin Panel, under Billing.', type: 'invalid_request_error', param: null, code: null }],
      RATE: [429, { object: 'error', message: 'Rate limit exceeded', type: 'rate_limited', param: null, code: '1300' }],
      DOWN: [503, { message: 'Service unavailable' }],
    },
  },
  groq: {
    path: '/openai/v1/models',
    key: bearer,
    replies: openaiLike(MOCK_MODELS.groq, thousand((n) => `mock/model-${n}`), 'Groq', {
      REVOKED: [401, openaiError('Invalid API Key', 'invalid_request_error', 'invalid_api_key')],
      // https://console.groq.com/docs/spend-limits: past the spend limit, a 400 blocked_api_access.
      QUOTA: [400, openaiError('Your organization has reached its spend limit and API access is blocked. Raise the limit under Settings, Billing, Limits.', 'invalid_request_error', 'blocked_api_access')],
      RATE: [
        429,
        openaiError('Rate limit reached for model `llama-3.3-70b-versatile` in organization `org_mock` service tier `on_demand` on requests per minute (RPM): Limit 30, Used 30, Requested 1. Please try again in 2s.', 'requests', 'rate_limit_exceeded'),
      ],
    }),
  },
  openrouter: {
    path: '/api/v1/key',
    key: bearer,
    replies: {
      VALID: [200, openrouterKey(10, 6.8, 3.2, '2027-12-31T23:59:59Z')],
      UNLIMITED: [200, openrouterKey(null, null, 0.42, null)],
      ODD: [200, { data: { ...openrouterKey(10, 6.8, 3.2, null).data, limit: '10', limit_remaining: 'six dollars', usage: { total: 3.2 }, expires_at: 'next year' } }],
      REVOKED: [401, { error: { message: 'User not found.', code: 401 } }],
      SCOPES: [401, { error: { message: 'This key lacks the permission to read itself.', code: 401 } }],
      FORBID: [403, { error: { message: 'Forbidden', code: 403 } }],
      QUOTA: [402, { error: { message: 'Insufficient credits. Add more using https://openrouter.ai/settings/credits', code: 402 } }],
      RATE: [429, { error: { message: 'Rate limit exceeded', code: 429 } }],
      DOWN: [502, { error: { message: 'Upstream error', code: 502 } }],
    },
  },
  deepseek: {
    path: '/models',
    key: bearer,
    replies: openaiLike(MOCK_MODELS.deepseek, thousand((n) => `deepseek-mock-${n}`), 'deepseek', {
      REVOKED: [401, { error: { message: 'Authentication Fails, Your api key: ****MOCK is invalid', type: 'authentication_error', param: null, code: 'invalid_request_error' } }],
      QUOTA: [402, { error: { message: 'Insufficient Balance', type: 'unknown_error', param: null, code: 'invalid_request_error' } }],
      RATE: [429, { error: { message: 'Rate Limit Reached', type: 'rate_limit_error', param: null, code: null } }],
    }),
  },
  xai: {
    path: '/v1/api-key',
    key: bearer,
    replies: {
      VALID: [200, xaiKey(false)],
      BLOCKED: [200, xaiKey(true)],
      REVOKED: [400, { code: 'Client specified an invalid argument', error: 'Incorrect API key provided: xa***. You can obtain an API key from https://console.x.ai.' }],
      SCOPES: [401, { code: 'permission-denied', error: 'The API key lacks the permission api-key:endpoint:*.' }],
      FORBID: [403, { code: 'The caller does not have permission to execute the specified operation', error: 'Your API key does not have permission to use this endpoint.' }],
      QUOTA: [
        429,
        {
          code: 'Some resource has been exhausted',
          error: 'Your team 6f2c1d3e-mock-team has either used all available credits or reached its monthly spending limit. To continue making API requests, please purchase more credits or raise your spending limit.',
        },
      ],
      RATE: [429, { code: 'Some resource has been exhausted', error: 'Too many requests. Please slow down.' }],
      DOWN: [503, { code: 'The service is currently unavailable', error: 'Service unavailable' }],
    },
    // Where its models are: asked after a passing check.
    second: {
      path: '/v1/models',
      replies: {
        ...modelReplies(MOCK_MODELS.xai, thousand((n) => `grok-mock-${n}`), list, openaiModel('xai')),
        // Not a list at all: the models are left out, the check still passes.
        ODD: [200, { object: 'list', data: { 'grok-4': { owned_by: 'xai' } } }],
      },
    },
  },
  cohere: {
    path: '/v1/check-api-key',
    method: 'POST',
    key: bearer,
    replies: {
      VALID: [200, { valid: true, organization_id: 'mock-org', owner_id: 'mock-owner' }],
      ODD: [200, { valid: true, organization_id: 42, owner_id: null, models: 'all' }],
      REVOKED: [200, { valid: false }],
      SCOPES: [401, { message: 'This key lacks the permission to check itself.' }],
      FORBID: [403, { message: 'Forbidden' }],
      QUOTA: [
        429,
        {
          message:
            "You are using a Trial key, which is limited to 1000 API calls / month. You can continue to use the Trial key for free or upgrade to a Production key with higher rate limits at 'https://dashboard.cohere.com/api-keys'.",
        },
      ],
      RATE: [429, { message: 'You are past the per minute request limit, please wait and try again later.' }],
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
  // OpenRouter's connect flow (its approval page and code exchange).
  if (handleMockConnect(req, res)) return true;
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
    // Key-like runs masked: a path or query may carry what a caller put there.
    path: path.replace(/[A-Za-z0-9_-]{24,}/g, '…'),
    query: Object.fromEntries([...url.searchParams].map(([k, v]) => [k, v.replace(/[A-Za-z0-9_-]{24,}/g, '…')])),
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
  const second = p.second && path === p.second.path && req.method === 'GET';
  if (!second && (path !== p.path || req.method !== (p.method ?? 'GET'))) {
    // Never the path: a client may have put a key in it, and an answer never echoes a key.
    send(404, { error: { message: `No such route of the ${provider} mock.` } });
    return true;
  }
  const early = p.query?.(url.searchParams);
  if (early) {
    send(...early);
    return true;
  }
  const key = p.key(h);
  const marker = key === undefined && p.noKey ? p.noKey : issuedKeys.has(key) ? 'VALID' : (MARKERS.find((m) => key?.includes(m)) ?? 'REVOKED');
  if (marker === 'HANG') {
    const timer = setTimeout(() => res.destroy(), 30_000);
    req.on('close', () => clearTimeout(timer));
    return true;
  }
  if (marker === 'GARBLED') {
    send(200, '<html><body>Gateway login</body></html>', 'text/html');
    return true;
  }
  const replies = second ? { ...p.replies, ...p.second.replies } : p.replies;
  const [status, body] = replies[marker] ?? (PASSING.has(marker) ? replies.VALID : replies.REVOKED);
  send(status, body);
  return true;
}

/** The same, as web-test-runner / Koa middleware. */
export const mockApiMiddleware = async (ctx, next) => {
  if (handleMockApi(ctx.req, ctx.res)) ctx.respond = false;
  else await next();
};
