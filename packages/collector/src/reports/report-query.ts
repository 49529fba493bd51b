import type { Queryable } from '../database.js';

export const DIMENSIONS = ['creators', 'clips', 'products', 'days'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export interface ReportQuery {
  site: string;
  dimension: Dimension;
  /** First and last UTC day, inclusive, as YYYY-MM-DD. */
  from: string;
  to: string;
  /** A creator's key sees only that creator's rows. */
  creator?: string | undefined;
}

export interface Money {
  revenue: number;
  commissionPending: number;
  commissionConfirmed: number;
  commissionReversed: number;
}

export interface ReportRow {
  key: string;
  impressions: number;
  clicks: number;
  orders: number;
  /** Orders per click, to 4 decimals; null without clicks. */
  conversionRate: number | null;
  money: Record<string, Money>;
}

// The column each dimension groups by, in each table. Fixed strings: nothing from a request is spliced into SQL.
const EVENT_KEY: Record<Dimension, string> = {
  creators: 'creator_id',
  clips: 'clip_id',
  products: 'product_id',
  days: `to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD')`,
};
const LEDGER_KEY: Record<Dimension, string> = {
  creators: 'creator_id',
  clips: 'clip_id',
  products: 'product_id',
  days: `to_char(recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD')`,
};
const ORDER_KEY: Record<Dimension, string> = {
  creators: 'o.creator_id',
  clips: 'o.clip_id',
  products: 'p.product_id',
  days: `to_char(o.placed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD')`,
};

// The lines an order has now: its confirmed entries once confirmed, else the browser's pending ones. Lines the
// merchant's confirmation replaced keep their entries (booked, then taken back) but are no longer the order's.
const PRODUCT_LINES = `JOIN ledger p ON p.site = o.site AND p.order_id = o.order_id AND p.product_id IS NOT NULL
  AND p.bucket = CASE WHEN o.status = 'confirmed' THEN 'confirmed' ELSE 'pending' END`;

export const IMPRESSION_EVENTS = ['Product Viewed'];
export const CLICK_EVENTS = ['Product Clicked', 'Creator Link Opened'];

/**
 * One row per creator, clip, product or day that has anything in the range:
 * - impressions and clicks: events that happened in the range (Product Viewed; Product Clicked and Creator Link Opened);
 * - orders: orders credited to a creator and placed in the range;
 * - money: ledger entries recorded in the range, per currency; revenue is net of refunds, reversed commission is
 *   shown as a positive amount.
 * Sales no creator brought are not in reports.
 */
export async function runReport(db: Queryable, query: ReportQuery): Promise<ReportRow[]> {
  const start = `${query.from}T00:00:00Z`;
  // After 9999-12-31 toISOString writes "+010000-...", which PostgreSQL refuses; it reads "10000-..." fine.
  const end = new Date(Date.parse(`${query.to}T00:00:00Z`) + 86_400_000).toISOString().replace(/^\+0*/, '');
  const scoped = query.creator !== undefined;
  const params = scoped ? [query.site, start, end, query.creator] : [query.site, start, end];
  const dimension = query.dimension;

  const [events, money, orders] = await Promise.all([
    db.query<{ key: string; impressions: number | string; clicks: number | string }>(
      `SELECT ${EVENT_KEY[dimension]} AS key,
         count(*) FILTER (WHERE event = ANY($${params.length + 1}::text[])) AS impressions,
         count(*) FILTER (WHERE event = ANY($${params.length + 2}::text[])) AS clicks
       FROM events
       WHERE site = $1 AND occurred_at >= $2 AND occurred_at < $3 ${scoped ? 'AND creator_id = $4' : ''}
         AND event = ANY($${params.length + 3}::text[]) AND ${EVENT_KEY[dimension]} IS NOT NULL
       GROUP BY 1`,
      [...params, IMPRESSION_EVENTS, CLICK_EVENTS, [...IMPRESSION_EVENTS, ...CLICK_EVENTS]],
    ),
    db.query<{ key: string; currency: string; revenue: number | string; pending: number | string; confirmed: number | string; reversed: number | string }>(
      `SELECT ${LEDGER_KEY[dimension]} AS key, currency,
         coalesce(sum(revenue), 0) AS revenue,
         coalesce(sum(commission) FILTER (WHERE bucket = 'pending'), 0) AS pending,
         coalesce(sum(commission) FILTER (WHERE bucket = 'confirmed'), 0) AS confirmed,
         coalesce(-sum(commission) FILTER (WHERE bucket = 'reversed'), 0) AS reversed
       FROM ledger
       WHERE site = $1 AND recorded_at >= $2 AND recorded_at < $3 AND creator_id IS NOT NULL ${scoped ? 'AND creator_id = $4' : ''}
         AND ${LEDGER_KEY[dimension]} IS NOT NULL
       GROUP BY 1, 2`,
      params,
    ),
    db.query<{ key: string; orders: number | string }>(
      `SELECT ${ORDER_KEY[dimension]} AS key, count(DISTINCT o.order_id) AS orders
       FROM orders o
       ${dimension === 'products' ? PRODUCT_LINES : ''}
       WHERE o.site = $1 AND o.placed_at >= $2 AND o.placed_at < $3 AND o.creator_id IS NOT NULL ${scoped ? 'AND o.creator_id = $4' : ''}
         AND ${ORDER_KEY[dimension]} IS NOT NULL
       GROUP BY 1`,
      params,
    ),
  ]);

  const rows = new Map<string, ReportRow>();
  const row = (key: string) => {
    let found = rows.get(key);
    if (!found) rows.set(key, (found = { key, impressions: 0, clicks: 0, orders: 0, conversionRate: null, money: {} }));
    return found;
  };
  for (const entry of events.rows) Object.assign(row(entry.key), { impressions: Number(entry.impressions), clicks: Number(entry.clicks) });
  for (const entry of orders.rows) row(entry.key).orders = Number(entry.orders);
  for (const entry of money.rows) {
    row(entry.key).money[entry.currency] = {
      revenue: Number(entry.revenue),
      commissionPending: Number(entry.pending),
      commissionConfirmed: Number(entry.confirmed),
      commissionReversed: Number(entry.reversed),
    };
  }
  for (const entry of rows.values()) entry.conversionRate = entry.clicks === 0 ? null : Math.round((entry.orders / entry.clicks) * 10_000) / 10_000;
  return [...rows.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

export interface OrderSummary {
  orderId: string;
  status: 'pending' | 'confirmed';
  currency: string;
  revenue: number;
  commission: number;
  refunded: boolean;
  creatorId: string | null;
  clipId: string | null;
  placedAt: string;
}

/** The newest orders, with revenue and commission net of refunds. */
export async function recentOrders(db: Queryable, site: string, limit: number, creator?: string): Promise<OrderSummary[]> {
  const params: unknown[] = [site, limit];
  if (creator !== undefined) params.push(creator);
  const { rows } = await db.query<{
    order_id: string; status: 'pending' | 'confirmed'; currency: string; creator_id: string | null; clip_id: string | null;
    placed_at: Date | string; revenue: number | string; commission: number | string; refunded: boolean | null;
  }>(
    `SELECT o.order_id, o.status, o.currency, o.creator_id, o.clip_id, o.placed_at,
       coalesce(sum(l.revenue), 0) AS revenue, coalesce(sum(l.commission), 0) AS commission, bool_or(l.reason = 'refund') AS refunded
     FROM orders o LEFT JOIN ledger l ON l.site = o.site AND l.order_id = o.order_id
     WHERE o.site = $1 ${creator !== undefined ? 'AND o.creator_id = $3' : ''}
     GROUP BY o.site, o.order_id
     ORDER BY o.placed_at DESC, o.order_id DESC
     LIMIT $2`,
    params,
  );
  return rows.map((row) => ({
    orderId: row.order_id,
    status: row.status,
    currency: row.currency,
    revenue: Number(row.revenue),
    commission: Number(row.commission),
    refunded: row.refunded === true,
    creatorId: row.creator_id,
    clipId: row.clip_id,
    placedAt: (row.placed_at instanceof Date ? row.placed_at : new Date(row.placed_at)).toISOString(),
  }));
}
