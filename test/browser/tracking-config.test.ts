// The script tag's attribution and destination settings, end to end in the page: `data-ga4` and a first-click model.
// `npm test` builds before it runs these.
import { expect, waitUntil } from '@open-wc/testing';
import type { TrackMessage } from '@vitrine/core';

interface Api {
  purchase(order: unknown): void;
  flush(): Promise<void>;
  stats(): unknown;
}
const api = () => (window as unknown as { Vitrine: Api }).Vitrine;
const dataLayer = () => ((window as unknown as { dataLayer?: Array<Record<string, unknown>> }).dataLayer ?? []);

const seen: TrackMessage[] = [];
addEventListener('vitrine-event', (event) => seen.push((event as CustomEvent<TrackMessage>).detail));

function clipClick(creator: string, clip: string): void {
  const detail = { event: 'Product Clicked', properties: { product_id: 'sun-hat', creator_id: creator, clip_id: clip, source: 'tag' } };
  document.body.dispatchEvent(new CustomEvent('vitrine-track', { bubbles: true, composed: true, detail }));
}

describe('vitrine.js with data-ga4 and data-attribution-model="first-click"', () => {
  before(async () => {
    localStorage.clear();
    await new Promise<void>((resolve, reject) => {
      const script = document.createElement('script');
      script.src = '/packages/embed/dist/vitrine.js';
      Object.assign(script.dataset, { site: 'demo', ga4: '', attributionModel: 'first-click', attributionWindow: '7' });
      script.onload = () => resolve();
      script.onerror = () => reject(new Error('vitrine.js is missing: run `npm run build`'));
      document.head.append(script);
    });
    await waitUntil(() => api().stats() !== undefined, 'the tracker never loaded');
  });

  it('credits the first creator under first-click, and pushes the GA4 ecommerce events to dataLayer', async () => {
    clipClick('ana', 'summer');
    clipClick('leo', 'beach');
    api().purchase({ orderId: 'first-1', currency: 'EUR', total: 5800, items: [{ productId: 'sun-hat', variantId: 'sun-hat-m', price: 2900, quantity: 2 }] });
    await waitUntil(() => seen.some((m) => m.properties.order_id === 'first-1'), 'the order was not sent');
    const order = seen.find((m) => m.properties.order_id === 'first-1')!;
    expect(order.properties.attribution).to.include({ creator_id: 'ana', clip_id: 'summer', model: 'first-click' });

    await api().flush();
    await waitUntil(() => dataLayer().some((entry) => entry.event === 'purchase'), 'no purchase in dataLayer');
    const events = dataLayer().map((entry) => entry.event ?? (entry.ecommerce === null ? 'clear' : '?'));
    expect(events).to.deep.equal(['clear', 'select_item', 'clear', 'select_item', 'clear', 'purchase']);
    const purchase = dataLayer().find((entry) => entry.event === 'purchase')!;
    expect(purchase.ecommerce).to.deep.include({ transaction_id: 'first-1', currency: 'EUR', value: 58 });
    expect((purchase.ecommerce as { items: unknown[] }).items).to.deep.equal([{ item_id: 'sun-hat', item_variant: 'sun-hat-m', price: 29, quantity: 2 }]);
    expect(purchase.vt_creator).to.equal('ana');
  });
});
