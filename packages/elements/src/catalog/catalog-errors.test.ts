import { aTimeout, expect, html, waitUntil } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { FETCH_TIMEOUT_MS, TrackedEvent, type ProductSource, type TrackDetail } from '@vitrine/core';
import { expectNoAxeViolations } from '../test/axe.js';
import { captureConsole } from '../test/console.js';
import { recordEvents, tracked } from '../test/events.js';
import { deepActiveElement } from '../test/products.js';
import { holdTimer } from '../test/timers.js';
import { REM, FEEDS, worker, rawProduct, feed, serve, renderCatalog, root, cards, cardTitles, statusText, messageText, headingText, hostSource, watchCatalogsInEachTest, loaded, failed, pending } from './test-helpers/catalog.js';
import './catalog.js';

describe('<vitrine-catalog>', () => {
  watchCatalogsInEachTest();

  describe('errors', () => {
    // "Try again" only where trying again can help: a server or the network may recover, a broken feed stays broken.
    const cases: Array<[string, string, boolean, () => void]> = [
      ['a 404', 'source-http-status', true, () => worker.use(http.get(`${FEEDS}/feed.json`, () => new HttpResponse('missing', { status: 404 })))],
      ['a page that is not JSON', 'source-not-json', false, () => worker.use(http.get(`${FEEDS}/feed.json`, () => HttpResponse.text('<html>nope</html>')))],
      ['an unreachable server', 'source-unreachable', true, () => worker.use(http.get(`${FEEDS}/feed.json`, () => HttpResponse.error()))],
      ['JSON that is not a feed', 'source-invalid-feed', false, () => serve('/feed.json', { hello: 'world' })],
    ];
    for (const [name, code, retry, setUp] of cases) {
      it(`shows the error state for ${name} (${code})${retry ? ', with "Try again"' : ''}`, async () => {
        setUp();
        const catalog = await renderCatalog(html`<vitrine-catalog src="${FEEDS}/feed.json"></vitrine-catalog>`);
        const error = await failed(catalog);
        expect(error).to.include({ code, fatal: true });
        expect(root(catalog).querySelector('[role="alert"]')!.textContent).to.equal('Products could not be loaded.');
        expect(root(catalog).querySelector('[part="retry"]')?.textContent).to.equal(retry ? 'Try again' : undefined);
        expect(catalog.getBoundingClientRect().height).to.equal(29.25 * REM);
      });
    }

    it('refuses a javascript: src without fetching anything', async () => {
      const catalog = document.createElement('vitrine-catalog');
      catalog.setAttribute('src', 'javascript:window.__pwned=1');
      setTimeout(() => document.body.append(catalog));
      const error = await failed(catalog);
      expect(error).to.include({ code: 'invalid-attribute', fatal: true, path: 'src' });
      expect(root(catalog).querySelector('[role="alert"]')).to.not.equal(null);
      expect(root(catalog).querySelector('[part="retry"]')).to.equal(null);
      expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
      catalog.remove();
    });

    it('retries with the button, then moves focus to the products', async () => {
      let calls = 0;
      worker.use(http.get(`${FEEDS}/flaky.json`, () => (++calls === 1 ? new HttpResponse(null, { status: 503 }) : HttpResponse.json(feed(4)))));
      const catalog = await renderCatalog(html`<vitrine-catalog src="${FEEDS}/flaky.json"></vitrine-catalog>`);
      await failed(catalog);
      await expectNoAxeViolations(catalog);
      const retry = root(catalog).querySelector<HTMLButtonElement>('[part="retry"]')!;
      retry.focus();
      retry.click();
      expect((await loaded(catalog)).count).to.equal(4);
      expect(calls).to.equal(2);
      await waitUntil(() => deepActiveElement()?.localName === 'a', 'focus did not move to a product');
      expect(cardTitles(catalog)[0]).to.equal('Item 1');
    });

    it('keeps focus on Try again when the retry fails too', async () => {
      worker.use(http.get(`${FEEDS}/down.json`, () => HttpResponse.error()));
      const catalog = await renderCatalog(html`<vitrine-catalog src="${FEEDS}/down.json"></vitrine-catalog>`);
      await failed(catalog);
      root(catalog).querySelector<HTMLButtonElement>('[part="retry"]')!.click();
      await failed(catalog);
      await waitUntil(() => root(catalog).activeElement?.getAttribute('part') === 'retry', 'focus was lost');
    });

    it('moves focus to the message when the retry fails for good, as there is no "Try again" to keep it', async () => {
      let calls = 0;
      worker.use(http.get(`${FEEDS}/broken.json`, () => (++calls === 1 ? HttpResponse.error() : HttpResponse.text('<html>maintenance</html>'))));
      const catalog = await renderCatalog(html`<vitrine-catalog src="${FEEDS}/broken.json"></vitrine-catalog>`);
      expect((await failed(catalog)).code).to.equal('source-unreachable');
      root(catalog).querySelector<HTMLButtonElement>('[part="retry"]')!.click();
      expect((await failed(catalog)).code).to.equal('source-not-json');
      await waitUntil(() => root(catalog).activeElement?.getAttribute('part') === 'status', 'focus was lost');
      expect(root(catalog).querySelector('[part="retry"]')).to.equal(null);
      await expectNoAxeViolations(catalog);
    });

    it('renders the good products of a partly bad feed and names the first bad field', async () => {
      const products = [rawProduct(1), rawProduct(2), rawProduct(3), rawProduct(4, { price: { amount: 100, currency: 'EURO' } }), rawProduct(5, { title: '' })];
      serve('/partial.json', { products });
      const catalog = await renderCatalog(html`<vitrine-catalog src="${FEEDS}/partial.json"></vitrine-catalog>`);
      const detail = await loaded(catalog);
      expect(detail.count).to.equal(3);
      expect(detail.issues.map((issue) => issue.path)).to.deep.equal(['products[3].price.currency', 'products[4].title']);
      expect(pending.errors).to.equal(1);
      expect(await failed(catalog)).to.deep.equal(
        {
          code: 'invalid-data',
          message: 'products[3].price.currency: expected ISO 4217 code (and 1 more)',
          fatal: false,
          path: 'products[3].price.currency',
        },
      );
      expect(cardTitles(catalog)).to.deep.equal(['Item 1', 'Item 2', 'Item 3']);
    });

    it('says no product matches a search of a partly bad feed, and never shows the error state while typing', async () => {
      serve('/partial-search.json', { products: [rawProduct(1, { title: 'Linen shirt' }), rawProduct(2, { price: 'free' })] });
      const log = captureConsole();
      const catalog = await renderCatalog(html`<vitrine-catalog src="${FEEDS}/partial-search.json" search="zzzz"></vitrine-catalog>`);
      expect((await loaded(catalog)).count).to.equal(0);
      expect(messageText(catalog)).to.equal('No products match your search.');
      expect(await failed(catalog)).to.include({ code: 'invalid-data', fatal: false, path: 'products[1].price' });
      const shown: Array<string | undefined> = [];
      for (const search of ['l', 'li', 'linx', 'lin']) {
        catalog.search = search;
        await loaded(catalog);
        shown.push(messageText(catalog) ?? cardTitles(catalog).join());
      }
      log.stop();
      expect(shown).to.deep.equal(['Linen shirt', 'Linen shirt', 'No products match your search.', 'Linen shirt']);
      expect(root(catalog).querySelector('[role="alert"]')).to.equal(null);
      expect(pending.errors).to.equal(0);
      expect(log.lines).to.have.length(1);
    });

    it('reports a partly bad feed once, however often it is searched, sorted or limited', async () => {
      serve('/report-once.json', { products: [rawProduct(1), rawProduct(2), rawProduct(3, { url: 'ftp://shop.example/p/3' })] });
      const log = captureConsole();
      const catalog = await renderCatalog(html`<vitrine-catalog src="${FEEDS}/report-once.json"></vitrine-catalog>`);
      await loaded(catalog);
      catalog.search = 'item';
      await loaded(catalog);
      catalog.sort = 'price-desc';
      await loaded(catalog);
      catalog.limit = 1;
      await loaded(catalog);
      await aTimeout(50);
      log.stop();
      expect(cardTitles(catalog)).to.deep.equal(['Item 2']);
      expect(await failed(catalog)).to.deep.equal({ code: 'invalid-data', message: 'products[2].url: expected an http(s) URL', fatal: false, path: 'products[2].url' });
      expect(pending.errors).to.equal(0);
      expect(log.lines).to.have.length(1);
    });

    it('skips a bad id or title of the feed, names it, and shows every product', async () => {
      serve('/bad-fields.json', { id: 42, title: { en: 'Summer' }, products: [rawProduct(1), rawProduct(2)] });
      const catalog = await renderCatalog(html`<vitrine-catalog src="${FEEDS}/bad-fields.json"></vitrine-catalog>`);
      const detail = await loaded(catalog);
      expect(detail.count).to.equal(2);
      expect(detail.issues.map((issue) => issue.path)).to.deep.equal(['id', 'title']);
      expect(await failed(catalog)).to.deep.equal({ code: 'invalid-data', message: 'id: expected a string (and 1 more)', fatal: false, path: 'id' });
      expect(cardTitles(catalog)).to.deep.equal(['Item 1', 'Item 2']);
      expect(headingText(catalog)).to.equal(undefined);
      expect(cards(catalog)[0]!.listId).to.equal(`${FEEDS}/bad-fields.json`);
    });

    it('fails like an unreachable feed when the feed has not answered within FETCH_TIMEOUT_MS', async () => {
      const timeout = holdTimer(FETCH_TIMEOUT_MS);
      try {
        worker.use(http.get(`${FEEDS}/hang.json`, () => new Promise<never>(() => {})));
        const log = captureConsole();
        const catalog = await renderCatalog(html`<vitrine-catalog src="${FEEDS}/hang.json"></vitrine-catalog>`);
        await aTimeout(100);
        expect(statusText(catalog)).to.equal('Loading products…');
        timeout.fire();
        const error = await failed(catalog);
        log.stop();
        expect(error).to.deep.equal({ code: 'source-unreachable', message: `could not reach the product feed at ${FEEDS}/hang.json`, fatal: true });
        expect(root(catalog).querySelector('[role="alert"]')!.textContent).to.equal('Products could not be loaded.');
        expect(catalog.getBoundingClientRect().height).to.equal(29.25 * REM);
        expect(log.lines).to.have.length(1);
      } finally {
        timeout.restore();
      }
    });

    it('reads what a custom source lists like a feed: bad products are skipped and named, nothing throws', async () => {
      const uncaught: string[] = [];
      const onError = (event: ErrorEvent) => uncaught.push(event.message);
      window.addEventListener('error', onError);
      const tracks = recordEvents<TrackDetail>(document, 'vitrine-track');
      const source = hostSource({
        catalog: { title: 'Host picks' },
        products: [rawProduct(1, { url: '/p/1' }), { id: 'x', title: 'No price', url: 'javascript:alert(1)' }],
        issues: [{ path: 'items[7]', message: 'items[7]: no price in the merchant feed' }],
      });
      const catalog = await renderCatalog(html`<vitrine-catalog .source=${source}></vitrine-catalog>`);
      const detail = await loaded(catalog);
      await waitUntil(() => tracked(tracks.events, TrackedEvent.productListViewed).length === 1, 'Product List Viewed never came');
      await aTimeout(50);
      tracks.stop();
      window.removeEventListener('error', onError);
      expect(detail.count).to.equal(1);
      // The source's own issues come first: they are about what it read before it answered.
      expect(detail.issues.map((issue) => issue.path)).to.deep.equal(['items[7]', 'products[1].price']);
      expect(await failed(catalog)).to.include({ code: 'invalid-data', fatal: false, path: 'items[7]' });
      expect(headingText(catalog)).to.equal('Host picks');
      expect(cardTitles(catalog)).to.deep.equal(['Item 1']);
      expect(cards(catalog)[0]!.shadowRoot!.querySelector('a')!.href).to.equal(new URL('/p/1', document.baseURI).href);
      expect(uncaught).to.deep.equal([]);
    });

    it('shows the error state when a custom source lists no products array', async () => {
      const catalog = await renderCatalog(html`<vitrine-catalog .source=${hostSource({})}></vitrine-catalog>`);
      expect(await failed(catalog)).to.deep.equal({
        code: 'source-invalid-feed',
        message: 'products: expected an array of products',
        fatal: true,
        path: 'products',
      });
      expect(statusText(catalog)).to.equal('');
      expect(root(catalog).querySelector('[role="alert"]')!.textContent).to.equal('Products could not be loaded.');
    });

    it('never throws when a custom source throws', async () => {
      const source = {
        list: () => {
          throw new TypeError('boom');
        },
        get: () => Promise.reject(new TypeError('boom')),
      } as unknown as ProductSource;
      const catalog = await renderCatalog(html`<vitrine-catalog .source=${source}></vitrine-catalog>`);
      expect(await failed(catalog)).to.deep.equal({ code: 'source-unreachable', message: 'the product source failed: boom', fatal: true });
      expect(root(catalog).querySelector('[role="alert"]')).to.not.equal(null);
    });
  });
});
