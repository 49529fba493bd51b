// window.Vitrine's tracking API through the built vitrine.js and its tracking chunk: the inline stub, calls made
// before the chunk arrives, links, destinations and bad orders. `npm test` builds before it runs these.
import { expect, waitUntil } from '@open-wc/testing';
import type { TrackMessage } from '@vitrine/core';

interface Api {
  track(event: string, properties?: Record<string, unknown>): void;
  purchase(order: unknown): void;
  link(url: string, options: { creator: string; clip?: string }): string | undefined;
  addDestination(fn: (messages: TrackMessage[]) => unknown): void;
  flush(): Promise<void>;
  stats(): unknown;
}
const api = () => (window as unknown as { Vitrine: Api }).Vitrine;

/** Every message the tracker records, in order, as the page sees them (`vitrine-event` on window). */
const seen: TrackMessage[] = [];
addEventListener('vitrine-event', (event) => seen.push((event as CustomEvent<TrackMessage>).detail));

function loadScript(src: string, data: Record<string, string> = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src;
    Object.assign(script.dataset, data);
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`${src} is missing (vitrine.js: run \`npm run build\`)`));
    document.head.append(script);
  });
}

const logged: string[] = [];
/** What a destination function registered through the stub, before vitrine.js loaded, was given. */
const earlyDestination: string[] = [];
const errorEvents: Array<{ code: string; message: string }> = [];
addEventListener('vitrine-error', (event) => errorEvents.push((event as CustomEvent<{ code: string; message: string }>).detail));

describe('window.Vitrine tracking', () => {
  const originalError = console.error;

  before(async () => {
    console.error = (...args: unknown[]) => logged.push(args.join(' '));
    // The README's one-line stub (the example's copy of it), then calls a thank-you page makes before vitrine.js loads.
    await loadScript('/examples/checkout/vitrine-stub.js');
    api().addDestination((messages) => void earlyDestination.push(...messages.map((m) => m.event)));
    api().track('Stub Event', { n: 1 });
    api().purchase({ orderId: 'stub-1', currency: 'EUR', total: 4900, items: [{ productId: 'linen-shirt', price: 4900, quantity: 1 }] });
    await loadScript('/packages/embed/dist/vitrine.js', { site: 'demo' });
    // Between the script tag and its tracking chunk: an element's event waits in the loader, it is not lost.
    document.body.dispatchEvent(new CustomEvent('vitrine-track', { bubbles: true, composed: true, detail: { event: 'Product Viewed', properties: { product_id: 'early' } } }));
  });
  after(() => {
    console.error = originalError;
  });

  it('runs the calls the stub queued, in order, once the tracker has loaded, and an element event sent meanwhile', async () => {
    await waitUntil(() => seen.some((m) => m.event === 'Order Completed'), 'the stubbed purchase never ran', { timeout: 5000 });
    await waitUntil(() => seen.some((m) => m.properties.product_id === 'early'), 'the early element event was lost');
    const stubbed = seen.filter((m) => m.event === 'Stub Event' || m.event === 'Order Completed');
    expect(stubbed.map((m) => m.event)).to.deep.equal(['Stub Event', 'Order Completed']);
    expect(stubbed[1]!.properties).to.include({ order_id: 'stub-1', total_minor: 4900, currency: 'EUR' });
    expect(typeof api().stats()).to.equal('object');
    await waitUntil(() => earlyDestination.includes('Stub Event'), 'the destination registered through the stub never got the event', { timeout: 5000 });
  });

  it('makes creator links, and refuses a bad one with one logged line instead of throwing', () => {
    const link = new URL(api().link('https://shop.example/p/42?color=blue#reviews', { creator: 'ana', clip: 'summer' })!);
    expect(link.searchParams.get('vt_c')).to.equal('ana');
    expect(link.searchParams.get('vt_k')).to.equal('summer');
    expect(link.searchParams.get('vt_id')).to.match(/^[\w-]{8,64}$/);
    expect(link.searchParams.get('color')).to.equal('blue');
    expect(link.hash).to.equal('#reviews');
    expect(api().link('javascript:alert(1)', { creator: 'ana' })).to.equal(undefined);
    expect(logged.filter((line) => line.startsWith('[vitrine] Vitrine.link'))).to.have.length(1);
  });

  it('hands every batch to a destination function', async () => {
    const batches: TrackMessage[][] = [];
    api().addDestination((messages) => void batches.push(messages));
    api().track('Host Event', { step: 'checkout' });
    await api().flush();
    await waitUntil(() => batches.flat().some((m) => m.event === 'Host Event'), 'the function never got the event');
    expect(batches.flat().find((m) => m.event === 'Host Event')!.properties).to.deep.equal({ step: 'checkout' });
  });

  it('turns a bad order into one logged line and a vitrine-error event, sending nothing', async () => {
    const before = seen.length;
    api().purchase({ orderId: 'bad-1', currency: 'EUR', total: 49.9, items: [] });
    await waitUntil(() => errorEvents.length > 0, 'no vitrine-error event');
    expect(errorEvents[0]!.code).to.equal('invalid-data');
    expect(errorEvents[0]!.message).to.match(/^total: /);
    expect(logged.filter((line) => line.includes('Vitrine.purchase: total'))).to.have.length(1);
    expect(seen.slice(before).filter((m) => m.event === 'Order Completed')).to.deep.equal([]);
  });

  it('credits a sale to the creator whose clip the shopper clicked a product in', async () => {
    document.body.dispatchEvent(
      new CustomEvent('vitrine-track', {
        bubbles: true,
        composed: true,
        detail: { event: 'Product Clicked', properties: { product_id: 'sun-hat', creator_id: 'leo', clip_id: 'beach', source: 'tag' } },
      }),
    );
    api().purchase({ orderId: 'clip-1', currency: 'EUR', total: 2900, items: [{ productId: 'sun-hat', price: 2900, quantity: 1 }] });
    await waitUntil(() => seen.some((m) => m.properties.order_id === 'clip-1'), 'the order was not sent');
    const attribution = seen.find((m) => m.properties.order_id === 'clip-1')!.properties.attribution as Record<string, unknown>;
    expect(attribution).to.include({ creator_id: 'leo', clip_id: 'beach', source: 'clip', model: 'last-click' });
  });

  it('reports an order id only once from this browser', async () => {
    api().purchase({ orderId: 'stub-1', currency: 'EUR', total: 4900, items: [{ productId: 'linen-shirt', price: 4900, quantity: 1 }] });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(seen.filter((m) => m.event === 'Order Completed' && m.properties.order_id === 'stub-1')).to.have.length(1);
  });
});
