// WCAG 2.2 checks the other carousel tests do not make: reflow at 320px (1.4.10) and user text spacing (1.4.12).
import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { nextFrames } from '../test/events.js';
import { makeProduct } from '../test/products.js';
import { applyTextSpacing } from '../test/text-spacing.js';
import './carousel.js';
import type { VitrineCarousel } from './carousel.js';

const onSale = (index: number) =>
  makeProduct({ brand: 'Northwind', title: `Linen shirt with a longer title ${index}`, price: { amount: 8900, currency: 'EUR' }, compareAtPrice: { amount: 11900, currency: 'EUR' } }, index);

async function renderCarousel(): Promise<VitrineCarousel> {
  const carousel = await fixture<VitrineCarousel>(html`<vitrine-carousel lang="en" .products=${[1, 2, 3, 4].map(onSale)}></vitrine-carousel>`);
  await carousel.updateComplete;
  await nextFrames(3);
  return carousel;
}

describe('<vitrine-carousel> accessibility', () => {
  afterEach(() => setViewport({ width: 800, height: 600 }));

  it('reflows at 320px: only the row scrolls sideways, and its buttons and first card are whole on screen', async () => {
    await setViewport({ width: 320, height: 256 });
    const carousel = await renderCarousel();
    expect(document.documentElement.scrollWidth).to.equal(320);
    const shadow = carousel.shadowRoot!;
    const card = shadow.querySelector('vitrine-product-card')!.getBoundingClientRect();
    for (const box of [card, shadow.querySelector('[part="next"]')!.getBoundingClientRect()]) {
      expect(box.left >= 0 && box.right <= 320, 'cut at the screen edge').to.equal(true);
    }
  });

  it('shows each card whole in the row, call to action included, with user text spacing', async () => {
    const carousel = await renderCarousel();
    const removeSpacing = applyTextSpacing(carousel);
    try {
      await nextFrames(2);
      const track = carousel.shadowRoot!.querySelector('[part="track"]')!.getBoundingClientRect();
      const card = carousel.shadowRoot!.querySelector('vitrine-product-card')!;
      const cta = card.shadowRoot!.querySelector('[part="cta"]')!.getBoundingClientRect();
      expect(cta.bottom, 'the row cuts off the call to action').to.be.at.most(track.bottom);
      expect(cta.bottom, 'the call to action runs out of its card').to.be.at.most(card.getBoundingClientRect().bottom);
    } finally {
      removeSpacing();
    }
  });
});
