import assert from 'node:assert/strict';
import { test } from 'node:test';
import { batchOf, startCollector, storedEvents, trackMessage } from './helpers.js';

test('a batch sent as text/plain (sendBeacon) is stored and read back', async (t) => {
  const running = await startCollector(t);
  const viewed = trackMessage({ event: 'Product Viewed', timestamp: '2024-05-01T12:00:00.000Z' });
  const clicked = trackMessage({ event: 'Product Clicked', timestamp: '2024-05-01T12:00:05.000Z', properties: { product_id: 'sku-2' } });

  const response = await running.postBatch(batchOf([viewed, clicked]));

  assert.equal(response.status, 200);
  assert.deepEqual(await response.json(), { accepted: 2, rejected: [] });
  const events = await storedEvents(running);
  assert.deepEqual(events.map((event) => event.messageId), [clicked.messageId, viewed.messageId]);
  const [newest] = events;
  assert.equal(newest!.event, 'Product Clicked');
  assert.equal(newest!.timestamp, '2024-05-01T12:00:05.000Z');
  assert.equal(newest!.anonymousId, 'anon-1');
  assert.deepEqual(newest!.properties, { product_id: 'sku-2' });
  assert.deepEqual(newest!.context, clicked.context);
  assert.ok(Math.abs(Date.parse(newest!.receivedAt) - Date.now()) < 60_000, `receivedAt ${newest!.receivedAt} is now`);
});

test('a batch sent as application/json is stored', async (t) => {
  const running = await startCollector(t);
  const order = { order_id: 'o-1', total: 42, total_minor: 4200, currency: 'EUR', products: [{ product_id: 'sku-1', price: 42, price_minor: 4200, quantity: 1 }] };
  const message = trackMessage({ event: 'Order Completed', properties: order });

  const response = await running.postBatch(batchOf([message]), { headers: { 'content-type': 'application/json' } });

  assert.equal(response.status, 200);
  assert.deepEqual(await response.json(), { accepted: 1, rejected: [] });
  const events = await storedEvents(running);
  assert.equal(events.length, 1);
  assert.deepEqual(events[0]!.properties, order);
});

test('a message id is stored once, however often the batch is sent', async (t) => {
  const running = await startCollector(t);
  const message = trackMessage();
  const body = batchOf([message, { ...message, event: 'Product Clicked' }]);

  const first = await running.postBatch(body);
  const retry = await running.postBatch(body);

  assert.equal(first.status, 200);
  assert.equal(retry.status, 200);
  assert.deepEqual(await retry.json(), { accepted: 2, rejected: [] });
  const events = await storedEvents(running);
  assert.equal(events.length, 1);
  assert.equal(events[0]!.event, 'Product Viewed', 'the first copy wins');
  assert.match(running.logs.at(-1)!, /2 duplicates skipped/);
});

test('invalid events are rejected one by one, the valid ones in the batch are stored', async (t) => {
  const running = await startCollector(t);
  const good = [trackMessage(), trackMessage({ event: 'Product Clicked' })];
  const batch = [
    good[0],
    trackMessage({ timestamp: '2024-02-31T10:00:00Z' }),
    trackMessage({ messageId: 42 }),
    good[1],
    trackMessage({ type: 'identify' }),
    trackMessage({ context: { page: { url: 'https://x.example/' }, locale: 'en', library: { name: 'vitrine', version: '1' } } }),
    'not an object',
  ];

  const response = await running.postBatch(batchOf(batch));

  assert.equal(response.status, 200);
  assert.deepEqual(await response.json(), {
    accepted: 2,
    rejected: [
      { index: 1, message: 'batch[1].timestamp: expected an ISO 8601 date-time with a time zone, from 1970 to 9999, like 2024-05-01T12:00:00.000Z, got "2024-02-31T10:00:00Z"' },
      { index: 2, message: 'batch[2].messageId: expected a string of 1-64 characters, got a number' },
      { index: 4, message: 'batch[4].type: expected "track", got "identify"' },
      { index: 5, message: 'batch[5].context.page.path: expected a string of 0-2048 characters, got nothing' },
      { index: 6, message: 'batch[6]: expected an object, got "not an object"' },
    ],
  });
  const stored = await storedEvents(running);
  assert.deepEqual(stored.map((event) => event.messageId).sort(), good.map((message) => message!.messageId).sort());
  assert.equal(running.logs.at(-1), '[collector] demo: 2 events (Product Viewed, Product Clicked), 5 rejected');
});

