import { css } from 'lit';
import { shared } from './shared.styles.js';

// The overlay's palette and custom properties, then the tiles.
export const pickerStyles = [
  shared,
  css`
  :host {
    display: grid;
    gap: 12px;
    color: var(--_text);
    font: 0.9375rem/1.5 var(--credential-overlay-font, system-ui, sans-serif);
    overflow-wrap: anywhere;
  }
  .grid {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, var(--credential-picker-min-tile, 16rem)), 1fr));
    gap: 12px;
  }
  .tile {
    position: relative;
    display: flex;
    flex-direction: column;
    min-width: 0;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    /* Thousands of tiles: the ones out of view are not laid out or painted. */
    content-visibility: auto;
    contain-intrinsic-size: auto 8rem;
  }
  .tile.selected {
    border-color: var(--_accent);
    box-shadow: inset 0 0 0 1px var(--_accent);
  }
  .radio {
    display: grid;
    grid-template-columns: 24px 1fr;
    gap: 2px 10px;
    padding: 14px;
    border-radius: var(--_radius);
    cursor: pointer;
    outline: none;
  }
  .radio:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }
  .mark {
    grid-row: span 2;
    display: grid;
    place-items: center;
    width: 20px;
    height: 20px;
    margin-top: 2px;
    border: 2px solid var(--_border);
    border-radius: 50%;
  }
  .selected .mark {
    border-color: var(--_accent);
    background: var(--_accent);
    color: var(--_accent-text);
  }
  .mark svg {
    width: 14px;
  }
  .name {
    /* Room for the tile's edit and delete buttons on the first line. */
    padding-inline-end: 76px;
    font-weight: 600;
  }
  .meta {
    display: grid;
    gap: 4px;
    min-width: 0;
    color: var(--_muted);
    font-size: 0.8125rem;
  }
  .description {
    display: -webkit-box;
    overflow: hidden;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 2;
    line-clamp: 2;
    color: var(--_text);
  }
  .facts {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 4px 12px;
  }
  code {
    padding: 1px 5px;
    border-radius: 4px;
    background: var(--_subtle);
    color: var(--_text);
    font: 0.8125rem var(--credential-overlay-mono-font, ui-monospace, Menlo, Consolas, monospace);
    unicode-bidi: isolate;
  }
  .badge {
    display: inline-flex;
    align-items: center;
    gap: 3px;
    padding: 0 8px 0 5px;
    border: 1px solid;
    border-radius: 999px;
    color: var(--_ok);
    font-weight: 600;
  }
  .badge svg {
    width: 14px;
  }
  /* The last check's findings, in words: "Rate-limited", "No credit left", the credit left. */
  .status {
    font-weight: 600;
  }
  .actions {
    position: absolute;
    inset-block-start: 8px;
    inset-inline-end: 8px;
    display: flex;
    gap: 4px;
  }
  .confirm {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 8px;
    margin: 0 14px 14px;
    padding-top: 10px;
    border-top: 1px solid color-mix(in srgb, var(--_text) 14%, var(--_bg));
  }
  .confirm p {
    flex: 1 1 10rem;
    margin: 0;
    font-weight: 600;
  }
  .error {
    margin: 0 14px 14px;
    color: var(--_error);
    font-size: 0.8125rem;
  }
  button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 6px;
    min-height: 36px;
    padding: 0 14px;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_text);
    font: inherit;
    font-weight: 600;
    cursor: pointer;
  }
  button:hover:not([aria-disabled=true]) {
    background: var(--_subtle);
  }
  /* A pending delete's buttons: aria-disabled, not disabled, so focus stays on them while the host works. */
  button[aria-disabled=true] {
    opacity: 0.75;
    cursor: progress;
  }
  button:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }
  .icon {
    width: 36px;
    padding: 0;
    border-color: transparent;
    color: var(--_muted);
  }
  .danger,
  .danger:hover:not([aria-disabled=true]) {
    border-color: transparent;
    background: var(--_error);
    color: var(--_bg);
  }
  .add {
    justify-self: start;
    min-height: 48px;
    padding: 0 20px;
    border: 1px dashed var(--_accent);
    color: var(--_accent);
  }
  .empty {
    margin: 0;
    color: var(--_muted);
  }
  svg {
    flex: none;
    width: 18px;
    fill: none;
    stroke: currentColor;
    stroke-width: 2;
    stroke-linecap: round;
    stroke-linejoin: round;
  }
  @media (prefers-reduced-motion: reduce) {
    * {
      transition: none !important;
      animation: none !important;
    }
  }
  @media (forced-colors: active) {
    .tile.selected {
      border-width: 3px;
      border-color: Highlight;
    }
    .selected .mark {
      border-color: Highlight;
      background: Highlight;
      color: HighlightText;
    }
    .icon,
    .add {
      border: 1px solid;
    }
    button:focus-visible,
    .radio:focus-visible {
      outline-color: CanvasText;
    }
    .danger {
      border: 1px solid;
    }
  }
`,
];
