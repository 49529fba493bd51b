// WCAG 2.2 checks the other card tests do not make: user text spacing (1.4.12).
import { expect, fixture, html } from '@open-wc/testing';
import { makeProduct } from '../test/products.js';
import { applyTextSpacing } from '../test/text-spacing.js';
import './product-card.js';
import type { VitrineProductCard } from './product-card.js';

const part = (card: VitrineProductCard, name: string) => card.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`)!;

describe('<vitrine-product-card> accessibility', () => {
  it('keeps every row inside the card, and the title’s lines whole, with user text spacing', async () => {
    const product = makeProduct({
      brand: 'Northwind',
      title: 'A linen shirt with a title long enough for two lines',
      price: { amount: 8900, currency: 'EUR' },
      compareAtPrice: { amount: 11900, currency: 'EUR' },
    });
    const card = await fixture<VitrineProductCard>(html`<vitrine-product-card .product=${product}></vitrine-product-card>`);
    const removeSpacing = applyTextSpacing(card);
    try {
      const box = part(card, 'card').getBoundingClientRect();
      for (const name of ['brand', 'title', 'price', 'availability', 'cta']) {
        expect(part(card, name).getBoundingClientRect().bottom, `the ${name} runs out of the card`).to.be.at.most(box.bottom);
      }
      // The title shows two whole lines: none is cut through the middle.
      const title = part(card, 'title');
      expect(title.clientHeight).to.equal(2 * parseFloat(getComputedStyle(title).lineHeight));
    } finally {
      removeSpacing();
    }
  });
});
