import type { TrackDetail } from '@vitrine/core';
import { Tag } from '../internal/constants.js';
import { defineElement } from '../internal/define.js';
import type { ErrorDetail } from '../internal/report-error.js';
import { VitrineProductCard, type ProductClickRequestDetail } from './product-card.component.js';

export * from './product-card.component.js';

defineElement(Tag.productCard, VitrineProductCard);

declare global {
  interface HTMLElementTagNameMap {
    'vitrine-product-card': VitrineProductCard;
  }
  interface GlobalEventHandlersEventMap {
    'vitrine-product-click-request': CustomEvent<ProductClickRequestDetail>;
    'vitrine-track': CustomEvent<TrackDetail>;
    'vitrine-error': CustomEvent<ErrorDetail>;
  }
}
