import { logOnce } from '../log.js';
import type { TrackMessage } from './envelope.js';
import { TrackedEvent } from './events.js';
import type { SendOptions, SendResult, Transport } from './transport.js';
import { unseen } from './unseen.js';

export interface Ga4TransportOptions {
  /** Where events are pushed; by default `window.dataLayer`, created when missing. */
  dataLayer?: unknown[];
}

/**
 * Our Segment e-commerce names, the GA4 ecommerce events they become, and which parameters those take: a list's
 * (`item_list_id`), a value's (`currency`, `value`, `coupon`), or an order's (those, `transaction_id`, `tax`,
 * `shipping`). Any other event is not GA4's business.
 */
const GA4_EVENTS: Record<string, [name: string, kind: 'list' | 'value' | 'order']> = {
  [TrackedEvent.productClicked]: ['select_item', 'list'],
  [TrackedEvent.productListViewed]: ['view_item_list', 'list'],
  [TrackedEvent.productViewed]: ['view_item', 'value'],
  [TrackedEvent.productAdded]: ['add_to_cart', 'value'],
  [TrackedEvent.checkoutStarted]: ['begin_checkout', 'value'],
  [TrackedEvent.orderCompleted]: ['purchase', 'order'],
  [TrackedEvent.orderRefunded]: ['refund', 'order'],
};

// Properties come from our events or the host's own `track()` calls: read loosely, and never trust a shape.
type Loose = Record<string, any>;

/**
 * Pushes GA4 ecommerce events for a tag manager to pick up: `{event, ecommerce: {currency, value, transaction_id,
 * tax, shipping, coupon, item_list_id, items: [{item_id, item_name, item_brand, item_variant, price, quantity,
 * index}]}}`, each after `{ecommerce: null}` as Google asks, so one event's fields never leak into the next.
 * Money is in major units, as GA4 expects. A creator's touch travels as two custom parameters beside `ecommerce`:
 * `vt_creator` and `vt_clip` (from `attribution` on an order, or `creator_id` / `clip_id` on a clip's events);
 * register them as custom dimensions to report sales by creator.
 *
 * GA4 cannot deduplicate, so each message is pushed once: a batch sent again (another destination failed) pushes
 * only what is new, and sends while the page unloads are left to the later send the tracker always makes of them.
 * Nothing goes over the network here, so every batch counts as delivered.
 */
export class Ga4Transport implements Transport {
  readonly #dataLayer: unknown[] | undefined;
  readonly #pushed = new Set<string>();

  constructor({ dataLayer }: Ga4TransportOptions = {}) {
    this.#dataLayer = dataLayer;
  }

  async send(messages: TrackMessage[], options: SendOptions): Promise<SendResult> {
    // Looked up at each send: a tag manager that loads later keeps the array it finds, ours included.
    const dataLayer = this.#dataLayer ?? ((globalThis as { dataLayer?: unknown[] }).dataLayer ??= []);
    for (const { event, properties } of unseen(this.#pushed, messages, options)) {
      const mapped = GA4_EVENTS[event];
      if (!mapped) continue;
      try {
        const pushed = ga4Event(...mapped, properties);
        dataLayer.push({ ecommerce: null });
        dataLayer.push(pushed);
      } catch (error) {
        logOnce('warn', `"${event}" could not be pushed to the dataLayer (${(error as Error).message})`);
      }
    }
    return 'delivered';
  }
}

function ga4Event(event: string, kind: 'list' | 'value' | 'order', p: Loose): Loose {
  const products: Loose[] = Array.isArray(p.products) ? p.products : [p];
  const touch: Loose = p.attribution ?? p;
  const order = kind === 'order';
  const items = products.map((product) =>
    defined({
      item_id: product.product_id,
      item_name: product.name,
      item_brand: product.brand,
      item_variant: product.variant,
      price: product.price,
      quantity: product.quantity,
      // Our positions count from 1; GA4's index, like Google's examples, from 0.
      index: product.position > 0 ? product.position - 1 : undefined,
    }),
  );
  return defined({
    event,
    vt_creator: touch.creator_id,
    vt_clip: touch.clip_id,
    ecommerce: defined(
      kind === 'list'
        ? { item_list_id: p.list_id, items }
        : {
            transaction_id: order ? p.order_id : undefined,
            currency: p.currency ?? products[0]?.currency,
            // 4.35 × 3 is 13.049999999999999 in floating point; twelve significant digits are exact for any price.
            value: p.total ?? p.value ?? p.revenue ?? (p.price === undefined ? undefined : Number((p.price * (p.quantity ?? 1)).toPrecision(12))),
            tax: order ? p.tax : undefined,
            shipping: order ? p.shipping : undefined,
            coupon: p.coupon,
            items,
          },
    ),
  });
}

/** Drops absent fields: GA4 would report a null brand as the text "(not set)" or "null". */
function defined(fields: Loose): Loose {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value != null));
}
