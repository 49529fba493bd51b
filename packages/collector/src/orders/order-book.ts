import { priceOrder, shareOf, type LineInput, type PricedOrder } from '../commission.js';
import type { SiteConfig } from '../config.js';
import type { Database, Queryable } from '../database.js';
import { appendEntries, entriesOf, type Bucket, type EntryRow, type LedgerEntry, type Reason } from './ledger-entries.js';

/** Who earns the sale. */
export interface Attribution {
  creatorId: string;
  clipId: string | null;
  clickId: string | null;
}

export interface ClientOrder {
  site: string;
  orderId: string;
  currency: string;
  lines: LineInput[];
  discount: number;
  placedAt: Date;
  attribution: Attribution | null;
}

/** The merchant's signed call: a confirmation of a browser's order, or an order the browser never reported. */
export interface ServerOrder {
  site: string;
  orderId: string;
  /** Both or neither: with them the merchant's lines replace what the browser reported. */
  currency?: string;
  lines?: LineInput[];
  discount: number;
  placedAt?: Date;
  /** `vt_id` from the landing URL, which names the creator's link. */
  clickId?: string;
}

export interface RefundRequest {
  site: string;
  orderId: string;
  refundId: string;
  /** Units to refund by product, taken from the order's lines in order; none means everything not yet refunded. */
  items?: Array<{ productId: string; quantity: number }>;
}

export interface OrderOutcome {
  orderId: string;
  status: 'pending' | 'confirmed';
  /** Nothing changed: the order was already confirmed. */
  duplicate: boolean;
  currency: string;
  creatorId: string | null;
  clipId: string | null;
  /** The click id was sent but no creator link with it was ever opened on this site. */
  unknownClickId?: string;
  revenue: number;
  commission: number;
}

export interface RefundOutcome {
  orderId: string;
  refundId: string;
  duplicate: boolean;
  currency: string;
  revenueReversed: number;
  commissionReversed: number;
}

/** A refusal the caller can act on; the route turns it into 404, 409 or 422. */
export class OrderProblem extends Error {
  constructor(
    readonly kind: 'not_found' | 'conflict' | 'unprocessable',
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'OrderProblem';
  }
}

interface OrderRow {
  status: 'pending' | 'confirmed';
  currency: string;
  creator_id: string | null;
  clip_id: string | null;
  click_id: string | null;
}

/**
 * The browser's Order Completed: a pending order (confirmed at once on an auto-confirm site) with ledger entries
 * priced under today's rules. An order id already known changes nothing. Runs inside the ingest transaction.
 */
export async function recordClientOrder(tx: Queryable, site: SiteConfig, order: ClientOrder, now: Date): Promise<boolean> {
  const status = site.autoConfirm ? 'confirmed' : 'pending';
  const { attribution } = order;
  const { rows } = await tx.query(
    `INSERT INTO orders (site, order_id, status, source, currency, creator_id, clip_id, click_id, placed_at, confirmed_at)
     VALUES ($1, $2, $3, 'client', $4, $5, $6, $7, $8, $9)
     ON CONFLICT (site, order_id) DO NOTHING RETURNING order_id`,
    [order.site, order.orderId, status, order.currency, attribution?.creatorId ?? null, attribution?.clipId ?? null, attribution?.clickId ?? null, order.placedAt, status === 'confirmed' ? now : null],
  );
  if (rows.length === 0) return false;
  const priced = priceOrder(site.commission, order.lines, order.discount, order.currency, attribution?.creatorId ?? '');
  await appendEntries(tx, pricedEntries(order.site, order.orderId, order.currency, attribution, priced, status, 'order', now));
  return true;
}