test("an order in a currency that does not exist, or discounted below zero, is rejected; the batch's other events are stored", async (t) => {
  const running = await startCollector(t);
  const order = (orderId: string, currency: string, discount: number) =>
    trackMessage({ event: 'Order Completed', properties: { order_id: orderId, currency, total_minor: 0, discount_minor: discount, products: [{ product_id: 'sku-1', price_minor: 4200, quantity: 1 }] } });
  const kept = order('o-ok', 'EUR', 4200);
  const response = await running.postBatch(batchOf([order('o-qqq', 'QQQ', 0), order('o-over', 'EUR', 4201), kept]));
  assert.deepEqual(await response.json(), {
    accepted: 1,
    rejected: [
      { index: 0, message: 'batch[0].properties.currency: expected an ISO 4217 currency code in capitals, like "EUR", got "QQQ"' },
      { index: 1, message: "batch[1].properties.discount_minor: expected at most the lines' total, 4200, got a number" },
    ],
  });
  assert.deepEqual((await storedEvents(running)).map((event) => event.messageId), [kept.messageId]);
});

test('an event from before 1970 is rejected, one from a clock reset to 1970 is stored and read back as sent', async (t) => {
  const running = await startCollector(t);
  const reset = trackMessage({ timestamp: '1970-01-01T00:00:05Z' });
  const response = await running.postBatch(batchOf([trackMessage({ timestamp: '0050-03-04T05:06:07Z' }), reset]));
  assert.deepEqual(await response.json(), {
    accepted: 1,
    rejected: [{ index: 0, message: 'batch[0].timestamp: expected an ISO 8601 date-time with a time zone, from 1970 to 9999, like 2024-05-01T12:00:00.000Z, got "0050-03-04T05:06:07Z"' }],
  });
  assert.deepEqual((await storedEvents(running)).map((event) => event.timestamp), ['1970-01-01T00:00:05.000Z']);
});

test('a time past year 9999 in UTC is rejected with the event alone; the rest of the batch is stored', async (t) => {
  const running = await startCollector(t);
  // Year 10000 in UTC, which an ISO string writes as "+010000-…" and Postgres refused, failing the whole batch.
  const late = trackMessage({ event: 'Order Completed', timestamp: '9999-12-31T23:59:59-14:00' });
  const kept = trackMessage();
  const response = await running.postBatch(batchOf([late, kept]));
  assert.equal(response.status, 200);
  assert.deepEqual(await response.json(), {
    accepted: 1,
    rejected: [{ index: 0, message: 'batch[0].timestamp: expected an ISO 8601 date-time with a time zone, from 1970 to 9999, like 2024-05-01T12:00:00.000Z, got "9999-12-31T23:59:59-14:00"' }],
  });
  assert.deepEqual((await storedEvents(running)).map((event) => event.messageId), [kept.messageId]);
});

test("an event time ahead of the collector's clock is kept within a minute, and otherwise moved back to when it can have happened", async (t) => {
  const running = await startCollector(t, { now: () => new Date('2026-03-01T10:00:00.000Z') });
  const post = async (timestamp: string, sentAt?: string) => {
    const body = batchOf([trackMessage({ timestamp })]);
    if (sentAt) body.sentAt = sentAt;
    else delete body.sentAt;
    assert.equal((await running.postBatch(body)).status, 200);
  };

  await post('2026-03-01T10:00:30.000Z');
  // A time that has not come yet, with nothing to say how fast the clock was: when it arrived.
  await post('9999-12-31T23:59:59.000Z');
  // A clock a day fast sends an event it queued an hour ago: moved back by how fast the clock is.
  await post('2026-03-02T09:00:00.000Z', '2026-03-02T10:00:00.000Z');
  assert.deepEqual(
    (await storedEvents(running)).map((event) => event.timestamp),
    ['2026-03-01T10:00:30.000Z', '2026-03-01T10:00:00.000Z', '2026-03-01T09:00:00.000Z'],
  );
});

