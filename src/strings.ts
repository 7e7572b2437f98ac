/**
 * Every visible string of the overlay. Messages with parameters are functions, so a
 * translation can order the words as its language needs. Hosts override any subset
 * through the `strings` property.
 */
export interface CredentialOverlayStrings {
  heading: string;
  /** The heading in edit mode (`existing-key-hint`). */
  editHeading: string;
  nameLabel: string;
  descriptionLabel: string;
  optional: string;
  apiKeyLabel: string;
  showKey: string;
  /** Help under the key field; the header it is sent in (e.g. `Authorization: Bearer {api_key}`) follows it. */
  keyHelp: (p: { provider: string }) => string;
  docsLink: (p: { provider: string }) => string;
  /** Appended to a link that opens in a new tab, for screen readers. */
  newTab: string;
  save: string;
  /** Save's label while a host's `waitUntil` runs. */
  saving: string;
  /** Save's label while the live check runs. */
  checkingButton: string;
  /** Edit mode: next to the empty key field; `hint` is the saved key's hint. */
  savedKey: (p: { hint: string }) => string;
  /** Edit mode, when the saved key's hint is unknown (none given, or not a hint's shape). */
  keySaved: string;
  /** Edit mode: an address field changed, so the saved key may not follow; also the key field's error on Save. */
  keyNewAddress: string;
  cancel: string;
  close: string;

  nameRequired: string;
  tooLong: (p: { field: string; length: number; max: number }) => string;

  keyRequired: (p: { provider: string }) => string;
  keyCharacterInside: (p: { character: string; position: number }) => string;
  keyTooLong: (p: { length: number; max: number }) => string;
  keyOtherProvider: (p: { other: string; prefix: string; provider: string; expected: string }) => string;
  keySessionToken: (p: { other: string; prefix: string; provider: string; expected: string }) => string;
  /** A placeholder copied from documentation (`YOUR_API_KEY`, `sk-proj-xxxxxxxx…`) instead of a key. */
  keyPlaceholder: string;
  keyWrongPrefix: (p: { provider: string; expected: string }) => string;
  /** `allowed` is `allowedCharacters` of the preset's alphabet. */
  keyBadCharacter: (p: { char: string; position: number; provider: string; allowed: string }) => string;
  /** The characters a preset's keys consist of, e.g. "letters, digits, _ and -". */
  allowedCharacters: (p: { parts: AlphabetPart[] }) => string;
  keyTooShort: (p: { length: number; min: number; prefix: string }) => string;
  /** The same for keys without a fixed prefix. */
  keyTooShortNoPrefix: (p: { length: number; min: number }) => string;
  /** The key was pasted twice; `position` is where the second copy starts. */
  keyRepeated: (p: { position: number }) => string;
  /** How a character that does not belong in a key is named in a message. */
  describeCharacter: (p: { kind: CharacterKind; char: string; codePoint: string }) => string;

  advanced: string;
  /**
   * Translations of the presets' own field texts, by field id (`organization`, `endpoint`,
   * …). A text missing here is the preset's own (English).
   */
  fields: Readonly<Record<string, FieldStrings>>;
  /** A required field of a preset left empty. */
  fieldRequired: (p: { field: string }) => string;
  /** A URL field whose value is not a URL. */
  urlInvalid: (p: { field: string }) => string;
  /** A URL field with another scheme than https: (or http: to a private network). */
  urlScheme: (p: { field: string }) => string;
  /** A URL field with a user name or password in it. */
  urlCredentials: (p: { field: string }) => string;
  /** A URL field with http: to a public host. */
  urlPublicHttp: (p: { field: string; host: string }) => string;
  /** Note under a URL field with http: to a private-network host. */
  noteUnencrypted: (p: { field: string }) => string;
  /** Form-level message when the `provider` id names no registered preset. */
  providerUnavailable: (p: { provider: string }) => string;

