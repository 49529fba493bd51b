import { toMajorUnits } from '../model/money.js';
import type { Product } from '../model/product.js';
import type { TrackedEventName } from './event-names.js';

export { TrackedEvent, type TrackedEventName } from './event-names.js';


/** The DOM event every element dispatches for each analytics event; the tracker listens for it on window. */
export const TRACK_EVENT = 'vitrine-track';

/** The DOM event the tracker dispatches on window with each message it records (`detail`), consent or not. */
export const MESSAGE_EVENT = 'vitrine-event';

export type TrackProperties = Record<string, unknown>;

export interface TrackDetail {
  event: TrackedEventName;
  properties: TrackProperties;
}

/** Events after which the page is likely to navigate away, so they are sent at once by beacon. */
// A literal, not TrackedEvent's: the tracker then ships without the table of every event name.
export const URGENT_EVENTS: ReadonlySet<string> = new Set<TrackedEventName>(['Product Clicked']);

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
