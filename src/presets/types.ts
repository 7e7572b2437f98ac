/**
 * What a provider preset is (contract section 11): plain data that describes one kind of
 * credential. No DOM, no Lit, no functions: a server can import a preset and the same rules.
 */

/** One kind of key a provider issues, recognised by its prefix (and, optionally, its whole shape). */
export interface KeyTypeRule {
  /** Reported as `detail.keyType`. */
  id: string;
  /** Shown before the `…` of `detail.keyHint`. */
  prefix: string;
  /** When given, the whole key must match it too (e.g. a legacy key's exact length). */
  pattern?: RegExp;
}

/** A recognisable key of another service, named when it is pasted into the wrong preset. */
export interface ForeignKeyRule {
  /** The other service's keys start with this. */
  prefix: string;
  /** The other service's name, e.g. `Anthropic`. */
  name: string;
  /** When given, the whole key must match it too (e.g. Google's `AIza` + 35). */
  pattern?: RegExp;
  /** A session token rather than an API key (worded differently). */
  session?: boolean;
  /** A shape that may also be a real key of this preset: a note, never a rejection. */
  overlap?: boolean;
}

/**
 * How a preset recognises, normalizes and describes its keys. Every member is optional: a
 * preset without key rules accepts any key that passes the common checks (not empty, no
 * inner whitespace, control or invisible characters, at most 512 characters, not another
 * provider's recognizable key).
 */
export interface KeyRules {
  /** Every key starts with this, e.g. `sk-`; leave it out for keys without a fixed prefix. */
  prefix?: string;
  /** Fewest characters after `prefix` (or in all, without one). */
  minBodyLength?: number;
  /** Most characters in all; 512 when not given. */
  maxLength?: number;
  /** Characters allowed, as a character class body, e.g. `A-Za-z0-9_-`; any printable ASCII when not given. */
  alphabet?: string;
  /** Environment variable names stripped from a pasted `NAME=value` line. */
  envNames?: readonly string[];
  /** Checked in order; the first that matches names the key type. */
  types?: readonly KeyTypeRule[];
  /** Type of a key no rule matches; `"unknown"` when not given. */
  fallbackType?: string;
  /** Keys of other services, named in the error when pasted here. Every known key of another preset when not given. */
  foreign?: readonly ForeignKeyRule[];
  /** Another service's key is a note, not an error (a proxy may take any provider's key). */
  foreignIsNote?: boolean;
  /** The shapes keys have today: a key that matches none gets a note that does not block. */
  shapes?: readonly RegExp[];
  /** A marker every current key carries; a key without it gets a note (never an error). */
  marker?: string;
  /** Key types that get the "admin key" note. */
  adminTypes?: readonly string[];
  /** `false` when a key is optional (a local server without authentication). */
  required?: boolean;
}

/** The kinds of field a preset can declare. */
export type FieldKind = 'text' | 'url' | 'select';

/** One choice of a `select` field. */
export interface FieldOption {
  value: string;
  /** Shown; the value itself when not given. */
  label?: string;
}

/**
 * A field of the preset's own (contract section 11), rendered after the key. Its texts are
 * English; a language translates them by field id (`strings.fields[id]`).
 */
export interface PresetField {
  /** Key in `detail.fields` and `values`; letters, digits and `_`, starting with a letter. */
  id: string;
  /** Its accessible name. */
  label: string;
  /** `text` by default. */
  kind?: FieldKind;
  /** The choices of a `select` field. */
  options?: readonly FieldOption[];
  /** An empty value is an error. */
  required?: boolean;
  /** Shown under the collapsed "Advanced" disclosure instead of in the form. */
  advanced?: boolean;
  /** The value on opening when `values` has none. */
  default?: string;
  placeholder?: string;
  /** A line of help under the field. */
  help?: string;
  /** A value, when given, must match `pattern`; `message` says how it should look. */
  rule?: { pattern: RegExp; message: string };
  /** A value that does not match `pattern` gets `note`, which does not block (e.g. an endpoint on another host). */
  expect?: { pattern: RegExp; note: string };
  /** Most characters; 200 for text, 2048 for a URL when not given. */
  maxLength?: number;
}

/**
 * How a preset checks a key live, as data. `url` and `headers` are templates: `{baseUrl}`,
 * `{apiKey}` and `{<field id>}` are replaced by the base URL, the key and the field values. A
 * header whose placeholders are all empty is left out (an unset Organization ID sends no
 * `OpenAI-Organization`).
 */
