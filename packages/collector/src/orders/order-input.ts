import type { LineInput } from '../commission.js';
import { LINK_ID, SITE_ID, ValidationError, expectText, isCurrencyCode, isDateTime, isObject, DATE_TIME_EXPECTED, type JsonObject } from '../validation.js';
import type { Attribution, ClientOrder, RefundRequest, ServerOrder } from './order-book.js';

const MAX_LINES = 500;
// Keeps every sum over an order's lines below 2^53, so the money math in numbers stays exact.
const MAX_LINE_AMOUNT = 10 ** 13;
const MAX_QUANTITY = 100_000;

/** The body of POST /v1/orders, after its signature was checked. */
export function readServerOrder(body: unknown): ServerOrder {
  const order = fields(body, '', ['site', 'orderId', 'currency', 'items', 'discount', 'placedAt', 'clickId']);
  const hasLines = order.items !== undefined || order.currency !== undefined;
  if (hasLines && (order.items === undefined || order.currency === undefined)) {
    throw new ValidationError(order.items === undefined ? 'items' : 'currency', 'send currency and items together, or neither to confirm the order as the browser reported it');
  }
  const lines = hasLines ? readLines(order.items) : undefined;
  return {
    site: siteId(order.site, 'site'),
    orderId: expectText(order.orderId, 'orderId', 1, 200),
    ...(lines && { currency: currency(order.currency, 'currency'), lines }),
    discount: order.discount === undefined ? 0 : discountOf(order.discount, 'discount', lines),
    ...(order.placedAt !== undefined && { placedAt: dateTime(order.placedAt, 'placedAt') }),
    ...(order.clickId !== undefined && { clickId: linkId(order.clickId, 'clickId') }),
  };
}

/** The body of POST /v1/orders/:id/refunds. */
export function readRefund(body: unknown, orderId: string): RefundRequest {
  const refund = fields(body, '', ['site', 'orderId', 'refundId', 'items']);
  // Only the body is signed: naming the order in it too keeps a captured refund from being replayed on another order.
  if (refund.orderId !== orderId) throw new ValidationError('orderId', `expected the order id of the path, ${JSON.stringify(orderId.slice(0, 200))}`, refund.orderId);
  return {
    site: siteId(refund.site, 'site'),
    orderId: expectText(orderId, 'order id in the path', 1, 200),
    refundId: expectText(refund.refundId, 'refundId', 1, 200),
    ...(refund.items !== undefined && {
      // An empty list would book a refund of nothing under this refundId; leaving `items` out refunds the rest.
      items: lineList(refund.items, '(or none, to refund everything not yet refunded)').map((item, index) => {
        const path = `items[${index}]`;
        const line = fields(item, path, ['productId', 'quantity']);
        return { productId: expectText(line.productId, `${path}.productId`, 1, 200), quantity: quantity(line.quantity, `${path}.quantity`) };
      }),
    }),
  };
}

/**
 * Order Completed as the schema has already checked it (snake_case, amounts in `*_minor`). What it may still carry
 * that money cannot take (a line over the amount limit) is refused here.
 */
export function clientOrderOf(site: string, properties: JsonObject, timestamp: string, eventPath: string): ClientOrder {
  const products = (properties.products as JsonObject[]).map((product, index): LineInput => {
    const path = `${eventPath}.properties.products[${index}]`;
    return line(product.product_id, product.brand, product.price_minor, product.quantity, path, 'price_minor');
  });
  const attribution = properties.attribution as JsonObject | undefined;
  return {
    site,
    orderId: properties.order_id as string,
    currency: currency(properties.currency, `${eventPath}.properties.currency`),
    lines: products,
    discount: properties.discount_minor === undefined ? 0 : discountOf(properties.discount_minor, `${eventPath}.properties.discount_minor`, products),
    placedAt: new Date(timestamp),
    attribution: attribution ? readAttribution(attribution) : null,
  };
}

