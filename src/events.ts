import type { CheckResult } from './check-result.js';

/** Where a close without saving came from. */
export type CancelSource = 'cancel-button' | 'close-button' | 'escape' | 'api';

/** Where any close came from: a cancel's source, or `"save"` after a save. */
export type CloseSource = CancelSource | 'save';

/** How the key of a `credential-saved` arrived. */
export type KeySource = 'typed' | 'connect' | 'kept';

/** `detail` of `credential-saved` (frozen). */
export interface CredentialSavedDetail {
  /** `credential-id` of the credential edited, `""` when not set. */
  readonly id: string;
  /** The preset id, `"openai"` by default. */
  readonly provider: string;
  /** Credential Name, trimmed. */
  readonly name: string;
  /** Credential Description, trimmed; `""` when empty. */
  readonly description: string;
  /**
   * The normalized, validated key. Persist it on your server; never log it. `""` in edit mode
   * when the user kept the saved key (`keyChanged: false`).
   */
  readonly apiKey: string;
  /** e.g. `"project"`, `"service-account"`, `"admin"`, `"user"`, `"legacy"`, `"unknown"`. */
  readonly keyType: string;
  /** Safe to show and store, e.g. `sk-proj-…x9Qz`; the saved hint when the key was kept. */
  readonly keyHint: string;
  /** `true` only when a live check passed. */
  readonly verified: boolean;
  /** What the passing live check learned (contract section 6); `null` when no check passed. */
  readonly check: CheckResult | null;
  /** Typed or pasted, from a connect flow, or the saved key kept in edit mode. */
  readonly keySource: KeySource;
  /** Organization ID (OpenAI preset), `""` when not given; also `fields.organization`. */
  readonly organization: string;
  /** Project ID (OpenAI preset), `""` when not given; also `fields.project`. */
  readonly project: string;
  /** Every field of the preset by id, trimmed, `""` when empty. */
  readonly fields: Readonly<Record<string, string>>;
  /** `"edit"` when the overlay edited a saved credential (`existing-key-hint`). */
  readonly mode: 'add' | 'edit';
  /** `true` in add mode; in edit mode only when the user entered a new key. */
  readonly keyChanged: boolean;
  /** Edit mode: the ids that differ from the saved values; add mode: every id with a value. */
  readonly changed: readonly string[];
  /**
   * Call during dispatch to keep the overlay open and busy until `promise` settles: it
   * closes when every promise fulfils, and shows the first rejection's message otherwise (on
   * a field when the reason has a `field`, see `CredentialFieldError`).
   */
  readonly waitUntil: (promise: Promise<unknown>) => void;
}

/** `detail` of `credential-cancel`. Never carries the key. */
export interface CredentialCancelDetail {
  /** `credential-id`, `\"\"` when not set. */
  readonly id: string;
  readonly provider: string;
  readonly source: CancelSource;
}

/** `detail` of `credential-request-close` (cancelable): the user asked to close. */
export interface CredentialRequestCloseDetail {
  /** `credential-id`, `\"\"` when not set. */
  readonly id: string;
  readonly provider: string;
  readonly source: Exclude<CancelSource, 'api'>;
  /** Something differs from the values the overlay opened with. */
  readonly dirty: boolean;
}

/** Why the overlay closed. */
export type CloseReason = 'saved' | 'cancel' | 'api';

/** `detail` of `credential-close`, fired once after every close. */
export interface CredentialCloseDetail {
  /** `credential-id`, `\"\"` when not set. */
  readonly id: string;
  readonly provider: string;
  readonly reason: CloseReason;
  /** `"save"` after a save, else what asked for the close. */
  readonly source: CloseSource;
}

export type CredentialSavedEvent = CustomEvent<CredentialSavedDetail>;
export type CredentialCancelEvent = CustomEvent<CredentialCancelDetail>;
export type CredentialRequestCloseEvent = CustomEvent<CredentialRequestCloseDetail>;
export type CredentialCloseEvent = CustomEvent<CredentialCloseDetail>;

/**
 * Reject a `waitUntil` promise with this to show `message` on one field, e.g. a server's
 * "A credential with this name already exists." on `"name"`. `field` is `"name"`,
 * `"description"`, `"apiKey"` or a preset field id; any object with `field` and `message`
 * works the same.
 */
export class CredentialFieldError extends Error {
  readonly field: string;
  constructor(field: string, message: string) {
    super(message);
    this.name = 'CredentialFieldError';
    this.field = field;
  }
}

// <credential-picker> (contract section 12)

/** What the picker shows of a saved credential: never its key. */
export interface CredentialSummary {
  id: string;
  name: string;
  description?: string;
  provider?: string;
  keyHint: string;
  keyType?: string;
  verified?: boolean;
  /** When it was added, as an ISO string. */
  createdAt?: string;
  fields?: Readonly<Record<string, string>>;
  /** The last passing check (contract section 6), without its models: the tile says "Rate-limited", "No credit left" and the credit left. */
  check?: Omit<CheckResult, 'models'> | null;
}

/** `detail` of `credential-select`. */
export interface CredentialSelectDetail {
  readonly id: string;
}

/** `detail` of `credential-delete` (cancelable). */
export interface CredentialDeleteDetail {
  readonly id: string;
  readonly name: string;
  /** Call during dispatch to keep the tile busy until `promise` settles; a rejection's message shows in the tile. */
  readonly waitUntil: (promise: Promise<unknown>) => void;
}

export type CredentialSelectEvent = CustomEvent<CredentialSelectDetail>;
export type CredentialDeleteEvent = CustomEvent<CredentialDeleteDetail>;

declare global {
  interface HTMLElementEventMap {
    'credential-select': CredentialSelectEvent;
    'credential-delete': CredentialDeleteEvent;
    'credential-saved': CredentialSavedEvent;
    'credential-cancel': CredentialCancelEvent;
    'credential-request-close': CredentialRequestCloseEvent;
    'credential-close': CredentialCloseEvent;
  }
}
