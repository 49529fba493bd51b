import { expect, waitUntil } from '@open-wc/testing';
import { MESSAGE_EVENT, TRACK_EVENT, Tracker, TrackedEvent, type TrackMessage } from '@vitrine/core';
import { collector, forgetTrackers, sleep, tracker, vitrineKeys, worker } from './test-helpers/collector.js';

describe('Tracker', () => {
  before(() => worker.start({ quiet: true, onUnhandledRequest: 'bypass' }));
  after(() => worker.stop());
  afterEach(() => {
    forgetTrackers();
    worker.resetHandlers();
  });

  it('sends Segment-spec track messages in one batch after the flush interval', async () => {
    const c = collector();
    const t = tracker(c);
    t.track(TrackedEvent.productViewed, { product_id: 'a', position: 1 });
    t.track(TrackedEvent.productViewed, { product_id: 'b', position: 2 });
    await waitUntil(() => c.delivered.length === 1, 'batch never arrived');
    expect(c.requests[0]!.contentType).to.match(/^text\/plain/);
    const [first, second] = c.delivered[0]!;
    expect([first!.properties.product_id, second!.properties.product_id]).to.deep.equal(['a', 'b']);
    expect(first!.type).to.equal('track');
    expect(first!.event).to.equal('Product Viewed');
    expect(first!.messageId).to.match(/^[0-9a-f-]{36}$/);
    expect(first!.anonymousId).to.equal(second!.anonymousId);
    expect(first!.context.library).to.deep.equal({ name: 'vitrine', version: '0.1.0' });
    expect(first!.context.page.path).to.equal(location.pathname);
    expect(t.stats).to.include({ queued: 0, delivered: 2 });
  });

  it('stamps messages with the clock it is given', async () => {
    const c = collector();
    const message = tracker(c, { now: () => Date.UTC(2030, 0, 2, 3, 4, 5) }).track(TrackedEvent.productViewed);
    expect(message!.timestamp).to.equal('2030-01-02T03:04:05.000Z');
  });

  it('splits batches by count', async () => {
    const c = collector();
    const t = tracker(c, { batchSize: 3, flushInterval: 60_000 });
    for (let i = 0; i < 7; i++) t.track(TrackedEvent.productViewed, { product_id: String(i) });
    await t.flush();
    expect(c.delivered.map((batch) => batch.length)).to.deep.equal([3, 3, 1]);
    expect(c.delivered.flat().map((m) => m.properties.product_id)).to.deep.equal(['0', '1', '2', '3', '4', '5', '6']);
  });

  it('splits batches by bytes', async () => {
    const c = collector();
    const t = tracker(c, { maxBatchBytes: 3000, flushInterval: 60_000 });
    for (let i = 0; i < 3; i++) t.track(TrackedEvent.productViewed, { product_id: String(i), note: 'x'.repeat(1000) });
    await t.flush();
    expect(c.delivered.map((batch) => batch.length)).to.deep.equal([2, 1]);
  });

  it('sends as soon as a batch is full, without waiting for the interval', async () => {
    const c = collector();
    const t = tracker(c, { batchSize: 2, flushInterval: 60_000 });
    t.track(TrackedEvent.productViewed, { product_id: 'a' });
    t.track(TrackedEvent.productViewed, { product_id: 'b' });
    await waitUntil(() => c.delivered.length === 1, 'a full batch waited');
  });

  it('sends a click at once, since a navigation often follows', async () => {
    const c = collector();
    tracker(c, { flushInterval: 60_000 }).track(TrackedEvent.productClicked, { product_id: 'a' });
    await waitUntil(() => c.delivered.length === 1, 'the click waited');
    expect(c.delivered[0]![0]!.event).to.equal('Product Clicked');
  });

  it('drops an oversized event with a warning, counts it and keeps the rest', async () => {
    const c = collector();
    const t = tracker(c);
    expect(t.track(TrackedEvent.productViewed, { blob: 'x'.repeat(40_000) })).to.equal(undefined);
    t.track(TrackedEvent.productViewed, { product_id: 'kept' });
    await t.flush();
    expect(c.ids).to.have.length(1);
    expect(t.stats).to.include({ dropped: 1, delivered: 1 });
  });

  it('dispatches every message on window, even with nowhere to send it', async () => {
    const heard: TrackMessage[] = [];
    const listener = (event: CustomEvent<TrackMessage>) => heard.push(event.detail);
    addEventListener(MESSAGE_EVENT, listener);
    try {
      const t = new Tracker({ site: 'dom-only', storage: sessionStorage });
      const message = t.track(TrackedEvent.productViewed, { product_id: 'a' });
      expect(heard).to.deep.equal([message]);
      // No destination: nothing waits to be sent.
      expect(vitrineKeys().filter((key) => key.startsWith('vitrine:m:'))).to.deep.equal([]);
      expect(t.stats.queued).to.equal(0);
    } finally {
      removeEventListener(MESSAGE_EVENT, listener);
    }
  });

  it('hears the elements’ vitrine-track events, even when the host stops their propagation', async () => {
    const c = collector();
    const disconnect = tracker(c).connect(window);
    const host = document.createElement('div');
    host.addEventListener(TRACK_EVENT, (event) => event.stopPropagation());
    const inner = host.attachShadow({ mode: 'open' }).appendChild(document.createElement('span'));
    document.body.append(host);
    try {
      inner.dispatchEvent(new CustomEvent(TRACK_EVENT, { bubbles: true, composed: true, detail: { event: 'Product Viewed', properties: { product_id: 'z' } } }));
      await waitUntil(() => c.delivered.length === 1);
      expect(c.delivered[0]![0]!.properties).to.deep.equal({ product_id: 'z' });
    } finally {
      disconnect();
      host.remove();
    }
  });

  it('stops listening once disconnected', async () => {
    const c = collector();
    const t = tracker(c);
    t.connect(window)();
    dispatchEvent(new CustomEvent(TRACK_EVENT, { detail: { event: 'Product Viewed', properties: {} } }));
    await sleep(200);
    expect(c.requests).to.deep.equal([]);
    expect(t.stats.queued).to.equal(0);
  });

  it('adds transports after it was made', async () => {
    const c = collector();
    const t = tracker(c);
    const seen: string[] = [];
    t.addTransport({ send: async (messages) => (seen.push(...messages.map((m) => m.event)), 'delivered') });
    t.track(TrackedEvent.productAdded);
    await t.flush();
    expect(seen).to.deep.equal(['Product Added']);
    expect(c.ids).to.have.length(1);
  });

  describe('consent', () => {
    let writes: string[];
    const originals = { setItem: Storage.prototype.setItem, removeItem: Storage.prototype.removeItem };
    beforeEach(() => {
      writes = [];
      Storage.prototype.setItem = function (key: string, value: string) {
        writes.push(key);
        originals.setItem.call(this, key, value);
      };
      Storage.prototype.removeItem = function (key: string) {
        writes.push(key);
        originals.removeItem.call(this, key);
      };
    });
    afterEach(() => Object.assign(Storage.prototype, originals));

    it('stores nothing and sends nothing while consent is pending, yet still dispatches events', async () => {
      const c = collector();
      const t = tracker(c, { consent: 'pending', batchSize: 2 });
      const heard: unknown[] = [];
      const listener = (event: Event) => heard.push(event);
      addEventListener(MESSAGE_EVENT, listener);
      const disconnect = t.connect(window);
      for (let i = 0; i < 3; i++) t.track(TrackedEvent.productViewed, { product_id: String(i) });
      removeEventListener(MESSAGE_EVENT, listener);
      await t.flush();
      dispatchEvent(new PageTransitionEvent('pagehide'));
      await sleep(300);
      disconnect();
      expect(heard).to.have.length(3);
      expect(c.requests).to.deep.equal([]);
      expect(writes).to.deep.equal([]);
      expect(vitrineKeys()).to.deep.equal([]);
      expect(t.stats.queued).to.equal(3);
    });

    it('keeps at most queueCapacity events in memory while pending', async () => {
      const t = tracker(collector(), { consent: 'pending', queueCapacity: 2 });
      for (let i = 0; i < 5; i++) t.track(TrackedEvent.productViewed);
      expect(t.stats).to.include({ queued: 2, dropped: 3 });
      expect(writes).to.deep.equal([]);
    });

    it('on grant, stores the waiting events and the anonymous id, and sends them', async () => {
      const c = collector();
      const t = tracker(c, { consent: 'pending' });
      const sent = [t.track(TrackedEvent.productViewed)!, t.track(TrackedEvent.productAdded)!];
      t.grantConsent();
      expect(writes.some((key) => key.startsWith(`vitrine:m:${c.site}:`))).to.equal(true);
      expect(sessionStorage.getItem('vitrine:aid')).to.equal(sent[0]!.anonymousId);
      await waitUntil(() => c.ids.length === 2, 'the waiting events never went out');
      expect(c.ids).to.deep.equal(sent.map((m) => m.messageId));
      expect(t.stats.queued).to.equal(0);
    });

    it('keeps the anonymous id already stored when consent is granted again', async () => {
      sessionStorage.setItem('vitrine:aid', 'returning-shopper');
      const t = tracker(collector(), { consent: 'pending' });
      expect(t.track(TrackedEvent.productViewed)!.anonymousId).to.not.equal('returning-shopper');
      t.grantConsent();
      expect(t.track(TrackedEvent.productViewed)!.anonymousId).to.equal('returning-shopper');
    });

    it('on revoke, removes every vitrine:* key, stops sending and forgets what waited', async () => {
      const c = collector(() => 503);
      const t = tracker(c, { flushInterval: 60_000 });
      t.track(TrackedEvent.productViewed);
      t.track(TrackedEvent.productViewed);
      sessionStorage.setItem('vitrine:touches', '[]');
      sessionStorage.setItem('host-key', 'kept');
      t.revokeConsent();
      expect(vitrineKeys()).to.deep.equal([]);
      expect(sessionStorage.getItem('host-key')).to.equal('kept');
      expect(t.stats.queued).to.equal(0);
      t.track(TrackedEvent.productViewed);
      await t.flush();
      await sleep(200);
      expect(c.requests).to.deep.equal([]);
      expect(vitrineKeys()).to.deep.equal([]);
    });
  });
});
