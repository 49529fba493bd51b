import type { IncomingMessage, ServerResponse } from 'node:http';
import { summarizeBatch } from './batch-summary.js';
import { validateEnvelope, validateEvents, type StoredEvent } from './batch-validation.js';
import type { SiteConfig } from './config.js';
import type { Database, Queryable } from './database.js';
import { insertEvents } from './event-store.js';
import { HttpError, parseContentType, readBody, sendJson } from './http.js';
import { throwIfLimited, type CollectorContext } from './routes.js';
import { recordClientOrder, type ClientOrder } from './orders/order-book.js';
import { clientOrderOf } from './orders/order-input.js';
import { eventTimeOf } from './shopper-clock.js';
import { LINK_ID, ValidationError } from './validation.js';

const ACCEPTED_TYPES = new Set(['text/plain', 'application/json']);
const PREFLIGHT_MAX_AGE_SECONDS = 7200; // Chromium's cap

/** POST /v1/batch: answers 200 only once the events (and the orders and touches they carry) are committed. */
export async function handleBatch(context: CollectorContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  allowOrigin(context, req, res);
  expectJsonContentType(req.headers['content-type']);
  const body = parseJson(await readBody(req, context.maxBodyBytes));
  const { batch, ...envelope } = badRequestOnInvalid(() => validateEnvelope(body));
  const site = siteOf(context, envelope, req.headers.authorization);
  throwIfLimited(context.limitSite, site, `for site ${site}`, context, req);
  const orders = new Map<string, ClientOrder>();
  const now = context.now();
  const { events, rejected } = validateEvents(batch, context.maxEventBytes, (event, path) => {
    event.timestamp = eventTimeOf(event.timestamp, envelope.sentAt, now);
    if (event.event === ORDER_COMPLETED) orders.set(event.messageId, clientOrderOf(site, event.properties, event.timestamp, path));
  });
  const stored = events.length === 0 ? 0 : await context.storeBatch({ site, siteConfig: context.config.sites?.[site] ?? UNCONFIGURED_SITE, events, orders, now });
  if (events.length === 0 && rejected.length > 0) {
    // Nothing in it can ever be stored: a client error, so a sender drops it rather than retrying it.
    const error = { code: 'invalid_events', message: `every event in the batch was rejected; the first: ${rejected[0]!.message}` };
    sendJson(res, 400, { error, accepted: 0, rejected });
  } else {
    sendJson(res, 200, { accepted: events.length, rejected });
  }
  context.log(summarizeBatch({ site, events: events.map((event) => event.event), duplicates: events.length - stored, rejected: rejected.length }));
}

const ORDER_COMPLETED = 'Order Completed';
const CREATOR_LINK_OPENED = 'Creator Link Opened';
// Without a configuration every site is a development site: orders are recorded, at no commission, until confirmed.
const UNCONFIGURED_SITE: SiteConfig = { autoConfirm: false, signingSecrets: [], writeKeys: [], commission: [] };

export interface PendingBatch {
  site: string;
  siteConfig: SiteConfig;
  events: StoredEvent[];
  orders: Map<string, ClientOrder>;
  now: Date;
}

/**
 * Stores batches that arrived together (see write-queue.ts) atomically: an acknowledged batch is wholly stored. Events
 * alone are one statement; touches and orders need a transaction around them. They follow only from events stored now
 * for the first time, so a retried batch books nothing twice. Answers how many events of each batch were new.
 */
export async function storeBatches(db: Database, batches: PendingBatch[]): Promise<number[]> {
  const booksMore = batches.some((batch) => batch.orders.size > 0 || batch.events.some((event) => event.event === CREATOR_LINK_OPENED));
  return booksMore ? db.transaction((tx) => storeIn(tx, batches)) : storeIn(db, batches);
}

async function storeIn(tx: Queryable, batches: PendingBatch[]): Promise<number[]> {
  const fresh = new Set(await insertEvents(tx, batches));
  const counts: number[] = [];
  for (const batch of batches) {
    let count = 0;
    for (const event of batch.events) {
      if (!fresh.has(event.messageId)) continue;
      count += 1;
      if (event.event === CREATOR_LINK_OPENED) await recordTouch(tx, batch.site, event);
      const order = batch.orders.get(event.messageId);
      if (order) await recordClientOrder(tx, batch.siteConfig, order, batch.now);
    }
    counts.push(count);
  }
  return counts;
}

