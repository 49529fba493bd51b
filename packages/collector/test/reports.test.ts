import assert from 'node:assert/strict';
import { after, before, test, type TestContext } from 'node:test';
import { parseConfig } from '../src/index.js';
import { cell } from '../src/reports/csv.js';
import { batchOf, startCollector, type RunningCollector } from './helpers.js';
import { getWithKey, linkOpened, orderCompleted, postSigned, productEvent, testClock } from './order-helpers.js';

const SECRET = 'report-signing-secret-01';
const BRAND_KEY = 'report-brand-key-0123456789';
const ANA_KEY = 'report-ana-key-0123456789ab';
const OTHER_KEY = 'report-other-key-0123456789';
const FULL = 'from=2026-03-02&to=2026-03-04';

let running: RunningCollector;

/**
 * Worked out by hand, rules: site 10%, brand acme 20% with a 3.00 EUR bonus.
 * O1 browser, ana k-ana-1, placed 03-02: kettle 2×10.00 (400), mug 5.00 (50), bonus 300; confirmed 03-03; one kettle
 *    refunded 03-04 (1000, 200).
 * O2 merchant, ben k-ben-1 by click, 03-03: mug 1500 JPY (150).
 * O3 merchant, no click, 03-03: scarf 99.99 EUR, unattributed: in no report.
 * O4 browser, ben k-ben-1, placed 03-03 23:59, booked 03-04 00:05, never confirmed: "=HYPERLINK(...)" 12.34 (123)
 *    and "-1 cable, long" 1.00 (10).
 * O5 merchant, ana (no clip) by click, 03-04: kettle 12.345 BHD (2469).
 * O6 browser, ana k-ana-1, 03-04: lamp 20.00 (200); the merchant's lines replace it with kettle 10.00 (200) + bonus 300.
 */
// One collector for the file: the scenario is built once, then each test reads its reports.
const cleanups: Array<() => unknown> = [];
after(async () => {
  for (const cleanup of cleanups) await cleanup();
});