function readAttribution(attribution: JsonObject): Attribution {
  return {
    creatorId: attribution.creator_id as string,
    clipId: (attribution.clip_id as string | undefined) ?? null,
    clickId: (attribution.click_id as string | undefined) ?? null,
  };
}

function lineList(value: unknown, advice = ''): unknown[] {
  const items = list(value, 'items');
  if (items.length === 0 || items.length > MAX_LINES) throw new ValidationError('items', `expected 1 to ${MAX_LINES} lines${advice && ` ${advice}`}`, items);
  return items;
}

function readLines(value: unknown): LineInput[] {
  return lineList(value).map((item, index) => {
    const path = `items[${index}]`;
    const fieldsOf = fields(item, path, ['productId', 'brand', 'price', 'quantity']);
    return line(fieldsOf.productId, fieldsOf.brand, fieldsOf.price, fieldsOf.quantity, path, 'price');
  });
}

function line(productId: unknown, brand: unknown, price: unknown, count: unknown, path: string, priceName: string): LineInput {
  const units = quantity(count, `${path}.quantity`);
  const unitPrice = amount(price, `${path}.${priceName}`);
  if (unitPrice * units > MAX_LINE_AMOUNT) throw new ValidationError(`${path}.${priceName}`, `price × quantity is over the ${MAX_LINE_AMOUNT} limit`);
  return {
    productId: expectText(productId, `${path}.productId`, 1, 200),
    ...(brand !== undefined && { brand: expectText(brand, `${path}.brand`, 1, 200) }),
    quantity: units,
    amount: unitPrice * units,
  };
}

function fields(value: unknown, path: string, allowed: readonly string[]): JsonObject {
  if (!isObject(value)) throw new ValidationError(path || 'body', 'expected a JSON object', value);
  for (const name of Object.keys(value)) {
    if (!allowed.includes(name)) throw new ValidationError(path ? `${path}.${name.slice(0, 60)}` : name.slice(0, 60), `unknown field; expected ${allowed.join(', ')}`);
  }
  return value;
}

function list(value: unknown, path: string): unknown[] {
  if (!Array.isArray(value)) throw new ValidationError(path, 'expected an array', value);
  return value;
}

function siteId(value: unknown, path: string): string {
  if (typeof value === 'string' && SITE_ID.test(value)) return value;
  throw new ValidationError(path, 'expected a site id: 1-64 letters, digits, "_" or "-"', value);
}

function linkId(value: unknown, path: string): string {
  if (typeof value === 'string' && LINK_ID.test(value)) return value;
  throw new ValidationError(path, 'expected the vt_id of the landing URL: 1-64 letters, digits, "_" or "-"', value);
}

function currency(value: unknown, path: string): string {
  if (isCurrencyCode(value)) return value;
  throw new ValidationError(path, 'expected an ISO 4217 currency code in capitals, like "EUR"', value);
}

/** A discount larger than the lines would leave a paid price below zero, and commission on nothing. */
function discountOf(value: unknown, path: string, lines: readonly LineInput[] | undefined): number {
  const discount = amount(value, path);
  const total = lines?.reduce((sum, line) => sum + line.amount, 0);
  if (total !== undefined && discount > total) throw new ValidationError(path, `expected at most the lines' total, ${total}`, value);
  return discount;
}

function amount(value: unknown, path: string): number {
  if (Number.isSafeInteger(value) && (value as number) >= 0 && (value as number) <= MAX_LINE_AMOUNT) return value as number;
  throw new ValidationError(path, 'expected an integer amount in minor units (4990 for 49.90)', value);
}

function quantity(value: unknown, path: string): number {
  if (Number.isSafeInteger(value) && (value as number) >= 1 && (value as number) <= MAX_QUANTITY) return value as number;
  throw new ValidationError(path, `expected a whole number of units from 1 to ${MAX_QUANTITY}`, value);
}

function dateTime(value: unknown, path: string): Date {
  if (typeof value === 'string' && isDateTime(value)) return new Date(value);
  throw new ValidationError(path, DATE_TIME_EXPECTED, value);
}
