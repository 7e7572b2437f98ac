/**
 * Every visible string and accessible name of `<credential-picker>`. Messages with parameters
 * are functions, so a translation can order the words as its language needs.
 */
export interface CredentialPickerStrings {
  /** The radio group's accessible name when `label` is not set. */
  label: string;
  addCredential: string;
  empty: string;
  /** Accessible name of a tile's edit button. */
  edit: (p: { name: string }) => string;
  /** Accessible name of a tile's delete button. */
  delete: (p: { name: string }) => string;
  verified: string;
  /** Beside "Verified": the last check found the key rate-limited. */
  rateLimited: string;
  /** Beside "Verified": the last check found no credit left. */
  noCredit: string;
  /** Credit left of a limit, and credit left without one; amounts formatted for the language. */
  checkCredit: (p: { remaining: string; limit: string }) => string;
  checkCreditLeft: (p: { remaining: string }) => string;
  /** The key's type on a tile, e.g. "project key". */
  keyType: (p: { type: string }) => string;
  /** When it was added; `date` is formatted for the language. */
  added: (p: { date: string }) => string;
  /** The question of the in-place delete confirmation. */
  confirmDelete: (p: { name: string }) => string;
  confirm: string;
  keep: string;
  deleting: string;
  /** When the host's delete failed without a message of its own. */
  deleteFailed: string;
  /** Announced when a tile appears. */
  announceNew: (p: { name: string }) => string;
}

export const pickerEn: CredentialPickerStrings = {
  label: 'Credentials',
  addCredential: 'Add Credential',
  empty: 'No credentials yet',
  edit: ({ name }) => `Edit ${name}`,
  delete: ({ name }) => `Delete ${name}`,
  verified: 'Verified',
  rateLimited: 'Rate-limited',
  noCredit: 'No credit left',
  checkCredit: ({ remaining, limit }) => `${remaining} of ${limit} left`,
  checkCreditLeft: ({ remaining }) => `${remaining} left`,
  keyType: ({ type }) => `${type} key`,
  added: ({ date }) => `Added ${date}`,
  confirmDelete: ({ name }) => `Delete ${name}?`,
  confirm: 'Delete',
  keep: 'Keep',
  deleting: 'Deleting…',
  deleteFailed: 'The credential could not be deleted. Try again.',
  announceNew: ({ name }) => `${name} added`,
};
