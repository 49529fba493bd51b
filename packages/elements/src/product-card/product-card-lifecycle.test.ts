import { aTimeout, expect, waitUntil } from '@open-wc/testing';
import { TrackedEvent, type TrackDetail } from '@vitrine/core';
import { recordEvents, tracked } from '../test/events.js';
import { recordOwnEvents, upgradeLater, watchListeners } from '../test/lifecycle.js';
import { makeProduct } from '../test/products.js';
import { VIEW_DWELL_MS } from './product-card.component.js';
import type { VitrineProductCard } from './product-card.js';
import './product-card.js';

function mount(product = makeProduct()): VitrineProductCard {
  const card = document.createElement('vitrine-product-card');
  card.product = product;
  card.lang = 'en';
  document.body.append(card);
  return card;
}

describe('<vitrine-product-card> lifecycle', () => {
  it('reports no Product Viewed when removed within its second, and counts it once after being put back', async () => {
    const events = recordEvents<TrackDetail>(document, 'vitrine-track');
    const card = mount();
    await card.updateComplete;
    await aTimeout(VIEW_DWELL_MS / 2);
    const own = recordOwnEvents(card);
    card.remove();
    await aTimeout(VIEW_DWELL_MS);
    own.stop();
    expect(own.lines).to.deep.equal([]);
    document.body.append(card);
    await waitUntil(() => tracked(events.events, TrackedEvent.productViewed).length === 1, 'no Product Viewed once back', { timeout: 3 * VIEW_DWELL_MS });
    // Moved within one task: the product was counted already.
    document.body.prepend(card);
    await aTimeout(VIEW_DWELL_MS * 1.5);
    events.stop();
    card.remove();
    expect(tracked(events.events, TrackedEvent.productViewed)).to.have.length(1);
  });

  it('leaves no listener behind after 50 mounts and unmounts', async () => {
    const events = recordEvents(document, 'vitrine-error');
    const listeners = watchListeners();
    for (let i = 0; i < 50; i++) {
      const card = mount(makeProduct({ id: `churn-${i}` }));
      await aTimeout(i % 3);
      card.remove();
    }
    await aTimeout(VIEW_DWELL_MS * 1.2);
    listeners.stop();
    events.stop();
    expect(listeners.left()).to.deep.equal([]);
    expect(events.events).to.have.length(0);
  });

  it('takes a product set before it is defined (upgraded later)', async () => {
    const lazy = upgradeLater<VitrineProductCard>('vitrine-product-card', { product: makeProduct({ title: 'Lazy linen' }), viewedProducts: new Set([makeProduct().id]) });
    await lazy.updateComplete;
    expect(lazy.shadowRoot!.querySelector('[part="title"]')!.textContent!.trim()).to.equal('Lazy linen');
    expect([...lazy.viewedProducts]).to.deep.equal([makeProduct().id]);
    lazy.parentElement!.remove();
  });
});
