import { expect, waitUntil } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { setupWorker } from 'msw/browser';
import {
  FunctionTransport,
  Ga4Transport,
  RetryLater,
  SegmentTransport,
  Tracker,
  TrackedEvent,
  createMessage,
  orderCompletedProperties,
  productProperties,
  readProduct,
  readPurchase,
  retryAfterMs,
  type Touch,
  type TrackMessage,
  type Transport,
} from '@vitrine/core';
import { rawProduct } from '../test-helpers/products.js';

const SEGMENT = 'https://api.segment.example/v1/batch';
const worker = setupWorker();
const send = (transport: Transport, messages: TrackMessage[], unloading = false) => transport.send(messages, { unloading });

interface SegmentRequest {
  body: { batch: unknown[]; sentAt: unknown; writeKey: unknown };
  bytes: number;
  contentType: string | null;
  credentials: RequestCredentials;
}

/** A Segment-spec endpoint answering with `answer` (200 by default); records every request it gets. */
function segment(answer: () => Response = () => new HttpResponse(null, { status: 200 })): SegmentRequest[] {
  const requests: SegmentRequest[] = [];
  worker.use(
    http.post(SEGMENT, async ({ request }) => {
      const text = await request.text();
      requests.push({ body: JSON.parse(text), bytes: new Blob([text]).size, contentType: request.headers.get('content-type'), credentials: request.credentials });
      return answer();
    }),
  );
  return requests;
}

/**
 * What Segment's HTTP Tracking API documents for a track call inside a batch: `type` (each call of a batch names
 * its own), an `event` name, a `userId` or an `anonymousId`, a `messageId` to deduplicate by, an ISO 8601
 * `timestamp`; `properties` and `context` are objects; a call is at most 32 KB and a batch request at most 500 KB.
 */
function segmentBatchProblems(request: SegmentRequest): string[] {
  const problems: string[] = [];
  const { batch, writeKey, sentAt } = request.body;
  if (typeof writeKey !== 'string' || !writeKey) problems.push('writeKey missing from the body');
  if (typeof sentAt !== 'string' || Number.isNaN(Date.parse(sentAt))) problems.push('sentAt is not a date');
  if (request.bytes > 500 * 1024) problems.push('request over 500 KB');
  if (!Array.isArray(batch) || batch.length === 0) return [...problems, 'batch is not a non-empty array'];
  batch.forEach((value, index) => {
    const call = value as Record<string, unknown>;
    const problem = (text: string) => problems.push(`batch[${index}]: ${text}`);
    if (call.type !== 'track') problem('type is not "track"');
    if (typeof call.event !== 'string' || !call.event) problem('track call without an event name');
    if (!(typeof call.userId === 'string' && call.userId) && !(typeof call.anonymousId === 'string' && call.anonymousId)) problem('neither userId nor anonymousId');
    if (typeof call.messageId !== 'string' || !call.messageId) problem('no messageId');
    if (typeof call.timestamp !== 'string' || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(call.timestamp)) problem('timestamp is not ISO 8601');
    for (const key of ['properties', 'context']) if (typeof call[key] !== 'object' || call[key] === null || Array.isArray(call[key])) problem(`${key} is not an object`);
    if (new Blob([JSON.stringify(call)]).size > 32 * 1024) problem('call over 32 KB');
  });
  return problems;
}

const product = () => readProduct(rawProduct({ id: 'sku-1', title: 'Linen shirt', brand: 'Northwind', price: { amount: 4900, currency: 'EUR' } }), 'product');
const touch: Touch = { clickId: 'click-ana-1', creatorId: 'ana', clipId: 'summer', at: Date.UTC(2024, 4, 1), source: 'link' };
const order = () =>
  orderCompletedProperties(
    readPurchase({ orderId: '1001', currency: 'EUR', total: 11_500, tax: 1836, shipping: 500, items: [{ productId: 'sku-1', variantId: 'sku-1-m', price: 4900, quantity: 2 }, { productId: 'sku-2', price: 1200, quantity: 1 }], discounts: [{ code: 'SUMMER', amount: 0 }] }),
    touch,
  );

