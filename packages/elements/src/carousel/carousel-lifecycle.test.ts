import { aTimeout, expect, waitUntil } from '@open-wc/testing';
import { recordEvents } from '../test/events.js';
import { upgradeLater, watchListeners } from '../test/lifecycle.js';
import { makeProduct } from '../test/products.js';
import type { VitrineCarousel } from './carousel.js';
import './carousel.js';

const products = Array.from({ length: 30 }, (_, i) => makeProduct({ id: `p${i}`, title: `Item ${i + 1}` }));

function mount(): VitrineCarousel {
  const carousel = document.createElement('vitrine-carousel');
  carousel.products = products;
  carousel.lang = 'en';
  carousel.style.inlineSize = '40rem';
  document.body.append(carousel);
  return carousel;
}

const nextHidden = (carousel: VitrineCarousel) => carousel.shadowRoot?.querySelector<HTMLButtonElement>('[part="next"]')?.hidden !== false;

describe('<vitrine-carousel> lifecycle', () => {
  it('measures again and shows its buttons when put back after a while', async () => {
    const carousel = mount();
    await waitUntil(() => !nextHidden(carousel), 'no next button');
    carousel.remove();
    await aTimeout(50);
    carousel.products = products.slice(0, 20);
    document.body.append(carousel);
    await waitUntil(() => !nextHidden(carousel), 'no next button once back');
    expect(carousel.shadowRoot!.querySelectorAll('vitrine-product-card').length).to.be.within(1, 20);
    carousel.remove();
  });

  it('leaves no listener, frame or error behind after 50 mounts and unmounts', async () => {
    const errors = recordEvents(document, 'vitrine-error');
    const listeners = watchListeners();
    const frames = new Set<number>();
    const { requestAnimationFrame: request, cancelAnimationFrame: cancel } = window;
    window.requestAnimationFrame = (callback) => {
      const id = request((time) => (frames.delete(id), callback(time)));
      frames.add(id);
      return id;
    };
    window.cancelAnimationFrame = (id) => (frames.delete(id), cancel(id));
    for (let i = 0; i < 50; i++) {
      const carousel = mount();
      await aTimeout(i % 3);
      carousel.remove();
    }
    const pendingFrames = frames.size;
    Object.assign(window, { requestAnimationFrame: request, cancelAnimationFrame: cancel });
    await aTimeout(100);
    listeners.stop();
    errors.stop();
    expect(pendingFrames).to.equal(0);
    expect(listeners.left()).to.deep.equal([]);
    expect(errors.events).to.have.length(0);
  });

  it('takes products set before it is defined (upgraded later)', async () => {
    const lazy = upgradeLater<VitrineCarousel>('vitrine-carousel', { products }, 'inline-size: 40rem');
    await waitUntil(() => !nextHidden(lazy), 'the products set before the upgrade were not shown');
    expect(lazy.shadowRoot!.querySelector('[part="item"]')!.getAttribute('aria-label')).to.equal('1 of 30');
    lazy.parentElement!.remove();
  });
});