/** POST /v1/orders. Idempotent: once confirmed, an order never changes again through this call. */
export async function confirmOrder(db: Database, site: SiteConfig, order: ServerOrder, now: Date): Promise<OrderOutcome> {
  return retryOnRace(() =>
    db.transaction(async (tx) => {
      const existing = await lockOrder(tx, order.site, order.orderId);
      if (existing?.status === 'confirmed') return outcome(tx, order.site, order.orderId, existing, true);

      const touch = order.clickId === undefined ? undefined : await touchOf(tx, order.site, order.clickId);
      const unknownClickId = order.clickId !== undefined && !touch ? order.clickId : undefined;

      if (!existing) {
        if (order.currency === undefined || order.lines === undefined) {
          throw new OrderProblem('unprocessable', 'order_unknown', `order ${order.orderId} was never reported by a browser; send currency and items to report it`);
        }
        await tx.query(
          `INSERT INTO orders (site, order_id, status, source, currency, creator_id, clip_id, click_id, placed_at, confirmed_at)
           VALUES ($1, $2, 'confirmed', 'server', $3, $4, $5, $6, $7, $8)`,
          [order.site, order.orderId, order.currency, touch?.creatorId ?? null, touch?.clipId ?? null, touch?.clickId ?? null, order.placedAt ?? now, now],
        );
        const priced = priceOrder(site.commission, order.lines, order.discount, order.currency, touch?.creatorId ?? '');
        await appendEntries(tx, pricedEntries(order.site, order.orderId, order.currency, touch ?? null, priced, 'confirmed', 'order', now));
        return { ...(await outcome(tx, order.site, order.orderId, await lockOrder(tx, order.site, order.orderId), false)), ...(unknownClickId && { unknownClickId }) };
      }

      // A pending order from the browser: close its pending entries, then book it as confirmed.
      const pending = (await entriesOf(tx, order.site, order.orderId)).filter((entry) => entry.bucket === 'pending' && entry.reason === 'order');
      const client: Attribution | null = existing.creator_id ? { creatorId: existing.creator_id, clipId: existing.clip_id, clickId: existing.click_id } : null;
      const attribution = touch ?? client;
      await appendEntries(tx, pending.map((entry) => negated(order.site, order.orderId, entry, 'pending', 'confirmation', null, entry.quantity, entry.revenue, entry.commission, now)));

      const currency = order.currency ?? existing.currency;
      const sameAsBrowser = order.lines === undefined && attribution?.creatorId === client?.creatorId;
      if (sameAsBrowser) {
        // The merchant confirms what the browser reported: the amounts priced then are the ones owed.
        // A click id of the same creator may still name another clip: the confirmed entries carry the confirmed touch.
        await appendEntries(tx, pending.map((entry) => ({ ...fromRow(order.site, order.orderId, entry, now), clipId: attribution?.clipId ?? null, bucket: 'confirmed', reason: 'confirmation' })));
      } else {
        const lines = order.lines ?? linesOf(pending);
        const priced = priceOrder(site.commission, lines, order.lines ? order.discount : 0, currency, attribution?.creatorId ?? '');
        await appendEntries(tx, pricedEntries(order.site, order.orderId, currency, attribution, priced, 'confirmed', 'confirmation', now));
      }
      // The merchant's placedAt, when sent, replaces the time on the shopper's clock.
      await tx.query(
        `UPDATE orders SET status = 'confirmed', confirmed_at = $3, currency = $4, creator_id = $5, clip_id = $6, click_id = $7,
           placed_at = COALESCE($8, placed_at)
         WHERE site = $1 AND order_id = $2`,
        [order.site, order.orderId, now, currency, attribution?.creatorId ?? null, attribution?.clipId ?? null, attribution?.clickId ?? null, order.placedAt ?? null],
      );
      return { ...(await outcome(tx, order.site, order.orderId, await lockOrder(tx, order.site, order.orderId), false)), ...(unknownClickId && { unknownClickId }) };
    }),
  );
}

