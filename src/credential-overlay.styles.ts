import { css } from 'lit';
import { shared } from './shared.styles.js';

// Written for size (issue 8): shorthands, shared rules, no decoration that costs bytes
// without helping a user. Colours follow the page's color-scheme, which the element inherits:
// light on a page that declares none, the user's preference on a page with
// `color-scheme: light dark`; a host forces one with credential-overlay { color-scheme: dark }.
export const styles = [
  shared,
  css`
  :host {
    --_space: var(--credential-overlay-spacing, 24px);
    --_mono: var(--credential-overlay-mono-font, ui-monospace, Menlo, Consolas, monospace);
  }

  dialog {
    box-sizing: border-box;
    width: min(var(--credential-overlay-width, 32rem), 100vw - 2rem);
    max-width: none;
    max-height: calc(100dvh - 2rem);
    padding: 0;
    border: 0;
    border-radius: var(--credential-overlay-radius, 14px);
    background: var(--_bg);
    color: var(--_text);
    font: 0.9375rem/1.5 var(--credential-overlay-font, system-ui, sans-serif);
    /* Long localized words wrap instead of pushing the dialog wider than a phone. */
    overflow: hidden;
    overflow-wrap: anywhere;
    /* An edge, no blurred shadow: the backdrop already sets the dialog apart, and a large
       blur is repainted whenever the dialog grows by an error line. */
    box-shadow: 0 0 0 1px #8884;
    outline: none;
  }
  dialog[open],
  form {
    display: flex;
  }
  .header,
  .error,
  .form-error,
  .footer,
  .progress {
    display: flex;
    align-items: flex-start;
    gap: 12px;
  }
  dialog::backdrop {
    background: var(--credential-overlay-backdrop, light-dark(#0f172a8c, #000a));
  }
  form {
    flex: 1;
    flex-direction: column;
    min-width: 0;
  }
  .header {
    padding: 20px 20px 8px var(--_space);
    padding-inline: var(--_space) 20px;
  }
  .title {
    flex: 1;
  }
  h2 {
    margin: 0;
    font-size: 1.1875rem;
    line-height: 1.35;
  }
  p {
    margin: 6px 0 0;
  }
  .provider,
  .optional,
  .saved-key,
  .note,
  .help,
  .progress {
    color: var(--_muted);
    font-size: 0.8125rem;
  }
  .body {
    overflow: auto;
    padding: 12px var(--_space) 4px;
  }
  .field,
  .advanced {
    margin-bottom: 18px;
  }
  .label-row {
    display: flex;
    align-items: baseline;
    flex-wrap: wrap;
    justify-content: space-between;
    margin-bottom: 6px;
  }
  label,
  summary {
    font-size: 0.875rem;
    font-weight: 600;
  }
  input,
  select,
  textarea {
    box-sizing: border-box;
    display: block;
    width: 100%;
    margin: 0;
    min-height: 44px;
    padding: 10px 12px;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: inherit;
    font: inherit;
  }
  textarea {
    resize: vertical;
  }
  [readonly] {
    background: var(--_subtle);
  }
  [aria-invalid='true'] {
    border-color: var(--_error);
    box-shadow: inset 3px 0 var(--_error);
  }
  :host(:dir(rtl)) [aria-invalid='true'] {
    box-shadow: inset -3px 0 var(--_error);
  }
  .secret {
    position: relative;
  }
  #api-key {
    padding-inline-end: 52px;
    font: 0.875rem var(--_mono);
  }
  .secret button {
    position: absolute;
    inset-block-start: 2px;
    inset-inline-end: 2px;
  }

  .error,
  .form-error {
    gap: 6px;
    color: var(--_error);
    font-size: 0.8125rem;
  }
  .error:empty {
    display: none;
  }
  .form-error:not(:empty) {
    margin-bottom: 16px;
    padding: 10px 12px;
    border: 1px solid;
    border-radius: var(--_radius);
  }
  .error svg,
  .form-error svg {
    width: 16px;
    margin-top: 1px;
  }
  code {
    padding: 1px 5px;
    border-radius: 4px;
    background: var(--_subtle);
    color: var(--_text);
    font: 0.8125rem var(--_mono);
    /* A header such as "Authorization: Bearer {api_key}" reads left to right in RTL too. */
    direction: ltr;
    unicode-bidi: isolate;
  }
  a {
    display: inline-block;
    /* At least 24×24 CSS px to hit (WCAG 2.5.8). */
    min-height: 24px;
    color: var(--_accent);
  }
  summary {
    min-height: 28px;
    cursor: pointer;
  }
  .skip {
    margin: -4px 0 16px;
  }
  /* "Connect {provider}" before the key field, and "Check key" under it, each with what it found. */
  .connect,
  .check-row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 6px 12px;
  }
  .connect {
    margin-bottom: 18px;
  }
  .check-row {
    margin-top: 8px;
  }
  /* Connect or Check key while it works: it keeps focus (not disabled) and ignores clicks. */
  [aria-disabled='true'] {
    cursor: progress;
  }
  .check-row button {
    min-height: 32px;
    padding: 0 12px;
    font-size: 0.8125rem;
  }
  .check-outcome {
    display: flex;
    flex: 1 1 12rem;
    gap: 6px;
    margin: 0;
    font-size: 0.8125rem;
  }
  .check-outcome.ok svg {
    color: var(--_ok);
  }
  .check-outcome.error {
    color: var(--_error);
  }
  .check-outcome svg {
    width: 16px;
    margin-top: 1px;
  }

  .footer {
    flex-wrap: wrap;
    justify-content: flex-end;
    padding: 16px var(--_space) 20px;
    border-top: 1px solid color-mix(in srgb, var(--_text) 12%, var(--_bg));
  }
  .footer-start {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 8px;
    margin-inline-end: auto;
  }
  .progress {
    flex: 1;
    align-items: center;
    gap: 0;
    margin: 0;
  }
  button {
    display: inline-grid;
    grid-auto-flow: column;
    place-items: center;
    min-height: 40px;
    padding: 0 18px;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: none;
    color: var(--_text);
    font: inherit;
    font-weight: 600;
    cursor: pointer;
  }
  button:disabled {
    opacity: 0.75;
    cursor: progress;
  }
  button:hover:not(:disabled) {
    background: var(--_subtle);
  }
  .primary,
  .primary:hover:not(:disabled) {
    border-color: transparent;
    background: var(--_accent);
    color: var(--_accent-text);
  }
  .icon {
    width: 40px;
    padding: 0;
    border: 0;
    color: var(--_muted);
  }
  :is(button, a, summary, input, select, textarea):focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }
  input:focus-visible,
  textarea:focus-visible {
    outline-offset: -1px;
    border-color: var(--_accent);
  }

  svg {
    flex: none;
    width: 20px;
    fill: none;
    stroke: currentColor;
    stroke-width: 2;
    stroke-linecap: round;
  }
  .spinner {
    width: 14px;
    height: 14px;
    margin-inline-end: 8px;
    border: 2px solid;
    border-inline-end-color: transparent;
    border-radius: 50%;
  }

  @media (prefers-reduced-motion: no-preference) {
    dialog[open] {
      animation: enter 0.16s ease-out;
    }
    .spinner {
      animation: spin 0.8s linear infinite;
    }
    @keyframes enter {
      from {
        opacity: 0;
        transform: translateY(8px);
      }
    }
    @keyframes spin {
      to {
        rotate: 1turn;
      }
    }
  }
  /* No motion at all when the user asks for less, whatever style sheet adds it. */
  @media (prefers-reduced-motion: reduce) {
    * {
      animation: none !important;
      transition: none !important;
    }
  }

  /* Narrow screens: a full-width sheet from the bottom; buttons side by side when both fit,
     else each on its own full-width row. */
  @media (max-width: 30rem) {
    dialog {
      --_space: 16px;
      width: 100%;
      max-height: 100%;
      margin: auto 0 0;
      border-end-end-radius: 0;
      border-end-start-radius: 0;
    }
    .header {
      padding: 16px 12px 4px 16px;
    }
    .footer button {
      flex: auto;
    }
  }

  @media (forced-colors: active) {
    :is(dialog, button, .icon) {
      border: 1px solid;
    }
    [aria-invalid='true'] {
      border-width: 2px;
    }
    /* CanvasText, not Highlight: forced palettes pair CanvasText with Canvas at a high
       contrast, but not Highlight (Firefox's forced colours on Linux: 2.9:1 on Canvas). */
    :is(button, a, summary, input, select, textarea):focus-visible {
      outline-color: CanvasText;
    }
    /* Its own border must not touch the key field's. */
    .secret button {
      inset-block-start: 4px;
      inset-inline-end: 4px;
      width: 36px;
      height: 36px;
      min-height: 0;
    }
    .error,
    .form-error,
    .check-outcome {
      color: CanvasText;
    }
  }
`,
];
