import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { FEEDS, feed, worker, watchCatalogsInEachTest, cardTitles } from './test-helpers/catalog.js';
import type { VitrineCatalog } from './catalog.js';
import './catalog.js';

describe('<vitrine-catalog> at scale', () => {
  watchCatalogsInEachTest();

  it('downloads a feed once for twenty catalogs of one brand on a page, and each shows it', async () => {
    let requests = 0;
    worker.use(http.get(`${FEEDS}/brand.json`, () => (requests++, HttpResponse.json(feed(500)))));
    let loads = 0;
    const count = () => loads++;
    document.addEventListener('vitrine-load', count);
    try {
      const page = await fixture<HTMLElement>(html`<div lang="en" style="inline-size: 60rem">
        ${Array.from({ length: 20 }, (_, i) => html`<vitrine-catalog src="${FEEDS}/brand.json" list-id=${`row-${i}`} heading-level="0"></vitrine-catalog>`)}
      </div>`);
      await waitUntil(() => loads === 20, 'not every catalog loaded');
      const catalogs = [...page.querySelectorAll<VitrineCatalog>('vitrine-catalog')];
      await Promise.all(catalogs.map((catalog) => catalog.updateComplete));
      await waitUntil(() => catalogs.every((catalog) => cardTitles(catalog)[0] === 'Item 1'), 'a catalog shows no cards');
      expect(requests).to.equal(1);
    } finally {
      document.removeEventListener('vitrine-load', count);
    }
  });
});