  /** With `verify`: the button beside the key field that runs the live check without saving. */
  checkKey: string;
  /** What a passing check learned, in parts joined by " · ": the status, then what follows. */
  checkValid: string;
  /** After `checkValid`: the key is real, and rate-limited right now. */
  checkLimited: string;
  /** After `checkValid`: the key is real, and its account has no credit left. */
  checkNoCredit: string;
  /** How many models the key can use. */
  checkModels: (p: { count: number }) => string;
  /** Credit left of a limit; both formatted in the provider's currency and the page's language. */
  checkCredit: (p: { remaining: string; limit: string }) => string;
  /** Credit left, without a limit. */
  checkCreditLeft: (p: { remaining: string }) => string;
  /** When the key expires, formatted in the page's language. */
  checkExpires: (p: { date: string }) => string;
  /** `choose-model`: the optional field's label and help. */
  modelLabel: string;
  modelHelp: string;
  /** `connect-callback`: the button that gets a key from the provider instead of pasting (contract section 16). */
  connect: (p: { provider: string }) => string;
  /** Its label while the provider's window is open. */
  connectWaiting: (p: { provider: string }) => string;
  /** Beside the key field once the key arrived; `hint` is its hint. */
  keyReceived: (p: { provider: string; hint: string }) => string;
  /** The browser blocked the provider's window. */
  connectBlocked: (p: { provider: string }) => string;
  /** The provider's window was closed before the key arrived. */
  connectClosed: (p: { provider: string }) => string;
  /** The user (or the provider) refused access; `reason` is the provider's word for it, or `""`. */
  connectDenied: (p: { provider: string; reason: string }) => string;
  /** The code could not be exchanged for a key; `reason` is the provider's message or status, or `""`. */
  connectFailed: (p: { provider: string; reason: string }) => string;
  /** No answer within `minutes` minutes. */
  connectTimeout: (p: { provider: string; minutes: number }) => string;
  /** Shown while a live check runs (`verify`). */
  checking: (p: { provider: string }) => string;
  saveWithoutChecking: string;
  /** The provider said the key is wrong; `said` is its own message (key-like text masked) or `""`. */
  verifyRejected: (p: { provider: string; said: string }) => string;
  /** The key could not be confirmed; `reason` is one of the `reason*` strings below. */
  verifyUnconfirmed: (p: { provider: string; reason: string }) => string;
  reasonNetwork: string;
  reasonTimeout: (p: { seconds: number }) => string;
  reasonForbidden: string;
  reasonQuota: string;
  reasonRateLimited: string;
  reasonStatus: (p: { status: number }) => string;
  reasonMalformed: string;
  reasonFailed: string;

  noteAdminKey: string;
  noteUnusualShape: (p: { provider: string }) => string;
  /** A key that looks like another service's, where that is a note (a shape both may have, or a proxy that takes any key). */
  noteOtherProvider: (p: { other: string; prefix: string; provider: string }) => string;

  /** Announced (and shown) when Save found errors. */
  errorSummary: (p: { count: number }) => string;
  /** Form-level error when the host's `waitUntil` promise rejected without a message of its own. */
  saveFailed: string;
}

/** Texts of one preset field, translated (contract section 11); each falls back to the preset's own. */
export interface FieldStrings {
  label?: string;
  help?: string;
  placeholder?: string;
  /** The message of the field's rule. */
  message?: string;
  /** The note of the field's expected shape. */
  note?: string;
  /** Labels of a `select` field's options, by value. */
  options?: Readonly<Record<string, string>>;
}

/** One part of a key alphabet, as a message names it. */
export type AlphabetPart =
  | { kind: 'letters' | 'uppercase' | 'lowercase' | 'digits' }
  | { kind: 'hex' | 'range' | 'char'; value: string };

/** The kinds of character that may not appear inside a key. */
export type CharacterKind = 'space' | 'tab' | 'line-break' | 'whitespace' | 'control' | 'invisible' | 'non-ascii';

/**
 * A language's list joiner: `a`, `a<last>b`, `a<sep>b<last>c`. English is
 * `joinList(', ', ' and ')`; a language without a conjunction passes `sep` twice.
 */
export const joinList =
  (sep: string, last: string) =>
  (items: string[]): string =>
    items.length < 2 ? items.join('') : items.slice(0, -1).join(sep) + last + items[items.length - 1];