test('a batch in which every event is invalid is refused with 400, naming each one, and stores nothing', async (t) => {
  const running = await startCollector(t);
  const batch = [trackMessage({ messageId: 42 }), trackMessage({ type: 'identify' })];

  const response = await running.postBatch(batchOf(batch));

  assert.equal(response.status, 400);
  assert.deepEqual(await response.json(), {
    error: { code: 'invalid_events', message: 'every event in the batch was rejected; the first: batch[0].messageId: expected a string of 1-64 characters, got a number' },
    accepted: 0,
    rejected: [
      { index: 0, message: 'batch[0].messageId: expected a string of 1-64 characters, got a number' },
      { index: 1, message: 'batch[1].type: expected "track", got "identify"' },
    ],
  });
  assert.deepEqual(await storedEvents(running), []);
  assert.equal(running.logs.at(-1), '[collector] demo: 0 events, 2 rejected');
});

test('values Postgres cannot store are rejected per event instead of failing the batch', async (t) => {
  const running = await startCollector(t);
  const deep: Record<string, unknown> = { product_id: 'sku-1' };
  let level = deep;
  for (let depth = 0; depth < 30; depth += 1) level = (level.child = {}) as Record<string, unknown>;
  const batch = [
    trackMessage({ properties: { product_id: 'sku-1', note: 'a\u0000b' } }),
    trackMessage({ event: 'Lone \ud800 surrogate' }),
    trackMessage({ properties: deep }),
    trackMessage({ properties: { product_id: 'sku-1', 'odd key': ['ok', 'bad\u0000'] } }),
    trackMessage(),
  ];

  const response = await running.postBatch(batchOf(batch));

  assert.equal(response.status, 200);
  const { accepted, rejected } = (await response.json()) as { accepted: number; rejected: Array<{ index: number; message: string }> };
  assert.equal(accepted, 1);
  assert.deepEqual(rejected.map((entry) => entry.index), [0, 1, 2, 3]);
  assert.match(rejected[0]!.message, /^batch\[0\]\.properties\.note: contains a NUL character/);
  assert.match(rejected[1]!.message, /^batch\[1\]\.event: contains a NUL character or an unpaired surrogate/);
  assert.match(rejected[2]!.message, /^batch\[2\]\.properties(\.child)+: nested too deeply$/);
  assert.match(rejected[3]!.message, /^batch\[3\]\.properties\["odd key"\]\[1\]: contains a NUL character/);
  assert.equal((await storedEvents(running)).length, 1);
});

test('a body that is not JSON is refused with 400 and says why', async (t) => {
  const running = await startCollector(t);

  const response = await running.postBatch('{"batch": [');

  assert.equal(response.status, 400);
  const { error } = (await response.json()) as { error: { code: string; message: string } };
  assert.equal(error.code, 'invalid_json');
  assert.match(error.message, /^body is not valid JSON: /);
});

test('a body that is not valid UTF-8 is refused with 400', async (t) => {
  const running = await startCollector(t);

  const response = await fetch(`${running.url}/v1/batch`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: new Uint8Array([0x7b, 0xff, 0x7d]) });

  assert.equal(response.status, 400);
  assert.deepEqual(await response.json(), { error: { code: 'invalid_json', message: 'body is not valid UTF-8' } });
});

test('a batch of the wrong shape is refused with 400 naming the first bad field, and nothing is stored', async (t) => {
  const running = await startCollector(t);
  const cases: Array<[unknown, string]> = [
    [[trackMessage()], 'body: expected a JSON object like {"batch": [...], "sentAt": "...", "site": "..."}, got an array of 1 item'],
    [{ ...batchOf([trackMessage()]), site: 'has space' }, 'site: expected 1-64 letters, digits, "_" or "-", starting with a letter or digit, got "has space"'],
    [{ ...batchOf([trackMessage()]), site: undefined }, 'site: a batch names its site, or a write key configured for one'],
    [{ ...batchOf([trackMessage()]), site: '-demo' }, 'site: expected 1-64 letters, digits, "_" or "-", starting with a letter or digit, got "-demo"'],
    [{ ...batchOf([trackMessage()]), sentAt: 'yesterday' }, 'sentAt: expected an ISO 8601 date-time with a time zone, from 1970 to 9999, like 2024-05-01T12:00:00.000Z, got "yesterday"'],
    [batchOf([]), 'batch: expected an array of 1-500 messages, got an array of 0 items'],
    [{ ...batchOf([]), batch: { 0: trackMessage() } }, 'batch: expected an array of 1-500 messages, got an object'],
  ];
  for (const [body, message] of cases) {
    const response = await running.postBatch(body);
    assert.equal(response.status, 400, message);
    assert.deepEqual(await response.json(), { error: { code: 'invalid_batch', message } });
  }
  assert.equal((await storedEvents(running)).length, 0);
});

