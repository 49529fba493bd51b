// 10,000 malformed or hostile requests: every one is answered 4xx, the server stays up, and nothing is stored.
import assert from 'node:assert/strict';
import { Agent, request } from 'node:http';
import { test } from 'node:test';
import { parseConfig, signatureHeader } from '../src/index.js';
import { batchOf, startCollector, trackMessage } from './helpers.js';

const SECRET = 'fuzz-signing-secret-0123456789';
const BRAND_KEY = 'fuzz-brand-key-0123456789abcdef';
const REQUESTS = 10_000;
const CONCURRENCY = 16;

/** mulberry32: small, seeded, the same sequence for the same seed. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HOSTILE_TEXT = [
  "'); DROP TABLE events;--",
  "' OR '1'='1",
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '\u0000',
  '\ud800',
  '=HYPERLINK("http://evil.example")',
  '${process.exit()}',
  '../../../../etc/passwd',
  'x'.repeat(70_000),
];
const HOSTILE_VALUES: unknown[] = [null, true, 0, -1, 1.5, 1e308, [], {}, '', ...HOSTILE_TEXT];

interface Attempt {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: Buffer | string;
}

/** A lone surrogate cannot be percent-encoded: send the bytes a broken client would, which are not UTF-8. */
function urlPart(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return '%ED%A0%80';
  }
}

function deepNesting(depth: number): string {
  return `${'['.repeat(depth)}${']'.repeat(depth)}`;
}

/** One request designed to be refused: a bad envelope, only bad events, a bad signature, a bad key or query. */
function hostileAttempt(next: () => number, index: number): Attempt {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const hostile = () => pick(HOSTILE_VALUES);
  const json = { 'content-type': 'application/json' };
  const text = { 'content-type': 'text/plain;charset=UTF-8' };
  switch (index % 12) {
    case 0: // a batch whose every event is broken in some field
      return {
        method: 'POST', path: '/v1/batch', headers: text,
        body: JSON.stringify(batchOf(Array.from({ length: 1 + Math.floor(next() * 5) }, () => {
          const field = pick(['messageId', 'type', 'event', 'timestamp', 'anonymousId', 'properties', 'context']);
          const value = field === 'event' ? pick([null, '', 7, 'x'.repeat(201)]) : field === 'messageId' ? pick([null, '', 'x'.repeat(65), 5]) : pick([null, 5, 'no', []]);
          return trackMessage({ [field]: value });
        }))),
      };
    case 1: // an envelope that is not a batch
      return { method: 'POST', path: '/v1/batch', headers: text, body: JSON.stringify(pick([{ batch: hostile(), site: 'demo' }, { batch: [trackMessage()], site: hostile() }, hostile(), { __proto__: { polluted: true }, batch: 'x' }])) };
    case 2: // not JSON, truncated JSON, invalid UTF-8, or deep nesting
      return {
        method: 'POST', path: '/v1/batch', headers: text,
        body: pick<Buffer | string>([
          JSON.stringify(batchOf([trackMessage()])).slice(0, 1 + Math.floor(next() * 200)),
          Buffer.from([0x7b, 0xff, 0xfe, 0x7d]),
          deepNesting(10_000),
          `{"batch":${deepNesting(5_000)},"site":"demo"}`,
          '{"batch":[{"__proto__":{"admin":true}}],"site":"demo"}',
          'null',
        ]),
      };
    case 3: // over the body limit
      return { method: 'POST', path: '/v1/batch', headers: text, body: `{"batch":[],"site":"${'x'.repeat(600 * 1024)}"}` };
    case 4: // a wrong content type
      return { method: 'POST', path: '/v1/batch', headers: { 'content-type': pick(['text/html', 'application/x-www-form-urlencoded', 'text/plain;charset=latin1', 'multipart/form-data']) }, body: JSON.stringify(batchOf([trackMessage()])) };
    case 5: // an Order Completed whose money is broken
      return {
        method: 'POST', path: '/v1/batch', headers: json,
        body: JSON.stringify(batchOf([trackMessage({
          event: 'Order Completed',
          properties: pick([
            { order_id: hostile(), currency: 'EUR', total_minor: 100, products: [] },
            { order_id: 'o-1', currency: pick(['eur', 'EURO', 1, null]), total_minor: 100, products: [] },
            { order_id: 'o-1', currency: 'EUR', total_minor: pick([-1, 1.5, '100', 1e999]), products: [] },
            { order_id: 'o-1', currency: 'EUR', total_minor: 100, products: [{ product_id: 'a', price_minor: 10 ** 15, quantity: 1000 }] },
            { order_id: 'o-1', currency: 'EUR', total_minor: 100, products: [{ product_id: 'a', price_minor: 100, quantity: pick([0, -2, 1.5]) }] },
          ]),
        })])),
      };
    case 6: // an order call without a valid signature
    case 7: {
      const body = JSON.stringify(pick([
        { site: 'shop', orderId: hostile(), currency: 'EUR', items: [{ productId: 'a', price: 100, quantity: 1 }] },
        { site: 'shop', orderId: 'o-1', currency: 'EUR', items: [{ productId: 'a', price: 100, quantity: 1 }] },
        { site: hostile(), orderId: 'o-1' },
      ]));
      const now = Date.now();
      const signature = pick([
        undefined,
        '',
        'garbage',
        `t=${Math.floor(now / 1000)},v1=${'0'.repeat(64)}`,
        signatureHeader('the-wrong-secret-0123456789', body, now),
        signatureHeader(SECRET, body, now - 10 * 60_000), // stale
        signatureHeader(SECRET, `${body} `, now), // another body
      ]);
      const path = index % 12 === 6 ? '/v1/orders' : `/v1/orders/${urlPart(String(pick(HOSTILE_TEXT)).slice(0, 100))}/refunds`;
      return { method: 'POST', path, headers: { ...json, ...(signature !== undefined && { 'vitrine-signature': signature }) }, body };
    }
    case 8: { // correctly signed, but the body is invalid
      const body = JSON.stringify(pick([
        { site: 'shop', orderId: 'o-1', currency: 'EUR' },
        { site: 'shop', orderId: 'o-1', currency: 'EUR', items: [{ productId: 'a', price: -5, quantity: 1 }] },
        { site: 'shop', orderId: 'o-1', currency: 'EUR', items: [{ productId: hostile(), price: 100, quantity: 1 }], extra: hostile() },
        { site: 'shop', orderId: 'o-1', currency: 'EUR', items: hostile() },
        { site: 'shop', orderId: 'never-reported' },
        { site: 'shop', orderId: 'o-1', clickId: "'); DROP TABLE orders;--" },
      ]));
      return { method: 'POST', path: '/v1/orders', headers: { ...json, 'vitrine-signature': signatureHeader(SECRET, body) }, body };
    }
    case 9: // a report with no key, a wrong key, or a bad query
      return {
        method: 'GET',
        path: pick([
          '/v1/reports/creators?site=shop',
          `/v1/reports/${urlPart(pick(HOSTILE_TEXT).slice(0, 100))}?site=shop`,
          `/v1/reports/days?site=shop&from=${urlPart(pick(HOSTILE_TEXT).slice(0, 100))}`,
          '/v1/reports/days?site=shop&from=2026-02-30',
          '/v1/orders?site=shop&limit=100000',
          '/v1/events?site=shop',
        ]),
        headers: pick<Record<string, string>>([{}, { authorization: 'Bearer nope' }, { authorization: `Basic ${BRAND_KEY}` }, { authorization: `Bearer ${pick(HOSTILE_TEXT).replace(/[^\x20-\x7e]/g, '?').slice(0, 200)}` }]),
      };
    case 10: // a known key with a hostile query
      return { method: 'GET', path: pick([`/v1/reports/days?site=shop&format=${urlPart(pick(HOSTILE_TEXT).slice(0, 50))}`, '/v1/reports/products?site=other', '/v1/orders?site=shop&limit=-1']), headers: { authorization: `Bearer ${BRAND_KEY}` } };
    default: // paths and methods that do not exist
      return { method: pick(['PUT', 'DELETE', 'PATCH', 'GET']), path: pick(['/v1/batch', '/v1/orders/x/refunds', '/%zz', '/../etc/passwd', '/v1/orders/%E0%A4%A/refunds', '/dashboard/..%2f..%2fpackage.json']), headers: {} };
  }
}