before(async () => {
  const clock = testClock('2026-03-02T08:00:00Z');
  const collector = await startCollector(
    { after: (cleanup: () => unknown) => void cleanups.push(cleanup) } as unknown as TestContext,
    {
      now: clock.now,
      config: parseConfig({
        sites: { shop: { signingSecrets: [SECRET], commission: [{ id: 'site', rate: 0.1 }, { id: 'acme', brand: 'acme', rate: 0.2, bonus: { EUR: 300 } }] }, other: {} },
        apiKeys: [
          { key: BRAND_KEY, site: 'shop', role: 'brand' },
          { key: ANA_KEY, site: 'shop', role: 'creator', creator: 'ana' },
          { key: OTHER_KEY, site: 'other', role: 'brand' },
        ],
      }),
    },
  );
  running = collector;
  const ingest = async (events: Array<Record<string, unknown>>) => assert.equal((await collector.postBatch(batchOf(events, 'shop'))).status, 200);
  const signed = async (path: string, body: unknown) => assert.equal((await postSigned(collector.url, path, body, SECRET, clock.ms())).status, 200);
  const at = (iso: string) => clock.set(iso);
  const kettle = (price: number) => ({ productId: 'kettle', brand: 'acme', price, quantity: 1 });

  const views = [
    ...Array.from({ length: 3 }, () => productEvent('Product Viewed', { productId: 'kettle', creatorId: 'ana', clipId: 'k-ana-1', timestamp: '2026-03-02T09:00:00Z' })),
    productEvent('Product Viewed', { productId: 'mug', creatorId: 'ben', clipId: 'k-ben-1', timestamp: '2026-03-02T10:00:00Z' }),
    productEvent('Product Viewed', { productId: 'mug', timestamp: '2026-03-02T11:00:00Z' }),
    productEvent('Product Clicked', { productId: 'kettle', creatorId: 'ana', clipId: 'k-ana-1', timestamp: '2026-03-02T09:05:00Z' }),
    linkOpened({ clickId: 'c-1', creatorId: 'ana', clipId: 'k-ana-1', productId: 'kettle', timestamp: '2026-03-02T09:10:00Z' }),
    linkOpened({ clickId: 'c-2', creatorId: 'ben', clipId: 'k-ben-1', timestamp: '2026-03-02T10:10:00Z' }),
    linkOpened({ clickId: 'c-3', creatorId: 'ana', timestamp: '2026-03-03T08:00:00Z' }),
    // Outside the range: never counted.
    productEvent('Product Viewed', { productId: 'kettle', creatorId: 'ana', clipId: 'k-ana-1', timestamp: '2026-03-05T00:00:00Z' }),
  ];
  // They arrive once they have all happened: the collector moves a time ahead of its clock back.
  at('2026-03-05T01:00:00Z');
  await ingest(views);
  at('2026-03-02T12:00:00Z');
  await ingest([orderCompleted({ orderId: 'O1', currency: 'EUR', timestamp: '2026-03-02T11:55:00Z', attribution: { creator_id: 'ana', clip_id: 'k-ana-1', click_id: 'c-1' }, lines: [{ product_id: 'kettle', brand: 'acme', price_minor: 1000, quantity: 2 }, { product_id: 'mug', price_minor: 500, quantity: 1 }] })]);
  at('2026-03-03T09:00:00Z');
  await signed('/v1/orders', { site: 'shop', orderId: 'O1' });
  at('2026-03-03T10:00:00Z');
  await signed('/v1/orders', { site: 'shop', orderId: 'O2', currency: 'JPY', items: [{ productId: 'mug', price: 1500, quantity: 1 }], clickId: 'c-2' });
  at('2026-03-03T10:30:00Z');
  await signed('/v1/orders', { site: 'shop', orderId: 'O3', currency: 'EUR', items: [{ productId: 'scarf', price: 9999, quantity: 1 }] });
  at('2026-03-04T00:05:00Z');
  await ingest([orderCompleted({ orderId: 'O4', currency: 'EUR', timestamp: '2026-03-03T23:59:00Z', attribution: { creator_id: 'ben', clip_id: 'k-ben-1', click_id: 'c-2' }, lines: [{ product_id: '=HYPERLINK("x")', price_minor: 1234, quantity: 1 }, { product_id: '-1 cable, long', price_minor: 100, quantity: 1 }] })]);
  at('2026-03-04T10:00:00Z');
  await signed('/v1/orders/O1/refunds', { site: 'shop', orderId: 'O1', refundId: 'R1', items: [{ productId: 'kettle', quantity: 1 }] });
  at('2026-03-04T11:00:00Z');
  await signed('/v1/orders', { site: 'shop', orderId: 'O5', currency: 'BHD', items: [kettle(12_345)], clickId: 'c-3' });
  at('2026-03-04T12:00:00Z');
  await ingest([orderCompleted({ orderId: 'O6', currency: 'EUR', timestamp: '2026-03-04T12:00:00Z', attribution: { creator_id: 'ana', clip_id: 'k-ana-1', click_id: 'c-1' }, lines: [{ product_id: 'lamp', price_minor: 2000, quantity: 1 }] })]);
  at('2026-03-04T13:00:00Z');
  await signed('/v1/orders', { site: 'shop', orderId: 'O6', currency: 'EUR', items: [kettle(1000)] });
  at('2026-03-04T18:00:00Z');
});

const money = (revenue: number, commissionPending: number, commissionConfirmed: number, commissionReversed: number) => ({ revenue, commissionPending, commissionConfirmed, commissionReversed });
const row = (key: string, impressions: number, clicks: number, orders: number, conversionRate: number | null, moneyByCurrency: Record<string, ReturnType<typeof money>>) =>
  ({ key, impressions, clicks, orders, conversionRate, money: moneyByCurrency });

async function report(dimension: string, query: string, key: string | null = BRAND_KEY): Promise<{ status: number; body: any; headers: Headers; text: string }> {
  const response = await getWithKey(running.url, `/v1/reports/${dimension}?site=shop&${query}`, key ?? undefined);
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, body: response.headers.get('content-type')?.startsWith('application/json') ? JSON.parse(text) : undefined };
}

