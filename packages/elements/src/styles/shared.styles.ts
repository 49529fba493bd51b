import { css } from 'lit';

/**
 * The unit every element's lengths are written in, `--vitrine-rem`: the element's font size, which is the browser's
 * default text size (`medium`, 16px unless the shopper chose another), or the page's `--vitrine-font-size`, or a
 * font size the page sets on the element itself (a :host rule loses to the page's). Not `rem`:
 * stores' themes often set `html { font-size: 62.5% }` (Shopify's Dawn does), and every card would shrink with it.
 * It is registered as a length so that it is computed once, on the element, and inherited as that length: an `em`
 * would follow the font size of each part that uses it.
 */
try {
  CSS.registerProperty({ name: '--vitrine-rem', syntax: '<length>', inherits: true, initialValue: '16px' });
} catch {
  // Registered already, by another copy of Vitrine on the page.
}

/**
 * Rules every element shares: the unit, the text properties a page would pass down, box sizing, the focus ring,
 * screen-reader-only text, reduced motion.
 */
export const sharedStyles = css`
  :host {
    font-size: var(--vitrine-font-size, medium);
    --vitrine-rem: 1em;
    /* Inherited from the page otherwise: a theme's body line height, spacing, alignment or case would reflow every
       card. A reader's text spacing still arrives: its !important rules match the element itself. */
    line-height: normal;
    letter-spacing: normal;
    word-spacing: normal;
    text-align: start;
    text-indent: 0;
    text-transform: none;
    white-space: normal;
    font-style: normal;
    font-weight: 400;
    box-sizing: border-box;
    font-family: var(--vitrine-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
  }
  /* Elements inside another's shadow tree take its size, so a font size set on the outer one scales the whole. */
  vitrine-carousel,
  vitrine-product-card {
    font-size: inherit;
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
