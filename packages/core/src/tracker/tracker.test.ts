import { expect, waitUntil } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { setupWorker } from 'msw/browser';
import { CollectorTransport, TRACK_EVENT, Tracker, TrackedEvent, type TrackMessage } from '@vitrine/core';

const ENDPOINT = 'https://collector.example/v1/batch';
const worker = setupWorker();

interface ReceivedBatch {
  batch: TrackMessage[];
  site: string;
  sentAt: string;
  contentType: string | null;
}

function collector(status: () => number = () => 200): ReceivedBatch[] {
  const received: ReceivedBatch[] = [];
  worker.use(
    http.post(ENDPOINT, async ({ request }) => {
      const body = JSON.parse(await request.text());
      const answer = status();
      if (answer === 200) received.push({ ...body, contentType: request.headers.get('content-type') });
      return new HttpResponse(null, { status: answer });
    }),
  );
  return received;
}

function tracker(options: Partial<ConstructorParameters<typeof Tracker>[0]> = {}) {
  return new Tracker({ transports: [new CollectorTransport({ endpoint: ENDPOINT, site: 'demo' })], flushInterval: 50, ...options });
}

describe('Tracker', () => {
  before(() => worker.start({ quiet: true, onUnhandledRequest: 'bypass' }));
  after(() => worker.stop());
  afterEach(() => worker.resetHandlers());

  it('sends Segment-spec track messages in one batch after the flush interval', async () => {
    const received = collector();
    const t = tracker();
    t.track(TrackedEvent.productViewed, { product_id: 'a', position: 1 });
    t.track(TrackedEvent.productViewed, { product_id: 'b', position: 2 });
    await waitUntil(() => received.length === 1, 'batch never arrived');
    const [batch] = received;
    expect(batch!.site).to.equal('demo');
    expect(batch!.contentType).to.match(/^text\/plain/);
    expect(batch!.batch.map((m) => m.properties.product_id)).to.deep.equal(['a', 'b']);
    const message = batch!.batch[0]!;
    expect(message.type).to.equal('track');
    expect(message.event).to.equal('Product Viewed');
    expect(message.messageId).to.match(/^[0-9a-f-]{36}$/);
    expect(message.anonymousId).to.equal(batch!.batch[1]!.anonymousId);
    expect(message.context.library).to.deep.equal({ name: 'vitrine', version: '0.1.0' });
    expect(message.context.page.path).to.equal(location.pathname);
    expect(new Date(message.timestamp).toString()).to.not.equal('Invalid Date');
  });

  it('splits batches by count', async () => {
    const received = collector();
    const t = tracker({ batchSize: 3, flushInterval: 60_000 });
    for (let i = 0; i < 7; i++) t.track(TrackedEvent.productViewed, { product_id: String(i) });
    await t.flush();
    expect(received.map((b) => b.batch.length)).to.deep.equal([3, 3, 1]);
  });

  it('sends a click at once, by beacon, so a navigation that follows cannot lose it', async () => {
    const received = collector();
    const beacons: string[] = [];
    const original = navigator.sendBeacon;
    navigator.sendBeacon = function (url: string | URL, data?: BodyInit | null) {
      beacons.push(String(url));
      return original.call(navigator, url, data);
    };
    try {
      tracker({ flushInterval: 60_000 }).track(TrackedEvent.productClicked, { product_id: 'a' });
      expect(beacons).to.deep.equal([ENDPOINT]);
      await waitUntil(() => received.length === 1, 'beacon never arrived');
      expect(received[0]!.batch[0]!.event).to.equal('Product Clicked');
    } finally {
      navigator.sendBeacon = original;
    }
  });

  it('keeps a batch the collector could not take and delivers it later, each message once', async () => {
    const answers = [503, 200];
    const received = collector(() => answers.shift() ?? 200);
    const t = tracker();
    t.track(TrackedEvent.productViewed, { product_id: 'a' });
    await t.flush();
    expect(t.stats.queued).to.equal(1);
    await t.flush();
    expect(received.flatMap((b) => b.batch.map((m) => m.properties.product_id))).to.deep.equal(['a']);
    expect(t.stats).to.include({ queued: 0, delivered: 1 });
  });

  it('drops and counts a batch refused with a 400, instead of retrying it forever', async () => {
    collector(() => 400);
    const t = tracker();
    t.track(TrackedEvent.productViewed, { product_id: 'a' });
    await t.flush();
    expect(t.stats).to.include({ queued: 0, rejected: 1 });
  });

  it('drops an oversized event with a warning and keeps the rest', async () => {
    collector();
    const t = tracker();
    expect(t.track(TrackedEvent.productViewed, { blob: 'x'.repeat(40_000) })).to.equal(undefined);
    expect(t.stats.dropped).to.equal(1);
  });

  it('hears the elements’ vitrine-track events, even when the host stops their propagation', async () => {
    const received = collector();
    const t = tracker();
    const disconnect = t.connect(window);
    const host = document.createElement('div');
    host.addEventListener(TRACK_EVENT, (event) => event.stopPropagation());
    const inner = host.attachShadow({ mode: 'open' }).appendChild(document.createElement('span'));
    document.body.append(host);
    try {
      inner.dispatchEvent(new CustomEvent(TRACK_EVENT, { bubbles: true, composed: true, detail: { event: 'Product Viewed', properties: { product_id: 'z' } } }));
      await waitUntil(() => received.length === 1);
      expect(received[0]!.batch[0]!.properties).to.deep.equal({ product_id: 'z' });
    } finally {
      disconnect();
      host.remove();
    }
  });

  it('flushes what is waiting when the page is hidden', async () => {
    const received = collector();
    const t = tracker({ flushInterval: 60_000 });
    const disconnect = t.connect(window);
    try {
      t.track(TrackedEvent.productViewed, { product_id: 'p' });
      window.dispatchEvent(new PageTransitionEvent('pagehide'));
      await waitUntil(() => received.length === 1);
      expect(t.stats.queued).to.equal(0);
    } finally {
      disconnect();
    }
  });
});