async function recordTouch(tx: Queryable, site: string, event: StoredEvent): Promise<void> {
  const { click_id: clickId, creator_id: creatorId, clip_id: clipId } = event.properties;
  if (!isLinkId(clickId) || !isLinkId(creatorId)) return;
  await tx.query(
    `INSERT INTO touches (site, click_id, creator_id, clip_id, touched_at) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (site, click_id) DO NOTHING`,
    [site, clickId, creatorId, isLinkId(clipId) ? clipId : null, event.timestamp],
  );
}

function isLinkId(value: unknown): value is string {
  return typeof value === 'string' && LINK_ID.test(value);
}

/**
 * The site a batch is filed under: `site` from our tracker, or a Segment-spec sender's write key (in the body, or
 * as the Basic-auth user name Segment's HTTP API uses). With sites configured, only those are taken.
 */
function siteOf(context: CollectorContext, envelope: { site?: string; writeKey?: string }, authorization: string | undefined): string {
  const sites = context.config.sites;
  if (envelope.site !== undefined) {
    if (sites && !sites[envelope.site]) throw new HttpError(403, 'unknown_site', `site ${envelope.site} is not configured on this collector`);
    return envelope.site;
  }
  const writeKey = envelope.writeKey ?? basicAuthUser(authorization);
  const owner = writeKey === undefined || !sites ? undefined : Object.keys(sites).find((id) => sites[id]!.writeKeys.includes(writeKey));
  if (owner) return owner;
  if (writeKey === undefined) throw new HttpError(400, 'invalid_batch', 'site: a batch names its site, or a write key configured for one');
  throw new HttpError(401, 'unknown_write_key', 'the write key is not configured for any site');
}

function basicAuthUser(authorization: string | undefined): string | undefined {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(authorization ?? '');
  if (!match) return undefined;
  const user = Buffer.from(match[1]!, 'base64').toString('utf8').split(':')[0];
  return user || undefined;
}

/** OPTIONS /v1/batch: the CORS preflight a browser sends before a JSON POST from another origin. */
export function handleBatchPreflight(context: CollectorContext, req: IncomingMessage, res: ServerResponse): void {
  const allowed = allowOrigin(context, req, res);
  res.writeHead(204, {
    Allow: 'POST, OPTIONS',
    ...(allowed && {
      'Access-Control-Allow-Methods': 'POST',
      'Access-Control-Allow-Headers': 'Content-Type',
      'Access-Control-Max-Age': String(PREFLIGHT_MAX_AGE_SECONDS),
    }),
  });
  res.end();
}

/**
 * Lets the browser read our answer only on configured origins. A request without Origin is not a
 * browser's cross-origin call (curl, a server): nothing to protect there, so it passes.
 */
function allowOrigin(context: CollectorContext, req: IncomingMessage, res: ServerResponse): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return false;
  if (!context.isAllowedOrigin(origin)) {
    throw new HttpError(403, 'origin_not_allowed', `origin ${JSON.stringify(origin.slice(0, 200))} is not allowed to send events here`);
  }
  res.setHeader('Access-Control-Allow-Origin', origin);
  // The tracker waits as long as a 429 or 503 asks; without this a cross-origin page cannot read the header.
  res.setHeader('Access-Control-Expose-Headers', 'Retry-After');
  return true;
}

// text/plain is what sendBeacon sends and needs no preflight; application/json is what servers send.
function expectJsonContentType(header: string | undefined): void {
  const mediaType = parseContentType(header);
  const utf8 = mediaType?.charset === undefined || mediaType.charset === 'utf-8' || mediaType.charset === 'utf8';
  if (mediaType && ACCEPTED_TYPES.has(mediaType.type) && utf8) return;
  const received = header === undefined ? 'none' : JSON.stringify(header.slice(0, 100));
  throw new HttpError(415, 'unsupported_media_type', `Content-Type must be text/plain or application/json in UTF-8, got ${received}`);
}

function parseJson(body: Buffer): unknown {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    throw new HttpError(400, 'invalid_json', 'body is not valid UTF-8');
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new HttpError(400, 'invalid_json', `body is not valid JSON: ${(error as Error).message}`);
  }
}

function badRequestOnInvalid<T>(validate: () => T): T {
  try {
    return validate();
  } catch (error) {
    if (error instanceof ValidationError) throw new HttpError(400, 'invalid_batch', error.message);
    throw error;
  }
}
