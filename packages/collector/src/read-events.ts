import type { IncomingMessage, ServerResponse } from 'node:http';
import { expectSite } from './batch-validation.js';
import { listEvents } from './event-store.js';
import { HttpError, sendJson } from './http.js';
import type { CollectorContext } from './routes.js';
import { ValidationError, expectText } from './validation.js';

const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 1000;

/**
 * GET /v1/events?site=demo&limit=100&event=Product%20Clicked: the newest events of one site. With a configuration
 * it takes a brand's API key; only a collector run without one (local development) answers anybody.
 */
export async function handleListEvents(context: CollectorContext, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const query = url.searchParams;
  let filter;
  try {
    filter = {
      site: expectSite(query.get('site') ?? undefined, 'site'),
      limit: parseLimit(query.get('limit')),
      ...(query.has('event') && { event: expectText(query.get('event'), 'event', 1, 200) }),
    };
  } catch (error) {
    if (error instanceof ValidationError) throw new HttpError(400, 'invalid_query', error.message);
    throw error;
  }
  if (context.config.sites) {
    const caller = context.keyRing(req, filter.site);
    if (caller.scope.role !== 'brand') throw new HttpError(403, 'brand_key_needed', 'raw events are for the brand; a creator key reads /v1/reports');
  }
  sendJson(res, 200, { events: await listEvents(context.db, filter) });
}

function parseLimit(value: string | null): number {
  if (value === null) return DEFAULT_LIMIT;
  const limit = /^\d{1,4}$/.test(value) ? Number(value) : NaN;
  if (!(limit >= 1 && limit <= MAX_LIMIT)) throw new ValidationError('limit', `expected an integer from 1 to ${MAX_LIMIT}`, value);
  return limit;
}
