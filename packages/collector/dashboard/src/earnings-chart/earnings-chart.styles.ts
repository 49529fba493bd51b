import { css } from 'lit';

export const earningsChartStyles = css`
  .card-head {
    min-block-size: 2.75rem;
  }
  .legend {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1rem;
    margin: 0 0 0.5rem;
    padding: 0;
    list-style: none;
    font-size: 0.875rem;
  }
  .legend li {
    display: flex;
    align-items: center;
    gap: 0.375rem;
  }
  /* Swatches differ by pattern as well as colour: solid, hatched, and red below the line. */
  .swatch {
    inline-size: 1rem;
    block-size: 1rem;
    border: 1px solid var(--_accent);
    border-radius: 2px;
  }
  .swatch.confirmed {
    background: var(--_accent);
  }
  .swatch.pending {
    background: repeating-linear-gradient(45deg, var(--_accent) 0 2px, var(--_surface) 2px 5px);
  }
  .swatch.reversed {
    border-color: var(--_danger);
    background: var(--_danger);
  }
  .summary {
    min-block-size: 2.5rem;
    margin-block-end: 0.5rem;
  }
  .summary .bone {
    inline-size: 70%;
  }
  .plot {
    position: relative;
    block-size: var(--vitrine-chart-height, 14rem);
    overflow: hidden;
  }
  .plot.loading {
    border-radius: 0.25rem;
    background: var(--_skeleton);
  }
  .plot .empty {
    display: grid;
    place-items: center;
    block-size: 100%;
    padding: 0;
  }
  svg {
    display: block;
    /* Solid, hatched and red stay distinguishable in Windows high-contrast mode too. */
    forced-color-adjust: none;
  }
  /* There bars and swatches take the theme's colours, so they match and keep its contrast; reversed is a dashed outline. */
  @media (forced-colors: active) {
    :host {
      --_accent: CanvasText;
      --_surface: Canvas;
      --_muted: CanvasText;
      --_border: GrayText;
    }
    .swatch {
      forced-color-adjust: none;
    }
    .swatch.reversed {
      border: 1px dashed CanvasText;
      background: Canvas;
    }
    rect.reversed {
      fill: Canvas;
      stroke: CanvasText;
      stroke-dasharray: 2 2;
    }
  }
  .grid {
    stroke: var(--_border);
    stroke-width: 1;
  }
  .grid.zero {
    stroke: var(--_muted);
  }
  .axis {
    fill: var(--_muted);
    font-size: 0.75rem;
  }
  rect.confirmed {
    fill: var(--_accent);
  }
  rect.pending {
    stroke: var(--_accent);
    stroke-width: 1;
  }
  .hatch-ground {
    fill: var(--_surface);
  }
  .hatch-line {
    stroke: var(--_accent);
    stroke-width: 2;
  }
  rect.reversed {
    fill: var(--_danger);
  }
  g:hover rect {
    opacity: 0.8;
  }
  details {
    margin-block-start: 0.75rem;
  }
  summary {
    display: inline-flex;
    align-items: center;
    gap: 0.375rem;
    min-block-size: 2.75rem;
    color: var(--_accent);
    font-weight: 600;
    cursor: pointer;
  }
  /* The flex summary loses its built-in marker; this one is silent for screen readers, which announce the state. */
  summary::before {
    content: '▸' / '';
  }
  details[open] summary::before {
    content: '▾' / '';
  }
`;