test('the brand sees every creator and clip, with money by currency and unattributed sales left out', async () => {
  const creators = await report('creators', FULL);
  assert.deepEqual(creators.body, {
    site: 'shop', dimension: 'creators', from: '2026-03-02', to: '2026-03-04', scope: { role: 'brand' }, currencies: ['BHD', 'EUR', 'JPY'],
    rows: [
      // Clicks: one Product Clicked and two links; orders O1, O5, O6. EUR: O1's 2500 and 750 moved from pending to
      // confirmed, less the refund (1000, 200); O6's 1000 and 500 confirmed, its lamp booked and taken back.
      row('ana', 3, 3, 3, 1, { BHD: money(12_345, 0, 2469, 0), EUR: money(2500, 0, 1250, 200) }),
      row('ben', 1, 1, 2, 2, { EUR: money(1334, 133, 0, 0), JPY: money(1500, 0, 150, 0) }),
    ],
  });
  const clips = await report('clips', FULL);
  assert.deepEqual(clips.body.rows, [
    row('k-ana-1', 3, 2, 2, 1, { EUR: money(2500, 0, 1250, 200) }),
    row('k-ben-1', 1, 1, 2, 2, { EUR: money(1334, 133, 0, 0), JPY: money(1500, 0, 150, 0) }),
  ]);
});

test('products count the lines an order has now, and leave the bonus out', async () => {
  const products = await report('products', FULL);
  assert.deepEqual(products.body.rows, [
    row('-1 cable, long', 0, 0, 1, null, { EUR: money(100, 10, 0, 0) }),
    row('=HYPERLINK("x")', 0, 0, 1, null, { EUR: money(1234, 123, 0, 0) }),
    row('kettle', 3, 2, 3, 1.5, { BHD: money(12_345, 0, 2469, 0), EUR: money(2000, 0, 600, 200) }),
    // The merchant replaced O6's lamp: booked and taken back, and O6 no longer counts as a lamp order.
    row('lamp', 0, 0, 0, null, { EUR: money(0, 0, 0, 0) }),
    row('mug', 2, 0, 2, null, { EUR: money(500, 0, 50, 0), JPY: money(1500, 0, 150, 0) }),
  ]);
});

test('days group events by when they happened, orders by when placed and money by when booked', async () => {
  const days = await report('days', FULL);
  assert.deepEqual(days.body.rows, [
    row('2026-03-02', 5, 3, 1, 0.3333, { EUR: money(2500, 750, 0, 0) }),
    row('2026-03-03', 0, 1, 2, 2, { EUR: money(0, -750, 750, 0), JPY: money(1500, 0, 150, 0) }),
    row('2026-03-04', 0, 0, 2, null, { BHD: money(12_345, 0, 2469, 0), EUR: money(1334, 133, 500, 200) }),
  ]);
  const oneDay = await report('creators', 'from=2026-03-03&to=2026-03-03');
  assert.deepEqual(oneDay.body.rows, [
    row('ana', 0, 1, 0, 0, { EUR: money(0, -750, 750, 0) }),
    row('ben', 0, 0, 2, null, { JPY: money(1500, 0, 150, 0) }),
  ]);
  const defaults = await report('days', '');
  assert.deepEqual([defaults.body.from, defaults.body.to, defaults.body.rows.length], ['2026-02-03', '2026-03-04', 3], 'the 30 days up to the collector’s today');
});

test("a creator's key sees only that creator's events, orders and money", async () => {
  const creators = await report('creators', FULL, ANA_KEY);
  assert.deepEqual([creators.body.scope, creators.body.currencies, creators.body.rows.map((entry: { key: string }) => entry.key)], [{ role: 'creator', creator: 'ana' }, ['BHD', 'EUR'], ['ana']]);
  assert.deepEqual((await report('products', FULL, ANA_KEY)).body.rows, [
    row('kettle', 3, 2, 3, 1.5, { BHD: money(12_345, 0, 2469, 0), EUR: money(2000, 0, 600, 200) }),
    row('lamp', 0, 0, 0, null, { EUR: money(0, 0, 0, 0) }),
    row('mug', 0, 0, 1, null, { EUR: money(500, 0, 50, 0) }),
  ]);
  assert.deepEqual((await report('days', FULL, ANA_KEY)).body.rows, [
    row('2026-03-02', 3, 2, 1, 0.5, { EUR: money(2500, 750, 0, 0) }),
    row('2026-03-03', 0, 1, 0, 0, { EUR: money(0, -750, 750, 0) }),
    row('2026-03-04', 0, 0, 2, null, { BHD: money(12_345, 0, 2469, 0), EUR: money(0, 0, 500, 200) }),
  ]);
  assert.deepEqual((await report('clips', FULL, ANA_KEY)).body.rows.map((entry: { key: string }) => entry.key), ['k-ana-1']);
});

