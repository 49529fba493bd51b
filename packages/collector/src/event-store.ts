import type { StoredEvent } from './batch-validation.js';
import type { Queryable } from './database.js';

export interface EventRecord extends StoredEvent {
  receivedAt: string;
}

export interface EventFilter {
  site: string;
  limit: number;
  event?: string;
}

const COLUMNS_PER_ROW = 10;

/**
 * Stores each message id once: a retried batch (the tracker retries on any doubt) adds nothing.
 * Returns the message ids that were new.
 */
export async function insertEvents(db: Queryable, site: string, events: readonly StoredEvent[]): Promise<string[]> {
  if (events.length === 0) return [];
  const params: unknown[] = [];
  const rows = events.map((event, row) => {
    const { creator_id: creatorId, clip_id: clipId, product_id: productId } = event.properties;
    params.push(
      event.messageId, site, event.event, event.anonymousId, event.timestamp, JSON.stringify(event.properties), JSON.stringify(event.context),
      reportKey(creatorId), reportKey(clipId), reportKey(productId),
    );
    const at = (column: number) => `$${row * COLUMNS_PER_ROW + column}`;
    return `(${at(1)}, ${at(2)}, ${at(3)}, ${at(4)}, ${at(5)}::timestamptz, ${at(6)}::jsonb, ${at(7)}::jsonb, ${at(8)}, ${at(9)}, ${at(10)})`;
  });
  const { rows: inserted } = await db.query<{ message_id: string }>(
    `INSERT INTO events (message_id, site, event, anonymous_id, occurred_at, properties, context, creator_id, clip_id, product_id)
     VALUES ${rows.join(', ')}
     ON CONFLICT (message_id) DO NOTHING
     RETURNING message_id`,
    params,
  );
  return inserted.map((row) => row.message_id);
}

/** The ids reports group by; anything else in those properties is kept in the event but not reported on. */
function reportKey(value: unknown): string | null {
  return typeof value === 'string' && value.length >= 1 && value.length <= 200 ? value : null;
}

interface EventRow {
  message_id: string;
  event: string;
  occurred_at: Date | string;
  received_at: Date | string;
  anonymous_id: string;
  properties: unknown;
  context: unknown;
}

/** Newest first by the time the event happened; ties (one batch, one millisecond) in a stable order. */
export async function listEvents(db: Queryable, { site, limit, event }: EventFilter): Promise<EventRecord[]> {
  const params: unknown[] = [site];
  let where = 'site = $1';
  if (event !== undefined) {
    params.push(event);
    where += ` AND event = $${params.length}`;
  }
  params.push(limit);
  const { rows } = await db.query<EventRow>(
    `SELECT message_id, event, occurred_at, received_at, anonymous_id, properties, context
     FROM events WHERE ${where}
     ORDER BY occurred_at DESC, received_at DESC, message_id DESC
     LIMIT $${params.length}`,
    params,
  );
  return rows.map((row) => ({
    messageId: row.message_id,
    event: row.event,
    timestamp: toIsoString(row.occurred_at),
    receivedAt: toIsoString(row.received_at),
    anonymousId: row.anonymous_id,
    properties: fromJsonb(row.properties),
    context: fromJsonb(row.context),
  }));
}

// PGlite and node-postgres both parse timestamptz and jsonb by default, but a driver configured otherwise
// hands back strings; accept both so the storage can change under this code.
function toIsoString(value: Date | string): string {
  return (value instanceof Date ? value : new Date(value)).toISOString();
}

function fromJsonb(value: unknown): Record<string, unknown> {
  return (typeof value === 'string' ? JSON.parse(value) : value) as Record<string, unknown>;
}
