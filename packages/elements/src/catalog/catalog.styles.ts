import { css } from 'lit';
import { carouselGap, carouselPadding } from '../styles/carousel-metrics.js';

/**
 * In carousel layout every state (loading, empty, error, loaded) is exactly as tall as the loaded carousel:
 * the skeleton row uses the carousel's own spacing, and messages sit over an invisible copy of it.
 * The title's line (1.75em + 0.5em gap) is reserved whether or not the feed has a title: 29.25em in all,
 * or 27em with heading-level="0". A catalog at most 30em wide reserves two title lines: 31em.
 */
export const catalogStyles = css`
  /* The title and messages are drawn on the page's background, so they take the page's text color (a dark
     theme's light text) unless --vitrine-color-text is set. */
  :host {
    display: block;
    color: var(--vitrine-color-text);
  }

  /* The title's lines depend on the catalog's width, not the viewport's; vitrine.js reserves the same. */
  .heading-frame {
    container: vitrine-catalog-heading / inline-size;
  }

  /* Never cut, so it can be read at any zoom: a title longer than its reserved lines wraps and grows. */
  .heading {
    min-block-size: calc(1.75 * var(--vitrine-rem));
    margin: 0 0 var(--vitrine-catalog-heading-gap, calc(0.5 * var(--vitrine-rem)));
    font-size: var(--vitrine-catalog-heading-size, calc(1.25 * var(--vitrine-rem)));
    line-height: calc(1.75 * var(--vitrine-rem));
    font-weight: 700;
    overflow-wrap: anywhere;
  }

  @container vitrine-catalog-heading (max-width: 30em) {
    .heading {
      min-block-size: calc(3.5 * var(--vitrine-rem));
    }
  }

  .frame {
    display: grid;
  }

  .frame > * {
    grid-area: 1 / 1;
  }

  .skeleton-row {
    display: flex;
    gap: ${carouselGap};
    padding: ${carouselPadding};
    overflow: hidden;
  }

  .skeleton-row > vitrine-product-card {
    flex: none;
  }

  .reserve {
    visibility: hidden;
  }

  .grid {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(var(--vitrine-catalog-grid-min-column, calc(12 * var(--vitrine-rem))), 100%), 1fr));
    gap: var(--vitrine-catalog-grid-gap, ${carouselGap});
    margin: 0;
    padding: ${carouselPadding};
    list-style: none;
  }

  .grid > * {
    display: flex;
  }

  /* In the grid, the column decides the card's width. */
  .grid vitrine-product-card {
    --vitrine-card-width: 100%;
  }
`;