test('CSV has a column group per currency in major units (3 decimals for BHD, none for JPY) and defuses formulas', async () => {
  const creators = await report('creators', `${FULL}&format=csv`);
  assert.equal(creators.status, 200);
  assert.equal(creators.headers.get('content-type'), 'text/csv; charset=utf-8; header=present');
  assert.equal(creators.headers.get('content-disposition'), 'attachment; filename="vitrine-shop-creators-2026-03-02-2026-03-04.csv"');
  const money = (currency: string) => ['revenue', 'commission_pending', 'commission_confirmed', 'commission_reversed'].map((name) => `${name}_${currency}`).join(',');
  assert.equal(creators.text, [
    `creator,impressions,clicks,orders,conversion_rate,${money('BHD')},${money('EUR')},${money('JPY')}`,
    'ana,3,3,3,1,12.345,0.000,2.469,0.000,25.00,0.00,12.50,2.00,0,0,0,0',
    'ben,1,1,2,2,0.000,0.000,0.000,0.000,13.34,1.33,0.00,0.00,1500,0,150,0',
    '',
  ].join('\r\n'));
  // Accept: text/csv asks for CSV without format=csv.
  const csv = await (await fetch(`${running.url}/v1/reports/products?site=shop&${FULL}`, { headers: { authorization: `Bearer ${BRAND_KEY}`, accept: 'text/csv' } })).text();
  assert.deepEqual(csv.split('\r\n').slice(1, 3), [
    `"'-1 cable, long",0,0,1,,0.000,0.000,0.000,0.000,1.00,0.10,0.00,0.00,0,0,0,0`,
    `"'=HYPERLINK(""x"")",0,0,1,,0.000,0.000,0.000,0.000,12.34,1.23,0.00,0.00,0,0,0,0`,
  ]);
  const days = await report('days', `${FULL}&format=csv`);
  assert.equal(days.text.split('\r\n')[2], '2026-03-03,0,1,2,2,0.000,0.000,0.000,0.000,0.00,-7.50,7.50,0.00,1500,0,150,0');
});

test('an id with control or direction-override characters is reported under none, so it cannot pass for another', async (t) => {
  const collector = await startCollector(t, { config: parseConfig({ sites: { shop: {} }, apiKeys: [{ key: BRAND_KEY, site: 'shop', role: 'brand' }] }) });
  const at = new Date().toISOString();
  const events = [
    productEvent('Product Viewed', { productId: 'invoice\u202Efdp.exe', creatorId: 'ana\u202E', timestamp: at }),
    productEvent('Product Viewed', { productId: 'mug\u0007', creatorId: 'ana', timestamp: at }),
    productEvent('Product Viewed', { productId: 'mug', creatorId: 'ana', timestamp: at }),
  ];
  assert.equal((await collector.postBatch(batchOf(events, 'shop'))).status, 200);
  const day = at.slice(0, 10);
  const keys = async (dimension: string) =>
    ((await (await getWithKey(collector.url, `/v1/reports/${dimension}?site=shop&from=${day}&to=${day}`, BRAND_KEY)).json()) as { rows: Array<{ key: string }> }).rows.map((row) => row.key);
  assert.deepEqual(await keys('products'), ['mug']);
  assert.deepEqual(await keys('creators'), ['ana']);
});

test('CSV defuses a formula behind leading whitespace or written with full-width signs', () => {
  assert.deepEqual(
    [' =1+1', '\n=1+1', '\t-2', '＝1+1', '＋1', '－1', '＠SUM(A1)', 'ab=1', '1-2'].map(cell),
    [`' =1+1`, `"'\n=1+1"`, `'\t-2`, `'＝1+1`, `'＋1`, `'－1`, `'＠SUM(A1)`, 'ab=1', '1-2'],
  );
});

