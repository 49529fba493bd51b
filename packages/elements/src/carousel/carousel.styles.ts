import { css } from 'lit';
import { carouselGap, carouselPadding } from '../styles/carousel-metrics.js';

/** Total height = card height + 2 × `--vitrine-carousel-padding`: 25.75em + 1.25em = 27em at default settings. */
export const carouselStyles = css`
  :host {
    display: block;
  }

  .region {
    position: relative;
    isolation: isolate;
  }

  .track {
    display: flex;
    gap: ${carouselGap};
    margin: 0;
    padding: ${carouselPadding};
    scroll-padding-inline: ${carouselPadding};
    overflow: auto hidden;
    overscroll-behavior-x: contain;
    /* Proximity, not mandatory: a jump into a part of the row that is not rendered yet must not be snapped back
       to the last rendered card before the window catches up. */
    scroll-snap-type: x proximity;
    /* Hidden so the height is the same on every platform; buttons, keys, touch and trackpads still scroll. */
    scrollbar-width: none;
  }

  .track::-webkit-scrollbar {
    display: none;
  }

  .item {
    flex: none;
    display: flex;
    scroll-snap-align: start;
  }

  .spacer {
    flex: none;
  }

  /* An empty row keeps the height of a card. */
  .reserve {
    visibility: hidden;
  }

  .nav {
    position: absolute;
    /* Quick taps on Next never zoom the host page. */
    touch-action: manipulation;
    z-index: 2;
    inset-block-start: 50%;
    translate: 0 -50%;
    display: grid;
    place-items: center;
    inline-size: calc(2.75 * var(--vitrine-rem));
    block-size: calc(2.75 * var(--vitrine-rem));
    padding: 0;
    border: 1px solid var(--vitrine-carousel-button-border-color, var(--vitrine-color-border, #d0d5dd));
    border-radius: 50%;
    background: var(--vitrine-carousel-button-background, var(--vitrine-color-surface, #fff));
    color: var(--vitrine-carousel-button-color, var(--vitrine-color-text, #1a1a1a));
    box-shadow: 0 1px 4px #0003;
    cursor: pointer;
  }

  .previous {
    inset-inline-start: var(--vitrine-carousel-button-inset, calc(0.25 * var(--vitrine-rem)));
  }

  .next {
    inset-inline-end: var(--vitrine-carousel-button-inset, calc(0.25 * var(--vitrine-rem)));
  }

  .nav[hidden] {
    display: none;
  }

  .nav[aria-disabled=true] {
    cursor: default;
  }

  /* Only the chevron fades: dimming the whole button would dim its focus ring below 3:1 too. */
  .nav[aria-disabled=true] svg {
    opacity: 0.4;
  }

  .nav svg {
    inline-size: calc(1.25 * var(--vitrine-rem));
    block-size: calc(1.25 * var(--vitrine-rem));
  }

  @media (forced-colors: active) {
    .nav[aria-disabled=true] {
      color: GrayText;
    }
  }

  /* The chevrons point the way the row moves: Previous's is turned round, and both flip in right-to-left languages. */
  .previous svg {
    scale: -1 1;
  }

  :host(:dir(rtl)) .nav svg {
    transform: scaleX(-1);
  }
`;
