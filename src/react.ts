'use client';
/**
 * `credential-overlay/react`: `<CredentialOverlay>` for React 17, 18 and 19, made with
 * `@lit/react`. Importing it defines `<credential-overlay>` (through the default entry).
 *
 * ```tsx
 * import { CredentialOverlay } from 'credential-overlay/react';
 *
 * <CredentialOverlay open={open} onCredentialSaved={(e) => save(e.detail)}
 *   onCredentialClose={() => setOpen(false)} />
 * ```
 *
 * Properties (`open`, `provider`, `heading`, `credentialName`, `values`, `strings`, …) are
 * set as properties on the element; `onCredentialSaved`, `onCredentialCancel`,
 * `onCredentialRequestClose` and `onCredentialClose` receive the typed events. A controlled
 * `open` stays in sync through `onCredentialClose={() => setOpen(false)}`. A `ref` gives the element itself
 * (`show()`, `close()`). Marked `'use client'` for React Server Components (Next.js App
 * Router): the wrapper uses hooks and sets properties in the browser.
 */
import * as React from 'react';
import { createComponent, type EventName } from '@lit/react';
import { CredentialOverlay as CredentialOverlayElement } from './index.js';
import type { CredentialCancelEvent, CredentialCloseEvent, CredentialRequestCloseEvent, CredentialSavedEvent } from './events.js';

export { CredentialOverlayElement };
export type {
  CancelSource,
  CloseReason,
  CredentialCancelDetail,
  CredentialCancelEvent,
  CredentialCloseDetail,
  CredentialCloseEvent,
  CredentialRequestCloseDetail,
  CredentialRequestCloseEvent,
  CredentialSavedDetail,
  CredentialSavedEvent,
} from './events.js';
export { CredentialFieldError } from './events.js';
export type { CredentialOverlayStrings } from './strings.js';

/** The React component for `<credential-overlay>`. */
export const CredentialOverlay = createComponent({
  react: React,
  tagName: 'credential-overlay',
  elementClass: CredentialOverlayElement,
  events: {
    onCredentialSaved: 'credential-saved' as EventName<CredentialSavedEvent>,
    onCredentialCancel: 'credential-cancel' as EventName<CredentialCancelEvent>,
    onCredentialRequestClose: 'credential-request-close' as EventName<CredentialRequestCloseEvent>,
    onCredentialClose: 'credential-close' as EventName<CredentialCloseEvent>,
  },
  displayName: 'CredentialOverlay',
});

/** Props of `<CredentialOverlay>`: the element's properties, its events and HTML attributes. */
export type CredentialOverlayProps = React.ComponentProps<typeof CredentialOverlay>;
