import { css } from 'lit';

/** Rules every element shares: box sizing, the focus ring, screen-reader-only text, reduced motion. */
export const sharedStyles = css`
  :host {
    box-sizing: border-box;
    font-family: var(--vitrine-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    color: var(--vitrine-color-text, #1a1a1a);
  }
  :host([hidden]) {
    display: none !important;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  :focus-visible {
    outline: var(--vitrine-focus-ring-width, 3px) solid var(--vitrine-focus-ring-color, #1a56db);
    outline-offset: 2px;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      animation-duration: 0.01ms !important;
      animation-iteration-count: 1 !important;
      transition-duration: 0.01ms !important;
      scroll-behavior: auto !important;
    }
  }
`;
