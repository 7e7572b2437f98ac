import { css } from 'lit';

/** Styles of the Advanced disclosure, the live check's progress and "Save without checking". */
export const advancedStyles = css`
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
