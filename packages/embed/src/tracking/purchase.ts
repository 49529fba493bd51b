// Loaded on the first order only (a thank-you page): checking an order is most of the tracker's code, and a shopper
// browsing the shop never needs it.
import { TrackedEvent, logOnce, orderCompletedProperties, readPurchase, type AttributionModel, type Touch, type Tracker } from '@vitrine/core';
import { OrderLog } from './order-log.js';

export { readConversion } from './conversion-order.js';

let orders: OrderLog | undefined;

/** Checks the order and sends Order Completed with `touch`, once per order id in this browser. Never throws. */
export function reportPurchase(input: unknown, touch: Touch | undefined, tracker: Tracker, model: AttributionModel, storage: Storage | null): void {
  let purchase;
  try {
    purchase = readPurchase(input);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    logOnce('error', `Vitrine.purchase: ${message}; the order was not sent.`);
    dispatchEvent(new CustomEvent('vitrine-error', { detail: { code: 'invalid-data', message } }));
    return;
  }
  orders ??= new OrderLog(storage);
  if (!orders.first(purchase.orderId)) return logOnce('warn', `order ${purchase.orderId} was already reported from this browser; it is not sent twice.`);
  tracker.track(TrackedEvent.orderCompleted, orderCompletedProperties(purchase, touch, model));
}

/** Consent given: the ids remembered so far move into storage. */
export const persistOrders = (storage: Storage | null) => orders?.persist(storage);

/** Consent withdrawn: the ids are forgotten (the tracker has cleared storage). */
export const forgetOrders = () => orders?.forget();