test('a report needs a key for its site, and a well-formed range', async () => {
  const refusals: Array<[string, string, string | null, number, string, string?]> = [
    ['creators', FULL, null, 401, 'api_key_missing'],
    ['creators', FULL, 'not-a-key-we-know-of-at-all', 401, 'api_key_invalid'],
    ['creators', FULL, OTHER_KEY, 403, 'api_key_wrong_site', 'this API key is for site other, not shop'],
    ['buyers', FULL, BRAND_KEY, 404, 'not_found'],
    ['creators', 'from=2026-02-30&to=2026-03-04', BRAND_KEY, 400, 'invalid_query', 'from: expected a day as YYYY-MM-DD, got "2026-02-30"'],
    ['creators', 'from=2026-3-2', BRAND_KEY, 400, 'invalid_query', 'from: expected a day as YYYY-MM-DD, got "2026-3-2"'],
    ['creators', 'from=2026-03-04&to=2026-03-02', BRAND_KEY, 400, 'invalid_query', 'from: expected a day on or before to (2026-03-02), got "2026-03-04"'],
    ['creators', 'from=2020-01-01&to=2026-03-04', BRAND_KEY, 400, 'invalid_query', 'from: a report covers at most 1830 days'],
    ['creators', 'from=0000-12-31&to=0001-01-01', BRAND_KEY, 400, 'invalid_query', 'from: expected a day as YYYY-MM-DD, got "0000-12-31"'],
    ['creators', 'to=0001-01-05', BRAND_KEY, 200, ''],
    ['creators', 'from=9999-12-31&to=9999-12-31', BRAND_KEY, 200, ''],
    ['creators', `${FULL}&format=xml`, BRAND_KEY, 400, 'invalid_query', 'format: expected json or csv, got "xml"'],
  ];
  for (const [dimension, query, key, status, code, message] of refusals) {
    const answer = await report(dimension, query, key);
    assert.equal(answer.status, status, `${dimension}?${query}`);
    if (status === 200) continue;
    assert.equal(answer.body.error.code, code, `${dimension}?${query}`);
    if (message) assert.equal(answer.body.error.message, message);
  }
  const basic = await fetch(`${running.url}/v1/reports/creators?site=shop`, { headers: { authorization: `Basic ${Buffer.from(`${BRAND_KEY}:`).toString('base64')}` } });
  assert.equal(basic.status, 401);
});

test('the newest orders come with net amounts; a creator sees only hers', async () => {
  const list = async (query: string, key = BRAND_KEY) => {
    const response = await getWithKey(running.url, `/v1/orders?site=shop${query}`, key);
    return { status: response.status, body: (await response.json()) as any };
  };
  const order = (orderId: string, status: string, currency: string, revenue: number, commission: number, refunded: boolean, creatorId: string | null, clipId: string | null, placedAt: string) =>
    ({ orderId, status, currency, revenue, commission, refunded, creatorId, clipId, placedAt: `2026-03-0${placedAt}:00.000Z` });
  assert.deepEqual((await list('')).body.orders, [
    order('O6', 'confirmed', 'EUR', 1000, 500, false, 'ana', 'k-ana-1', '4T12:00'),
    order('O5', 'confirmed', 'BHD', 12_345, 2469, false, 'ana', null, '4T11:00'),
    order('O4', 'pending', 'EUR', 1334, 133, false, 'ben', 'k-ben-1', '3T23:59'),
    order('O3', 'confirmed', 'EUR', 9999, 0, false, null, null, '3T10:30'),
    order('O2', 'confirmed', 'JPY', 1500, 150, false, 'ben', 'k-ben-1', '3T10:00'),
    order('O1', 'confirmed', 'EUR', 1500, 550, true, 'ana', 'k-ana-1', '2T11:55'),
  ]);
  assert.deepEqual((await list('&limit=2')).body.orders.map((entry: { orderId: string }) => entry.orderId), ['O6', 'O5']);
  assert.deepEqual((await list('', ANA_KEY)).body.orders.map((entry: { orderId: string }) => entry.orderId), ['O6', 'O5', 'O1']);
  for (const limit of ['0', '101', '-1', 'ten']) assert.equal((await list(`&limit=${limit}`)).status, 400, limit);
  assert.equal((await list('', 'not-a-key-we-know-of-at-all')).status, 401);
});
