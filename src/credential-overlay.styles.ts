import { css } from 'lit';

export const styles = css`
  /* Colours follow the element's color-scheme: the user's preference by default; a host
     forces one with credential-overlay { color-scheme: dark }. */
  :host {
    color-scheme: light dark;
    --_accent: var(--credential-overlay-accent, light-dark(#2456d6, #8ab4ff));
    --_accent-text: var(--credential-overlay-accent-text, light-dark(#ffffff, #0b1220));
    --_bg: var(--credential-overlay-background, light-dark(#ffffff, #1b1f27));
    --_text: var(--credential-overlay-text, light-dark(#111827, #f1f3f6));
    --_muted: var(--credential-overlay-muted, light-dark(#4b5563, #b8bfcc));
    --_border: var(--credential-overlay-border, light-dark(#6b7280, #8d96a5));
    --_error: var(--credential-overlay-error, light-dark(#b42318, #ff9b91));
    --_backdrop: var(--credential-overlay-backdrop, light-dark(rgb(15 23 42 / 0.55), rgb(0 0 0 / 0.65)));
    --_edge: light-dark(rgb(0 0 0 / 0.06), rgb(255 255 255 / 0.14));
    --_radius: var(--credential-overlay-radius, 14px);
    --_control-radius: var(--credential-overlay-control-radius, 8px);
    --_space: var(--credential-overlay-spacing, 24px);
    --_font: var(--credential-overlay-font, system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif);
    --_mono: var(--credential-overlay-mono-font, ui-monospace, 'SF Mono', Menlo, Consolas, 'Liberation Mono', monospace);
    --_width: var(--credential-overlay-width, 32rem);
    --_subtle: color-mix(in srgb, var(--_text) 6%, var(--_bg));
    --_divider: color-mix(in srgb, var(--_text) 12%, var(--_bg));
    --_error-bg: color-mix(in srgb, var(--_error) 8%, var(--_bg));
  }

  :host([hidden]) {
    display: none;
  }

  dialog {
    box-sizing: border-box;
    width: min(var(--_width), calc(100vw - 2rem));
    max-width: none;
    max-height: calc(100dvh - 2rem);
    padding: 0;
    border: 0;
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_text);
    font: 400 0.9375rem/1.5 var(--_font);
    /* Long localized words wrap instead of pushing the dialog wider than a phone. */
    overflow-wrap: anywhere;
    box-shadow:
      0 0 0 1px var(--_edge),
      0 24px 56px -12px rgb(0 0 0 / 0.35);
    overflow: hidden;
  }
  dialog[open] {
    display: flex;
  }
  dialog:focus {
    outline: none;
  }
  dialog::backdrop {
    background: var(--_backdrop);
  }

  form {
    display: flex;
    flex-direction: column;
    flex: 1;
    min-height: 0;
    min-width: 0;
  }

  .header {
    display: flex;
    align-items: flex-start;
    gap: 12px;
    padding: 20px 20px 8px var(--_space);
    padding-inline: var(--_space) 20px;
  }
  .title {
    flex: 1;
    min-width: 0;
  }
  h2 {
    margin: 0;
    font-size: 1.1875rem;
    font-weight: 650;
    line-height: 1.35;
    overflow-wrap: anywhere;
  }
  .provider {
    display: flex;
    align-items: center;
    gap: 8px;
    margin: 6px 0 0;
    color: var(--_muted);
    font-size: 0.875rem;
    font-weight: 500;
  }
  .mark {
    display: inline-grid;
    place-items: center;
    width: 24px;
    height: 24px;
    border-radius: 6px;
    background: var(--_subtle);
    color: var(--_text);
  }
  .mark svg {
    width: 16px;
    height: 16px;
  }

  .body {
    overflow: auto;
    padding: 12px var(--_space) 4px;
  }

  .field {
    margin: 0 0 18px;
  }
  .label-row {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    justify-content: space-between;
    gap: 2px 8px;
    margin-bottom: 6px;
  }
  label {
    font-size: 0.875rem;
    font-weight: 600;
  }
  .optional {
    color: var(--_muted);
    font-size: 0.8125rem;
  }

  input,
  textarea {
    box-sizing: border-box;
    display: block;
    width: 100%;
    min-height: 44px;
    margin: 0;
    padding: 10px 12px;
    border: 1px solid var(--_border);
    border-radius: var(--_control-radius);
    background: var(--_bg);
    color: inherit;
    font: inherit;
  }
  textarea {
    min-height: 4.75rem;
    resize: vertical;
  }
  input:focus-visible,
  textarea:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: -1px;
    border-color: var(--_accent);
  }
  input[readonly],
  textarea[readonly] {
    background: var(--_subtle);
  }
  [aria-invalid='true'] {
    border-color: var(--_error);
    box-shadow: inset 3px 0 0 var(--_error);
  }
  :host(:dir(rtl)) [aria-invalid='true'] {
    box-shadow: inset -3px 0 0 var(--_error);
  }

  .secret {
    position: relative;
  }
  .secret input {
    padding-inline-end: 52px;
    font-family: var(--_mono);
    font-size: 0.875rem;
  }
  .secret input::-ms-reveal {
    display: none;
  }
  .secret .icon-button {
    position: absolute;
    inset-block-start: 2px;
    inset-inline-end: 2px;
  }

  .error,
  .form-error {
    display: flex;
    align-items: flex-start;
    gap: 6px;
    color: var(--_error);
    font-size: 0.8125rem;
    font-weight: 500;
    overflow-wrap: anywhere;
  }
  .error {
    margin: 6px 0 0;
  }
  .error:empty {
    display: none;
  }
  .error svg,
  .form-error svg {
    width: 16px;
    height: 16px;
    margin-top: 1px;
  }
  .form-error:not(:empty) {
    margin: 0 0 16px;
    padding: 10px 12px;
    border: 1px solid var(--_error);
    border-radius: var(--_control-radius);
    background: var(--_error-bg);
  }

  .note,
  .help {
    color: var(--_muted);
    font-size: 0.8125rem;
  }
  .note {
    margin: 6px 0 0;
  }
  .help p {
    margin: 8px 0 0;
  }
  code {
    padding: 1px 5px;
    border-radius: 4px;
    background: var(--_subtle);
    color: var(--_text);
    font-family: var(--_mono);
    font-size: 0.8125rem;
    overflow-wrap: anywhere;
    /* A header such as "Authorization: Bearer {api_key}" reads left to right in RTL too. */
    direction: ltr;
    unicode-bidi: isolate;
  }
  a {
    display: inline-flex;
    align-items: center;
    gap: 4px;
    /* At least 24×24 CSS px to hit (WCAG 2.5.8). */
    min-height: 24px;
    color: var(--_accent);
    font-weight: 500;
    text-decoration: underline;
    text-underline-offset: 2px;
  }
  a svg {
    width: 14px;
    height: 14px;
  }
  :host(:dir(rtl)) a svg {
    transform: scaleX(-1);
  }

  .footer {
    display: flex;
    flex-wrap: wrap;
    justify-content: flex-end;
    gap: 12px;
    padding: 16px var(--_space) 20px;
    border-top: 1px solid var(--_divider);
  }

  button {
    font: inherit;
    cursor: pointer;
  }
  button:disabled {
    cursor: progress;
  }
  :is(button, a):focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }
  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    min-height: 40px;
    min-width: 6rem;
    padding: 0 18px;
    border: 1px solid transparent;
    border-radius: var(--_control-radius);
    font-weight: 600;
    text-align: center;
  }
  .primary {
    background: var(--_accent);
    color: var(--_accent-text);
  }
  .primary:hover:not(:disabled) {
    background: color-mix(in srgb, var(--_accent) 88%, var(--_text));
  }
  .secondary {
    border-color: var(--_border);
    background: transparent;
    color: var(--_text);
  }
  .secondary:hover:not(:disabled) {
    background: var(--_subtle);
  }
  .button:disabled {
    opacity: 0.75;
  }
  .icon-button {
    display: inline-grid;
    flex: none;
    place-items: center;
    width: 40px;
    height: 40px;
    padding: 0;
    border: 0;
    border-radius: var(--_control-radius);
    background: transparent;
    color: var(--_muted);
  }
  .icon-button:hover:not(:disabled) {
    background: var(--_subtle);
    color: var(--_text);
  }

  svg {
    flex: none;
    fill: none;
    stroke: currentColor;
    stroke-width: 2;
    stroke-linecap: round;
    stroke-linejoin: round;
  }

  .spinner {
    display: inline-block;
    width: 14px;
    height: 14px;
    margin-inline-end: 8px;
    border: 2px solid currentColor;
    border-inline-end-color: transparent;
    border-radius: 50%;
  }

  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }

  @media (prefers-reduced-motion: no-preference) {
    dialog[open] {
      animation: enter 160ms ease-out;
    }
    .spinner {
      animation: spin 0.8s linear infinite;
    }
    @keyframes enter {
      from {
        opacity: 0;
        transform: translateY(8px) scale(0.98);
      }
    }
    @keyframes spin {
      to {
        transform: rotate(360deg);
      }
    }
  }

  /* No motion at all when the user asks for less, whatever style sheet adds it. */
  @media (prefers-reduced-motion: reduce) {
    *,
    ::before,
    ::after {
      animation: none !important;
      transition: none !important;
    }
  }

  /* Narrow screens: a full-width sheet from the bottom. */
  @media (max-width: 30rem) {
    dialog {
      width: 100%;
      max-height: 100%;
      margin: auto 0 0;
      border-radius: var(--_radius) var(--_radius) 0 0;
    }
    .header {
      padding: 16px 12px 4px 16px;
    }
    .body {
      padding: 8px 16px 4px;
    }
    .footer {
      padding: 12px 16px 16px;
    }
    .button {
      /* Side by side when both fit, else each on its own full-width row. */
      flex: 1 1 auto;
    }
  }

  @media (forced-colors: active) {
    dialog {
      border: 1px solid CanvasText;
    }
    [aria-invalid='true'] {
      border-width: 2px;
    }
    .form-error:not(:empty),
    .button,
    .icon-button {
      border: 1px solid ButtonText;
    }
    /* CanvasText, not Highlight: forced palettes pair CanvasText with Canvas at a high
       contrast, but not Highlight (Firefox's forced colours on Linux: 2.9:1 on Canvas). */
    :is(button, a, input, textarea):focus-visible {
      outline: 2px solid CanvasText;
    }
    /* Its own border must not touch the key field's. */
    .secret .icon-button {
      inset-block-start: 4px;
      inset-inline-end: 4px;
      width: 36px;
      height: 36px;
    }
    .error,
    .form-error {
      color: CanvasText;
    }
  }

  /* The Advanced disclosure, the live check's progress and "Save without checking". */
  .advanced {
    margin: 0 0 18px;
  }
  summary {
    display: inline-flex;
    align-items: center;
    gap: 4px;
    min-height: 32px;
    padding-inline-end: 8px;
    border-radius: 6px;
    color: var(--_text);
    font-size: 0.875rem;
    font-weight: 600;
    cursor: pointer;
    list-style: none;
  }
  summary::-webkit-details-marker {
    display: none;
  }
  summary svg {
    width: 16px;
    height: 16px;
    transition: transform 120ms ease-out;
  }
  :host(:dir(rtl)) summary svg {
    transform: scaleX(-1);
  }
  .advanced[open] summary svg {
    transform: rotate(90deg);
  }
  summary:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }
  .advanced[open] summary {
    margin-bottom: 10px;
  }
  .skip {
    margin: -4px 0 16px;
  }
  .progress {
    display: flex;
    flex: 1;
    align-items: center;
    margin: 0;
    color: var(--_muted);
    font-size: 0.875rem;
  }
  @media (prefers-reduced-motion: reduce) {
    summary svg {
      transition: none;
    }
  }
`;
