import { css } from 'lit';

/** What every dashboard element shares: tokens, the focus ring, screen-reader text, reduced motion, cards, tables. */
export const sharedStyles = css`
  :host {
    box-sizing: border-box;
    display: block;
    min-inline-size: 0;
    font-family: var(--vitrine-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    color: var(--vitrine-color-text, #1a1a1a);
    --_muted: var(--vitrine-color-text-muted, #595959);
    --_accent: var(--vitrine-color-accent, #1a56db);
    --_on-accent: var(--vitrine-color-on-accent, #fff);
    --_border: var(--vitrine-color-border, #d0d5dd);
    --_surface: var(--vitrine-color-surface, #fff);
    --_danger: var(--vitrine-color-danger, #b42318);
    --_skeleton: var(--vitrine-color-skeleton, #e5e7eb);
    --_radius: var(--vitrine-radius, 0.5rem);
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
    }
  }

  .card {
    container-type: inline-size;
    padding: 1rem;
    border-radius: var(--_radius);
    background: var(--_surface);
    /* A border, not a shadow: forced colours (high contrast) drop shadows. */
    border: 1px solid var(--_border);
  }
  .card-head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.5rem 1rem;
    margin-block-end: 0.75rem;
  }
  h2 {
    margin: 0;
    font-size: 1.125rem;
    line-height: 1.5rem;
  }
  .note {
    margin: 0;
    color: var(--_muted);
    font-size: 0.875rem;
  }

  .button {
    min-block-size: 2.75rem;
    padding: 0 1rem;
    border: 1px solid var(--_accent);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_accent);
    font: inherit;
    font-size: 0.875rem;
    font-weight: 600;
    cursor: pointer;
  }
  .button.primary {
    background: var(--_accent);
    color: var(--_on-accent);
  }

  table {
    inline-size: 100%;
    border-collapse: collapse;
    font-size: 0.875rem;
    font-variant-numeric: tabular-nums;
  }
  th,
  td {
    padding: 0.5rem 0.375rem;
    border-block-end: 1px solid var(--_border);
    text-align: end;
    vertical-align: top;
  }
  th:first-child,
  td:first-child {
    padding-inline-start: 0;
    text-align: start;
  }
  th:last-child,
  td:last-child {
    padding-inline-end: 0;
  }
  thead th {
    color: var(--_muted);
    font-weight: 600;
  }
  tbody th {
    font-weight: 500;
  }
  /* Ids (up to 64 characters) wrap rather than widen the table, keeping a few characters a line. */
  .id {
    min-inline-size: 6rem;
    overflow-wrap: anywhere;
  }
  /* A table too wide for its card scrolls inside it, never the page. Positioned, so the screen-reader words in its
     cells (absolute, .visually-hidden) are clipped and scrolled with it too: otherwise they widen the page on a phone. */
  .scroll {
    position: relative;
    overflow-x: auto;
  }
  .sub {
    display: block;
    color: var(--_muted);
    font-size: 0.8125rem;
  }

  .empty {
    margin: 0;
    padding: 1.5rem 0;
    color: var(--_muted);
    text-align: center;
  }
  .bone {
    display: block;
    block-size: 1rem;
    border-radius: 0.25rem;
    background: var(--_skeleton);
  }
`;