/** A language's words for the parts of a key alphabet (`describeAlphabet` in key-rules.ts). */
export interface AlphabetWords {
  letters: string;
  uppercase: string;
  lowercase: string;
  digits: string;
  hex: (chars: string) => string;
  /** A range or a single character; as written when left out. */
  other?: (chars: string) => string;
}

/** A language's `allowedCharacters`: each part of the alphabet in its words, joined by its `list`. */
export const alphabetText =
  (list: (items: string[]) => string, words: AlphabetWords): CredentialOverlayStrings['allowedCharacters'] =>
  ({ parts }) =>
    list(parts.map((p) => ('value' in p ? (p.kind === 'hex' ? words.hex : (words.other ?? String))(p.value) : words[p.kind])));

/** "a", "a and b", "a, b and c". */
const list = joinList(', ', ' and ');

export const en: CredentialOverlayStrings = {
  heading: 'Add New Credential',
  editHeading: 'Edit Credential',
  nameLabel: 'Credential Name',
  descriptionLabel: 'Credential Description',
  optional: 'optional',
  apiKeyLabel: 'API Key Value',
  showKey: 'Show API key',
  keyHelp: ({ provider }) => `${provider} receives this key with every request, in the header`,
  docsLink: ({ provider }) => `Find your ${provider} API key`,
  newTab: '(opens in a new tab)',
  save: 'Save',
  saving: 'Saving…',
  checkingButton: 'Checking…',
  savedKey: ({ hint }) => `Saved key: ${hint}. Leave empty to keep it.`,
  keySaved: 'A key is saved. Leave empty to keep it.',
  keyNewAddress: 'The key will be sent to a new address: enter it again.',
  cancel: 'Cancel',
  close: 'Close',

  nameRequired: 'Enter a name for this credential.',
  tooLong: ({ field, length, max }) =>
    `${field} is ${length} characters long. Shorten it to ${max} characters or fewer.`,

  keyRequired: ({ provider }) => `Paste your ${provider} API key.`,
  keyCharacterInside: ({ character, position }) =>
    `The key contains ${character} at position ${position}. Remove it, or copy the key again.`,
  keyTooLong: ({ length, max }) =>
    `This is ${length} characters long; an API key has at most ${max}. Paste only the key.`,
  keyOtherProvider: ({ other, prefix, provider, expected }) =>
    `This looks like a key from ${other} (${prefix}). Paste your ${provider} key; it starts with ${expected}.`,
  keySessionToken: ({ other, prefix, provider, expected }) =>
    `This looks like a ${other} session token (${prefix}), not an API key. Paste your ${provider} API key; it starts with ${expected}.`,
  keyPlaceholder: 'This looks like a placeholder from documentation, not a real key.',
  keyWrongPrefix: ({ provider, expected }) =>
    `${provider} API keys start with ${expected}. Copy the whole key from your API keys page.`,
  keyBadCharacter: ({ char, position, provider, allowed }) =>
    `The key contains “${char}” at position ${position}; ${provider} keys use only ${allowed}. Copy the key again.`,
  allowedCharacters: alphabetText(list, {
    letters: 'letters',
    uppercase: 'capital letters',
    lowercase: 'lower-case letters',
    digits: 'digits',
    hex: (value) => `hexadecimal digits (${value})`,
  }),
  keyTooShort: ({ length, min, prefix }) =>
    `This key is too short: ${length} characters after ${prefix}, at least ${min} expected. Was it cut off when copying?`,
  keyTooShortNoPrefix: ({ length, min }) =>
    `This key is too short: ${length} characters, at least ${min} expected. Was it cut off when copying?`,
  keyRepeated: ({ position }) =>
    `The key seems to be pasted twice: a second copy starts at position ${position}. Paste it only once.`,
  describeCharacter: ({ kind, char, codePoint }) => {
    switch (kind) {
      case 'space':
        return 'a space';
      case 'tab':
        return 'a tab';
      case 'line-break':
        return 'a line break';
      case 'whitespace':
        return `a space character (${codePoint})`;
      case 'control':
        return `a control character (${codePoint})`;
      case 'invisible':
        return `an invisible character (${codePoint})`;
      case 'non-ascii':
        return `the non-ASCII character “${char}” (${codePoint})`;
    }
  },

  advanced: 'Advanced',
  fields: {},
  fieldRequired: ({ field }) => `Enter the ${field}.`,
  urlInvalid: ({ field }) => `${field} must be a full web address, such as https://example.com.`,
  urlScheme: ({ field }) => `${field} must start with https:// (or http:// for a server on your own network).`,
  urlCredentials: ({ field }) =>
    `Remove the user name and password from ${field}: the address would carry them in plain text.`,
  urlPublicHttp: ({ field, host }) =>
    `${field} uses http:// to ${host}, a public address: the key would cross the internet unencrypted. Use https://.`,
  noteUnencrypted: ({ field }) =>
    `${field} uses http://: the key will travel unencrypted to this server on your network.`,
  providerUnavailable: ({ provider }) =>
    `The provider “${provider}” is not available on this page, so nothing can be saved. Reload the page, or ask its owner to add it.`,

  checkKey: 'Check key',
  checkValid: 'Valid key',
  checkLimited: 'rate-limited right now',
  checkNoCredit: 'no credit left',
  checkModels: ({ count }) => (count === 1 ? '1 model' : `${count} models`),
  checkCredit: ({ remaining, limit }) => `${remaining} of ${limit} left`,
  checkCreditLeft: ({ remaining }) => `${remaining} left`,
  checkExpires: ({ date }) => `expires ${date}`,
  modelLabel: 'Default model',
  modelHelp: 'Type a model id, or check the key to choose from the models it can use.',
  connect: ({ provider }) => `Connect ${provider}`,
  connectWaiting: ({ provider }) => `Waiting for ${provider}…`,
  keyReceived: ({ provider, hint }) => `Key received from ${provider}: ${hint}.`,
  connectBlocked: ({ provider }) => `The browser blocked the ${provider} window. Allow pop-ups for this page and connect again, or paste the key.`,
  connectClosed: ({ provider }) => `The ${provider} window was closed before the key arrived. Connect again, or paste the key.`,
  connectDenied: ({ provider, reason }) => `${provider} did not give access${reason ? ` (${reason})` : ''}. Connect again, or paste the key.`,
  connectFailed: ({ provider, reason }) => `${provider} did not give a key${reason ? ` (${reason})` : ''}. Connect again, or paste the key.`,
  connectTimeout: ({ provider, minutes }) => `No answer from ${provider} within ${minutes} minutes. Connect again, or paste the key.`,
  checking: ({ provider }) => `Checking the key with ${provider}…`,
  saveWithoutChecking: 'Save without checking',
  verifyRejected: ({ provider, said }) =>
    said
      ? `${provider} did not accept this key: ${said}`
      : `${provider} did not accept this key. Check that you copied all of it and that it has not been revoked.`,
  verifyUnconfirmed: ({ provider, reason }) =>
    `The key could not be confirmed with ${provider}: ${reason}. Try again, or save it without checking.`,
  reasonNetwork: 'the request did not get through (offline, blocked by the network, or not allowed by CORS)',
  reasonTimeout: ({ seconds }) => `no answer within ${seconds} seconds`,
  reasonForbidden: 'the key may not list models (a restricted key, or a project or region restriction)',
  reasonQuota: 'the account has no quota or credit left',
  reasonRateLimited: 'too many requests right now',
  reasonStatus: ({ status }) => `the service answered with an error (${status})`,
  reasonMalformed: 'its answer could not be read',
  reasonFailed: 'the check failed',

  noteAdminKey:
    'This is an admin key: it can manage your whole organization. A project key is enough for most uses.',
  noteUnusualShape: ({ provider }) =>
    `This key does not look like the keys ${provider} issues today. Check that it is complete; it can still be saved.`,
  noteOtherProvider: ({ other, prefix, provider }) =>
    `This key looks like one from ${other} (${prefix}). If it is your ${provider} key, you can save it.`,

  errorSummary: ({ count }) => (count === 1 ? 'Could not save: 1 field needs attention.' : `Could not save: ${count} fields need attention.`),
  saveFailed: 'The credential could not be saved. Try again.',
};
