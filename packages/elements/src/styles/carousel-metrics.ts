import { css } from 'lit';

/**
 * The carousel's spacing, shared with the catalog's loading row so the skeleton reserves exactly the
 * carousel's height: card height + 2 × padding (27rem at default settings).
 */
export const carouselGap = css`var(--vitrine-carousel-gap, 1rem)`;
export const carouselPadding = css`var(--vitrine-carousel-padding, 0.625rem)`;
