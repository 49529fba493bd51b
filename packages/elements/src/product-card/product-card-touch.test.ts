import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand, resetMouse, sendMouse } from '@web/test-runner-commands';
import { makeProduct } from '../test/products.js';
import '../carousel/carousel.js';
import './product-card.js';
import type { VitrineCarousel } from '../carousel/carousel.component.js';
import type { VitrineProductCard } from './product-card.js';

/** Puts the mouse over the middle of `element`: on a phone, where a finger last tapped. */
async function hover(element: Element): Promise<void> {
  const box = element.getBoundingClientRect();
  await sendMouse({ type: 'move', position: [Math.round(box.left + box.width / 2), Math.round(box.top + box.height / 2)] });
}

describe('cards and carousel on a touch screen', () => {
  before(() => executeServerCommand('touch-screen', { enabled: true }));
  after(() => executeServerCommand('touch-screen', { enabled: false }));
  afterEach(() => resetMouse());

  it('keeps a card "hovered" by the last tap looking as it does untouched', async () => {
    const card = await fixture<VitrineProductCard>(html`<vitrine-product-card .product=${makeProduct()}></vitrine-product-card>`);
    const title = card.shadowRoot!.querySelector('[part~="title"] .link')!;
    const image = card.shadowRoot!.querySelector('img')!;
    await hover(card);

    expect(card.shadowRoot!.querySelector('.card')!.matches(':hover')).to.equal(true);
    expect(getComputedStyle(title).textDecorationLine).to.equal('none');
    expect(getComputedStyle(image).transform).to.equal('none');
  });

  it('never lets quick taps on Previous and Next zoom the page', async () => {
    const carousel = await fixture<VitrineCarousel>(html`<vitrine-carousel .products=${[makeProduct({ id: 'a' }), makeProduct({ id: 'b' })]}></vitrine-carousel>`);
    await carousel.updateComplete;
    const buttons = [...carousel.shadowRoot!.querySelectorAll('.nav')];

    expect(buttons).to.have.length(2);
    expect(buttons.map((button) => getComputedStyle(button).touchAction)).to.deep.equal(['manipulation', 'manipulation']);
  });
});
