import assert from 'node:assert/strict';
import { test, type TestContext } from 'node:test';
import { parseConfig, signatureHeader } from '../src/index.js';
import { batchOf, startCollector, type RunningCollector } from './helpers.js';
import { linkOpened, orderCompleted, postSigned, tableCounts, testClock, type BrowserLine } from './order-helpers.js';

const SECRET = 'shop-signing-secret-2026';
const OLD_SECRET = 'shop-signing-secret-2025';
// Far from the real time: signatures are checked against the collector's clock.
const NOW = '2026-03-01T10:00:00.000Z';
const RULES = [
  { id: 'site', rate: 0.1 },
  { id: 'acme', brand: 'acme', rate: 0.2, bonus: { EUR: 300 } },
  { id: 'ana-kettle', product: 'kettle', creator: 'ana', rate: 0.3 },
  { id: 'ben', creator: 'ben', rate: 0.15, bonus: { EUR: 1000 } },
];
const BROWSER_LINES: BrowserLine[] = [
  { product_id: 'scarf', brand: 'acme', price_minor: 2500, quantity: 2 },
  { product_id: 'kettle', brand: 'acme', price_minor: 1999, quantity: 1 },
  { product_id: 'mug', price_minor: 1250, quantity: 1 },
];

interface Shop {
  running: RunningCollector;
  clock: ReturnType<typeof testClock>;
  /** A signed call at the collector's time. */
  call(path: string, body: unknown): Promise<{ status: number; body: any }>;
  ingest(events: Array<Record<string, unknown>>): Promise<void>;
  entries(orderId: string): Promise<unknown[][]>;
}

async function startShop(t: TestContext, { autoConfirm = false } = {}): Promise<Shop> {
  const clock = testClock(NOW);
  const config = parseConfig({
    sites: { shop: { autoConfirm, signingSecrets: [SECRET, OLD_SECRET], commission: RULES }, quiet: {} },
  });
  const running = await startCollector(t, { config, now: clock.now });
  return {
    running,
    clock,
    async call(path, body) {
      const response = await postSigned(running.url, path, body, SECRET, clock.ms());
      return { status: response.status, body: await response.json() };
    },
    async ingest(events) {
      const response = await running.postBatch(batchOf(events, 'shop'));
      assert.deepEqual(await response.json(), { accepted: events.length, rejected: [] });
    },
    async entries(orderId) {
      const { rows } = await running.collector.db.query<Record<string, unknown>>(
        'SELECT bucket, reason, product_id, creator_id, clip_id, revenue, commission FROM ledger WHERE order_id = $1 ORDER BY entry_id',
        [orderId],
      );
      return rows.map((row) => [row.bucket, row.reason, row.product_id, row.creator_id, row.clip_id, Number(row.revenue), Number(row.commission)]);
    },
  };
}

const touch = (clickId: string, creatorId: string, clipId: string) => linkOpened({ clickId, creatorId, clipId, timestamp: '2026-03-01T09:00:00.000Z' });
const browserOrder = (orderId: string, extra: Partial<Parameters<typeof orderCompleted>[0]> = {}) =>
  orderCompleted({ orderId, currency: 'EUR', lines: BROWSER_LINES, attribution: { creator_id: 'ana', clip_id: 'k-ana-1', click_id: 'c-ana-1' }, timestamp: '2026-03-01T09:30:00.000Z', ...extra });

