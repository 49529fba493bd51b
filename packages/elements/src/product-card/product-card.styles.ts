import { css } from 'lit';

/**
 * Every row has a fixed height, so a card with or without brand, sale price or a two-line title is exactly
 * as tall as its skeleton: image (width × ratio) + 11.75em at default settings. The one exception is the
 * price row, which takes a second line when two prices do not fit side by side; the body's height is fixed,
 * so that line comes out of the space above the call to action and the card keeps its height.
 */
export const productCardStyles = css`
  /* Text on the card's own surface; what an element draws on the page's background takes the page's color. */
  :host {
    color: var(--vitrine-color-text, #1a1a1a);
    display: inline-block;
    vertical-align: top;
    inline-size: var(--vitrine-card-width, calc(14 * var(--vitrine-rem)));
    --_radius: var(--vitrine-card-radius, var(--vitrine-radius, calc(0.5 * var(--vitrine-rem))));
    --_muted: var(--vitrine-color-text-muted, #595959);
  }

  .card {
    position: relative;
    display: flex;
    flex-direction: column;
    block-size: 100%;
    background: var(--vitrine-card-background, var(--vitrine-color-surface, #fff));
    border-radius: var(--_radius);
    /* A shadow, not a border, so the card's height stays a whole number of em. */
    box-shadow: 0 0 0 1px var(--vitrine-card-border-color, var(--vitrine-color-border, #d0d5dd));
  }

  .image-frame {
    flex: none;
    aspect-ratio: var(--vitrine-card-image-ratio, 1 / 1);
    overflow: hidden;
    border-radius: var(--_radius) var(--_radius) 0 0;
    background: var(--vitrine-card-image-background, var(--vitrine-color-surface-muted, #f3f4f6));
  }

  img {
    display: block;
    inline-size: 100%;
    block-size: 100%;
    object-fit: var(--vitrine-card-image-fit, cover);
  }

  .out_of_stock img {
    opacity: 0.6;
  }

  /* 10.25em is the sum of the rows below, their gaps and the 0.5em above the call to action. A minimum, so a
     reader's own text spacing (WCAG 1.4.12) makes the card taller rather than pushing rows out of it. */
  .body {
    flex: none;
    display: flex;
    flex-direction: column;
    gap: calc(0.25 * var(--vitrine-rem));
    min-block-size: calc(10.25 * var(--vitrine-rem) + 2 * var(--vitrine-card-padding, calc(0.75 * var(--vitrine-rem))));
    padding: var(--vitrine-card-padding, calc(0.75 * var(--vitrine-rem)));
  }

  .body > * {
    flex: none;
    margin: 0;
  }

  .brand,
  .title,
  .availability {
    overflow: hidden;
  }

  .brand,
  .availability {
    block-size: calc(1.25 * var(--vitrine-rem));
    line-height: calc(1.25 * var(--vitrine-rem));
    font-size: calc(0.8125 * var(--vitrine-rem));
    white-space: nowrap;
    text-overflow: ellipsis;
  }

  .brand {
    color: var(--_muted);
    text-transform: uppercase;
    letter-spacing: 0.04em;
  }

  /* Always two lines tall: one-line titles reserve the second line; in lines, so a larger line height cuts none. */
  .title {
    block-size: 2lh;
    line-height: calc(1.25 * var(--vitrine-rem));
    font-size: calc(0.9375 * var(--vitrine-rem));
    font-weight: 600;
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 2;
    overflow-wrap: anywhere;
  }

  .link {
    color: inherit;
    text-decoration: none;
  }

  /* The link covers the whole card: one tab stop, and middle-click or "open in new tab" work anywhere on it. */
  .link::after {
    content: '';
    position: absolute;
    inset: 0;
    z-index: 1;
    border-radius: var(--_radius);
  }

  .link:focus-visible {
    outline: none;
  }

  .link:focus-visible::after {
    outline: var(--vitrine-focus-ring-width, 3px) solid var(--vitrine-focus-ring-color, #1a56db);
    outline-offset: 2px;
  }

  /* Hover effects only where a pointer hovers: after a finger's tap they would stay on. */
  @media (hover: hover) {
    .card:hover .link[href] {
      text-decoration: underline;
    }
  }

  /* Prices are never cut: each amount stays whole, and the original price wraps below the sale price when
     both do not fit on one line (1.125em + 0.875em, which the call to action's 0.5em margin makes room for). */
  .price {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    align-content: center;
    column-gap: calc(0.5 * var(--vitrine-rem));
    min-block-size: calc(1.5 * var(--vitrine-rem));
    line-height: calc(1.125 * var(--vitrine-rem));
    font-size: var(--vitrine-rem);
    font-weight: 700;
  }

  .price > * {
    white-space: nowrap;
  }

  .price .sale {
    color: var(--vitrine-color-sale, #b42318);
  }

  .compare-at {
    line-height: calc(0.875 * var(--vitrine-rem));
    font-size: calc(0.875 * var(--vitrine-rem));
    font-weight: 400;
    color: var(--_muted);
  }

  .availability {
    color: var(--vitrine-color-success, #1b6e37);
  }

  .out_of_stock .availability {
    color: var(--_muted);
  }

  .preorder .availability,
  .backorder .availability {
    color: var(--vitrine-color-notice, #8a4500);
  }

  /* Without a link there is nothing to act on: the call to action's box stays, empty, so heights match. */
  .cta,
  .cta-space {
    display: block;
    margin-block-start: auto;
    block-size: calc(2.25 * var(--vitrine-rem));
  }

  .cta {
    line-height: calc(2.25 * var(--vitrine-rem));
    padding-inline: calc(0.75 * var(--vitrine-rem));
    border-radius: calc(var(--_radius) * 0.75);
    background: var(--vitrine-card-cta-background, var(--vitrine-color-accent, #1a56db));
    color: var(--vitrine-card-cta-color, var(--vitrine-color-on-accent, #fff));
    font-size: calc(0.875 * var(--vitrine-rem));
    font-weight: 600;
    text-align: center;
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
  }

  /* Forced colors drop shadows and backgrounds: outlines keep the card's edge and the button's shape without
     changing any size. */
  @media (forced-colors: active) {
    .card {
      outline: 1px solid CanvasText;
    }
    .cta:not(.bone-cta) {
      outline: 1px solid ButtonText;
      outline-offset: -1px;
      background: ButtonFace;
      color: ButtonText;
    }
  }

  @media (prefers-reduced-motion: no-preference) and (hover: hover) {
    img {
      transition: transform 0.3s ease;
    }
    .card:hover img {
      transform: scale(1.04);
    }
  }

  /* The skeleton keeps every row's box and only swaps its content for a placeholder bar. */
  .bone {
    display: block;
    block-size: calc(0.75 * var(--vitrine-rem));
    margin-block: calc(0.25 * var(--vitrine-rem));
    border-radius: calc(0.25 * var(--vitrine-rem));
    background: var(--vitrine-color-skeleton, #e5e7eb);
  }
  .bone.short {
    inline-size: 40%;
  }
  .bone.long {
    inline-size: 70%;
  }
  .title .bone {
    margin-block: calc(0.25 * var(--vitrine-rem)) calc(0.5 * var(--vitrine-rem));
  }
  .price .bone {
    inline-size: 35%;
    block-size: var(--vitrine-rem);
  }
  .cta.bone-cta {
    background: var(--vitrine-color-skeleton, #e5e7eb);
  }

  @media (prefers-reduced-motion: no-preference) {
    .skeleton .bone,
    .skeleton .image-frame,
    .skeleton .bone-cta {
      animation: pulse 1.5s ease-in-out infinite;
    }
  }

  @keyframes pulse {
    50% {
      opacity: 0.55;
    }
  }
`;