export interface LiveCheck {
  /** `GET` by default. */
  method?: 'GET' | 'POST';
  /** e.g. `{baseUrl}/models` or `{endpoint}/openai/models?api-version={apiVersion}`. */
  url: string;
  headers?: Readonly<Record<string, string>>;
  /** Sent as the request body (with `POST`). */
  body?: string;
  /** A 2xx answer proves the key only when the JSON value at `path` is of this `type` or `equals` this. Any 2xx JSON answer when not given. */
  valid?: { path: string; type?: 'array' | 'object'; equals?: string | number | boolean };
  /** A 2xx answer whose JSON value at one `path` equals its value means the key was refused (Cohere's `{"valid": false}`). */
  invalid?: readonly { path: string; equals: string | number | boolean }[];
  /** Statuses that mean the provider refused the key; `[401]` when not given. */
  rejectStatus?: readonly number[];
  /** Where the provider's own message is, tried in order; `error.message`, `error`, `message` when not given. */
  messagePaths?: readonly string[];
  /** `false` when the provider does not allow requests from a web page (CORS): check from the host's server. */
  browser?: boolean;
  /**
   * Answers that mean the provider authenticated the key but is rate-limiting it right now
   * (`limited`): the key is real. From the provider's documentation.
   */
  limited?: readonly AnswerMatch[];
  /** Answers that mean the key is real but its account has no credit or quota left (`no-credit`). */
  noCredit?: readonly AnswerMatch[];
  /** Refusals that are not about the key (an account's CORS or IP allowlist): "could not be confirmed", never "invalid". */
  unconfirmed?: readonly AnswerMatch[];
  /**
   * Where a passing answer lists the models the key can use: a dotted `path` to a list whose
   * entries have the id at `id` (or are ids), without a `strip` prefix (Gemini's `models/`).
   * `url`: a second request (a GET with the check's headers) when the check's own answer
   * lists none (xAI).
   */
  models?: { path: string; id?: string; strip?: string; url?: string };
  /** Where a passing answer tells the credit: dotted paths, in `currency` (an ISO 4217 code). */
  credit?: { currency: string; limit?: string; remaining?: string; used?: string };
  /** Where a passing answer tells when the key expires (an ISO date, or seconds since 1970). */
  expiresAt?: string;
}

/** An answer that means something of its own: its HTTP status, and one of its codes or what its message says. */
export interface AnswerMatch {
  status: number;
  /** One of the answer's codes (`error.code`, `error.type`, `error.status`, `type`, `code`) is this. */
  code?: string;
  /** The provider's message matches this. */
  says?: RegExp;
}

/**
 * A way to get a key without copying it (contract section 16): an OAuth PKCE flow that ends in
 * an ordinary API key (OpenRouter's). Data, like the rest of a preset.
 */
export interface ConnectFlow {
  /** The provider's authorization page (`connect-url` replaces it). */
  url: string;
  /** Its query parameters: `{callback}` is the host's callback URL (with the one-time state), `{challenge}` the S256 challenge. */
  query: Readonly<Record<string, string>>;
  /** The code exchange: a POST of JSON to `url` (`{baseUrl}` replaced), whose members' `{code}` and `{verifier}` are replaced. */
  exchange: { url: string; body: Readonly<Record<string, string>> };
  /** Where the key is in the exchange's answer (a dotted path). */
  keyPath: string;
}

/** A provider preset: everything the overlay needs to know about one kind of credential. */
export interface ProviderPreset {
  /** Reported as `detail.provider`, selected by the `provider` attribute. */
  id: string;
  /** Shown in the overlay, e.g. `OpenAI`. */
  label: string;
  /** Where users find their key. */
  docsUrl: string;
  /** API base of the live check (`{baseUrl}`), when it has one. */
  baseUrl?: string;
  /** How the key is sent, shown in the help text, e.g. `Authorization: Bearer {api_key}`. */
  authHeader: string;
  /** How keys look; the common checks only when not given. */
  key?: KeyRules;
  /** The preset's own fields, in order. */
  fields?: readonly PresetField[];
  /** The built-in live check used with `verify`. */
  check?: LiveCheck;
  /** A connect flow: "Connect {label}" gets a key without pasting (with `connect-callback`). */
  connect?: ConnectFlow;
}