test('unsigned, badly signed, stale or misaddressed calls are refused with 401 and store nothing', async (t) => {
  const shop = await startShop(t);
  const now = shop.clock.ms();
  const body = JSON.stringify({ site: 'shop', orderId: 'o-1', currency: 'EUR', items: [{ productId: 'mug', price: 1250, quantity: 1 }] });
  const hex = signatureHeader(SECRET, body, now).split('v1=')[1]!;
  const t0 = Math.floor(now / 1000);
  const cases: Array<[string | undefined, string, string?]> = [
    [undefined, 'signature_missing'],
    ['', 'signature_missing'],
    ['garbage', 'signature_malformed'],
    [`t=${t0}`, 'signature_malformed'],
    [`v1=${hex}`, 'signature_malformed'],
    [`t=soon,v1=${hex}`, 'signature_malformed'],
    [`t=${t0},v1=${hex.slice(1)}`, 'signature_malformed'],
    [signatureHeader(SECRET, body, now - 301_000), 'signature_expired'],
    [signatureHeader(SECRET, body, now + 301_000), 'signature_expired'],
    [signatureHeader(SECRET, body, Date.now()), 'signature_expired', 'signed on the real clock, not the collector’s'],
    [signatureHeader('another-secret-of-the-kind', body, now), 'signature_mismatch'],
    [signatureHeader(SECRET, `${body} `, now), 'signature_mismatch', 'signed another body'],
    [`t=${t0 + 1},v1=${hex}`, 'signature_mismatch', 'the timestamp is signed with the body'],
  ];
  for (const [header, code, why] of cases) {
    for (const path of ['/v1/orders', '/v1/orders/o-1/refunds']) {
      const response = await fetch(`${shop.running.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...(header !== undefined && { 'vitrine-signature': header }) }, body });
      assert.equal(response.status, 401, `${path} ${header} ${why ?? ''}`);
      assert.equal(response.headers.get('www-authenticate'), 'Vitrine-Signature');
      assert.equal(((await response.json()) as any).error.code, code, `${path} ${header} ${why ?? ''}`);
    }
  }
  for (const siteId of ['elsewhere', 'quiet', 'constructor', 'toString', 42]) {
    const response = await shop.call('/v1/orders', { site: siteId, orderId: 'o-1' });
    assert.deepEqual([response.status, response.body.error.code], [401, 'unknown_site'], `site ${siteId}`);
  }
  for (const contentType of ['text/plain', 'application/x-www-form-urlencoded', '']) {
    const response = await fetch(`${shop.running.url}/v1/orders`, { method: 'POST', headers: { 'content-type': contentType, 'vitrine-signature': signatureHeader(SECRET, body, now) }, body });
    assert.equal(response.status, 415, contentType);
  }
  assert.deepEqual(await tableCounts(shop.running.collector.db), { events: 0, orders: 0, ledger: 0, refunds: 0, touches: 0 });

  // The edges of the window, and a secret being rotated out, still pass.
  for (const [secret, at, orderId] of [[SECRET, now - 300_000, 'o-old'], [SECRET, now + 300_000, 'o-ahead'], [OLD_SECRET, now, 'o-rotated']] as const) {
    const signed = JSON.stringify({ site: 'shop', orderId, currency: 'EUR', items: [{ productId: 'mug', price: 1250, quantity: 1 }] });
    const response = await fetch(`${shop.running.url}/v1/orders`, { method: 'POST', headers: { 'content-type': 'application/json; charset=utf-8', 'vitrine-signature': signatureHeader(secret, signed, at) }, body: signed });
    assert.equal(response.status, 200, orderId);
  }
});

test('a signed body of the wrong shape is refused with 400 naming the field, and nothing is stored', async (t) => {
  const shop = await startShop(t);
  const item = { productId: 'mug', price: 1250, quantity: 1 };
  const cases: Array<[unknown, string]> = [
    [{ site: 'shop', orderId: 'o-1', currency: 'EUR', items: [item], coupon: 'X' }, 'coupon: unknown field; expected site, orderId, currency, items, discount, placedAt, clickId'],
    [{ site: 'shop', orderId: 'o-1', currency: 'EUR' }, 'items: send currency and items together, or neither to confirm the order as the browser reported it'],
    [{ site: 'shop', orderId: 'o-1', items: [item] }, 'currency: send currency and items together, or neither to confirm the order as the browser reported it'],
    [{ site: 'shop', orderId: 'o-1', currency: 'eur', items: [item] }, 'currency: expected an ISO 4217 currency code in capitals, like "EUR", got "eur"'],
    [{ site: 'shop', orderId: 'o-1', currency: 'XYZ', items: [item] }, 'currency: expected an ISO 4217 currency code in capitals, like "EUR", got "XYZ"'],
    [{ site: 'shop', orderId: 'o-1', currency: 'EUR', items: [item, item], discount: 2501 }, "discount: expected at most the lines' total, 2500, got a number"],
    [{ site: 'shop', orderId: 'o-1', currency: 'EUR', items: [{ ...item, price: -1 }] }, 'items[0].price: expected an integer amount in minor units (4990 for 49.90), got a number'],
    [{ site: 'shop', orderId: 'o-1', currency: 'EUR', items: [{ ...item, quantity: 0 }] }, 'items[0].quantity: expected a whole number of units from 1 to 100000, got a number'],
    [{ site: 'shop', orderId: 'o-1', currency: 'EUR', items: [] }, 'items: expected 1 to 500 lines, got an array of 0 items'],
    [{ site: 'shop', orderId: '', currency: 'EUR', items: [item] }, 'orderId: expected a string of 1-200 characters, got an empty string'],
    [{ site: 'shop', orderId: 'o-1', clickId: "'); DROP TABLE orders;--" }, 'clickId: expected the vt_id of the landing URL: 1-64 letters, digits, "_" or "-", got "\'); DROP TABLE orders;--"'],
    [{ site: 'shop', orderId: 'o-1', placedAt: '2026-02-30T10:00:00Z' }, 'placedAt: expected an ISO 8601 date-time with a time zone, from 1970 to 9999, like 2024-05-01T12:00:00.000Z, got "2026-02-30T10:00:00Z"'],
  ];
  for (const [body, message] of cases) {
    const response = await shop.call('/v1/orders', body);
    assert.deepEqual([response.status, response.body], [400, { error: { code: 'invalid_body', message } }]);
  }
  const refund = await shop.call('/v1/orders/o-1/refunds', { site: 'shop', orderId: 'o-1', refundId: 'r-1', items: [{ productId: 'mug', quantity: 1.5 }] });
  assert.deepEqual([refund.status, refund.body.error.message], [400, 'items[0].quantity: expected a whole number of units from 1 to 100000, got a number']);
  const empty = await shop.call('/v1/orders/o-1/refunds', { site: 'shop', orderId: 'o-1', refundId: 'r-1', items: [] });
  assert.deepEqual([empty.status, empty.body.error.message], [400, 'items: expected 1 to 500 lines (or none, to refund everything not yet refunded), got an array of 0 items']);
  const unknown = await shop.call('/v1/orders', { site: 'shop', orderId: 'never-seen' });
  assert.deepEqual([unknown.status, unknown.body.error.code], [422, 'order_unknown']);
  assert.deepEqual(await tableCounts(shop.running.collector.db), { events: 0, orders: 0, ledger: 0, refunds: 0, touches: 0 });
});

test("the merchant's own order is confirmed, credited through the click id, and idempotent", async (t) => {
  const shop = await startShop(t);
  await shop.ingest([touch('c-ana-1', 'ana', 'k-ana-1')]);
  const order = { site: 'shop', orderId: 'm-1', currency: 'EUR', items: [{ productId: 'kettle', brand: 'acme', price: 1999, quantity: 2 }, { productId: 'mug', price: 1250, quantity: 1 }], discount: 500, clickId: 'c-ana-1' };

  const first = await shop.call('/v1/orders', order);

  // Discount 500 over 3998 + 1250: 380 r4760 and 119 r488, the unit left to the kettle: paid 3617 and 1131.
  // Kettle for ana 30% = 1085.1 → 1085; mug on the site rule 10% = 113.1 → 113.
  const answer = { orderId: 'm-1', status: 'confirmed', duplicate: false, currency: 'EUR', creatorId: 'ana', clipId: 'k-ana-1', revenue: 4748, commission: 1198 };
  assert.deepEqual([first.status, first.body], [200, answer]);
  const booked = [
    ['confirmed', 'order', 'kettle', 'ana', 'k-ana-1', 3617, 1085],
    ['confirmed', 'order', 'mug', 'ana', 'k-ana-1', 1131, 113],
  ];
  assert.deepEqual(await shop.entries('m-1'), booked);

  shop.clock.advance(60_000);
  const again = await shop.call('/v1/orders', { ...order, items: [{ productId: 'kettle', price: 99_999, quantity: 9 }], clickId: 'c-unknown' });
  assert.deepEqual([again.status, again.body], [200, { ...answer, duplicate: true }]);
  assert.deepEqual(await shop.entries('m-1'), booked, 'a second call changes nothing');
});

test('every id Vitrine.link() and `vitrine link` make is credited, also one that starts with "_" or "-"', async (t) => {
  const shop = await startShop(t);
  await shop.ingest([touch('-v1Xq', '_ana', '_summer-2026')]);
  const items = [{ productId: 'mug', price: 1000, quantity: 1 }];
  const order = await shop.call('/v1/orders', { site: 'shop', orderId: 'm-1', currency: 'EUR', items, clickId: '-v1Xq' });
  assert.deepEqual([order.status, order.body.creatorId, order.body.clipId, order.body.commission], [200, '_ana', '_summer-2026', 100]);
});

test('an unknown click id still records the order, unattributed and earning nothing; so does no click id', async (t) => {
  const shop = await startShop(t);
  const items = [{ productId: 'scarf', brand: 'acme', price: 2500, quantity: 1 }];

  const unknown = await shop.call('/v1/orders', { site: 'shop', orderId: 'm-2', currency: 'EUR', items, clickId: 'c-nobody' });
  const none = await shop.call('/v1/orders', { site: 'shop', orderId: 'm-3', currency: 'EUR', items });

  const unattributed = { status: 'confirmed', duplicate: false, currency: 'EUR', creatorId: null, clipId: null, revenue: 2500, commission: 0 };
  assert.deepEqual(unknown.body, { orderId: 'm-2', ...unattributed, unknownClickId: 'c-nobody' });
  assert.deepEqual(none.body, { orderId: 'm-3', ...unattributed });
  assert.deepEqual(await shop.entries('m-2'), [['confirmed', 'order', 'scarf', null, null, 2500, 0]], 'revenue booked, no commission, no bonus');
});

test("a browser's order is pending until the merchant confirms it at the amounts booked then", async (t) => {
  const shop = await startShop(t);
  await shop.ingest([browserOrder('b-1', { discount: 249 })]);

  // Discount 249 over 5000, 1999, 1250: 150, 60, 37 and two units to the largest remainders (scarf, mug).
  // Paid 4849, 1939, 1212: acme 20% = 970, ana's kettle 30% = 582, site 10% = 121, and acme's bonus 300.
  const pending = [
    ['pending', 'order', 'scarf', 'ana', 'k-ana-1', 4849, 970],
    ['pending', 'order', 'kettle', 'ana', 'k-ana-1', 1939, 582],
    ['pending', 'order', 'mug', 'ana', 'k-ana-1', 1212, 121],
    ['pending', 'order', null, 'ana', 'k-ana-1', 0, 300],
  ];
  assert.deepEqual(await shop.entries('b-1'), pending);
  const refundEarly = await shop.call('/v1/orders/b-1/refunds', { site: 'shop', orderId: 'b-1', refundId: 'r-early' });
  assert.deepEqual([refundEarly.status, refundEarly.body.error.code], [409, 'order_not_confirmed']);

  shop.clock.advance(3_600_000);
  const confirmed = await shop.call('/v1/orders', { site: 'shop', orderId: 'b-1' });

  assert.deepEqual(confirmed.body, { orderId: 'b-1', status: 'confirmed', duplicate: false, currency: 'EUR', creatorId: 'ana', clipId: 'k-ana-1', revenue: 8000, commission: 1973 });
  const negated = pending.map(([, , product, creator, clip, revenue, commission]) => ['pending', 'confirmation', product, creator, clip, 0 - (revenue as number), 0 - (commission as number)]);
  const moved = pending.map(([, , ...rest]) => ['confirmed', 'confirmation', ...rest]);
  assert.deepEqual(await shop.entries('b-1'), [...pending, ...negated, ...moved]);
  const { rows } = await shop.running.collector.db.query<{ status: string; confirmed_at: Date }>("SELECT status, confirmed_at FROM orders WHERE order_id = 'b-1'");
  assert.deepEqual(rows, [{ status: 'confirmed', confirmed_at: new Date('2026-03-01T11:00:00.000Z') }]);
});

test("the merchant's placedAt replaces the shopper's clock when it confirms a browser's order, and only then", async (t) => {
  const shop = await startShop(t);
  await shop.ingest([browserOrder('b-1')]);
  const placedAt = async () => (await shop.running.collector.db.query<{ placed_at: Date }>("SELECT placed_at FROM orders WHERE order_id = 'b-1'")).rows[0]!.placed_at.toISOString();
  const browserTime = await placedAt();

  await shop.call('/v1/orders', { site: 'shop', orderId: 'b-1', placedAt: '2026-02-28T23:59:00+01:00' });
  assert.notEqual(browserTime, '2026-02-28T22:59:00.000Z');
  assert.equal(await placedAt(), '2026-02-28T22:59:00.000Z');

  const again = await shop.call('/v1/orders', { site: 'shop', orderId: 'b-1', placedAt: '2026-01-01T00:00:00Z' });
  assert.equal(again.body.duplicate, true);
  assert.equal(await placedAt(), '2026-02-28T22:59:00.000Z', 'a confirmed order changes no more');
});

test("a browser's order dated ahead of the collector's clock is placed when it arrived, or as far back as the shopper's clock is fast", async (t) => {
  const shop = await startShop(t);
  const placedAt = async (orderId: string) =>
    (await shop.running.collector.db.query<{ placed_at: Date }>('SELECT placed_at FROM orders WHERE order_id = $1', [orderId])).rows[0]!.placed_at.toISOString();
  // Anyone can send a batch: a date in year 9999 would head every list of recent orders for good.
  await shop.ingest([browserOrder('far', { timestamp: '9999-12-31T23:59:59Z' })]);
  assert.equal(await placedAt('far'), NOW);

  // A phone two days fast, its order queued for ten minutes: sentAt tells how fast its clock is.
  const response = await shop.running.postBatch({ ...batchOf([browserOrder('fast', { timestamp: '2026-03-03T09:50:00.000Z' })], 'shop'), sentAt: '2026-03-03T10:00:00.000Z' });
  assert.equal(response.status, 200);
  assert.equal(await placedAt('fast'), '2026-03-01T09:50:00.000Z');
});

test("the merchant's lines replace the browser's and are priced under today's rules", async (t) => {
  const shop = await startShop(t);
  await shop.ingest([browserOrder('b-2')]);

  const confirmed = await shop.call('/v1/orders', { site: 'shop', orderId: 'b-2', currency: 'EUR', items: [{ productId: 'scarf', brand: 'acme', price: 2500, quantity: 1 }], discount: 100 });

  // One scarf paid 2400: acme 20% = 480, and acme's bonus 300.
  assert.deepEqual(confirmed.body, { orderId: 'b-2', status: 'confirmed', duplicate: false, currency: 'EUR', creatorId: 'ana', clipId: 'k-ana-1', revenue: 2400, commission: 780 });
  const entries = await shop.entries('b-2');
  assert.deepEqual(entries.slice(8), [
    ['confirmed', 'confirmation', 'scarf', 'ana', 'k-ana-1', 2400, 480],
    ['confirmed', 'confirmation', null, 'ana', 'k-ana-1', 0, 300],
  ]);
  assert.deepEqual(entries.slice(0, 8).map((entry) => entry[0]), Array(8).fill('pending'));
});

test('a click id of another creator moves the sale and re-prices it; one of the same creator only names the clip', async (t) => {
  const shop = await startShop(t);
  await shop.ingest([touch('c-ben-1', 'ben', 'k-ben-1'), touch('c-ana-2', 'ana', 'k-ana-2'), browserOrder('b-3', { discount: 249 }), browserOrder('b-4', { discount: 249 })]);

  const moved = await shop.call('/v1/orders', { site: 'shop', orderId: 'b-3', clickId: 'c-ben-1' });
  const sameCreator = await shop.call('/v1/orders', { site: 'shop', orderId: 'b-4', clickId: 'c-ana-2' });

  // Ben, on the lines as paid: acme 970 and 1939 × 20% = 388, his 15% of 1212 = 182, and his bonus 1000 beats acme's.
  assert.deepEqual(moved.body, { orderId: 'b-3', status: 'confirmed', duplicate: false, currency: 'EUR', creatorId: 'ben', clipId: 'k-ben-1', revenue: 8000, commission: 2540 });
  assert.deepEqual((await shop.entries('b-3')).slice(8), [
    ['confirmed', 'confirmation', 'scarf', 'ben', 'k-ben-1', 4849, 970],
    ['confirmed', 'confirmation', 'kettle', 'ben', 'k-ben-1', 1939, 388],
    ['confirmed', 'confirmation', 'mug', 'ben', 'k-ben-1', 1212, 182],
    ['confirmed', 'confirmation', null, 'ben', 'k-ben-1', 0, 1000],
  ]);
  assert.deepEqual(sameCreator.body, { orderId: 'b-4', status: 'confirmed', duplicate: false, currency: 'EUR', creatorId: 'ana', clipId: 'k-ana-2', revenue: 8000, commission: 1973 });
  assert.deepEqual((await shop.entries('b-4')).slice(8).map((entry) => [entry[4], entry[6]]), [['k-ana-2', 970], ['k-ana-2', 582], ['k-ana-2', 121], ['k-ana-2', 300]]);
});

test('an unattributed browser order is credited by a known click id, and kept as it was by an unknown one', async (t) => {
  const shop = await startShop(t);
  await shop.ingest([touch('c-ben-2', 'ben', 'k-ben-2'), browserOrder('b-5', { attribution: undefined }), browserOrder('b-6', { attribution: undefined })]);
  assert.deepEqual((await shop.entries('b-5')).map((entry) => entry[6]), [0, 0, 0], 'no commission and no bonus while no creator is known');

  const credited = await shop.call('/v1/orders', { site: 'shop', orderId: 'b-5', clickId: 'c-ben-2' });
  const unknown = await shop.call('/v1/orders', { site: 'shop', orderId: 'b-6', clickId: 'c-nobody' });

  // Ben on 5000, 1999, 1250: 1000 + 399.8 → 400 + 187.5 → 188, and his bonus 1000.
  assert.deepEqual([credited.body.creatorId, credited.body.revenue, credited.body.commission], ['ben', 8249, 2588]);
  assert.deepEqual(unknown.body, { orderId: 'b-6', status: 'confirmed', duplicate: false, currency: 'EUR', creatorId: null, clipId: null, revenue: 8249, commission: 0, unknownClickId: 'c-nobody' });
});

test('an order id the browser sends again changes nothing', async (t) => {
  const shop = await startShop(t);
  await shop.ingest([browserOrder('b-7')]);
  const before = await shop.entries('b-7');

  await shop.ingest([browserOrder('b-7', { lines: [{ product_id: 'mug', price_minor: 99_999, quantity: 5 }], attribution: { creator_id: 'ben', click_id: 'c-x' } })]);

  assert.deepEqual(await shop.entries('b-7'), before);
  const { rows } = await shop.running.collector.db.query<{ count: number }>("SELECT count(*)::int AS count FROM orders WHERE order_id = 'b-7'");
  assert.equal(rows[0]!.count, 1);
});

test("on an auto-confirm site the browser's order is confirmed at once; the merchant's call is a duplicate", async (t) => {
  const shop = await startShop(t, { autoConfirm: true });
  await shop.ingest([browserOrder('a-1')]);

  assert.deepEqual(await shop.entries('a-1'), [
    ['confirmed', 'order', 'scarf', 'ana', 'k-ana-1', 5000, 1000],
    ['confirmed', 'order', 'kettle', 'ana', 'k-ana-1', 1999, 600],
    ['confirmed', 'order', 'mug', 'ana', 'k-ana-1', 1250, 125],
    ['confirmed', 'order', null, 'ana', 'k-ana-1', 0, 300],
  ]);
  const confirmed = await shop.call('/v1/orders', { site: 'shop', orderId: 'a-1', currency: 'EUR', items: [{ productId: 'mug', price: 1, quantity: 1 }] });
  assert.deepEqual(confirmed.body, { orderId: 'a-1', status: 'confirmed', duplicate: true, currency: 'EUR', creatorId: 'ana', clipId: 'k-ana-1', revenue: 8249, commission: 2025 });
  assert.equal((await shop.entries('a-1')).length, 4);
});

test('refunds reverse units line by line in cumulative floors; the last one takes the bonus; mistakes store nothing', async (t) => {
  const shop = await startShop(t);
  await shop.ingest([touch('c-ana-1', 'ana', 'k-ana-1')]);
  const items = [
    { productId: 'kettle', brand: 'acme', price: 1000, quantity: 3 },
    { productId: 'mug', price: 500, quantity: 2 },
    { productId: 'kettle', brand: 'acme', price: 1000, quantity: 1 },
    { productId: 'scarf', brand: 'acme', price: 700, quantity: 1 },
  ];
  // Discount 7 over 3000, 1000, 1000, 700: paid 2996, 999, 999, 699; commission 899, 100, 300, 140 and acme's bonus 300.
  const order = await shop.call('/v1/orders', { site: 'shop', orderId: 'm-9', currency: 'EUR', items, discount: 7, clickId: 'c-ana-1' });
  assert.deepEqual([order.body.revenue, order.body.commission], [5693, 1739]);
  await shop.call('/v1/orders', { site: 'shop', orderId: 'm-10', currency: 'EUR', items: [{ productId: 'mug', price: 500, quantity: 1 }] });
  const refund = (refundId: string, orderId = 'm-9', refundItems?: Array<{ productId: string; quantity: number }>) =>
    shop.call(`/v1/orders/${orderId}/refunds`, { site: 'shop', orderId, refundId, ...(refundItems && { items: refundItems }) });
  const reversed = (refundId: string, revenueReversed: number, commissionReversed: number, duplicate = false) =>
    ({ orderId: 'm-9', refundId, duplicate, currency: 'EUR', revenueReversed, commissionReversed });

  // Two of the first line's three kettles: ⌊2996·2/3⌋ = 1997 and ⌊899·2/3⌋ = 599.
  assert.deepEqual((await refund('r-1', 'm-9', [{ productId: 'kettle', quantity: 2 }])).body, reversed('r-1', 1997, 599));
  // Two more kettles: the first line's last (999, 300), then the third line's only one (999, 300).
  assert.deepEqual((await refund('r-2', 'm-9', [{ productId: 'kettle', quantity: 2 }])).body, reversed('r-2', 1998, 600));
  assert.deepEqual((await refund('r-2', 'm-9', [{ productId: 'kettle', quantity: 2 }])).body, reversed('r-2', 1998, 600, true));

  const counts = await tableCounts(shop.running.collector.db);
  const refusals: Array<[Promise<{ status: number; body: any }>, number, string]> = [
    [refund('r-1', 'm-10'), 409, 'refund_id_taken'],
    [refund('r-3', 'm-9', [{ productId: 'mug', quantity: 3 }]), 422, 'refund_exceeds_order'],
    [refund('r-3', 'm-9', [{ productId: 'kettle', quantity: 1 }]), 422, 'refund_exceeds_order'],
    [refund('r-3', 'm-9', [{ productId: 'lamp', quantity: 1 }]), 422, 'refund_exceeds_order'],
    [refund('r-3', 'm-404'), 404, 'order_not_found'],
    // Only the body is signed, so it names its order: a captured refund of m-10 cannot be replayed on m-9.
    [shop.call('/v1/orders/m-9/refunds', { site: 'shop', orderId: 'm-10', refundId: 'r-moved' }), 400, 'invalid_body'],
    [shop.call('/v1/orders/m-9/refunds', { site: 'shop', refundId: 'r-moved' }), 400, 'invalid_body'],
  ];
  for (const [call, status, code] of refusals) {
    const { status: actual, body } = await call;
    assert.deepEqual([actual, body.error.code], [status, code]);
  }
  const moved = await shop.call('/v1/orders/m-9/refunds', { site: 'shop', orderId: 'm-10', refundId: 'r-moved' });
  assert.equal(moved.body.error.message, 'orderId: expected the order id of the path, "m-9", got "m-10"');
  assert.deepEqual(await tableCounts(shop.running.collector.db), counts, 'a refused refund stores nothing');

  // Everything left: two mugs (999, 100), the scarf (699, 140), and the bonus (300) now that nothing is left.
  assert.deepEqual((await refund('r-3')).body, reversed('r-3', 1698, 540));
  const again = await refund('r-4');
  assert.deepEqual([again.status, again.body.error.code], [409, 'already_refunded']);
  const after = await shop.call('/v1/orders', { site: 'shop', orderId: 'm-9' });
  assert.deepEqual([after.body.duplicate, after.body.revenue, after.body.commission], [true, 0, 0]);
  const reversals = (await shop.entries('m-9')).filter((entry) => entry[0] === 'reversed');
  assert.deepEqual(reversals.map((entry) => [entry[1], entry[2], entry[5], entry[6]]), [
    ['refund', 'kettle', -1997, -599],
    ['refund', 'kettle', -999, -300],
    ['refund', 'kettle', -999, -300],
    ['refund', 'mug', -999, -100],
    ['refund', 'scarf', -699, -140],
    ['refund', null, 0, -300],
  ]);
});

test('the ledger refuses to change or lose an entry', async (t) => {
  const shop = await startShop(t);
  await shop.ingest([browserOrder('b-8')]);
  const before = await shop.entries('b-8');

  await assert.rejects(shop.running.collector.db.query("UPDATE ledger SET commission = 0 WHERE order_id = 'b-8'"), /append-only/);
  await assert.rejects(shop.running.collector.db.query("DELETE FROM ledger WHERE order_id = 'b-8'"), /append-only/);

  assert.deepEqual(await shop.entries('b-8'), before);
});
