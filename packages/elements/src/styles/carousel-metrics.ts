import { css } from 'lit';

/**
 * The carousel's spacing, shared with the catalog's loading row so the skeleton reserves exactly the
 * carousel's height: card height + 2 × padding (27em at default settings).
 */
export const carouselGap = css`var(--vitrine-carousel-gap, var(--vitrine-rem))`;
export const carouselPadding = css`var(--vitrine-carousel-padding, calc(0.625 * var(--vitrine-rem)))`;
