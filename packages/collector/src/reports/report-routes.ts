import type { IncomingMessage, ServerResponse } from 'node:http';
import { expectSite } from '../batch-validation.js';
import { HttpError, sendJson } from '../http.js';
import type { CollectorContext } from '../routes.js';
import { ValidationError } from '../validation.js';
import { reportCsv } from './csv.js';
import { DIMENSIONS, recentOrders, runReport, type Dimension } from './report-query.js';

const DAY_MS = 86_400_000;
const DEFAULT_DAYS = 30;
const MAX_DAYS = 366 * 5;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
// Year 0000 is a valid ISO date but not a PostgreSQL one (there is no year 0 AD).
const FIRST_DAY = '0001-01-01';

/** GET /v1/reports/{creators|clips|products|days}?site=&from=&to=&format=json|csv */
export async function handleReport(context: CollectorContext, req: IncomingMessage, res: ServerResponse, url: URL, [dimensionName]: string[]): Promise<void> {
  const query = url.searchParams;
  const site = queryValue(() => expectSite(query.get('site') ?? undefined, 'site'));
  const caller = context.keyRing(req, site);
  if (!(DIMENSIONS as readonly string[]).includes(dimensionName!)) {
    throw new HttpError(404, 'not_found', `no report "${dimensionName!.slice(0, 40)}"; reports are ${DIMENSIONS.join(', ')}`);
  }
  const dimension = dimensionName as Dimension;
  const { from, to } = queryValue(() => dayRange(query.get('from'), query.get('to'), context.now()));
  const format = queryValue(() => readFormat(query.get('format'), req.headers.accept));
  const creator = caller.scope.role === 'creator' ? caller.scope.creator : undefined;
  const rows = await runReport(context.db, { site, dimension, from, to, creator });
  const currencies = [...new Set(rows.flatMap((row) => Object.keys(row.money)))].sort();
  if (format === 'csv') {
    const csv = reportCsv(dimension, currencies, rows);
    res.writeHead(200, {
      'Content-Type': 'text/csv; charset=utf-8; header=present',
      'Content-Disposition': `attachment; filename="vitrine-${site}-${dimension}-${from}-${to}.csv"`,
      'Content-Length': Buffer.byteLength(csv),
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    });
    res.end(csv);
    return;
  }
  sendJson(res, 200, { site, dimension, from, to, scope: caller.scope, currencies, rows });
}

/** GET /v1/orders?site=&limit=: the newest orders; a creator's key sees that creator's only. */
export async function handleListOrders(context: CollectorContext, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const site = queryValue(() => expectSite(url.searchParams.get('site') ?? undefined, 'site'));
  const caller = context.keyRing(req, site);
  const limit = queryValue(() => readLimit(url.searchParams.get('limit')));
  const creator = caller.scope.role === 'creator' ? caller.scope.creator : undefined;
  sendJson(res, 200, { orders: await recentOrders(context.db, site, limit, creator) });
}

function dayRange(fromText: string | null, toText: string | null, now: Date): { from: string; to: string } {
  const to = toText === null ? now.toISOString().slice(0, 10) : day(toText, 'to');
  const monthBefore = new Date(Date.parse(to) - (DEFAULT_DAYS - 1) * DAY_MS).toISOString().slice(0, 10);
  const from = fromText === null ? (monthBefore < FIRST_DAY ? FIRST_DAY : monthBefore) : day(fromText, 'from');
  if (from > to) throw new ValidationError('from', `expected a day on or before to (${to})`, from);
  if ((Date.parse(to) - Date.parse(from)) / DAY_MS >= MAX_DAYS) throw new ValidationError('from', `a report covers at most ${MAX_DAYS} days`);
  return { from, to };
}

function day(text: string, name: string): string {
  const parsed = DAY.test(text) ? new Date(`${text}T00:00:00Z`) : undefined;
  if (!parsed || Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== text || text < FIRST_DAY) {
    throw new ValidationError(name, 'expected a day as YYYY-MM-DD', text);
  }
  return text;
}

function readFormat(format: string | null, accept: string | undefined): 'json' | 'csv' {
  if (format === null) return accept?.includes('text/csv') ? 'csv' : 'json';
  if (format === 'json' || format === 'csv') return format;
  throw new ValidationError('format', 'expected json or csv', format);
}

function readLimit(value: string | null): number {
  if (value === null) return 20;
  const limit = /^\d{1,3}$/.test(value) ? Number(value) : NaN;
  if (!(limit >= 1 && limit <= 100)) throw new ValidationError('limit', 'expected an integer from 1 to 100', value);
  return limit;
}

function queryValue<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof ValidationError) throw new HttpError(400, 'invalid_query', error.message);
    throw error;
  }
}
