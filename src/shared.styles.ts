import { css } from 'lit';

/**
 * What both elements' style sheets start with: the colours, radius and subtle fill from the
 * overlay's custom properties (colours follow the inherited color-scheme), `hidden` on the
 * host, and text for screen readers only.
 */
export const shared = css`
  :host {
    --_accent: var(--credential-overlay-accent, light-dark(#2456d6, #8ab4ff));
    --_accent-text: var(--credential-overlay-accent-text, light-dark(#fff, #0b1220));
    --_bg: var(--credential-overlay-background, light-dark(#fff, #1b1f27));
    --_text: var(--credential-overlay-text, light-dark(#111827, #f1f3f6));
    --_muted: var(--credential-overlay-muted, light-dark(#4b5563, #b8bfcc));
    --_border: var(--credential-overlay-border, light-dark(#6b7280, #8d96a5));
    --_error: var(--credential-overlay-error, light-dark(#b42318, #ff9b91));
    /* A passing check, with words and an icon, never by colour alone. */
    --_ok: light-dark(#116329, #7ee2a8);
    --_radius: var(--credential-overlay-control-radius, 8px);
    --_subtle: color-mix(in srgb, var(--_text) 6%, var(--_bg));
  }
  :host([hidden]) {
    display: none;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;
