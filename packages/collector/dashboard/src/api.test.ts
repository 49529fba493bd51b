import { expect } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { setupWorker } from 'msw/browser';
import { ApiError, CollectorApi } from './api.js';
import { KEY, SITE, mockCollector } from './test/mock-collector.js';
import { order, WEEK } from './test/fixtures.js';

const worker = setupWorker();
const RANGE = { from: '2026-11-16', to: '2026-11-22' };

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

describe('CollectorApi', () => {
  before(() => worker.start({ quiet: true, onUnhandledRequest: 'bypass' }));
  after(() => worker.stop());
  afterEach(() => worker.resetHandlers());

  it('asks for a report with the site, the range and the key as a Bearer token', async () => {
    const collector = mockCollector(worker, { reports: { days: WEEK }, orders: [order()] });
    const report = await new CollectorApi({ site: SITE, apiKey: KEY }).report('days', RANGE);
    expect(report.rows).to.have.length(5);
    const request = collector.requests[0]!;
    const url = new URL(request.url);
    expect(url.pathname).to.equal('/v1/reports/days');
    expect(Object.fromEntries(url.searchParams)).to.deep.equal({ site: SITE, from: RANGE.from, to: RANGE.to });
    expect(request.headers.get('authorization')).to.equal(`Bearer ${KEY}`);
    expect(request.credentials).to.equal('omit');
  });

  it('reads the newest orders', async () => {
    const collector = mockCollector(worker, { reports: {}, orders: [order({ orderId: 'o-2' }), order({ orderId: 'o-1' })] });
    const orders = await new CollectorApi({ site: SITE, apiKey: KEY }).orders(10);
    expect(orders.map((entry) => entry.orderId)).to.deep.equal(['o-2', 'o-1']);
    expect(new URL(collector.requests[0]!.url).search).to.equal(`?site=${SITE}&limit=10`);
  });

  it('fetches a CSV as a blob', async () => {
    mockCollector(worker, { reports: {}, orders: [], csv: 'key,orders\nclip-1,3\n' });
    const blob = await new CollectorApi({ site: SITE, apiKey: KEY }).csv('clips', RANGE);
    expect(blob.type).to.equal('text/csv;charset=utf-8');
    expect(await blob.text()).to.equal('key,orders\nclip-1,3\n');
  });

  it('turns each failure into a sentence a person understands', async () => {
    const api = new CollectorApi({ site: SITE, apiKey: KEY });
    const cases: Array<[string, () => Response, string, string]> = [
      ['401', () => HttpResponse.json({ error: { code: 'unauthorized', message: 'x' } }, { status: 401 }), 'unauthorized', 'That key was not accepted. Check the API key and sign in again.'],
      ['403', () => HttpResponse.json({}, { status: 403 }), 'forbidden', 'That key is not for this site. Check the site id.'],
      ['network down', () => HttpResponse.error(), 'unreachable', 'The collector cannot be reached. Check your connection, then try again.'],
      ['500', () => new HttpResponse('oops', { status: 500 }), 'server', 'The collector could not answer right now. Try again in a moment.'],
      ['429', () => new HttpResponse(null, { status: 429 }), 'rate-limited', 'Too many requests in a short time. Wait a minute, then try again.'],
      ['400', () => HttpResponse.json({ error: { code: 'invalid_query', message: 'from: expected YYYY-MM-DD' } }, { status: 400 }), 'rejected', 'The collector refused the request: from: expected YYYY-MM-DD'],
      ['404', () => new HttpResponse('no route', { status: 404 }), 'not-supported', 'This collector has no reports yet. Update it to a version with reports.'],
      ['not JSON', () => HttpResponse.text('<html>'), 'bad-response', 'The collector sent an answer the dashboard does not understand.'],
      ['wrong shape', () => HttpResponse.json({ rows: 3 }), 'bad-response', 'The collector sent an answer the dashboard does not understand.'],
    ];
    for (const [name, answer, code, message] of cases) {
      worker.resetHandlers(http.get('/v1/reports/days', answer));
      const error = await failure(api.report('days', RANGE));
      expect([error.code, error.message], name).to.deep.equal([code, message]);
    }
  });

  it('lets the caller cancel without reporting a failure', async () => {
    // Answered only after the abort, so that nothing is left for the network once the handlers are reset.
    let release = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    worker.use(http.get('/v1/reports/days', async () => (await released, HttpResponse.json(WEEK))));
    const controller = new AbortController();
    const pending = new CollectorApi({ site: SITE, apiKey: KEY }).report('days', RANGE, controller.signal);
    controller.abort();
    const error = await pending.then(
      () => undefined,
      (reason: unknown) => reason,
    );
    expect(error).to.be.instanceOf(DOMException);
    expect((error as DOMException).name).to.equal('AbortError');
    release();
  });
});
