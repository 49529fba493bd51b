import { expect } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { setupWorker } from 'msw/browser';
import { InlineSource, JsonFeedSource, VitrineError, readSourceAnswer } from '@vitrine/core';
import { rawFeed, rawProduct } from '../test-helpers/products.js';

const worker = setupWorker();

async function rejection(promise: Promise<unknown>): Promise<VitrineError> {
  try {
    await promise;
  } catch (error) {
    return error as VitrineError;
  }
  throw new Error('expected the promise to reject');
}

describe('JsonFeedSource', () => {
  before(() => worker.start({ quiet: true, onUnhandledRequest: 'bypass' }));
  after(() => worker.stop());
  afterEach(() => worker.resetHandlers());

  it('fetches the feed once and queries it in memory', async () => {
    let requests = 0;
    worker.use(http.get('https://feeds.example/summer.json', () => (requests++, HttpResponse.json(rawFeed(30)))));
    const source = new JsonFeedSource('https://feeds.example/summer.json');
    const page = await source.list({ sort: 'price-desc', limit: 5 });
    expect(page.products.map((p) => p.id)).to.deep.equal(['sku-30', 'sku-29', 'sku-28', 'sku-27', 'sku-26']);
    expect(page.catalog.title).to.equal('Summer collection');
    expect((await source.get(['sku-3', 'missing', 'sku-1'])).products.map((p) => p.id)).to.deep.equal(['sku-3', 'sku-1']);
    expect(requests).to.equal(1);
  });

  it('searches title and brand without regard to case or accents', async () => {
    const source = new InlineSource([rawProduct({ id: 'a', title: 'Crème brûlée bowl' }), rawProduct({ id: 'b', title: 'Mug', brand: 'Créatif' })]);
    expect((await source.list({ search: 'CREME' })).products.map((p) => p.id)).to.deep.equal(['a']);
    expect((await source.list({ search: 'creatif' })).products.map((p) => p.id)).to.deep.equal(['b']);
  });

  it('searches past zero-width characters and soft hyphens in titles and in the search', async () => {
    const source = new InlineSource([rawProduct({ id: 'a', title: 'Li\u200Bnen shirt' }), rawProduct({ id: 'b', title: 'Lin\u00ADen trousers' }), rawProduct({ id: 'c', title: 'Wool coat' })]);
    expect((await source.list({ search: 'linen' })).products.map((p) => p.id)).to.deep.equal(['a', 'b']);
    expect((await source.list({ search: 'lin\uFEFFen' })).products.map((p) => p.id)).to.deep.equal(['a', 'b']);
  });

  it('gives a typed error for a feed that 404s, is not JSON, or cannot be reached', async () => {
    worker.use(
      http.get('https://feeds.example/missing.json', () => new HttpResponse('not found', { status: 404 })),
      http.get('https://feeds.example/html.json', () => new HttpResponse('<html>', { headers: { 'content-type': 'text/html' } })),
      http.get('https://feeds.example/down.json', () => HttpResponse.error()),
    );
    expect((await rejection(new JsonFeedSource('https://feeds.example/missing.json').list())).code).to.equal('source-http-status');
    expect((await rejection(new JsonFeedSource('https://feeds.example/html.json').list())).code).to.equal('source-not-json');
    const down = await rejection(new JsonFeedSource('https://feeds.example/down.json').list());
    expect(down.code).to.equal('source-unreachable');
    expect(down.message).to.equal('could not reach the product feed at https://feeds.example/down.json');
  });

  it('fetches again after a failure, so retry works', async () => {
    let calls = 0;
    worker.use(http.get('https://feeds.example/flaky.json', () => (++calls === 1 ? new HttpResponse(null, { status: 503 }) : HttpResponse.json(rawFeed(2)))));
    const source = new JsonFeedSource('https://feeds.example/flaky.json');
    expect((await rejection(source.list())).code).to.equal('source-http-status');
    expect((await source.list()).products).to.have.length(2);
  });

  it('refuses a non-http(s) feed URL', () => {
    expect(() => new JsonFeedSource('javascript:alert(1)')).to.throw('src: expected an http(s) URL');
  });
});

describe('JsonFeedSource and abort signals', () => {
  before(() => worker.start({ quiet: true, onUnhandledRequest: 'bypass' }));
  after(() => worker.stop());

  it('lets one caller give up without failing another caller of the same fetch', async () => {
    let release: () => void = () => {};
    const answered = new Promise<void>((resolve) => (release = resolve));
    worker.use(http.get('https://feeds.example/slow.json', async () => (await answered, HttpResponse.json(rawFeed(3)))));
    const source = new JsonFeedSource('https://feeds.example/slow.json');
    const abandoned = new AbortController();
    const first = source.list({}, { signal: abandoned.signal });
    const second = source.list();
    abandoned.abort(new DOMException('gone', 'AbortError'));
    release();
    expect((await rejection(first)).name).to.equal('AbortError');
    expect((await second).products).to.have.length(3);
  });
});

describe('JsonFeedSource request lifetime', () => {
  before(() => worker.start({ quiet: true, onUnhandledRequest: 'bypass' }));
  after(() => worker.stop());

  it('aborts the request once every caller has given up, and fetches afresh next time', async () => {
    const signals: AbortSignal[] = [];
    const original = window.fetch;
    window.fetch = (input, init) => (init?.signal && signals.push(init.signal), original(input, init));
    try {
      worker.use(http.get('https://feeds.example/abandoned.json', async () => (await new Promise((r) => setTimeout(r, 200)), HttpResponse.json(rawFeed(1)))));
      const source = new JsonFeedSource('https://feeds.example/abandoned.json');
      const a = new AbortController();
      const b = new AbortController();
      const waits = [rejection(source.list({}, { signal: a.signal })), rejection(source.list({}, { signal: b.signal }))];
      a.abort(new DOMException('gone', 'AbortError'));
      expect(signals[0]!.aborted).to.equal(false);
      b.abort(new DOMException('gone', 'AbortError'));
      expect(signals[0]!.aborted).to.equal(true);
      await Promise.all(waits);
      expect((await source.list()).products).to.have.length(1);
      expect(signals).to.have.length(2);
    } finally {
      window.fetch = original;
    }
  });
});

describe("readSourceAnswer (what a host's own source answered)", () => {
  it('keeps the good products, then lists the issues the source reported before its own bad products and fields', () => {
    const answer = {
      catalog: { title: 'Host picks', brand: 42 },
      products: [rawProduct({ id: 'a', url: '/p/a' }), rawProduct({ id: 'b', url: 'javascript:alert(1)' })],
      issues: [{ path: 'items[7]', message: 'items[7]: no price' }, 'not an issue', null],
    };
    const list = readSourceAnswer(answer, 'https://shop.example/sale/');
    expect(list.products.map((p) => [p.id, p.url])).to.deep.equal([['a', 'https://shop.example/p/a']]);
    expect(list.catalog).to.deep.equal({ title: 'Host picks' });
    expect(list.issues.map((issue) => issue.path)).to.deep.equal(['items[7]', 'products[1].url', 'brand']);
  });

  for (const [what, answer] of [
    ['nothing', undefined],
    ['a string', 'products'],
    ['an object without products', { catalog: {} }],
    ['products that are not a list', { products: { a: 1 } }],
  ] as const) {
    it(`throws source-invalid-feed, naming products, for ${what}`, () => {
      let thrown: unknown;
      try {
        readSourceAnswer(answer);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).to.be.instanceOf(VitrineError);
      expect(thrown).to.include({ code: 'source-invalid-feed', path: 'products', message: 'products: expected an array of products' });
    });
  }
});
