/** Where a close without saving came from. */
export type CancelSource = 'cancel-button' | 'close-button' | 'escape' | 'api';

/** `detail` of `credential-saved` (frozen). */
export interface CredentialSavedDetail {
  /** The preset id, `"openai"` by default. */
  readonly provider: string;
  /** Credential Name, trimmed. */
  readonly name: string;
  /** Credential Description, trimmed; `""` when empty. */
  readonly description: string;
  /** The normalized, validated key. Persist it on your server; never log it. */
  readonly apiKey: string;
  /** e.g. `"project"`, `"service-account"`, `"admin"`, `"user"`, `"legacy"`, `"unknown"`. */
  readonly keyType: string;
  /** Safe to show and store, e.g. `sk-proj-…x9Qz`. */
  readonly keyHint: string;
  /** `true` only when a live check passed. */
  readonly verified: boolean;
  /** Organization ID, `""` when not given. */
  readonly organization: string;
  /** Project ID, `""` when not given. */
  readonly project: string;
  /**
   * Call during dispatch to keep the overlay open and busy until `promise` settles: it
   * closes when every promise fulfils, and shows the first rejection's message otherwise.
   */
  readonly waitUntil: (promise: Promise<unknown>) => void;
}

/** `detail` of `credential-cancel`. Never carries the key. */
export interface CredentialCancelDetail {
  readonly provider: string;
  readonly source: CancelSource;
}

export type CredentialSavedEvent = CustomEvent<CredentialSavedDetail>;
export type CredentialCancelEvent = CustomEvent<CredentialCancelDetail>;

declare global {
  interface HTMLElementEventMap {
    'credential-saved': CredentialSavedEvent;
    'credential-cancel': CredentialCancelEvent;
  }
}
