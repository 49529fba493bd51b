import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ClientAddress } from './client-address.js';
import type { CollectorConfig } from './config.js';
import type { OriginMatcher } from './cors.js';
import type { Database } from './database.js';
import { handleDashboard } from './dashboard-route.js';
import { HttpError, sendError, sendJson } from './http.js';
import { handleBatch, handleBatchPreflight, type PendingBatch } from './ingest.js';
import { printable } from './log.js';
import { callerKey, type RateLimiter } from './rate-limit.js';
import type { WriteQueue } from './write-queue.js';
import { handleConfirmOrder, handleRefund } from './orders/order-routes.js';
import { handleListEvents } from './read-events.js';
import type { KeyRing } from './reports/api-keys.js';
import { handleListOrders, handleReport } from './reports/report-routes.js';

/** What every handler may use; built once per collector. */
export interface CollectorContext {
  db: Database;
  config: CollectorConfig;
  isAllowedOrigin: OriginMatcher;
  keyRing: KeyRing;
  maxBodyBytes: number;
  maxEventBytes: number;
  log: (line: string) => void;
  /** The collector's clock: ledger entries are dated by it, and signatures checked against it. */
  now: () => Date;
  clientAddress: ClientAddress;
  limitCaller: RateLimiter;
  limitSite: RateLimiter;
  /** Stores one batch; batches arriving together share a transaction. Resolves with how many events were new. */
  storeBatch: WriteQueue<PendingBatch, number>;
}

/** `params` are the decoded path segments a pattern route captured, like the order id of a refund. */
type Handler = (context: CollectorContext, req: IncomingMessage, res: ServerResponse, url: URL, params: string[]) => void | Promise<void>;
type Methods = Partial<Record<string, Handler>>;

const ROUTES: Record<string, Methods> = {
  '/v1/batch': { POST: handleBatch, OPTIONS: handleBatchPreflight },
  '/v1/events': { GET: handleListEvents },
  '/v1/orders': { GET: handleListOrders, POST: handleConfirmOrder },
  '/healthz': { GET: handleHealth },
  '/dashboard': { GET: handleDashboard },
};

const PATTERN_ROUTES: Array<[RegExp, Methods]> = [
  [/^\/v1\/orders\/([^/]+)\/refunds$/, { POST: handleRefund }],
  [/^\/v1\/reports\/([^/]+)$/, { GET: handleReport }],
  [/^\/dashboard\/([^/]*)$/, { GET: handleDashboard }],
];

function route(pathname: string): { methods: Methods; params: string[] } | undefined {
  const exact = ROUTES[pathname];
  if (exact) return { methods: exact, params: [] };
  for (const [pattern, methods] of PATTERN_ROUTES) {
    const match = pattern.exec(pathname);
    if (!match) continue;
    try {
      return { methods, params: match.slice(1).map((segment) => decodeURIComponent(segment)) };
    } catch {
      throw new HttpError(400, 'invalid_path', 'the path holds a malformed percent-encoding');
    }
  }
  return undefined;
}

async function handleHealth(context: CollectorContext, _req: IncomingMessage, res: ServerResponse): Promise<void> {
  // Healthy means the database answers, which is what a load balancer needs to know.
  try {
    await context.db.query('SELECT 1');
  } catch {
    throw new HttpError(503, 'database_unavailable', 'the database does not answer');
  }
  sendJson(res, 200, { ok: true });
}

/**
 * 429 with Retry-After when `key` has used its share. The answer is readable by an allowed origin, so the tracker
 * waits as long as it is asked instead of guessing.
 */
export function throwIfLimited(limiter: RateLimiter, key: string, who: string, context: CollectorContext, req: IncomingMessage): void {
  const waitSeconds = limiter(key, Date.now());
  if (waitSeconds === 0) return;
  const origin = req.headers.origin;
  const cors: Record<string, string> = origin !== undefined && context.isAllowedOrigin(origin) ? { 'Access-Control-Allow-Origin': origin, 'Access-Control-Expose-Headers': 'Retry-After' } : {};
  throw new HttpError(429, 'rate_limited', `too many requests ${who}; try again in ${waitSeconds} s`, { 'Retry-After': String(waitSeconds), ...cors });
}

/** Routes one request and turns every failure into a JSON error; never throws. */
export async function dispatch(context: CollectorContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  // Answers vary with Origin (CORS), so a shared cache must not serve one origin's answer to another.
  res.setHeader('Vary', 'Origin');
  try {
    const url = new URL(req.url ?? '/', 'http://collector.invalid');
    const found = route(url.pathname);
    if (!found) throw new HttpError(404, 'not_found', `no route for ${printable(url.pathname, 200)}`);
    const { methods, params } = found;
    // A load balancer's health checks come from one address every few seconds: never limit them.
    if (url.pathname !== '/healthz') throwIfLimited(context.limitCaller, callerKey(context.clientAddress(req.socket.remoteAddress, req.headers['x-forwarded-for'])), 'from this address', context, req);
    // HEAD is GET without the body; Node drops the body itself.
    const handler = methods[req.method === 'HEAD' ? 'GET' : (req.method ?? '')];
    if (!handler) {
      const allow = Object.keys(methods).join(', ');
      throw new HttpError(405, 'method_not_allowed', `${url.pathname} accepts ${allow}`, { Allow: allow });
    }
    await handler(context, req, res, url, params);
  } catch (error) {
    if (res.headersSent) {
      res.destroy();
      return;
    }
    if (error instanceof HttpError) return sendError(res, error);
    context.log(`error on ${req.method}: ${printable(String((error as Error)?.message ?? error), 300)}`);
    sendError(res, new HttpError(500, 'internal_error', 'the collector could not handle this request; try again'));
  }
}
