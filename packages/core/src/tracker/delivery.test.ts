import { expect, waitUntil } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { CollectorTransport, TrackedEvent, Tracker, type TrackMessage } from '@vitrine/core';
import { MemoryStorage } from './store.js';
import { collector, forgetTrackers, sleep, tracker, vitrineKeys, worker } from './test-helpers/collector.js';

/** A Storage that refuses every call, as Safari's private mode once did and blocked storage still does. */
function refusingStorage(): Storage {
  const refuse = () => {
    throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  };
  return { getItem: refuse, setItem: refuse, removeItem: refuse, key: refuse, clear: refuse, length: 0 };
}

/** A storage that counts how often its keys are listed: what a full queue cost at every event. */
function listedStorage(): { storage: Storage; listings: () => number } {
  let listings = 0;
  const storage = new Proxy(new MemoryStorage(), { ownKeys: (target) => (listings++, Reflect.ownKeys(target)) });
  return { storage: storage as unknown as Storage, listings: () => listings };
}

describe('Tracker delivery', () => {
  before(() => worker.start({ quiet: true, onUnhandledRequest: 'bypass' }));
  after(() => worker.stop());
  afterEach(() => {
    forgetTrackers();
    worker.resetHandlers();
  });

  describe('persistence', () => {
    it('keeps undelivered events across a reload, one storage key each, and the next page sends them', async () => {
      const c = collector(() => 503);
      const first = tracker(c, { flushInterval: 60_000 });
      const sent = [first.track(TrackedEvent.productViewed)!, first.track(TrackedEvent.productAdded)!];
      await first.flush();
      expect(c.requests).to.have.length(1);
      const keys = vitrineKeys().filter((key) => key.startsWith(`vitrine:m:${c.site}:`));
      expect(keys.map((key) => key.split(':').at(-1))).to.have.members(sent.map((m) => m.messageId));
      // The page goes away: disconnecting stops its retry timer, as unloading would.
      first.connect(window)();

      c.answer = () => 200;
      // Same site and storage: what the reloaded page finds.
      const second = tracker(c);
      expect(second.stats.queued).to.equal(2);
      await waitUntil(() => second.stats.queued === 0, 'the next page never sent them');
      expect(c.ids).to.deep.equal(sent.map((m) => m.messageId));
    });

    it('drops the oldest events when full and counts them, and the count survives a reload', async () => {
      const c = collector();
      const t = tracker(c, { queueCapacity: 3, batchSize: 100, flushInterval: 60_000 });
      for (let i = 0; i < 5; i++) t.track(TrackedEvent.productViewed, { product_id: String(i) });
      expect(t.stats).to.include({ queued: 3, dropped: 2 });
      const reloaded = tracker(c, { queueCapacity: 3, flushInterval: 60_000 });
      expect(reloaded.stats).to.include({ queued: 3, dropped: 2 });
      await reloaded.flush();
      expect(c.delivered.flat().map((m) => m.properties.product_id)).to.deep.equal(['2', '3', '4']);
    });

    it('drops a sixteenth of the capacity more when full, so a queue kept full is not listed at every event', async () => {
      const c = collector();
      const { storage, listings } = listedStorage();
      const t = tracker(c, { storage, queueCapacity: 160, batchSize: 1000, flushInterval: 60_000 });
      const track = (count: number) => {
        for (let i = 0; i < count; i++) t.track(TrackedEvent.productViewed, { product_id: String(sent++) });
      };
      let sent = 0;
      track(161);
      expect(t.stats).to.include({ queued: 150, dropped: 11 });
      const listed = listings();
      track(10);
      expect(listings(), 'events into a queue with room listed it').to.equal(listed);
      track(1);
      expect(t.stats).to.include({ queued: 150, dropped: 22 });
      await t.flush();
      const delivered = c.delivered.flat().map((m) => m.properties.product_id);
      expect(delivered).to.have.length(150);
      expect(delivered[0]).to.equal('22');
      expect(delivered.at(-1)).to.equal('171');
    });

    it('falls back to memory with one warning when storage refuses, and still delivers', async () => {
      const warnings: unknown[] = [];
      const warn = console.warn;
      console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
      try {
        const c = collector();
        const t = tracker(c, { storage: refusingStorage(), flushInterval: 60_000 });
        const message = t.track(TrackedEvent.productViewed);
        t.track(TrackedEvent.productAdded);
        expect(message?.anonymousId).to.match(/^[0-9a-f-]{36}$/);
        await t.flush();
        expect(c.ids).to.have.length(2);
        expect(warnings.filter((w) => String(w).includes('refuses storage'))).to.have.length(1);
      } finally {
        console.warn = warn;
      }
    });

    it('keeps events in memory only when given no storage', async () => {
      const c = collector();
      const t = tracker(c, { storage: null, flushInterval: 60_000 });
      t.track(TrackedEvent.productViewed);
      expect(vitrineKeys()).to.deep.equal([]);
      expect(t.stats.queued).to.equal(1);
      await t.flush();
      expect(c.ids).to.have.length(1);
    });
  });

  describe('answers and retries', () => {
    it('drops and counts a batch refused with a 400, and never sends it again', async () => {
      const c = collector(() => 400);
      const t = tracker(c);
      t.track(TrackedEvent.productViewed);
      await t.flush();
      await sleep(300);
      expect(c.requests).to.have.length(1);
      expect(t.stats).to.include({ queued: 0, rejected: 1, delivered: 0 });
    });

    it('counts the events our collector refused inside a 200 answer as rejected, the rest as delivered', async () => {
      const c = collector(() => ({ status: 200, body: { accepted: 2, rejected: [{ index: 1, message: 'batch[1].properties.product_id: expected a string' }] } }));
      const t = tracker(c);
      for (let i = 0; i < 3; i++) t.track(TrackedEvent.productViewed);
      await t.flush();
      expect(c.requests).to.have.length(1);
      expect(t.stats).to.include({ queued: 0, rejected: 1, delivered: 2 });
    });

    for (const status of [500, 503, 408, 429]) {
      it(`retries a batch answered ${status} until it is taken, each message stored once`, async () => {
        const c = collector((n) => (n === 0 ? status : 200));
        const t = tracker(c);
        const message = t.track(TrackedEvent.productViewed)!;
        await waitUntil(() => c.ids.length === 1, 'never retried', { timeout: 5000 });
        expect(c.requests.map((r) => r.status)).to.deep.equal([status, 200]);
        expect(c.ids).to.deep.equal([message.messageId]);
        // The answer is read just after the collector stored the batch.
        await waitUntil(() => t.stats.queued === 0, 'the delivered message stayed queued');
        expect(t.stats).to.include({ queued: 0, delivered: 1 });
      });
    }

    it('waits as long as Retry-After says (in seconds) before trying again', async () => {
      const c = collector((n) => (n === 0 ? { status: 429, headers: { 'Retry-After': '1' } } : 200));
      const t = tracker(c, { batchSize: 1 });
      t.track(TrackedEvent.productViewed);
      await waitUntil(() => c.ids.length === 1, 'never retried', { timeout: 5000 });
      expect(c.requests).to.have.length(2);
      expect(c.requests[1]!.at - c.requests[0]!.at).to.be.at.least(990);
    });

    it('waits as long as Retry-After says (as an HTTP date)', async () => {
      const retryAt = new Date(Date.now() + 2500).toUTCString();
      const c = collector((n) => (n === 0 ? { status: 503, headers: { 'Retry-After': retryAt } } : 200));
      const t = tracker(c, { batchSize: 1 });
      t.track(TrackedEvent.productViewed);
      await waitUntil(() => c.ids.length === 1, 'never retried', { timeout: 6000 });
      expect(Date.now()).to.be.at.least(Date.parse(retryAt));
    });

    it('does not let new events cut a backoff short', async () => {
      const c = collector((n) => (n === 0 ? { status: 503, headers: { 'Retry-After': '1' } } : 200));
      const t = tracker(c, { batchSize: 1 });
      t.track(TrackedEvent.productViewed);
      await waitUntil(() => c.requests.length === 1);
      for (let i = 0; i < 5; i++) t.track(TrackedEvent.productViewed);
      await sleep(700);
      expect(c.requests).to.have.length(1);
      await waitUntil(() => c.ids.length === 6, 'never retried', { timeout: 5000 });
    });

    it('backs off further after each failure', async () => {
      const c = collector(() => 503);
      const t = tracker(c);
      t.track(TrackedEvent.productViewed);
      await sleep(1500);
      // Full jitter: waits of at most 1 s, then 2 s, 4 s... A tracker that did not back off would have sent ~30 times.
      expect(c.requests.length).to.be.within(1, 4);
    });

    it('says once in the console that events are kept while the collector cannot be reached, and delivers them later', async () => {
      const endpoint = 'https://down.example/v1/batch';
      let reachable = false;
      const received: string[] = [];
      worker.use(
        http.post(endpoint, async ({ request }) => {
          if (!reachable) return HttpResponse.error();
          received.push(...(JSON.parse(await request.text()) as { batch: TrackMessage[] }).batch.map((m) => m.messageId));
          return new HttpResponse(null, { status: 200 });
        }),
      );
      const lines: string[] = [];
      const warn = console.warn;
      console.warn = (...args: unknown[]) => lines.push(args.join(' '));
      const t = new Tracker({ site: 'down', transports: [new CollectorTransport({ endpoint, site: 'down' })], storage: sessionStorage, flushInterval: 60_000 });
      try {
        const message = t.track(TrackedEvent.productViewed)!;
        await t.flush();
        await t.flush();
        expect(lines).to.deep.equal(['[vitrine] events kept to retry: could not reach the endpoint (Failed to fetch)']);
        expect(t.stats.queued).to.equal(1);
        reachable = true;
        await t.flush();
        expect(received).to.deep.equal([message.messageId]);
        expect(t.stats).to.include({ queued: 0, delivered: 1 });
      } finally {
        console.warn = warn;
        t.revokeConsent();
      }
    });

    it('tries nothing while offline, and sends when the browser is back online', async () => {
      const c = collector();
      const t = tracker(c);
      const disconnect = t.connect(window);
      Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
      try {
        t.track(TrackedEvent.productViewed);
        await t.flush();
        await sleep(300);
        expect(c.requests).to.deep.equal([]);
      } finally {
        delete (navigator as { onLine?: boolean }).onLine;
      }
      dispatchEvent(new Event('online'));
      await waitUntil(() => c.ids.length === 1, 'nothing went out once online');
      disconnect();
    });
  });

  describe('leaving the page', () => {
    let beacons: number;
    const sendBeacon = navigator.sendBeacon;
    beforeEach(() => {
      beacons = 0;
      navigator.sendBeacon = function (url: string | URL, data?: BodyInit | null) {
        beacons++;
        return sendBeacon.call(navigator, url, data);
      };
    });
    afterEach(() => {
      navigator.sendBeacon = sendBeacon;
    });

    it('sends by beacon on pagehide, keeps the messages, and the next page sends them again', async () => {
      const c = collector();
      const t = tracker(c, { flushInterval: 60_000 });
      const disconnect = t.connect(window);
      // A click goes out at once (by fetch, whose answer says it arrived).
      const sent = [t.track(TrackedEvent.productViewed)!, t.track(TrackedEvent.productClicked)!];
      await waitUntil(() => c.ids.length === 2 && t.stats.queued === 0);
      expect(beacons).to.equal(0);
      const unsent = t.track(TrackedEvent.productAdded)!;
      dispatchEvent(new PageTransitionEvent('pagehide'));
      expect(beacons).to.equal(1);
      await waitUntil(() => c.ids.length === 3, 'the beacon never arrived');
      expect(c.ids[2]).to.equal(unsent.messageId);
      // A beacon's answer cannot be read: the message stays until a normal send is answered.
      expect(t.stats.queued).to.equal(1);
      disconnect();

      const next = tracker(c, { flushInterval: 50 });
      await waitUntil(() => next.stats.queued === 0, 'the next page never re-sent it');
      expect(c.ids.slice(3)).to.deep.equal([unsent.messageId]);
      expect(new Set(c.ids)).to.deep.equal(new Set([...sent, unsent].map((m) => m.messageId)));
    });

    it('beacons once when the page is hidden and then unloaded, and re-sends normally if it comes back', async () => {
      const c = collector();
      const t = tracker(c, { flushInterval: 60_000 });
      const disconnect = t.connect(window);
      t.track(TrackedEvent.productViewed);
      Object.defineProperty(document, 'visibilityState', { configurable: true, value: 'hidden' });
      try {
        document.dispatchEvent(new Event('visibilitychange'));
        dispatchEvent(new PageTransitionEvent('pagehide'));
      } finally {
        delete (document as { visibilityState?: string }).visibilityState;
      }
      expect(beacons).to.equal(1);
      await waitUntil(() => c.ids.length === 1);
      expect(t.stats.queued).to.equal(1);
      // The page came back: the next normal send delivers it for good.
      await t.flush();
      expect(t.stats.queued).to.equal(0);
      expect(c.ids).to.have.length(2);
      disconnect();
    });

    it('falls back to a keepalive fetch when the browser refuses the beacon', async () => {
      navigator.sendBeacon = () => false;
      const c = collector();
      const t = tracker(c, { flushInterval: 60_000 });
      t.track(TrackedEvent.productViewed);
      await t.flush({ unloading: true });
      await waitUntil(() => c.ids.length === 1, 'the keepalive fetch never arrived');
    });
  });

  describe('several tabs', () => {
    it('never sends the same event twice at once from two trackers on one storage', async () => {
      // The collector takes its time, so both trackers are busy at once.
      const c = collector(() => ({ status: 200, delayMs: 40 }));
      const slow = { batchSize: 5, flushInterval: 20 };
      const a = tracker(c, slow);
      const b = tracker(c, slow);
      const ids: string[] = [];
      for (let i = 0; i < 60; i++) ids.push((i % 2 ? a : b).track(TrackedEvent.productViewed, { i })!.messageId);
      await Promise.all([a.flush(), b.flush(), a.flush(), b.flush()]);
      await waitUntil(() => a.stats.queued === 0, 'events stayed behind', { timeout: 10_000 });
      expect(c.ids).to.have.length(60);
      expect(new Set(c.ids)).to.deep.equal(new Set(ids));
      expect(c.requests.every((r) => r.status === 200)).to.equal(true);
    });

    it('sends what a closed tab left behind from a tab still open', async () => {
      const c = collector();
      const closed = tracker(c, { flushInterval: 60_000 });
      const left = closed.track(TrackedEvent.productViewed)!;
      closed.connect(window)();
      const open = tracker(c, { flushInterval: 60_000 });
      const own = open.track(TrackedEvent.productAdded)!;
      await open.flush();
      // Two tabs' clocks can tie to the microsecond, so only within a tab is the order certain.
      expect([...c.ids].sort()).to.deep.equal([left.messageId, own.messageId].sort());
      expect(open.stats.queued).to.equal(0);
    });
  });
});
