import { css } from 'lit';

export const dashboardAppStyles = css`
  main {
    display: flex;
    flex-direction: column;
    gap: 1rem;
    max-inline-size: 72rem;
    margin-inline: auto;
    padding: 1rem;
  }
  .top {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.75rem 1rem;
  }
  h1 {
    margin: 0;
    font-size: 1.5rem;
    line-height: 2rem;
  }
  /* Focused by the page after sign-in, only to move screen readers there; it is not a control. */
  h1:focus {
    outline: none;
  }
  .scope {
    min-block-size: 1.25rem;
    overflow-wrap: anywhere;
  }

  .controls {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem 1.5rem;
  }
  .choice {
    min-inline-size: 0;
    margin: 0;
    padding: 0;
    border: 0;
  }
  .choice legend {
    margin-block-end: 0.375rem;
    padding: 0;
    font-size: 0.875rem;
    font-weight: 600;
  }
  .options {
    display: flex;
    flex-wrap: wrap;
    border: 1px solid var(--_accent);
    border-radius: var(--_radius);
    overflow: hidden;
  }
  .options label {
    position: relative;
    display: flex;
    align-items: center;
    min-block-size: 2.75rem;
    padding: 0 0.875rem;
    background: var(--_surface);
    color: var(--_accent);
    font-size: 0.875rem;
    font-weight: 600;
    cursor: pointer;
  }
  .options label + label {
    border-inline-start: 1px solid var(--_accent);
  }
  /* The radio stays in the page for keyboard and screen readers; its label is what shows. */
  .options input {
    position: absolute;
    inset: 0;
    margin: 0;
    opacity: 0;
    cursor: pointer;
  }
  .options label:has(input:checked) {
    background: var(--_accent);
    color: var(--_on-accent);
  }
  @media (forced-colors: active) {
    .options label:has(input:checked) {
      forced-color-adjust: none;
      background: Highlight;
      color: HighlightText;
    }
  }
  .options label:has(input:focus-visible) {
    outline: var(--vitrine-focus-ring-width, 3px) solid var(--vitrine-focus-ring-color, #1a56db);
    outline-offset: -5px;
    box-shadow: inset 0 0 0 6px var(--_surface);
  }

  .totals {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 9.5rem), 1fr));
    gap: 0.75rem;
    margin: 0;
  }
  .total {
    padding: 0.75rem 1rem;
    border-radius: var(--_radius);
    background: var(--_surface);
    border: 1px solid var(--_border);
  }
  dt {
    color: var(--_muted);
    font-size: 0.875rem;
  }
  dd {
    display: flex;
    align-items: center;
    min-block-size: 2rem;
    margin: 0.125rem 0 0;
    font-size: 1.375rem;
    font-weight: 700;
    font-variant-numeric: tabular-nums;
  }
  dd .bone {
    inline-size: 6rem;
    block-size: 1.25rem;
  }

  .reports {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 26rem), 1fr));
    gap: 1rem;
  }
  .span {
    grid-column: 1 / -1;
  }

  .empty-period h2 {
    margin-block-end: 0.25rem;
  }
  .failure {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    gap: 0.75rem;
  }
  .failure p,
  .notice {
    margin: 0;
    color: var(--_danger);
    font-weight: 600;
  }
`;
