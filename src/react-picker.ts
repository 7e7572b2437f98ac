'use client';
/**
 * `credential-overlay/react/picker`: `<CredentialPicker>` for React, made with `@lit/react`.
 * Importing it defines `<credential-picker>` and `<credential-overlay>`. Apart from
 * `credential-overlay/react`, so a page that uses only the overlay does not load the picker.
 *
 * ```tsx
 * import { CredentialOverlay } from 'credential-overlay/react';
 * import { CredentialPicker } from 'credential-overlay/react/picker';
 *
 * <CredentialPicker credentials={list} value={selected} onCredentialSelect={(e) => setSelected(e.detail.id)}
 *   onCredentialDelete={(e) => e.detail.waitUntil(remove(e.detail.id))}>
 *   <CredentialOverlay verify onCredentialSaved={(e) => e.detail.waitUntil(save(e.detail))} />
 * </CredentialPicker>
 * ```
 */
import * as React from 'react';
import { createComponent, type EventName } from '@lit/react';
import { CredentialPicker as CredentialPickerElement, type CredentialDeleteEvent, type CredentialSelectEvent } from './picker.js';

export { CredentialPickerElement };
export type { CredentialSummary, CredentialSelectDetail, CredentialDeleteDetail, CredentialSelectEvent, CredentialDeleteEvent } from './picker.js';

/**
 * The React component for `<credential-picker>` (the picker entry is imported with it):
 * `onCredentialSelect` and `onCredentialDelete` receive the typed events; a child
 * `<CredentialOverlay>` is the overlay it opens.
 */
export const CredentialPicker = createComponent({
  react: React,
  tagName: 'credential-picker',
  elementClass: CredentialPickerElement,
  events: {
    onCredentialSelect: 'credential-select' as EventName<CredentialSelectEvent>,
    onCredentialDelete: 'credential-delete' as EventName<CredentialDeleteEvent>,
  },
  displayName: 'CredentialPicker',
});

/** Props of `<CredentialPicker>`. */
export type CredentialPickerProps = React.ComponentProps<typeof CredentialPicker>;