test('hostile strings are stored verbatim as data and the table survives', async (t) => {
  const running = await startCollector(t);
  const injection = "'); DROP TABLE events;--";
  const markup = '<script>alert(1)</script>';
  const hostile = trackMessage({
    messageId: `${injection}-id`,
    event: markup,
    anonymousId: injection,
    properties: { [injection]: markup, quote: `"\\'`, nested: { html: '<img src=x onerror=alert(1)>' } },
    context: { ...(trackMessage().context as object), page: { url: 'https://shop.example/?q=<b>', path: "/'--", referrer: injection, title: markup } },
  });

  const response = await running.postBatch(batchOf([hostile]));
  assert.equal(response.status, 200);
  const followUp = await running.postBatch(batchOf([trackMessage({ event: 'Product Clicked' })]));
  assert.equal(followUp.status, 200);

  const events = await storedEvents(running);
  assert.equal(events.length, 2);
  const stored = events.find((event) => event.messageId === hostile.messageId)!;
  assert.equal(stored.event, markup);
  assert.equal(stored.anonymousId, injection);
  assert.deepEqual(stored.properties, hostile.properties);
  assert.deepEqual(stored.context.page, (hostile.context as { page: unknown }).page);
  const filtered = (await (await running.getEvents(`site=demo&event=${encodeURIComponent(markup)}`)).json()) as { events: Array<{ messageId: string }> };
  assert.deepEqual(filtered.events.map((event) => event.messageId), [hostile.messageId]);
  const { rows } = await running.collector.db.query<{ count: number }>('SELECT count(*)::int AS count FROM events');
  assert.equal(rows[0]!.count, 2);
});

test("unknown fields are accepted but not stored; a sender's context.ip among them, so no IP address is stored", async (t) => {
  const running = await startCollector(t);
  const message = trackMessage({ userId: 'u-1', integrations: { All: true } });
  (message.context as Record<string, unknown>).ip = '203.0.113.9';

  const response = await running.postBatch({ ...batchOf([message]), writeKey: 'ignored' });

  assert.deepEqual(await response.json(), { accepted: 1, rejected: [] });
  const [stored] = await storedEvents(running);
  assert.deepEqual(Object.keys(stored!).sort(), ['anonymousId', 'context', 'event', 'messageId', 'properties', 'receivedAt', 'timestamp']);
  assert.deepEqual(Object.keys(stored!.context).sort(), ['campaign', 'library', 'locale', 'page']);
});

test('each accepted batch logs one line naming its events, never the data', async (t) => {
  const running = await startCollector(t);
  const secret = 'customer@example.com';
  const batch = [trackMessage({ properties: { product_id: 'sku-1', email: secret } }), trackMessage({ event: 'Product Clicked' }), trackMessage(), trackMessage({ event: 'Evil\nline' })];

  await running.postBatch(batchOf(batch, 'shop_1'));

  assert.deepEqual(running.logs, ['[collector] shop_1: 4 events (Product Viewed ×2, Product Clicked, Evil\\u000aline)']);
  assert.ok(!running.logs.join('').includes(secret));
});

test('log: false keeps the collector silent', async (t) => {
  const lines: unknown[] = [];
  const original = console.log;
  console.log = (...args: unknown[]) => void lines.push(args);
  try {
    const running = await startCollector(t, { log: false });
    assert.equal((await running.postBatch(batchOf([trackMessage()]))).status, 200);
  } finally {
    console.log = original;
  }
  assert.deepEqual(lines, []);
});