describe('destinations', () => {
  before(() => worker.start({ quiet: true, onUnhandledRequest: 'bypass' }));
  after(() => worker.stop());
  afterEach(() => worker.resetHandlers());

  describe('SegmentTransport', () => {
    it('posts the tracker’s batches in Segment’s HTTP Tracking API batch format, write key in the body', async () => {
      const requests = segment();
      const tracker = new Tracker({ site: 'segment-test', storage: null, flushInterval: 20, transports: [new SegmentTransport({ endpoint: SEGMENT, writeKey: 'wk_123' })] });
      try {
        tracker.track(TrackedEvent.productViewed, productProperties(product(), 1));
        tracker.track(TrackedEvent.orderCompleted, order());
        await waitUntil(() => requests.length === 1, 'the batch never reached Segment');
        const [request] = requests;
        expect(segmentBatchProblems(request!)).to.deep.equal([]);
        expect(request!.body.writeKey).to.equal('wk_123');
        expect(request!.contentType).to.match(/^text\/plain/);
        expect(request!.credentials).to.equal('omit');
        const [viewed, completed] = request!.body.batch as TrackMessage[];
        expect([viewed!.event, completed!.event]).to.deep.equal(['Product Viewed', 'Order Completed']);
        expect(completed!.properties).to.include({ order_id: '1001', total: 115, total_minor: 11_500, currency: 'EUR' });
        expect(tracker.stats).to.include({ delivered: 2, queued: 0 });
      } finally {
        tracker.revokeConsent();
      }
    });

    it('sends by beacon while the page unloads', async () => {
      const requests = segment();
      const beacons: string[] = [];
      const original = navigator.sendBeacon;
      navigator.sendBeacon = function (url: string | URL, data?: BodyInit | null) {
        beacons.push(String(url));
        return original.call(navigator, url, data);
      };
      try {
        const result = await send(new SegmentTransport({ endpoint: SEGMENT, writeKey: 'wk_123' }), [createMessage('Product Clicked', { product_id: 'a' }, 'anon-1')], true);
        expect(result).to.equal('delivered');
        expect(beacons).to.deep.equal([SEGMENT]);
        await waitUntil(() => requests.length === 1, 'the beacon never arrived');
        expect(segmentBatchProblems(requests[0]!)).to.deep.equal([]);
      } finally {
        navigator.sendBeacon = original;
      }
    });

    it('counts a 4xx as refused for good, and retries 408, 429 and 5xx after the Retry-After delay', async () => {
      const transport = new SegmentTransport({ endpoint: SEGMENT, writeKey: 'wk_123' });
      const messages = [createMessage('Product Viewed', { product_id: 'a' }, 'anon-1')];
      const outcome = async (status: number, headers: Record<string, string> = {}) => {
        segment(() => new HttpResponse(null, { status, headers }));
        try {
          return await send(transport, messages);
        } catch (error) {
          return error;
        }
      };

      expect(await outcome(400)).to.equal('rejected');
      expect(await outcome(413)).to.equal('rejected');
      const unavailable = await outcome(503, { 'Retry-After': '7' });
      expect(unavailable).to.be.instanceOf(RetryLater);
      expect((unavailable as RetryLater).retryAfterMs).to.equal(7000);
      expect((unavailable as RetryLater).message).to.equal('the endpoint answered 503');
      const inTwoMinutes = new Date(Date.now() + 120_000).toUTCString();
      const limited = (await outcome(429, { 'Retry-After': inTwoMinutes })) as RetryLater;
      expect(limited).to.be.instanceOf(RetryLater);
      expect(limited.retryAfterMs).to.be.within(115_000, 120_000);
      const timedOut = (await outcome(408)) as RetryLater;
      expect(timedOut).to.be.instanceOf(RetryLater);
      expect(timedOut.retryAfterMs).to.equal(undefined);
    });

    it('retries when the endpoint cannot be reached', async () => {
      worker.use(http.post(SEGMENT, () => HttpResponse.error()));
      const error = await send(new SegmentTransport({ endpoint: SEGMENT, writeKey: 'k' }), [createMessage('Product Viewed', {}, 'anon-1')]).catch((e: unknown) => e);
      expect(error).to.be.instanceOf(RetryLater);
      expect((error as RetryLater).message).to.match(/^could not reach the endpoint/);
    });

    it('reads Retry-After as seconds or as an HTTP date', () => {
      const now = Date.UTC(2024, 4, 1, 12, 0, 0);
      expect(retryAfterMs('120', now)).to.equal(120_000);
      expect(retryAfterMs(' 0 ', now)).to.equal(0);
      expect(retryAfterMs('Wed, 01 May 2024 12:00:30 GMT', now)).to.equal(30_000);
      expect(retryAfterMs('Wed, 01 May 2024 11:00:00 GMT', now)).to.equal(0, 'a date in the past means now');
      expect(retryAfterMs('soon', now)).to.equal(undefined);
      expect(retryAfterMs(null, now)).to.equal(undefined);
    });
  });

  describe('Ga4Transport', () => {
    it('pushes each e-commerce event in GA4’s ecommerce shape, after clearing the previous one', async () => {
      const dataLayer: unknown[] = [];
      const listed = { ...productProperties(product(), 3), list_id: 'summer' };
      const messages = [
        createMessage(TrackedEvent.productListViewed, { list_id: 'summer', products: [productProperties(product(), 1), { ...productProperties(product(), 2), product_id: 'sku-2', name: 'Wool scarf', price: 19.99 }] }, 'anon-1'),
        createMessage(TrackedEvent.productClicked, { ...listed, clip_id: 'summer', creator_id: 'ana' }, 'anon-1'),
        createMessage(TrackedEvent.productViewed, listed, 'anon-1'),
        createMessage(TrackedEvent.productAdded, { product_id: 'sku-2', name: 'Wool scarf', price: 4.35, currency: 'EUR', variant: 'grey', quantity: 3 }, 'anon-1'),
        createMessage(TrackedEvent.videoPlaybackStarted, { clip_id: 'summer' }, 'anon-1'),
        createMessage(TrackedEvent.checkoutStarted, { value: 115, currency: 'EUR', coupon: 'SUMMER', products: [{ product_id: 'sku-1', price: 49, quantity: 2 }] }, 'anon-1'),
        createMessage(TrackedEvent.orderCompleted, order(), 'anon-1'),
        createMessage(TrackedEvent.orderRefunded, { order_id: '1001', total: 49, currency: 'EUR', products: [{ product_id: 'sku-1', price: 49, quantity: 1 }] }, 'anon-1'),
      ];

      expect(await send(new Ga4Transport({ dataLayer }), messages)).to.equal('delivered');

      const shirt = { item_id: 'sku-1', item_name: 'Linen shirt', item_brand: 'Northwind', price: 49 };
      expect(dataLayer).to.deep.equal([
        { ecommerce: null },
        { event: 'view_item_list', ecommerce: { item_list_id: 'summer', items: [{ ...shirt, index: 0 }, { ...shirt, item_id: 'sku-2', item_name: 'Wool scarf', price: 19.99, index: 1 }] } },
        { ecommerce: null },
        { event: 'select_item', vt_creator: 'ana', vt_clip: 'summer', ecommerce: { item_list_id: 'summer', items: [{ ...shirt, index: 2 }] } },
        { ecommerce: null },
        { event: 'view_item', ecommerce: { currency: 'EUR', value: 49, items: [{ ...shirt, index: 2 }] } },
        { ecommerce: null },
        { event: 'add_to_cart', ecommerce: { currency: 'EUR', value: 13.05, items: [{ item_id: 'sku-2', item_name: 'Wool scarf', item_variant: 'grey', price: 4.35, quantity: 3 }] } },
        { ecommerce: null },
        { event: 'begin_checkout', ecommerce: { currency: 'EUR', value: 115, coupon: 'SUMMER', items: [{ item_id: 'sku-1', price: 49, quantity: 2 }] } },
        { ecommerce: null },
        {
          event: 'purchase',
          vt_creator: 'ana',
          vt_clip: 'summer',
          ecommerce: {
            transaction_id: '1001',
            currency: 'EUR',
            value: 115,
            tax: 18.36,
            shipping: 5,
            coupon: 'SUMMER',
            items: [
              { item_id: 'sku-1', item_variant: 'sku-1-m', price: 49, quantity: 2 },
              { item_id: 'sku-2', price: 12, quantity: 1 },
            ],
          },
        },
        { ecommerce: null },
        { event: 'refund', ecommerce: { transaction_id: '1001', currency: 'EUR', value: 49, items: [{ item_id: 'sku-1', price: 49, quantity: 1 }] } },
      ]);
    });

    it('uses window.dataLayer, creating it when missing, and keeps one a tag manager already set up', async () => {
      const owner = window as { dataLayer?: unknown[] };
      const previous = owner.dataLayer;
      try {
        delete owner.dataLayer;
        const transport = new Ga4Transport();
        await send(transport, [createMessage(TrackedEvent.productViewed, { product_id: 'a', price: 1, currency: 'EUR' }, 'anon-1')]);
        expect(owner.dataLayer).to.deep.equal([{ ecommerce: null }, { event: 'view_item', ecommerce: { currency: 'EUR', value: 1, items: [{ item_id: 'a', price: 1 }] } }]);

        const seenByTagManager: unknown[] = [];
        const managed: unknown[] = [{ 'gtm.start': 1 }];
        managed.push = (...items: unknown[]) => seenByTagManager.push(...items);
        owner.dataLayer = managed;
        await send(transport, [createMessage(TrackedEvent.productAdded, { product_id: 'b', price: 2, currency: 'EUR' }, 'anon-1')]);
        expect(seenByTagManager).to.deep.equal([{ ecommerce: null }, { event: 'add_to_cart', ecommerce: { currency: 'EUR', value: 2, items: [{ item_id: 'b', price: 2 }] } }]);
      } finally {
        owner.dataLayer = previous;
      }
    });

    it('pushes each message once: not again when the batch is retried, nor while the page unloads', async () => {
      const dataLayer: unknown[] = [];
      const transport = new Ga4Transport({ dataLayer });
      const first = createMessage(TrackedEvent.productViewed, { product_id: 'a' }, 'anon-1');
      const second = createMessage(TrackedEvent.productViewed, { product_id: 'b' }, 'anon-1');

      expect(await send(transport, [first], true)).to.equal('delivered');
      expect(dataLayer).to.deep.equal([]);
      await send(transport, [first]);
      await send(transport, [first, second]);

      expect(dataLayer.filter((entry) => (entry as { event?: string }).event).map((entry) => (entry as { ecommerce: { items: Array<{ item_id: string }> } }).ecommerce.items[0]!.item_id)).to.deep.equal(['a', 'b']);
    });

    it('skips what it cannot read, logs it once, and never throws', async () => {
      const dataLayer: unknown[] = [];
      const warnings: unknown[] = [];
      const original = console.warn;
      console.warn = (...args: unknown[]) => void warnings.push(args.join(' '));
      try {
        const broken = createMessage(TrackedEvent.orderCompleted, { order_id: 'x', products: [null] }, 'anon-1');
        const fine = createMessage(TrackedEvent.productViewed, { product_id: 'ok' }, 'anon-1');
        expect(await send(new Ga4Transport({ dataLayer }), [broken, fine])).to.equal('delivered');
        expect(dataLayer).to.deep.equal([{ ecommerce: null }, { event: 'view_item', ecommerce: { items: [{ item_id: 'ok' }] } }]);
        expect(warnings).to.have.length(1);
        expect(warnings[0]).to.match(/^\[vitrine\] "Order Completed" could not be pushed to the dataLayer/);
      } finally {
        console.warn = original;
      }
    });
  });

  describe('FunctionTransport', () => {
    it('hands the host function a copy of each batch and waits for it', async () => {
      const received: TrackMessage[][] = [];
      let finished = false;
      const transport = new FunctionTransport(async (messages) => {
        received.push(messages);
        messages[0]!.properties.product_id = 'changed by the host';
        await new Promise((resolve) => setTimeout(resolve, 20));
        finished = true;
      });
      const message = createMessage(TrackedEvent.productViewed, { product_id: 'a' }, 'anon-1');

      expect(await send(transport, [message])).to.equal('delivered');

      expect(finished).to.equal(true);
      expect(received).to.have.length(1);
      expect(received[0]![0]!.messageId).to.equal(message.messageId);
      expect(message.properties.product_id).to.equal('a');
    });

    it('calls the host once per message: not again on a retry, nor while the page unloads', async () => {
      const batches: string[][] = [];
      const transport = new FunctionTransport((messages) => void batches.push(messages.map((m) => m.properties.product_id as string)));
      const a = createMessage(TrackedEvent.productViewed, { product_id: 'a' }, 'anon-1');
      const b = createMessage(TrackedEvent.productViewed, { product_id: 'b' }, 'anon-1');

      await send(transport, [a], true);
      await send(transport, [a]);
      await send(transport, [a, b]);
      await send(transport, [a, b]);

      expect(batches).to.deep.equal([['a'], ['b']]);
    });

    it('counts a batch refused when the host function throws or rejects, logging the error once', async () => {
      const errors: string[] = [];
      const original = console.error;
      console.error = (...args: unknown[]) => void errors.push(args.join(' '));
      try {
        const throwing = new FunctionTransport(() => {
          throw new Error('host bug');
        });
        const rejecting = new FunctionTransport(() => Promise.reject(new Error('host bug')));
        expect(await send(throwing, [createMessage('Product Viewed', {}, 'anon-1')])).to.equal('rejected');
        expect(await send(throwing, [createMessage('Product Viewed', {}, 'anon-1')])).to.equal('rejected');
        expect(await send(rejecting, [createMessage('Product Viewed', {}, 'anon-1')])).to.equal('rejected');
        expect(errors).to.deep.equal(['[vitrine] a destination function failed, its events are dropped: host bug']);
      } finally {
        console.error = original;
      }
    });

    it('does not hold the tracker’s queue when the host function throws', async () => {
      const tracker = new Tracker({
        site: 'function-test',
        storage: null,
        flushInterval: 20,
        transports: [
          new FunctionTransport(() => {
            throw new Error('broken destination');
          }),
        ],
      });
      const original = console.error;
      console.error = () => {};
      try {
        tracker.track(TrackedEvent.productViewed, { product_id: 'a' });
        await tracker.flush();
        tracker.track(TrackedEvent.productViewed, { product_id: 'b' });
        await tracker.flush();
        expect(tracker.stats).to.include({ queued: 0, rejected: 2, delivered: 0 });
      } finally {
        console.error = original;
        tracker.revokeConsent();
      }
    });
  });
});
