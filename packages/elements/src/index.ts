/** Vitrine's web components. Importing this module defines every element; import one element's module to define only it. */
export { VitrineProductCard, VIEW_DWELL_MS, VIEW_THRESHOLD, type ProductClickRequestDetail } from './product-card/product-card.js';
export { VitrineCarousel } from './carousel/carousel.js';
export { VitrineCatalog, type LoadDetail } from './catalog/catalog.js';
export { VitrineVideo, type VideoProductClickRequestDetail } from './video/video.js';
export { setLocale, setStrings, type Strings, type StringKey } from './config.js';
export { Tag, VitrineEvent, CatalogLayout } from './internal/constants.js';
export type { ErrorDetail } from './internal/report-error.js';
