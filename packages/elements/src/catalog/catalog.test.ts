import { aTimeout, expect, fixture, html, waitUntil } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { TrackedEvent, type ProductSource, type TrackDetail } from '@vitrine/core';
import { setLocale } from '../config.js';
import { expectNoAxeViolations } from '../test/axe.js';
import { recordEvents, tracked } from '../test/events.js';
import { IMAGE_URL } from '../test/products.js';
import { REM, FEEDS, worker, rawProduct, feed, serve, serveLater, watchFetchSignals, renderCatalog, root, carousel, cards, cardTitles, statusText, watchCatalogsInEachTest, loaded, failed, pending } from './test-helpers/catalog.js';
import './catalog.js';

describe('<vitrine-catalog>', () => {
  watchCatalogsInEachTest();

  describe('loaded', () => {
    it('shows the feed as a titled carousel of cards and reports the load', async () => {
      serve('/summer.json', feed(12));
      const catalog = await renderCatalog(html`<vitrine-catalog src="${FEEDS}/summer.json"></vitrine-catalog>`);
      expect(await loaded(catalog)).to.deep.equal({ count: 12, issues: [] });
      const heading = root(catalog).querySelector('[part="heading"]')!;
      expect([heading.getAttribute('role'), heading.getAttribute('aria-level'), heading.textContent]).to.deep.equal(['heading', '2', 'Summer collection']);
      expect(carousel(catalog)!.shadowRoot!.querySelector('[part="region"]')!.getAttribute('aria-label')).to.equal('Summer collection');
      expect(cardTitles(catalog).slice(0, 3)).to.deep.equal(['Item 1', 'Item 2', 'Item 3']);
      expect(cards(catalog)[0]!.listId).to.equal('summer');
      expect(statusText(catalog)).to.equal('');
    });

    it('takes heading-level, list-id and label from its attributes', async () => {
      serve('/summer.json', feed(3));
      const catalog = await renderCatalog(
        html`<vitrine-catalog src="${FEEDS}/summer.json" heading-level="3" list-id="home-row" label="Our picks"></vitrine-catalog>`,
      );
      await loaded(catalog);
      expect(root(catalog).querySelector('[part="heading"]')!.getAttribute('aria-level')).to.equal('3');
      expect(carousel(catalog)!.shadowRoot!.querySelector('[part="region"]')!.getAttribute('aria-label')).to.equal('Our picks');
      expect(cards(catalog).map((card) => card.listId)).to.deep.equal(['home-row', 'home-row', 'home-row']);
    });

    it('goes back to a level-2 title when heading-level is removed', async () => {
      serve('/summer.json', feed(3));
      const catalog = await renderCatalog(html`<vitrine-catalog src="${FEEDS}/summer.json" heading-level="4"></vitrine-catalog>`);
      await loaded(catalog);
      catalog.removeAttribute('heading-level');
      await catalog.updateComplete;
      const heading = root(catalog).querySelector('[part="heading"]');
      expect([catalog.headingLevel, heading?.getAttribute('aria-level'), heading?.textContent]).to.deep.equal([2, '2', 'Summer collection']);
      expect(catalog.getBoundingClientRect().height).to.equal(29.25 * REM);
    });

    it('lays the products out as a responsive grid', async () => {
      serve('/summer.json', feed(5));
      const catalog = await renderCatalog(html`<vitrine-catalog src="${FEEDS}/summer.json" layout="grid"></vitrine-catalog>`);
      await loaded(catalog);
      const grid = root(catalog).querySelector('[part="grid"]')!;
      expect(grid.getAttribute('role')).to.equal('list');
      expect(grid.querySelectorAll(':scope > li').length).to.equal(5);
      expect(cards(catalog).map((card) => card.position)).to.deep.equal([1, 2, 3, 4, 5]);
      // 60rem minus padding holds four 12rem+ columns; the cards fill them.
      const tops = new Set(cards(catalog).map((card) => Math.round(card.getBoundingClientRect().top)));
      expect(tops.size).to.equal(2);
      expect(cards(catalog)[0]!.getBoundingClientRect().width).to.be.above(13 * REM);
    });

    it('searches, sorts and limits', async () => {
      serve('/summer.json', feed(6, { products: [rawProduct(1, { title: 'Linen shirt' }), rawProduct(2, { title: 'Crème tote' }), rawProduct(3, { title: 'Linen trousers' })] }));
      const catalog = await renderCatalog(html`<vitrine-catalog src="${FEEDS}/summer.json" sort="price-desc" limit="2"></vitrine-catalog>`);
      await loaded(catalog);
      expect(cardTitles(catalog)).to.deep.equal(['Linen trousers', 'Crème tote']);
      catalog.search = 'linen';
      await loaded(catalog);
      expect(cardTitles(catalog)).to.deep.equal(['Linen trousers', 'Linen shirt']);
      catalog.search = 'velvet';
      expect(await loaded(catalog)).to.deep.equal({ count: 0, issues: [] });
      expect(root(catalog).querySelector('[part="status"]')!.textContent!.trim()).to.equal('No products match your search.');
    });

    it('ignores an empty limit and reports a limit that is not a whole number', async () => {
      serve('/summer.json', feed(5));
      const catalog = await renderCatalog(html`<vitrine-catalog src="${FEEDS}/summer.json" limit=""></vitrine-catalog>`);
      expect((await loaded(catalog)).count).to.equal(5);
      catalog.setAttribute('limit', 'three');
      expect(await failed(catalog)).to.deep.equal({
        code: 'invalid-attribute',
        message: 'limit: expected a whole number from 1; the attribute is ignored',
        fatal: false,
        path: 'limit',
      });
      expect((await loaded(catalog)).count).to.equal(5);
      catalog.setAttribute('limit', '2');
      expect((await loaded(catalog)).count).to.equal(2);
    });

    it('shows inline products and any ProductSource without a src', async () => {
      const catalog = await renderCatalog(html`<vitrine-catalog .products=${[rawProduct(1), rawProduct(2)]}></vitrine-catalog>`);
      expect((await loaded(catalog)).count).to.equal(2);
      const source: ProductSource = {
        list: async () => ({ catalog: { title: 'From a source' }, products: [], issues: [] }),
        get: async () => ({ catalog: {}, products: [], issues: [] }),
      };
      catalog.source = source;
      expect((await loaded(catalog)).count).to.equal(0);
      expect(root(catalog).querySelector('[part="heading"]')!.textContent).to.equal('From a source');
    });

    it('tracks Product List Viewed once per load, only when the catalog comes on screen', async () => {
      serve('/big.json', feed(30));
      const events = recordEvents<TrackDetail>(document, 'vitrine-track');
      const wrapper = await fixture<HTMLElement>(html`<div lang="en">
        <div style="block-size: 300vh"></div>
        <vitrine-catalog src="${FEEDS}/big.json"></vitrine-catalog>
      </div>`);
      const catalog = wrapper.querySelector('vitrine-catalog')!;
      await loaded(catalog);
      await aTimeout(100);
      expect(tracked(events.events, TrackedEvent.productListViewed)).to.have.length(0);
      catalog.scrollIntoView();
      await waitUntil(() => tracked(events.events, TrackedEvent.productListViewed).length === 1);
      window.scrollTo(0, 0);
      await aTimeout(100);
      catalog.scrollIntoView();
      await aTimeout(200);
      events.stop();
      window.scrollTo(0, 0);
      const listViewed = tracked(events.events, TrackedEvent.productListViewed);
      expect(listViewed).to.have.length(1);
      const properties = listViewed[0]!.properties as { list_id: string; products: Array<Record<string, unknown>> };
      expect(properties.list_id).to.equal('summer');
      expect(properties.products).to.have.length(20);
      expect(properties.products[0]).to.include({ product_id: 'sku-1', position: 1, price_minor: 1100, currency: 'EUR' });
      expect(properties.products[19]).to.include({ product_id: 'sku-20', position: 20 });
    });
  });

  describe('loading', () => {
    it('shows skeleton cards exactly as tall as the loaded catalog, and says it is loading', async () => {
      const release = serveLater('/slow.json', feed(12));
      const catalog = await renderCatalog(html`<vitrine-catalog src="${FEEDS}/slow.json"></vitrine-catalog>`);
      await aTimeout(50);
      expect(statusText(catalog)).to.equal('Loading products…');
      expect(root(catalog).querySelectorAll('vitrine-product-card[skeleton]').length).to.be.above(3);
      const loadingHeight = catalog.getBoundingClientRect().height;
      await expectNoAxeViolations(catalog);
      release();
      await loaded(catalog);
      expect(catalog.getBoundingClientRect().height).to.equal(loadingHeight);
      // 1.75rem title line + 0.5rem + 27rem carousel.
      expect(loadingHeight).to.equal(29.25 * REM);
    });

    it('keeps the same height for a feed without a title, and 27rem without a heading line', async () => {
      const release = serveLater('/untitled.json', feed(4, { title: undefined }));
      const catalog = await renderCatalog(html`<vitrine-catalog src="${FEEDS}/untitled.json"></vitrine-catalog>`);
      await aTimeout(50);
      const loadingHeight = catalog.getBoundingClientRect().height;
      release();
      await loaded(catalog);
      expect(root(catalog).querySelector('[part="heading"]')).to.equal(null);
      expect(catalog.getBoundingClientRect().height).to.equal(loadingHeight);
      catalog.headingLevel = 0;
      await catalog.updateComplete;
      expect(catalog.getBoundingClientRect().height).to.equal(27 * REM);
    });

    it('aborts the old feed when src changes, and never shows it', async () => {
      const releaseOld = serveLater('/old.json', feed(2, { title: 'Old' }));
      serve('/new.json', feed(3, { title: 'New' }));
      const fetches = watchFetchSignals();
      const catalog = await renderCatalog(html`<vitrine-catalog src="${FEEDS}/old.json"></vitrine-catalog>`);
      await aTimeout(50);
      catalog.src = `${FEEDS}/new.json`;
      await catalog.updateComplete;
      fetches.stop();
      expect(fetches.signals[0]!.aborted).to.equal(true);
      expect((await loaded(catalog)).count).to.equal(3);
      releaseOld();
      await aTimeout(100);
      expect(pending.loads + pending.errors).to.equal(0);
      expect(root(catalog).querySelector('[part="heading"]')!.textContent).to.equal('New');
    });

    it('keeps its fetch when only moved in the page', async () => {
      const release = serveLater('/slow.json', feed(2));
      const fetches = watchFetchSignals();
      const catalog = await renderCatalog(html`<vitrine-catalog src="${FEEDS}/slow.json"></vitrine-catalog>`);
      fetches.stop();
      await aTimeout(50);
      document.body.append(catalog);
      await aTimeout(0);
      expect(fetches.signals[0]!.aborted).to.equal(false);
      release();
      expect((await loaded(catalog)).count).to.equal(2);
      catalog.remove();
    });

    it('drops a load when removed mid-flight and loads again when put back', async () => {
      const release = serveLater('/slow.json', feed(2));
      const fetches = watchFetchSignals();
      const catalog = await renderCatalog(html`<vitrine-catalog src="${FEEDS}/slow.json"></vitrine-catalog>`);
      fetches.stop();
      const parent = catalog.parentElement!;
      await aTimeout(50);
      catalog.remove();
      await aTimeout(0);
      expect(fetches.signals[0]!.aborted).to.equal(true);
      release();
      await aTimeout(100);
      expect(pending.loads + pending.errors).to.equal(0);
      serve('/slow.json', feed(2));
      parent.append(catalog);
      expect((await loaded(catalog)).count).to.equal(2);
    });
  });

  describe('empty', () => {
    it('says there is nothing to show, at the loaded height, without axe violations', async () => {
      serve('/empty.json', { title: 'Coming soon', products: [] });
      const catalog = await renderCatalog(html`<vitrine-catalog src="${FEEDS}/empty.json"></vitrine-catalog>`);
      expect(await loaded(catalog)).to.deep.equal({ count: 0, issues: [] });
      expect(root(catalog).querySelector('[part="status"]')!.textContent!.trim()).to.equal('No products to show yet.');
      expect(catalog.getBoundingClientRect().height).to.equal(29.25 * REM);
      await expectNoAxeViolations(catalog);
    });
  });

  describe('attributes', () => {
    it('reports a layout or heading-level it cannot use, once per value, and keeps its fallback', async () => {
      serve('/attributes.json', feed(2));
      const catalog = await renderCatalog(html`<vitrine-catalog src="${FEEDS}/attributes.json" layout="list" heading-level="abc"></vitrine-catalog>`);
      await loaded(catalog);
      const looks = () => [carousel(catalog) ? 'carousel' : 'grid', root(catalog).querySelector('[part="heading"]')!.getAttribute('aria-level')];
      const seen = [looks()];
      for (const [name, value] of [['layout', 'GRID'], ['heading-level', '9'], ['heading-level', '-1']] as const) {
        catalog.setAttribute(name, value);
        await catalog.updateComplete;
        seen.push(looks());
      }
      catalog.search = 'item';
      await loaded(catalog);
      expect(seen).to.deep.equal([
        ['carousel', '2'],
        ['carousel', '2'],
        ['carousel', '6'],
        ['carousel', '1'],
      ]);
      const reported = [];
      while (pending.errors > 0) reported.push(await failed(catalog));
      const invalid = (path: string, message: string) => ({ code: 'invalid-attribute', message, fatal: false, path });
      expect(reported).to.deep.equal([
        invalid('layout', 'layout: expected carousel or grid; the attribute is ignored'),
        invalid('heading-level', 'heading-level: expected a whole number from 0 to 6; level 2 is used'),
        invalid('layout', 'layout: expected carousel or grid; the attribute is ignored'),
        invalid('heading-level', 'heading-level: expected a whole number from 0 to 6; level 6 is used'),
        invalid('heading-level', 'heading-level: expected a whole number from 0 to 6; level 1 is used'),
      ]);
    });
  });

  describe('hostile feed', () => {
    it('renders markup as inert text and rejects javascript: URLs', async () => {
      const img = '<img src=x onerror="window.__pwned=1">';
      const script = '<script>window.__pwned=1</script>';
      serve('/hostile.json', {
        title: script,
        products: [
          rawProduct(1, { title: img, brand: script, images: [{ url: IMAGE_URL, alt: img }] }),
          rawProduct(2, { title: script }),
          rawProduct(3, { url: 'javascript:window.__pwned=1' }),
          rawProduct(4, { images: ['javascript:window.__pwned=1'] }),
          rawProduct(5, { url: ' JaVaScRiPt:window.__pwned=1' }),
        ],
      });
      const catalog = await renderCatalog(html`<vitrine-catalog src="${FEEDS}/hostile.json"></vitrine-catalog>`);
      const detail = await loaded(catalog);
      await aTimeout(200);
      expect(detail.count).to.equal(2);
      expect(detail.issues.map((issue) => issue.path)).to.deep.equal(['products[2].url', 'products[3].images[0]', 'products[4].url']);
      expect(root(catalog).querySelector('[part="heading"]')!.textContent).to.equal(script);
      expect(cardTitles(catalog)).to.deep.equal([img, script]);
      const shadowRoots = [root(catalog), carousel(catalog)!.shadowRoot!, ...cards(catalog).map((card) => card.shadowRoot!)];
      expect(shadowRoots.flatMap((r) => [...r.querySelectorAll('script')])).to.have.length(0);
      expect(shadowRoots.flatMap((r) => [...r.querySelectorAll('img')]).map((i) => i.getAttribute('src'))).to.deep.equal([IMAGE_URL, IMAGE_URL]);
      const hrefs = shadowRoots.flatMap((r) => [...r.querySelectorAll('a')]).map((a) => a.protocol);
      expect(hrefs).to.deep.equal(['https:', 'https:']);
      expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
    });
  });

  describe('language', () => {
    it('speaks German from the page lang, down to the cards', async () => {
      const release = serveLater('/de.json', feed(2));
      const wrapper = await fixture<HTMLElement>(html`<div lang="de-DE"><vitrine-catalog src="${FEEDS}/de.json"></vitrine-catalog></div>`);
      const catalog = wrapper.querySelector('vitrine-catalog')!;
      await aTimeout(50);
      expect(statusText(catalog)).to.equal('Produkte werden geladen…');
      release();
      await loaded(catalog);
      const card = cards(catalog)[0]!;
      expect(card.shadowRoot!.querySelector('[part="cta"]')!.textContent).to.equal('Zum Produkt');
      expect(card.shadowRoot!.querySelector('[part="price"]')!.textContent!.trim()).to.equal('11,00\u00a0€');
    });

    it('follows setLocale and a per-instance string override', async () => {
      worker.use(http.get(`${FEEDS}/down.json`, () => HttpResponse.error()));
      setLocale('de');
      const catalog = await renderCatalog(html`<vitrine-catalog src="${FEEDS}/down.json"></vitrine-catalog>`);
      await failed(catalog);
      expect(root(catalog).querySelector('[role="alert"]')!.textContent).to.equal('Die Produkte konnten nicht geladen werden.');
      catalog.strings = { retry: 'Nochmal laden' };
      await catalog.updateComplete;
      expect(root(catalog).querySelector('[part="retry"]')!.textContent).to.equal('Nochmal laden');
    });
  });

  describe('accessibility', () => {
    it('has no axe violations loaded, as a carousel and as a grid', async () => {
      serve('/summer.json', feed(8, { products: [...feed(7).products, rawProduct(8, { availability: 'out_of_stock', compareAtPrice: { amount: 99999, currency: 'EUR' } })] }));
      const catalog = await renderCatalog(html`<vitrine-catalog src="${FEEDS}/summer.json"></vitrine-catalog>`);
      await loaded(catalog);
      await expectNoAxeViolations(catalog);
      catalog.layout = 'grid';
      await catalog.updateComplete;
      await Promise.all(cards(catalog).map((card) => card.updateComplete));
      await expectNoAxeViolations(catalog);
    });
  });
});
