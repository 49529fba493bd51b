import type { Queryable } from '../database.js';

export type Bucket = 'pending' | 'confirmed' | 'reversed';
export type Reason = 'order' | 'confirmation' | 'refund';

/** One row of the append-only ledger. A bonus has no line: `lineNo`, `productId` and `brand` are null. */
export interface LedgerEntry {
  site: string;
  orderId: string;
  lineNo: number | null;
  productId: string | null;
  brand: string | null;
  creatorId: string | null;
  clipId: string | null;
  currency: string;
  bucket: Bucket;
  reason: Reason;
  refundId: string | null;
  quantity: number;
  revenue: number;
  commission: number;
  ruleId: string | null;
  ratePpm: number | null;
  recordedAt: Date;
}

const COLUMNS = [
  'site', 'order_id', 'line_no', 'product_id', 'brand', 'creator_id', 'clip_id', 'currency', 'bucket', 'reason',
  'refund_id', 'quantity', 'revenue', 'commission', 'rule_id', 'rate_ppm', 'recorded_at',
] as const;

// PostgreSQL takes at most 65535 parameters in one statement; an order has at most 500 lines, twice over.
const ROWS_PER_STATEMENT = 1000;

export async function appendEntries(db: Queryable, entries: readonly LedgerEntry[]): Promise<void> {
  for (let start = 0; start < entries.length; start += ROWS_PER_STATEMENT) {
    const slice = entries.slice(start, start + ROWS_PER_STATEMENT);
    const params: unknown[] = [];
    const rows = slice.map((entry) => {
      const values = [
        entry.site, entry.orderId, entry.lineNo, entry.productId, entry.brand, entry.creatorId, entry.clipId, entry.currency,
        entry.bucket, entry.reason, entry.refundId, entry.quantity, entry.revenue, entry.commission, entry.ruleId, entry.ratePpm,
        entry.recordedAt,
      ];
      const placeholders = values.map((value) => {
        params.push(value);
        return `$${params.length}`;
      });
      return `(${placeholders.join(', ')})`;
    });
    await db.query(`INSERT INTO ledger (${COLUMNS.join(', ')}) VALUES ${rows.join(', ')}`, params);
  }
}

export interface EntryRow {
  line_no: number | null;
  product_id: string | null;
  brand: string | null;
  creator_id: string | null;
  clip_id: string | null;
  currency: string;
  bucket: Bucket;
  reason: Reason;
  refund_id: string | null;
  quantity: number;
  revenue: number;
  commission: number;
  rule_id: string | null;
  rate_ppm: number | null;
}

/** Every entry of one order, oldest first. */
export async function entriesOf(db: Queryable, site: string, orderId: string): Promise<EntryRow[]> {
  const { rows } = await db.query<EntryRow>(
    `SELECT line_no, product_id, brand, creator_id, clip_id, currency, bucket, reason, refund_id, quantity, revenue, commission, rule_id, rate_ppm
     FROM ledger WHERE site = $1 AND order_id = $2 ORDER BY entry_id`,
    [site, orderId],
  );
  // int8 may come back as a string from a driver left at its defaults; the money math needs numbers.
  return rows.map((row) => ({ ...row, quantity: Number(row.quantity), revenue: Number(row.revenue), commission: Number(row.commission) }));
}
