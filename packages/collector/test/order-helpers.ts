// Helpers for order, ledger and report tests, and the money rules of the collector README recomputed on their own.
import type { Queryable } from '../src/index.js';
import { signatureHeader } from '../src/index.js';
import { trackMessage } from './helpers.js';

export const TABLES = ['events', 'orders', 'ledger', 'refunds', 'touches'] as const;

/** Rows in each table the collector writes, by name. */
export async function tableCounts(db: Queryable): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of TABLES) {
    const { rows } = await db.query<{ count: number }>(`SELECT count(*)::int AS count FROM ${table}`);
    counts[table] = rows[0]!.count;
  }
  return counts;
}

/** A clock the collector reads through `now`; tests move it. */
export function testClock(iso: string): { now: () => Date; set(iso: string): void; advance(ms: number): void; ms(): number } {
  let current = Date.parse(iso);
  return {
    now: () => new Date(current),
    set: (next) => void (current = Date.parse(next)),
    advance: (ms) => void (current += ms),
    ms: () => current,
  };
}

/** A merchant's signed call, as its server makes it. */
export function postSigned(url: string, path: string, body: unknown, secret: string, nowMs: number, headers: Record<string, string> = {}): Promise<Response> {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return fetch(`${url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'vitrine-signature': signatureHeader(secret, text, nowMs), ...headers },
    body: text,
  });
}

export function getWithKey(url: string, path: string, key: string | undefined): Promise<Response> {
  return fetch(`${url}${path}`, { headers: key === undefined ? {} : { authorization: `Bearer ${key}` } });
}

export interface BrowserLine {
  product_id: string;
  brand?: string;
  price_minor: number;
  quantity: number;
}

/** The tracker's Order Completed for `lines`; `attribution` as the site's attribution model credits it. */
export function orderCompleted(order: {
  orderId: string;
  currency: string;
  lines: BrowserLine[];
  discount?: number;
  attribution?: { creator_id: string; click_id: string; clip_id?: string };
  timestamp: string;
}): Record<string, unknown> {
  const total = order.lines.reduce((sum, line) => sum + line.price_minor * line.quantity, 0) - (order.discount ?? 0);
  return trackMessage({
    event: 'Order Completed',
    timestamp: order.timestamp,
    properties: {
      order_id: order.orderId,
      currency: order.currency,
      total_minor: Math.max(0, total),
      products: order.lines,
      ...(order.discount !== undefined && { discount_minor: order.discount }),
      ...(order.attribution && { attribution: order.attribution }),
    },
  });
}

/** A shopper landing from a creator's link: the touch a merchant's `clickId` names later. */
export function linkOpened(touch: { clickId: string; creatorId: string; clipId?: string; productId?: string; timestamp: string }): Record<string, unknown> {
  return trackMessage({
    event: 'Creator Link Opened',
    timestamp: touch.timestamp,
    properties: {
      click_id: touch.clickId,
      creator_id: touch.creatorId,
      ...(touch.clipId !== undefined && { clip_id: touch.clipId }),
      ...(touch.productId !== undefined && { product_id: touch.productId }),
    },
  });
}

/** Product Viewed (an impression) or Product Clicked, on a creator's clip or not. */
export function productEvent(event: 'Product Viewed' | 'Product Clicked', view: { productId: string; creatorId?: string; clipId?: string; timestamp: string }): Record<string, unknown> {
  return trackMessage({
    event,
    timestamp: view.timestamp,
    properties: {
      product_id: view.productId,
      ...(view.creatorId !== undefined && { creator_id: view.creatorId }),
      ...(view.clipId !== undefined && { clip_id: view.clipId }),
    },
  });
}

/** sfc32 seeded through splitmix32: the same numbers in [0, 1) for the same seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  const split = () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
  let [a, b, c, d] = [split(), split(), split(), split()];
  return () => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = ((c << 21) | (c >>> 11)) >>> 0;
    c = (c + t) >>> 0;
    return t / 4294967296;
  };
}

/** Runs `work` over `items`, at most `limit` at once, keeping the results in order. */
export async function inParallel<T, R>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

// The money rules as the README states them, written apart from src/commission.ts so the tests check one against the other.

export interface SpecRule {
  id: string;
  brand?: string;
  product?: string;
  creator?: string;
  /** Parts per million; the configuration gets `ppm / 1e6`. */
  ppm: number;
  bonus?: Record<string, number>;
}

/** Floor shares of `discount` (capped at the total) by amount; the units left go to the largest remainders, earlier line first. */
export function specDiscounts(amounts: readonly number[], discount: number): number[] {
  const total = amounts.reduce((sum, amount) => sum + BigInt(amount), 0n);
  const spread = BigInt(discount) < total ? BigInt(discount) : total;
  if (total === 0n) return amounts.map(() => 0);
  const exact = amounts.map((amount) => BigInt(amount) * spread);
  const shares = exact.map((value) => value / total);
  let left = spread - shares.reduce((sum, share) => sum + share, 0n);
  const byRemainder = exact.map((value, index) => ({ index, remainder: value % total }));
  byRemainder.sort((x, y) => (x.remainder === y.remainder ? x.index - y.index : x.remainder > y.remainder ? -1 : 1));
  for (const { index } of byRemainder) {
    if (left === 0n) break;
    shares[index]! += 1n;
    left -= 1n;
  }
  return shares.map(Number);
}

/** Highest 4·product + 2·brand + 1·creator among the rules whose fields all match; the first on a tie. */
export function specRule(rules: readonly SpecRule[], productId: string, brand: string | undefined, creator: string | null): SpecRule | undefined {
  const matching = rules
    .map((rule, position) => ({ rule, position }))
    .filter(({ rule }) => (rule.product === undefined || rule.product === productId) && (rule.brand === undefined || rule.brand === brand) && (rule.creator === undefined || rule.creator === creator));
  const rank = (rule: SpecRule) => (rule.product ? 4 : 0) + (rule.brand ? 2 : 0) + (rule.creator ? 1 : 0);
  matching.sort((x, y) => rank(y.rule) - rank(x.rule) || x.position - y.position);
  return matching[0]?.rule;
}

/** `(paid·ppm + 500000) div 1000000`. */
export function specCommission(paid: number, ppm: number): number {
  return Number((BigInt(paid) * BigInt(ppm) + 500_000n) / 1_000_000n);
}

/** What refunding `k` more of a line's `q` units reverses, `r` units having been refunded before. */
export function specRefundShare(amount: number, refundedBefore: number, units: number, quantity: number): number {
  const share = (count: number) => (BigInt(amount) * BigInt(count)) / BigInt(quantity);
  return Number(share(refundedBefore + units) - share(refundedBefore));
}

export interface SpecLine {
  productId: string;
  brand?: string | undefined;
  quantity: number;
  paid: number;
  commission: number;
}

/** An order priced as the README says: lines paid after discounts, commission and the bonus only for a creator's sale. */
export function specPrice(
  rules: readonly SpecRule[],
  lines: ReadonlyArray<{ productId: string; brand?: string | undefined; quantity: number; amount: number }>,
  discount: number,
  currency: string,
  creator: string | null,
): { lines: SpecLine[]; bonus: number } {
  const discounts = specDiscounts(lines.map((line) => line.amount), discount);
  let bonus = 0;
  const priced = lines.map((line, index) => {
    const paid = line.amount - discounts[index]!;
    const rule = specRule(rules, line.productId, line.brand, creator);
    if (creator !== null && rule?.bonus?.[currency] !== undefined) bonus = Math.max(bonus, rule.bonus[currency]!);
    return { productId: line.productId, brand: line.brand, quantity: line.quantity, paid, commission: creator === null || !rule ? 0 : specCommission(paid, rule.ppm) };
  });
  return { lines: priced, bonus };
}

/** The configuration's form of a rule. */
export function configRule({ ppm, ...rule }: SpecRule): Record<string, unknown> {
  return { ...rule, rate: ppm / 1_000_000 };
}

export type Bucket = 'pending' | 'confirmed' | 'reversed';

/** One ledger entry as the README's table describes it; `at` is the collector's clock when it was booked. */
export interface SpecEntry {
  site: string;
  orderId: string;
  productId: string | null;
  creator: string | null;
  clip: string | null;
  currency: string;
  bucket: Bucket;
  revenue: number;
  commission: number;
  at: number;
}

export interface SpecEvent {
  site: string;
  event: string;
  creator: string | null;
  clip: string | null;
  product: string | null;
  at: number;
}

export interface SpecOrder {
  site: string;
  id: string;
  creator: string | null;
  clip: string | null;
  placedAt: number;
  /** The products of the lines the order has now. */
  products: readonly string[];
}

export interface SpecMoney {
  revenue: number;
  commissionPending: number;
  commissionConfirmed: number;
  commissionReversed: number;
}

export interface SpecRow {
  key: string;
  impressions: number;
  clicks: number;
  orders: number;
  conversionRate: number | null;
  money: Record<string, SpecMoney>;
}

const DAY_MS = 86_400_000;
const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** A report as the README defines it, from everything that happened. */
export function specReport(
  data: { events: readonly SpecEvent[]; orders: readonly SpecOrder[]; entries: readonly SpecEntry[] },
  query: { site: string; dimension: 'creators' | 'clips' | 'products' | 'days'; from: string; to: string; creator?: string },
): { currencies: string[]; rows: SpecRow[] } {
  const start = Date.parse(`${query.from}T00:00:00Z`);
  const end = Date.parse(`${query.to}T00:00:00Z`) + DAY_MS;
  const inScope = (item: { site: string; creator: string | null }, at: number) =>
    item.site === query.site && at >= start && at < end && (query.creator === undefined || item.creator === query.creator);
  const keyOf = (item: { creator: string | null; clip: string | null; product: string | null }, at: number) =>
    ({ creators: item.creator, clips: item.clip, products: item.product, days: dayOf(at) })[query.dimension];
  const rows = new Map<string, SpecRow>();
  const row = (key: string) => rows.get(key) ?? rows.set(key, { key, impressions: 0, clicks: 0, orders: 0, conversionRate: null, money: {} }).get(key)!;

  for (const event of data.events) {
    const key = keyOf(event, event.at);
    if (!inScope(event, event.at) || key === null) continue;
    if (event.event === 'Product Viewed') row(key).impressions += 1;
    if (event.event === 'Product Clicked' || event.event === 'Creator Link Opened') row(key).clicks += 1;
  }
  for (const order of data.orders) {
    if (order.creator === null || !inScope(order, order.placedAt)) continue;
    const keys = query.dimension === 'products' ? new Set(order.products) : [keyOf({ ...order, product: null }, order.placedAt)];
    for (const key of keys) if (key !== null) row(key).orders += 1;
  }
  for (const entry of data.entries) {
    const key = keyOf({ ...entry, product: entry.productId }, entry.at);
    if (entry.creator === null || !inScope(entry, entry.at) || key === null) continue;
    const money = (row(key).money[entry.currency] ??= { revenue: 0, commissionPending: 0, commissionConfirmed: 0, commissionReversed: 0 });
    money.revenue += entry.revenue;
    if (entry.bucket === 'pending') money.commissionPending += entry.commission;
    if (entry.bucket === 'confirmed') money.commissionConfirmed += entry.commission;
    if (entry.bucket === 'reversed') money.commissionReversed -= entry.commission;
  }
  for (const found of rows.values()) {
    // Orders per click, rounded half up to 4 decimals, in integers.
    found.conversionRate = found.clicks === 0 ? null : Math.floor((found.orders * 20_000 + found.clicks) / (2 * found.clicks)) / 10_000;
  }
  const sorted = [...rows.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { currencies: [...new Set(sorted.flatMap((found) => Object.keys(found.money)))].sort(), rows: sorted };
}

const FRACTION_DIGITS: Record<string, number> = { EUR: 2, USD: 2, JPY: 0, BHD: 3, KWD: 3 };

/** The README's CSV: a column group per currency in major units, formulas defused with a leading apostrophe. */
export function specCsv(dimension: 'creators' | 'clips' | 'products' | 'days', report: { currencies: string[]; rows: SpecRow[] }): string {
  const fields = ['revenue', 'commission_pending', 'commission_confirmed', 'commission_reversed'];
  const header = [{ creators: 'creator', clips: 'clip', products: 'product', days: 'day' }[dimension], 'impressions', 'clicks', 'orders', 'conversion_rate'];
  for (const currency of report.currencies) for (const field of fields) header.push(`${field}_${currency}`);
  const major = (minor: number, currency: string) => {
    const digits = FRACTION_DIGITS[currency]!;
    const text = String(Math.abs(minor)).padStart(digits + 1, '0');
    return `${minor < 0 ? '-' : ''}${digits === 0 ? text : `${text.slice(0, -digits)}.${text.slice(-digits)}`}`;
  };
  const text = (value: string) => {
    const defused = /^[=+\-@]/.test(value) ? `'${value}` : value;
    return /[",\r\n]/.test(defused) ? `"${defused.replaceAll('"', '""')}"` : defused;
  };
  const lines = report.rows.map((found) => {
    const cells = [text(found.key), found.impressions, found.clicks, found.orders, found.conversionRate ?? ''].map(String);
    for (const currency of report.currencies) {
      const money = found.money[currency];
      const amounts = money ? [money.revenue, money.commissionPending, money.commissionConfirmed, money.commissionReversed] : [0, 0, 0, 0];
      cells.push(...amounts.map((amount) => major(amount, currency)));
    }
    return cells.join(',');
  });
  return [header.join(','), ...lines, ''].join('\r\n');
}
