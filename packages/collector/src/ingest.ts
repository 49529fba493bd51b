import type { IncomingMessage, ServerResponse } from 'node:http';
import { summarizeBatch } from './batch-summary.js';
import { validateEnvelope, validateEvents } from './batch-validation.js';
import { insertEvents } from './event-store.js';
import { HttpError, parseContentType, readBody, sendJson } from './http.js';
import type { CollectorContext } from './routes.js';
import { ValidationError } from './validation.js';

const ACCEPTED_TYPES = new Set(['text/plain', 'application/json']);
const PREFLIGHT_MAX_AGE_SECONDS = 7200; // Chromium's cap

/** POST /v1/batch: answers 200 only once the events are stored, so the tracker may forget them. */
export async function handleBatch(context: CollectorContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  allowOrigin(context, req, res);
  expectJsonContentType(req.headers['content-type']);
  const body = parseJson(await readBody(req, context.maxBodyBytes));
  const { site, batch } = badRequestOnInvalid(() => validateEnvelope(body));
  const { events, rejected } = validateEvents(batch, context.maxEventBytes);
  const stored = await insertEvents(context.db, site, events);
  sendJson(res, 200, { accepted: events.length, rejected });
  context.log(summarizeBatch({ site, events: events.map((event) => event.event), duplicates: events.length - stored.length, rejected: rejected.length }));
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
