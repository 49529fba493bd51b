import { toMajorUnits } from '../model/money.js';
import type { Product } from '../model/product.js';

/** Event names follow the Segment e-commerce v2 spec so every destination understands them. */
export const TrackedEvent = {
  productListViewed: 'Product List Viewed',
  productViewed: 'Product Viewed',
  productClicked: 'Product Clicked',
  productAdded: 'Product Added',
  checkoutStarted: 'Checkout Started',
  orderCompleted: 'Order Completed',
  orderRefunded: 'Order Refunded',
  /** A shopper arrived through a creator's link (`vt_*` parameters): a touch. Not in Segment's spec. */
  creatorLinkOpened: 'Creator Link Opened',
  // Segment's video spec; progress milestones (25/50/75/100%) are Video Content Playing with `percent`.
  videoPlaybackStarted: 'Video Playback Started',
  videoPlaybackPaused: 'Video Playback Paused',
  videoPlaybackCompleted: 'Video Playback Completed',
  videoContentPlaying: 'Video Content Playing',
} as const;
export type TrackedEventName = (typeof TrackedEvent)[keyof typeof TrackedEvent];

/** The DOM event every element dispatches for each analytics event; the tracker listens for it on window. */
export const TRACK_EVENT = 'vitrine-track';

export type TrackProperties = Record<string, unknown>;

export interface TrackDetail {
  event: TrackedEventName;
  properties: TrackProperties;
}

/** Events after which the page is likely to navigate away, so they are sent at once by beacon. */
export const URGENT_EVENTS: ReadonlySet<string> = new Set<string>([TrackedEvent.productClicked]);

/**
 * Segment's product properties. `price` is major units as the spec asks; `price_minor` keeps the exact
 * integer so our collector never reads money from a float.
 */
export function productProperties(product: Product, position?: number): TrackProperties {
  const properties: TrackProperties = {
    product_id: product.id,
    name: product.title,
    price: toMajorUnits(product.price),
    price_minor: product.price.amount,
    currency: product.price.currency,
    url: product.url,
  };
  if (product.brand !== undefined) properties.brand = product.brand;
  if (product.images[0]) properties.image_url = product.images[0].url;
  if (position !== undefined) properties.position = position;
  return properties;
}
