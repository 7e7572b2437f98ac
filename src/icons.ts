/**
 * The line icons of the overlay and the picker, drawn as inline SVG (no font, no image
 * request), sized by CSS; and the alert icon that marks every error, so that an error is never
 * told by colour alone.
 */
import { html } from 'lit';

/** A 24×24 icon; `d` is its path. */
export const icon = (d: string) => html`<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d=${d} /></svg>`;

export const EYE = 'M2 12s3.6-7 10-7 10 7 10 7-3.6 7-10 7S2 12 2 12zm7 0a3 3 0 0 0 6 0a3 3 0 0 0-6 0';
export const EYE_OFF = `${EYE}M3 3l18 18`;
export const CROSS = 'M6 6l12 12M18 6L6 18';
export const PLUS = 'M12 5v14M5 12h14';
export const PEN = 'M4 20h4L19 9l-4-4L4 16zM13.5 6.5l4 4';
export const BIN = 'M4 7h16M10 11v6M14 11v6M6 7l1 12a2 2 0 0 0 2 2h6a2 2 0 0 0 2-2l1-12M9 7V4h6v3';
export const CHECK = 'M5 12.5l4.5 4.5L19 7.5';
const ALERT = 'M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18M12 7.5v5.5m0 3.5v.01';

/** An error's content: the alert icon and the message. */
export const errorContent = (message: string) => html`${icon(ALERT)}<span>${message}</span>`;