/** POST /v1/orders/:id/refunds. Reverses revenue and commission in proportion to the units refunded. */
export async function refundOrder(db: Database, request: RefundRequest, now: Date): Promise<RefundOutcome> {
  return retryOnRace(() =>
    db.transaction(async (tx) => {
      const order = await lockOrder(tx, request.site, request.orderId);
      if (!order) throw new OrderProblem('not_found', 'order_not_found', `order ${request.orderId} is not known on site ${request.site}`);
      const { rows: earlier } = await tx.query<{ order_id: string }>('SELECT order_id FROM refunds WHERE site = $1 AND refund_id = $2', [request.site, request.refundId]);
      if (earlier[0]) {
        if (earlier[0].order_id !== request.orderId) {
          throw new OrderProblem('conflict', 'refund_id_taken', `refund ${request.refundId} was already recorded for order ${earlier[0].order_id}`);
        }
        const reversed = (await entriesOf(tx, request.site, request.orderId)).filter((entry) => entry.refund_id === request.refundId);
        return refundOutcome(request, order.currency, true, reversed);
      }
      if (order.status !== 'confirmed') {
        throw new OrderProblem('conflict', 'order_not_confirmed', `order ${request.orderId} is still pending; confirm it before refunding it`);
      }
      const entries = await entriesOf(tx, request.site, request.orderId);
      const lines = entries.filter((entry) => entry.bucket === 'confirmed' && entry.line_no !== null);
      const bonus = entries.find((entry) => entry.bucket === 'confirmed' && entry.line_no === null);
      const refunded = new Map<number, number>();
      for (const entry of entries) {
        if (entry.reason === 'refund' && entry.line_no !== null) refunded.set(entry.line_no, (refunded.get(entry.line_no) ?? 0) + entry.quantity);
      }
      const units = unitsToRefund(request, lines, refunded);
      const reversals: LedgerEntry[] = [];
      for (const line of lines) {
        const take = units.get(line.line_no!) ?? 0;
        if (take === 0) continue;
        const before = refunded.get(line.line_no!) ?? 0;
        const after = before + take;
        // Cumulative shares: however a line is refunded in parts, refunding all of it reverses exactly all of it.
        const revenue = shareOf(line.revenue, after, line.quantity) - shareOf(line.revenue, before, line.quantity);
        const commission = shareOf(line.commission, after, line.quantity) - shareOf(line.commission, before, line.quantity);
        reversals.push(negated(request.site, request.orderId, line, 'reversed', 'refund', request.refundId, take, revenue, commission, now));
        refunded.set(line.line_no!, after);
      }
      const allRefunded = lines.every((line) => (refunded.get(line.line_no!) ?? 0) === line.quantity);
      const bonusReversed = entries.some((entry) => entry.reason === 'refund' && entry.line_no === null);
      if (bonus && allRefunded && !bonusReversed) {
        reversals.push(negated(request.site, request.orderId, bonus, 'reversed', 'refund', request.refundId, 0, 0, bonus.commission, now));
      }
      await appendEntries(tx, reversals);
      await tx.query('INSERT INTO refunds (site, refund_id, order_id, recorded_at) VALUES ($1, $2, $3, $4)', [request.site, request.refundId, request.orderId, now]);
      return refundOutcome(request, order.currency, false, reversals.map((entry) => ({ revenue: entry.revenue, commission: entry.commission })));
    }),
  );
}

function unitsToRefund(request: RefundRequest, lines: EntryRow[], refunded: Map<number, number>): Map<number, number> {
  const units = new Map<number, number>();
  const left = (line: EntryRow) => line.quantity - (refunded.get(line.line_no!) ?? 0) - (units.get(line.line_no!) ?? 0);
  if (!request.items) {
    for (const line of lines) if (left(line) > 0) units.set(line.line_no!, left(line));
    if (units.size === 0) throw new OrderProblem('conflict', 'already_refunded', `order ${request.orderId} has been refunded in full already`);
    return units;
  }
  request.items.forEach((item, index) => {
    let wanted = item.quantity;
    for (const line of lines) {
      if (line.product_id !== item.productId || wanted === 0) continue;
      const take = Math.min(wanted, left(line));
      if (take > 0) units.set(line.line_no!, (units.get(line.line_no!) ?? 0) + take);
      wanted -= take;
    }
    if (wanted > 0) {
      const path = `items[${index}]`;
      const known = lines.some((line) => line.product_id === item.productId);
      throw new OrderProblem(
        'unprocessable',
        'refund_exceeds_order',
        known
          ? `${path}.quantity: only ${item.quantity - wanted} unit(s) of ${item.productId} are left to refund on order ${request.orderId}`
          : `${path}.productId: order ${request.orderId} has no line for ${item.productId}`,
      );
    }
  });
  return units;
}

