// WCAG 2.2 checks the other catalog tests do not make: reflow at 320px (1.4.10) and user text spacing (1.4.12).
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { applyQuery, type ProductSource } from '@vitrine/core';
import { nextFrames } from '../test/events.js';
import { makeProduct } from '../test/products.js';
import { applyTextSpacing } from '../test/text-spacing.js';
import { cards } from './test-helpers/catalog.js';
import './catalog.js';
import type { VitrineCatalog } from './catalog.js';

const products = [1, 2, 3].map((index) =>
  makeProduct({ brand: 'Northwind', title: `Linen shirt with a longer title ${index}`, price: { amount: 8900, currency: 'EUR' }, compareAtPrice: { amount: 11900, currency: 'EUR' } }, index),
);
const source: ProductSource = {
  list: async (query) => applyQuery({ catalog: { title: 'Northwind summer collection' }, products, issues: [] }, query),
  get: async () => ({ catalog: {}, products: [], issues: [] }),
};


async function renderCatalog(layout: string): Promise<VitrineCatalog> {
  const catalog = await fixture<VitrineCatalog>(html`<vitrine-catalog lang="en" layout=${layout} .source=${source}></vitrine-catalog>`);
  await waitUntil(() => cards(catalog).length === 3, 'the products did not show');
  await nextFrames(3);
  return catalog;
}

describe('<vitrine-catalog> accessibility', () => {
  afterEach(() => setViewport({ width: 800, height: 600 }));

  for (const layout of ['grid', 'carousel']) {
    it(`reflows at 320px in ${layout} layout: nothing makes the page scroll sideways`, async () => {
      await setViewport({ width: 320, height: 256 });
      const catalog = await renderCatalog(layout);
      expect(document.documentElement.scrollWidth).to.equal(320);
      expect(cards(catalog)[0]!.getBoundingClientRect().right).to.be.at.most(320);
    });
  }

  it('keeps grid cards apart, each with its call to action inside it, with user text spacing', async () => {
    await setViewport({ width: 320, height: 256 });
    const catalog = await renderCatalog('grid');
    const removeSpacing = applyTextSpacing(catalog);
    try {
      await nextFrames(2);
      const boxes = cards(catalog).map((card) => card.getBoundingClientRect());
      cards(catalog).forEach((card, i) => {
        const cta = card.shadowRoot!.querySelector('[part="cta"]')!.getBoundingClientRect();
        expect(cta.bottom, `card ${i + 1}'s call to action runs out of it`).to.be.at.most(boxes[i]!.bottom);
        if (i > 0) expect(boxes[i]!.top, `card ${i + 1} runs into the card above`).to.be.at.least(boxes[i - 1]!.bottom);
      });
    } finally {
      removeSpacing();
    }
  });
});
