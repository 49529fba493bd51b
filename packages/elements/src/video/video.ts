import type { TrackDetail } from '@vitrine/core';
import { Tag } from '../internal/constants.js';
import { defineElement } from '../internal/define.js';
import type { ErrorDetail } from '../internal/report-error.js';
import type { ProductClickRequestDetail } from '../product-card/product-card.component.js';
import { VitrineVideo } from './video.component.js';

export * from './video.component.js';

defineElement(Tag.video, VitrineVideo);

declare global {
  interface HTMLElementTagNameMap {
    'vitrine-video': VitrineVideo;
  }
  interface GlobalEventHandlersEventMap {
    /** From a video the detail is a VideoProductClickRequestDetail (it has `videoPosition`). */
    'vitrine-product-click-request': CustomEvent<ProductClickRequestDetail>;
    'vitrine-track': CustomEvent<TrackDetail>;
    'vitrine-error': CustomEvent<ErrorDetail>;
  }
}
