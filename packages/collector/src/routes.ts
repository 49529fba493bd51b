import type { IncomingMessage, ServerResponse } from 'node:http';
import type { OriginMatcher } from './cors.js';
import type { Queryable } from './database.js';
import { HttpError, sendError, sendJson } from './http.js';
import { handleBatch, handleBatchPreflight } from './ingest.js';
import { printable } from './log.js';
import { handleListEvents } from './read-events.js';

/** What every handler may use; built once per collector. */
export interface CollectorContext {
  db: Queryable;
  isAllowedOrigin: OriginMatcher;
  maxBodyBytes: number;
  maxEventBytes: number;
  log: (line: string) => void;
}

type Handler = (context: CollectorContext, req: IncomingMessage, res: ServerResponse, url: URL) => void | Promise<void>;

const ROUTES: Record<string, Partial<Record<string, Handler>>> = {
  '/v1/batch': { POST: handleBatch, OPTIONS: handleBatchPreflight },
  '/v1/events': { GET: handleListEvents },
  '/healthz': { GET: handleHealth },
};

async function handleHealth(context: CollectorContext, _req: IncomingMessage, res: ServerResponse): Promise<void> {
  // Healthy means the database answers, which is what a load balancer needs to know.
  try {
    await context.db.query('SELECT 1');
  } catch {
    throw new HttpError(503, 'database_unavailable', 'the database does not answer');
  }
  sendJson(res, 200, { ok: true });
}

/** Routes one request and turns every failure into a JSON error; never throws. */
export async function dispatch(context: CollectorContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  // Answers vary with Origin (CORS), so a shared cache must not serve one origin's answer to another.
  res.setHeader('Vary', 'Origin');
  try {
    const url = new URL(req.url ?? '/', 'http://collector.invalid');
    const methods = ROUTES[url.pathname];
    if (!methods) throw new HttpError(404, 'not_found', `no route for ${url.pathname.slice(0, 200)}`);
    // HEAD is GET without the body; Node drops the body itself.
    const handler = methods[req.method === 'HEAD' ? 'GET' : (req.method ?? '')];
    if (!handler) {
      const allow = Object.keys(methods).join(', ');
      throw new HttpError(405, 'method_not_allowed', `${url.pathname} accepts ${allow}`, { Allow: allow });
    }
    await handler(context, req, res, url);
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
