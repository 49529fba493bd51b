import { Tag } from '../internal/constants.js';
import { defineElement } from '../internal/define.js';
import { VitrineCarousel } from './carousel.component.js';

export * from './carousel.component.js';

defineElement(Tag.carousel, VitrineCarousel);

declare global {
  interface HTMLElementTagNameMap {
    'vitrine-carousel': VitrineCarousel;
  }
}