function send(agent: Agent, base: URL, attempt: Attempt): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ agent, host: base.hostname, port: base.port, method: attempt.method, path: attempt.path, headers: attempt.headers, timeout: 15_000 }, (res) => {
      res.resume();
      res.once('end', () => resolve(res.statusCode!));
    });
    req.once('timeout', () => req.destroy(new Error(`no answer in 15 s to ${attempt.method} ${attempt.path.slice(0, 80)}`)));
    req.once('error', (error) => {
      // A body over the limit is refused before it is all sent: the server answered 413 and closed the socket.
      if ((error as NodeJS.ErrnoException).code === 'EPIPE' || (error as NodeJS.ErrnoException).code === 'ECONNRESET') resolve(413);
      else reject(error);
    });
    req.end(attempt.body);
  });
}

test(`${REQUESTS} malformed or hostile requests are all refused with 4xx, the collector stays up and stores nothing`, { timeout: 240_000 }, async (t) => {
  const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 1_000_000);
  t.diagnostic(`seed ${seed} (replay with FUZZ_SEED=${seed})`);
  const next = random(seed);
  const unlimited = { requests: 10_000_000, windowSeconds: 60 };
  const running = await startCollector(t, {
    config: parseConfig({
      sites: { shop: { signingSecrets: [SECRET], commission: [{ rate: 0.1 }] } },
      apiKeys: [{ key: BRAND_KEY, site: 'shop', role: 'brand' }],
      rateLimits: { perIp: unlimited, perSite: unlimited },
    }),
  });
  const base = new URL(running.url);
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  t.after(() => agent.destroy());

  const statuses = new Map<number, number>();
  const unexpected: string[] = [];
  let index = 0;
  const worker = async () => {
    while (index < REQUESTS) {
      const attempt = hostileAttempt(next, index++);
      const status = await send(agent, base, attempt);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      if ((status < 400 || status >= 500) && unexpected.length < 10) unexpected.push(`${status} for ${attempt.method} ${attempt.path.slice(0, 80)} ${String(attempt.body ?? '').slice(0, 200)}`);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  t.diagnostic(`answers: ${[...statuses].sort((a, b) => a[0] - b[0]).map(([status, count]) => `${status}×${count}`).join(', ')}`);

  assert.deepEqual(unexpected, [], 'every hostile request is refused with a 4xx');
  assert.equal([...statuses.values()].reduce((sum, count) => sum + count, 0), REQUESTS);
  for (const table of ['events', 'orders', 'ledger', 'refunds', 'touches']) {
    const { rows } = await running.collector.db.query<{ count: number }>(`SELECT count(*)::int AS count FROM ${table}`);
    assert.equal(rows[0]!.count, 0, `nothing was stored in ${table}`);
  }
  assert.equal((await fetch(`${running.url}/healthz`)).status, 200, 'the collector is still up');
  assert.equal((await running.postBatch(batchOf([trackMessage()], 'shop'))).status, 200, 'and still takes a valid batch');
});
