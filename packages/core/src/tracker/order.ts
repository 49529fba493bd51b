import { readMoney, toMajorUnits } from '../model/money.js';
import { invalid, readArray, readId, readObject, readOptionalText, type JsonObject } from '../model/validate.js';
import type { AttributionModel, Touch } from './attribution.js';
import type { TrackProperties } from './events.js';

/** An order as the thank-you page reports it. Every amount is in integer minor units of `currency`. */
export interface Purchase {
  orderId: string;
  currency: string;
  total: number;
  items: PurchaseItem[];
  discounts?: PurchaseDiscount[] | undefined;
  tax?: number | undefined;
  shipping?: number | undefined;
}

export interface PurchaseItem {
  productId: string;
  variantId?: string | undefined;
  /** The brand commission rules may name. */
  brand?: string | undefined;
  /** One unit's price. */
  price: number;
  quantity: number;
}

export interface PurchaseDiscount {
  code?: string | undefined;
  amount: number;
}

/** `min` 0: an amount of money; decimals are the mistake shops make most, so the message shows the expected form. */
function integer(value: unknown, path: string, min = 0): number {
  if (Number.isSafeInteger(value) && (value as number) >= min) return value as number;
  throw invalid(path, min ? 'a positive integer' : 'integer minor units (4990 for 49.90)');
}

function optional<T>(value: unknown, read: (value: unknown) => T): T | undefined {
  return value == null ? undefined : read(value);
}

function readCurrency(value: unknown): string {
  try {
    return readMoney({ amount: 0, currency: value }, '').currency;
  } catch {
    throw invalid('currency', 'an ISO 4217 code such as "EUR"');
  }
}

function list<T>(value: unknown, name: string, read: (entry: JsonObject, path: string) => T): T[] {
  return readArray(value, name).map((entry, index) => read(readObject(entry, `${name}[${index}]`), `${name}[${index}].`));
}

/**
 * Validates `Vitrine.purchase(order)`. The error names the first bad field, e.g.
 * `items[2].quantity: expected a positive integer`. Optional fields that are missing stay undefined.
 */
export function readPurchase(input: unknown): Purchase {
  const order = readObject(input, 'order');
  return {
    orderId: readId(order.orderId, 'orderId'),
    currency: readCurrency(order.currency),
    total: integer(order.total, 'total'),
    items: list(order.items, 'items', (item, path) => ({
      productId: readId(item.productId, `${path}productId`),
      variantId: optional(item.variantId, (id) => readId(id, `${path}variantId`)),
      brand: optional(item.brand, (brand) => readId(brand, `${path}brand`)),
      price: integer(item.price, `${path}price`),
      quantity: integer(item.quantity, `${path}quantity`, 1),
    })),
    discounts: optional(order.discounts, (discounts) =>
      list(discounts, 'discounts', (discount, path) => ({
        code: readOptionalText(discount.code, `${path}code`, 200),
        amount: integer(discount.amount, `${path}amount`),
      })),
    ),
    tax: optional(order.tax, (tax) => integer(tax, 'tax')),
    shipping: optional(order.shipping, (shipping) => integer(shipping, 'shipping')),
  };
}

/**
 * Segment's Order Completed. Amounts are major units as the spec asks; `total_minor` and `price_minor` keep the exact
 * integers commission is computed from. What the order does not say stays undefined, and so leaves no key in JSON:
 * `revenue` (total less tax and shipping) needs both; `discount` and `coupon` need discounts.
 */
export function orderCompletedProperties(purchase: Purchase, touch: Touch | undefined, model: AttributionModel = 'last-click'): TrackProperties {
  const { currency, total, tax, shipping, discounts } = purchase;
  const major = (amount: number | undefined) => optional(amount, () => toMajorUnits({ amount: amount!, currency }));
  const discount = discounts?.reduce((sum, entry) => sum + entry.amount, 0);
  return {
    order_id: purchase.orderId,
    total: major(total),
    total_minor: total,
    revenue: major(tax === undefined || shipping === undefined ? undefined : total - tax - shipping),
    tax: major(tax),
    shipping: major(shipping),
    discount: major(discount),
    discount_minor: discount,
    coupon: discounts?.find((discount) => discount.code)?.code,
    currency,
    products: purchase.items.map((item) => ({
      product_id: item.productId,
      variant: item.variantId,
      brand: item.brand,
      price: major(item.price),
      price_minor: item.price,
      quantity: item.quantity,
    })),
    attribution: touch && {
      click_id: touch.clickId,
      creator_id: touch.creatorId,
      clip_id: touch.clipId,
      touched_at: new Date(touch.at).toISOString(),
      source: touch.source,
      model,
    },
  };
}
