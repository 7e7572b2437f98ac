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
  prefix: string;
  /** The other service's name, e.g. `Anthropic`. */
  name: string;
  /** A session token rather than an API key (worded differently). */
  session?: boolean;
}

/** How a preset recognises, normalizes and describes its keys. Pure data. */
export interface KeyRules {
  /** Every key starts with this, e.g. `sk-`. */
  prefix: string;
  /** Fewest characters after `prefix`. */
  minBodyLength: number;
  /** Most characters in all. */
  maxLength: number;
  /** Characters allowed after normalization, as a character class body, e.g. `A-Za-z0-9_-`. */
  alphabet: string;
  /** Environment variable names stripped from a pasted `NAME=value` line. */
  envNames: string[];
  /** Checked in order; the first that matches names the key type. */
  types: KeyTypeRule[];
  /** Type of a key no rule matches. */
  fallbackType: string;
  /** Keys of other services, named in the error when pasted here. */
  foreign: ForeignKeyRule[];
  /** A marker every current key carries; a key without it gets a note (never an error). */
  marker?: string;
  /** Key types that get the "admin key" note. */
  adminTypes?: string[];
}

/** Context of a live check: the optional Advanced fields. */
export interface CheckContext {
  organization: string;
  project: string;
}

/** How a preset checks a key live: one `GET {baseUrl}{path}` carrying the key. */
export interface LiveCheck {
  /** Below the base URL, e.g. `/models`. */
  path: string;
  /** Request headers that carry the key (and any Advanced field). */
  headers: (key: string, context: CheckContext) => Record<string, string>;
}

/** An optional Advanced field and the shape its value must have. */
export interface ExtraFieldRule {
  /** A value starts with this and continues with letters and digits, e.g. `org-`. */
  prefix: string;
}

/** A provider preset: everything the overlay needs to know about one API provider. */
export interface ProviderPreset {
  /** Reported as `detail.provider`, selected by the `provider` attribute. */
  id: string;
  /** Shown in the overlay, e.g. `OpenAI`. */
  label: string;
  /** Where users find their key. */
  docsUrl: string;
  /** API base used by the live check. */
  baseUrl: string;
  /** How the key is sent, shown in the help text, e.g. `Authorization: Bearer {api_key}`. */
  authHeader: string;
  key: KeyRules;
  /** Optional fields behind the "Advanced" disclosure, reported in `detail.organization` / `detail.project`. */
  fields?: { organization?: ExtraFieldRule; project?: ExtraFieldRule };
  /** The built-in live check used with `verify`. */
  check?: LiveCheck;
}
