import { expect } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { setupWorker } from 'msw/browser';
import { JsonFeedSource } from '@vitrine/core';
import { rawFeed } from '../test-helpers/products.js';

const worker = setupWorker();

/** A feed at `url` that answers only when the test says so, counting the requests it gets. */
function serveLater(url: string, count: number): { requests: () => number; release: () => void } {
  let requests = 0;
  let release = () => {};
  const answered = new Promise<void>((resolve) => (release = resolve));
  worker.use(http.get(url, async () => (requests++, await answered, HttpResponse.json(rawFeed(count)))));
  return { requests: () => requests, release };
}

const gone = () => new DOMException('gone', 'AbortError');

describe('JsonFeedSource on a page of many widgets', () => {
  before(() => worker.start({ quiet: true, onUnhandledRequest: 'bypass' }));
  after(() => worker.stop());
  afterEach(() => worker.resetHandlers());

  it('downloads a feed once for twenty sources that ask for it while it loads, and fetches afresh once it has', async () => {
    const feed = serveLater('https://feeds.example/brand.json', 30);
    const sources = Array.from({ length: 20 }, () => new JsonFeedSource('https://feeds.example/brand.json'));
    const lists = sources.map((source, index) => (index % 2 ? source.list({ sort: 'price-desc', limit: 3 }) : source.get(['sku-2'])));
    feed.release();
    const answers = await Promise.all(lists);
    expect(feed.requests()).to.equal(1);
    expect(answers[0]!.products.map((p) => p.id)).to.deep.equal(['sku-2']);
    expect(answers[1]!.products.map((p) => p.id)).to.deep.equal(['sku-30', 'sku-29', 'sku-28']);

    // Each source keeps what it loaded; a source made later asks the server again, which may have news.
    await sources[3]!.list();
    await new JsonFeedSource('https://feeds.example/brand.json').list();
    expect(feed.requests()).to.equal(2);
  });

  it('lets one source give up without failing another, and stops the download only when every caller has', async () => {
    const signals: AbortSignal[] = [];
    const original = window.fetch;
    window.fetch = (input, init) => (init?.signal && signals.push(init.signal), original(input, init));
    try {
      const feed = serveLater('https://feeds.example/shared.json', 2);
      const [first, second, third] = [0, 1, 2].map(() => new JsonFeedSource('https://feeds.example/shared.json'));
      const [a, b, c] = [0, 1, 2].map(() => new AbortController());
      const waits = [first!.list({}, { signal: a!.signal }), second!.list({}, { signal: b!.signal })];
      a!.abort(gone());
      expect(signals.map((signal) => signal.aborted)).to.deep.equal([false]);
      b!.abort(gone());
      expect(signals.map((signal) => signal.aborted)).to.deep.equal([true]);
      await Promise.allSettled(waits);

      // Given up by all, it is not joined again: the next caller, of any of them, starts a download of its own.
      const kept = third!.list({}, { signal: c!.signal });
      const retried = first!.list();
      feed.release();
      expect((await kept).products).to.have.length(2);
      expect((await retried).products).to.have.length(2);
      expect(signals.map((signal) => signal.aborted)).to.deep.equal([true, false]);
    } finally {
      window.fetch = original;
    }
  });
});
