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

export interface SiteEvents {
  site: string;
  events: readonly StoredEvent[];
}

/**
 * Stores each message id once: a retried batch (the tracker retries on any doubt) adds nothing.
 * Returns the message ids that were new.
 *
 * The rows go as one JSON array that PostgreSQL unpacks itself: one parameter and one statement for any number of
 * events and sites, written with a single JSON.stringify, where a VALUES list needs ten parameters a row, each
 * serialized on its own.
 */
export async function insertEvents(db: Queryable, batches: readonly SiteEvents[]): Promise<string[]> {
  const rows: EventRow[] = [];
  for (const { site, events } of batches) {
    for (const event of events) {
      const { creator_id: creatorId, clip_id: clipId, product_id: productId } = event.properties;
      rows.push({
        id: event.messageId, site, event: event.event, anonymous: event.anonymousId, at: event.timestamp,
        properties: event.properties, context: event.context,
        creator: reportKey(creatorId), clip: reportKey(clipId), product: reportKey(productId),
      });
    }
  }
  if (rows.length === 0) return [];
  const { rows: inserted } = await db.query<{ message_id: string }>(
    `INSERT INTO events (message_id, site, event, anonymous_id, occurred_at, properties, context, creator_id, clip_id, product_id)
     SELECT id, site, event, anonymous, at, properties, context, creator, clip, product
     FROM jsonb_to_recordset($1::jsonb)
       AS row (id text, site text, event text, anonymous text, at timestamptz, properties jsonb, context jsonb, creator text, clip text, product text)
     ON CONFLICT (message_id) DO NOTHING
     RETURNING message_id`,
    [JSON.stringify(rows)],
  );
  return inserted.map((row) => row.message_id);
}

interface EventRow {
  id: string;
  site: string;
  event: string;
  anonymous: string;
  at: string;
  properties: Record<string, unknown>;
  context: Record<string, unknown>;
  creator: string | null;
  clip: string | null;
  product: string | null;
}

/** The ids reports group by; anything else in those properties is kept in the event but not reported on. */
/**
 * Control and direction-override characters have no place in an id, and in a report they could make one id read as
 * another (`invoice\u202Efdp.exe` shows as "invoiceexe.pdf"): such an id is kept in the event, but reported under none.
 */
const UNREPORTABLE = /[\p{Cc}\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;

function reportKey(value: unknown): string | null {
  return typeof value === 'string' && value.length >= 1 && value.length <= 200 && !UNREPORTABLE.test(value) ? value : null;
}

interface StoredRow {
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
  const { rows } = await db.query<StoredRow>(
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
