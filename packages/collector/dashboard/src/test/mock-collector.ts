import { http, HttpResponse } from 'msw';
import type { SetupWorker } from 'msw/browser';
import type { Order, Report } from '../report.js';

export const SITE = 'demo';
export const KEY = 'key-for-demo';

export interface MockCollector {
  /** Every request that reached the mock, in order. */
  requests: Request[];
}

export interface MockData {
  reports: Partial<Record<Report['dimension'], Report>>;
  orders: Order[];
  csv?: string;
}

/**
 * The report and order endpoints as the collector answers them: 401 for a missing or unknown key, 403 for a key of
 * another site, the report's range echoed from the query.
 */
export function mockCollector(worker: SetupWorker, data: MockData): MockCollector {
  const collector: MockCollector = { requests: [] };
  const refusal = (request: Request): Response | undefined => {
    collector.requests.push(request);
    const auth = request.headers.get('authorization');
    if (auth !== `Bearer ${KEY}`) return HttpResponse.json({ error: { code: 'unauthorized', message: 'unknown API key' } }, { status: 401 });
    if (new URL(request.url).searchParams.get('site') !== SITE) return HttpResponse.json({ error: { code: 'forbidden', message: 'not your site' } }, { status: 403 });
    return undefined;
  };
  worker.use(
    http.get('/v1/reports/:dimension', ({ request, params }) => {
      const refused = refusal(request);
      if (refused) return refused;
      const query = new URL(request.url).searchParams;
      const dimension = params.dimension as Report['dimension'];
      if (query.get('format') === 'csv') return HttpResponse.text(data.csv ?? `key,orders\n${dimension},1\n`, { headers: { 'content-type': 'text/csv' } });
      const base = data.reports[dimension];
      if (!base) return HttpResponse.json({ error: { code: 'not_found', message: 'no such report' } }, { status: 404 });
      return HttpResponse.json({ ...base, from: query.get('from') ?? base.from, to: query.get('to') ?? base.to });
    }),
    http.get('/v1/orders', ({ request }) => refusal(request) ?? HttpResponse.json({ orders: data.orders })),
  );
  return collector;
}