function refundOutcome(request: RefundRequest, currency: string, duplicate: boolean, reversals: Array<{ revenue: number; commission: number }>): RefundOutcome {
  return {
    orderId: request.orderId,
    refundId: request.refundId,
    duplicate,
    currency,
    revenueReversed: -reversals.reduce((sum, entry) => sum + entry.revenue, 0),
    commissionReversed: -reversals.reduce((sum, entry) => sum + entry.commission, 0),
  };
}

async function lockOrder(tx: Queryable, site: string, orderId: string): Promise<OrderRow | undefined> {
  const { rows } = await tx.query<OrderRow>(
    'SELECT status, currency, creator_id, clip_id, click_id FROM orders WHERE site = $1 AND order_id = $2 FOR UPDATE',
    [site, orderId],
  );
  return rows[0];
}

async function touchOf(tx: Queryable, site: string, clickId: string): Promise<Attribution | undefined> {
  const { rows } = await tx.query<{ creator_id: string; clip_id: string | null }>('SELECT creator_id, clip_id FROM touches WHERE site = $1 AND click_id = $2', [site, clickId]);
  return rows[0] && { creatorId: rows[0].creator_id, clipId: rows[0].clip_id, clickId };
}

async function outcome(tx: Queryable, site: string, orderId: string, order: OrderRow | undefined, duplicate: boolean): Promise<OrderOutcome> {
  const entries = await entriesOf(tx, site, orderId);
  return {
    orderId,
    status: order!.status,
    duplicate,
    currency: order!.currency,
    creatorId: order!.creator_id,
    clipId: order!.clip_id,
    revenue: entries.reduce((sum, entry) => sum + entry.revenue, 0),
    commission: entries.reduce((sum, entry) => sum + entry.commission, 0),
  };
}

function pricedEntries(site: string, orderId: string, currency: string, attribution: Attribution | null, priced: PricedOrder, bucket: Bucket, reason: Reason, now: Date): LedgerEntry[] {
  const base = { site, orderId, creatorId: attribution?.creatorId ?? null, clipId: attribution?.clipId ?? null, currency, bucket, reason, refundId: null, recordedAt: now };
  const entries: LedgerEntry[] = priced.lines.map((line) => ({
    ...base,
    lineNo: line.lineNo,
    productId: line.productId,
    brand: line.brand ?? null,
    quantity: line.quantity,
    revenue: line.paid,
    // Nobody earns on a sale no creator brought; its revenue is still booked so refunds can be checked against it.
    commission: attribution ? line.commission : 0,
    ruleId: attribution ? line.ruleId : null,
    ratePpm: attribution ? line.ratePpm : null,
  }));
  if (attribution && priced.bonus) {
    entries.push({ ...base, lineNo: null, productId: null, brand: null, quantity: 0, revenue: 0, commission: priced.bonus.amount, ruleId: priced.bonus.ruleId, ratePpm: null });
  }
  return entries;
}

function fromRow(site: string, orderId: string, row: EntryRow, now: Date): LedgerEntry {
  return {
    site, orderId, lineNo: row.line_no, productId: row.product_id, brand: row.brand, creatorId: row.creator_id, clipId: row.clip_id,
    currency: row.currency, bucket: row.bucket, reason: row.reason, refundId: null, quantity: row.quantity, revenue: row.revenue,
    commission: row.commission, ruleId: row.rule_id, ratePpm: row.rate_ppm, recordedAt: now,
  };
}

function negated(site: string, orderId: string, row: EntryRow, bucket: Bucket, reason: Reason, refundId: string | null, quantity: number, revenue: number, commission: number, now: Date): LedgerEntry {
  return { ...fromRow(site, orderId, row, now), bucket, reason, refundId, quantity, revenue: -revenue, commission: -commission };
}

/** The browser's lines again, as paid (discounts already taken off), for pricing under another creator. */
function linesOf(entries: EntryRow[]): LineInput[] {
  return entries.filter((entry) => entry.line_no !== null).map((entry) => ({ productId: entry.product_id!, brand: entry.brand ?? undefined, quantity: entry.quantity, amount: entry.revenue }));
}

/**
 * Two first calls for one order can race on PostgreSQL: both find nothing and both insert, and the second insert
 * fails on the primary key. Running the loser again finds the winner's order.
 */
async function retryOnRace<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if ((error as { code?: string }).code === '23505') return work();
    throw error;
  }
}
