import { logOnce } from '@vitrine/core';
// Named here too, rather than imported: the tracker's chunk then exports nothing for it.
const TAG = 'vitrine-conversion';

/** The order a `<vitrine-conversion>` describes, for `Vitrine.purchase()`; undefined (and one logged line) if unreadable. */
export function readConversion(element: Element): Record<string, unknown> | undefined {
  const attribute = (name: string) => element.getAttribute(name) ?? undefined;
  const order: Record<string, unknown> = { orderId: attribute('order-id'), currency: attribute('currency'), items: [] };
  const total = attribute('total');
  // Left as text when it is not a number, so the error names `total` and shows what was there.
  order.total = total !== undefined && /^-?\d+$/.test(total.trim()) ? Number(total) : total;
  for (const [name, key] of [['items', 'items'], ['discounts', 'discounts']] as const) {
    const json = attribute(name);
    if (json === undefined) continue;
    try {
      order[key] = JSON.parse(json);
    } catch {
      logOnce('error', `<${TAG}> ${name} must be a JSON array; the order was not sent.`);
      return undefined;
    }
  }
  return order;
}
