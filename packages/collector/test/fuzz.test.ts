// 10,000 seeded malformed or hostile requests: each is refused, the collector stays up, and nothing is stored.
import assert from 'node:assert/strict';
import { Agent, request } from 'node:http';
import { test } from 'node:test';
import { parseConfig, signatureHeader } from '../src/index.js';
import { batchOf, startCollector, trackMessage } from './helpers.js';
import { inParallel, seededRandom, tableCounts } from './order-helpers.js';

const REQUESTS = 10_000;
const CONCURRENCY = 16;
const TIMEOUT_MS = 10_000;
const SECRET = 'fuzz-signing-secret-00001';
const BRAND_KEY = 'fuzz-brand-key-0123456789abc';
const OTHER_KEY = 'fuzz-other-key-0123456789abc';

// Written into JSON text where JSON.stringify cannot: 1e999 parses to Infinity.
const INFINITY = '\u0001infinity\u0001';
const SQL = "'); DROP TABLE events;--";
const SCRIPT = '<script>alert(document.cookie)</script>';
const HOSTILE_TEXT = [SQL, "' OR '1'='1", SCRIPT, '<img src=x onerror=alert(1)>', '{{7*7}}', '${process.exit(1)}', '../../etc/passwd', '=cmd|"/c calc"!A1', '\r\nSet-Cookie: x=1', '\u202e\u0301'];
// Strings PostgreSQL cannot store, or that are not text at all once encoded.
const UNSTORABLE_TEXT = ['a\u0000b', '\u0000', '\ud800', 'x\udfffy', `${SQL}\u0000`, `${SCRIPT}\ud83d`];
const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty'];

type Next = () => number;
interface Attempt {
  family: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string | Buffer;
  /** The statuses that refuse it; `events` means 400 with every one of that many events rejected. */
  expect: readonly number[] | { events: number };
}

function json(value: unknown): string {
  return JSON.stringify(value).replaceAll(JSON.stringify(INFINITY), '1e999');
}

function nested(depth: number, open = '[', close = ']', inner = ''): string {
  return `${open.repeat(depth)}${inner}${close.repeat(depth)}`;
}

function deepObject(depth: number): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  let level = root;
  for (let index = 0; index < depth; index += 1) level = (level.a = {}) as Record<string, unknown>;
  return root;
}

function generator(next: Next) {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const context = trackMessage().context as Record<string, any>;
  const event = (patch: Record<string, unknown>) => ({ ...trackMessage({ event: 'Product Viewed', properties: { product_id: 'p1' } }), ...patch });
  const line = { product_id: 'p1', price_minor: 100, quantity: 1 };
  const order = { order_id: 'f-1', currency: 'EUR', total_minor: 100, products: [line] };
  const item = { productId: 'p1', price: 100, quantity: 1 };
  const goodOrder = (): Record<string, unknown> => ({ site: 'shop', orderId: `f-${Math.floor(next() * 1e6)}`, currency: 'EUR', items: [item] });
  const goodRefund = (orderId: string) => ({ site: 'shop', orderId, refundId: `r-${Math.floor(next() * 1e6)}`, items: [{ productId: 'p1', quantity: 1 }] });
  const signed = (body: string, at = Date.now()) => ({ 'content-type': 'application/json', 'vitrine-signature': signatureHeader(SECRET, body, at) });

  // Each of these events is invalid in exactly the way its line says; the batch around it is well formed.
  const badEvents: Array<() => unknown> = [
    () => event({ messageId: pick([null, '', 'x'.repeat(65), 42, {}, ...UNSTORABLE_TEXT]) }),
    () => event({ type: pick(['identify', 'page', null, 1, SQL]) }),
    () => event({ event: pick(['', 'x'.repeat(201), 7, null, ...UNSTORABLE_TEXT]) }),
    () => event({ timestamp: pick(['yesterday', '2026-02-30T10:00:00Z', '2026-01-01T10:00:00', 1_714_560_000_000, '', SQL]) }),
    () => event({ anonymousId: pick(['', 'x'.repeat(65), null, ['a'], ...UNSTORABLE_TEXT]) }),
    () => event({ properties: pick([null, [], 'p1', 5, INFINITY]) }),
    () => event({ properties: { product_id: 'p1', price: INFINITY } }),
    () => event({ properties: { product_id: 'p1', [pick(UNSTORABLE_TEXT)]: pick(HOSTILE_TEXT) } }),
    () => event({ properties: { product_id: 'p1', note: pick(UNSTORABLE_TEXT), [pick(PROTOTYPE_KEYS)]: { polluted: true } } }),
    () => event({ properties: { product_id: 'p1', nested: deepObject(21 + Math.floor(next() * 200)) } }),
    () => event({ properties: { product_id: 'p1', blob: ((text) => text.repeat(Math.ceil(33_000 / text.length)))(pick(HOSTILE_TEXT)) } }),
    () => event({ event: pick([SCRIPT, SQL]), timestamp: pick(HOSTILE_TEXT), properties: { product_id: SQL, [SCRIPT]: SQL } }),
    () => event({ context: pick([undefined, null, {}, SQL, { ...context, page: undefined }, { ...context, locale: 5 }, { ...context, library: { name: '' } }, { ...context, campaign: { source: 5 } }, { ...context, page: { ...context.page, url: '' } }, { ...context, page: { ...context.page, title: pick(UNSTORABLE_TEXT) } }]) }),
    () => event({ properties: pick([{}, { product_id: 5 }, { product_id: '' }, { product_id: 'x'.repeat(201) }, { product_id: 'p', price_minor: -1 }, { product_id: 'p', quantity: 0 }, { product_id: 'p', currency: 'eur' }]) }),
    () => event({ event: 'Order Completed', properties: pick([
      { ...order, order_id: pick([undefined, '', 'x'.repeat(201), 5, ...UNSTORABLE_TEXT]) },
      { ...order, currency: pick(['eur', 'EURO', 1, null, '€', SQL]) },
      { ...order, total_minor: pick([-1, 1.5, '100', INFINITY, null]) },
      { ...order, products: pick(['p1', null, {}, [null], [{ product_id: 'p1' }], Array.from({ length: 501 }, () => line)]) },
      { ...order, products: [{ ...line, price_minor: pick([-1, 1.5, INFINITY, 10 ** 15, '100']) }] },
      { ...order, products: [{ ...line, quantity: pick([0, -1, 1.5, 100_001, '1']) }] },
      { ...order, products: [{ ...line, brand: pick(['', 5, ...UNSTORABLE_TEXT]) }] },
      { ...order, discount_minor: pick([-5, 1.5, INFINITY, 10 ** 14]) },
      { ...order, attribution: pick([{ creator_id: SQL, click_id: 'c-1' }, { creator_id: 'ana' }, { click_id: 'c-1' }, { creator_id: SCRIPT, click_id: 'c-1' }, { creator_id: 'ana', click_id: 'c-1', clip_id: SQL }, 'ana']) },
    ]) }),
    () => pick(['event', 5, null, true, [], [[[]]], SQL]),
  ];

  const families: Array<[number, string, () => Attempt]> = [
    [14, 'batch: every event bad', () => {
      const events = Array.from({ length: 1 + Math.floor(next() * 5) }, () => pick(badEvents)());
      return { family: 'batch: every event bad', method: 'POST', path: '/v1/batch', headers: { 'content-type': pick(['text/plain;charset=UTF-8', 'application/json']) }, body: json(batchOf(events, 'shop')), expect: { events: events.length } };
    }],
    [12, 'batch: bad envelope', () => {
      const good = batchOf([trackMessage()], 'shop');
      const [body, expect] = pick<[string | Buffer, number[]]>([
        [json({ ...good, batch: pick([null, {}, 'x', 5, [], INFINITY, Array.from({ length: 501 }, () => trackMessage())]) }), [400]],
        [json({ ...good, site: pick([5, null, '', 'has space', '__proto__', ...HOSTILE_TEXT, ...UNSTORABLE_TEXT]) }), [400]],
        [json({ ...good, site: pick(['constructor', 'toString', 'hasOwnProperty', 'elsewhere']) }), [403]],
        [json({ ...good, sentAt: pick(['yesterday', 5, SQL, '2026-02-30T00:00:00Z']) }), [400]],
        [json({ batch: good.batch, writeKey: pick(['unknown-key', SQL, SCRIPT]) }), [401]],
        [json({ batch: good.batch, writeKey: pick([5, '', null]) }), [400]],
        [`{"__proto__":{"site":"shop"},"batch":${json(good.batch)}}`, [400]],
        [`{"site":"shop","site":${json(pick(HOSTILE_TEXT))},"batch":${json(good.batch)}}`, [400]],
        [json(pick([null, [], 'batch', 5, true, [good]])), [400]],
        [json(good).slice(0, Math.floor(next() * 300)), [400]],
        [Buffer.concat([Buffer.from('{"site":"shop","batch":[{"event":"'), Buffer.from([0xff, 0xfe, 0xc0, 0x80]), Buffer.from('"}]}')]), [400]],
        [Buffer.from([0x7b, 0xed, 0xa0, 0x80, 0x7d]), [400]],
        [nested(10_000), [400]],
        [`{"site":${nested(10_000)},"batch":[]}`, [400]],
        [`{"site":"shop","batch":${nested(10_000, '{"a":', '}', '0')}}`, [400]],
        [`{"site":"shop","batch":${json(good.batch)},"sentAt":1e999}`, [400]],
        [`${json(good)}\u0000`, [400]],
        ['', [400]],
      ]);
      return { family: 'batch: bad envelope', method: 'POST', path: '/v1/batch', headers: { 'content-type': 'text/plain' }, body, expect };
    }],
    [14, 'order: bad signature', () => {
      const body = json(pick([goodOrder(), { site: 'shop', orderId: 'f-1' }, { ...goodOrder(), clickId: 'c-1' }]));
      const now = Date.now();
      const t = Math.floor(now / 1000);
      const header = pick<string | undefined>([
        undefined, '', 'garbage', SQL, `t=${t}`, `v1=${'a'.repeat(64)}`, `t=${t},v1=${'g'.repeat(64)}`, `t=-1,v1=${'a'.repeat(64)}`, `t=${'9'.repeat(13)},v1=${'a'.repeat(64)}`,
        `t=${t},v1=${'0'.repeat(64)}`, signatureHeader('not-the-signing-secret!!', body, now), signatureHeader(SECRET, `${body} `, now),
        signatureHeader(SECRET, body, now - 301_000), signatureHeader(SECRET, body, now + 3_600_000), signatureHeader(SECRET, body.toUpperCase(), now),
      ]);
      const path = pick(['/v1/orders', `/v1/orders/${pick(['f-1', encodeURIComponent(SQL), encodeURIComponent(SCRIPT)])}/refunds`]);
      return { family: 'order: bad signature', method: 'POST', path, headers: { 'content-type': 'application/json', ...(header !== undefined && { 'vitrine-signature': header }) }, body, expect: [401] };
    }],
    [14, 'order: signed, bad body', () => {
      const [value, expect] = pick<[unknown, number[]]>([
        [{ ...goodOrder(), [pick([...PROTOTYPE_KEYS, 'extra', SQL])]: { admin: true } }, [400]],
        [{ ...goodOrder(), orderId: pick([null, '', 'x'.repeat(201), 5, [], ...UNSTORABLE_TEXT]) }, [400]],
        [{ ...goodOrder(), currency: pick(['eur', 5, null, INFINITY, SQL]) }, [400]],
        [{ ...goodOrder(), items: pick([[], 'x', null, {}, [null], [[[]]], Array.from({ length: 501 }, () => item)]) }, [400]],
        [{ ...goodOrder(), items: [{ ...item, price: pick([-1, 1.5, INFINITY, 10 ** 14, '100', null]) }] }, [400]],
        [{ ...goodOrder(), items: [{ ...item, quantity: pick([0, 100_001, 1.5, INFINITY, -3]) }] }, [400]],
        [{ ...goodOrder(), items: [{ ...item, productId: pick(['', 'x'.repeat(201), 5, ...UNSTORABLE_TEXT]) }] }, [400]],
        [{ ...goodOrder(), items: [{ ...item, [pick(PROTOTYPE_KEYS)]: 1 }] }, [400]],
        [{ ...goodOrder(), items: [{ ...item, brand: pick(['', 5, ...UNSTORABLE_TEXT]) }] }, [400]],
        [{ ...goodOrder(), discount: pick([-1, 1.5, INFINITY, '5', 10 ** 14]) }, [400]],
        [{ ...goodOrder(), placedAt: pick(['yesterday', '2026-13-01T00:00:00Z', 5, SQL]) }, [400]],
        [{ ...goodOrder(), clickId: pick([SQL, SCRIPT, '', 'x'.repeat(65), 5, ...UNSTORABLE_TEXT]) }, [400]],
        [{ site: 'shop', orderId: 'f-1', currency: 'EUR' }, [400]],
        [{ site: 'shop', orderId: 'f-1', items: [item] }, [400]],
        [{ site: 'shop', orderId: pick(['ghost', SQL, SCRIPT]) }, [422]],
        [{ site: 'shop', orderId: 'ghost', clickId: 'c-1', discount: 5 }, [422]],
        [{ ...goodOrder(), site: pick(['constructor', '__proto__', 'toString', 'elsewhere', 5, null, SQL]) }, [401]],
        [pick([null, [], 'order', 5]), [401]],
      ]);
      const body = json(value);
      return { family: 'order: signed, bad body', method: 'POST', path: '/v1/orders', headers: signed(body), body, expect };
    }],
    [10, 'refund: signed, bad body or unknown order', () => {
      const [id, idExpect] = pick<[string, number[] | undefined]>([
        ['ghost', undefined], [encodeURIComponent(SQL), undefined], [encodeURIComponent(SCRIPT), undefined],
        ['x'.repeat(300), [400]], ['a%00b', [400]], ['%ED%A0%80', [400]], ['%ZZ', [400]],
      ]);
      let orderId: string;
      try {
        orderId = decodeURIComponent(id);
      } catch {
        orderId = id;
      }
      const [value, expect] = pick<[unknown, number[]]>([
        [{ ...goodRefund(orderId), [pick([...PROTOTYPE_KEYS, 'reason'])]: 1 }, [400]],
        [{ ...goodRefund(orderId), refundId: pick(['', 'x'.repeat(201), 5, null, ...UNSTORABLE_TEXT]) }, [400]],
        [{ ...goodRefund(orderId), items: pick(['x', null, [null], [{ productId: 'p1' }], [{ productId: 'p1', quantity: pick([0, INFINITY, 1.5, 100_001]) }], [{ productId: '', quantity: 1 }]]) }, [400]],
        [{ ...goodRefund(orderId), orderId: pick(['f-1', '', null, 5, `${orderId} `]) }, [400]],
        [goodRefund(orderId), [404]],
        [{ site: 'shop', orderId, refundId: 'r-1' }, [404]],
      ]);
      const body = json(value);
      return { family: 'refund: signed, bad body or unknown order', method: 'POST', path: `/v1/orders/${id}/refunds`, headers: signed(body), body, expect: idExpect ?? expect };
    }],
    [12, 'reads: bad key or query', () => {
      const dimension = pick(['creators', 'clips', 'products', 'days']);
      const [path, headers, expect] = pick<[string, Record<string, string>, number[]]>([
        [`/v1/reports/${dimension}?site=shop`, pick<Record<string, string>>([{}, { authorization: 'Bearer nope' }, { authorization: `Basic ${BRAND_KEY}` }, { authorization: `Bearer ${SQL.replaceAll(' ', '')}` }, { authorization: BRAND_KEY }]), [401]],
        [`/v1/reports/${dimension}?site=shop`, { authorization: `Bearer ${OTHER_KEY}` }, [403]],
        [`/v1/reports/${dimension}?site=${encodeURIComponent(pick(['', ...HOSTILE_TEXT]))}`, { authorization: `Bearer ${BRAND_KEY}` }, [400]],
        [`/v1/reports/${dimension}?site=shop&from=${encodeURIComponent(pick(['2026-02-30', '2026-3-1', '0000-01-01', '-001-01-01', ...HOSTILE_TEXT, 'a%00']))}&to=2026-03-01`, { authorization: `Bearer ${BRAND_KEY}` }, [400]],
        [`/v1/reports/${dimension}?site=shop&from=${pick(['2026-03-02&to=2026-03-01', '0000-12-31&to=0001-01-01', '9999-12-31&to=0001-01-01'])}`, { authorization: `Bearer ${BRAND_KEY}` }, [400]],
        [`/v1/reports/${dimension}?site=shop&from=2000-01-01&to=2026-03-01`, { authorization: `Bearer ${BRAND_KEY}` }, [400]],
        [`/v1/reports/${dimension}?site=shop&format=${encodeURIComponent(pick(['xml', 'CSV', SCRIPT]))}`, { authorization: `Bearer ${BRAND_KEY}` }, [400]],
        [`/v1/reports/${encodeURIComponent(pick(['buyers', SQL, SCRIPT, '__proto__', 'constructor']))}?site=shop`, { authorization: `Bearer ${BRAND_KEY}` }, [404]],
        [`/v1/orders?site=shop&limit=${encodeURIComponent(pick(['0', '101', '-1', '1e3', SQL]))}`, { authorization: `Bearer ${BRAND_KEY}` }, [400]],
        ['/v1/orders?site=shop', pick<Record<string, string>>([{}, { authorization: 'Bearer nope' }]), [401]],
        [`/v1/events?site=shop${pick(['', '&limit=5', `&event=${encodeURIComponent(SQL)}`])}`, {}, [401]],
      ]);
      return { family: 'reads: bad key or query', method: pick(['GET', 'HEAD']), path, headers, expect };
    }],
    [10, 'transport: type, size, method, path, headers', () => {
      const batch = json(batchOf([trackMessage()], 'shop'));
      const order = json(goodOrder());
      const huge = `{"site":"shop","batch":[],"pad":"${'x'.repeat(1024 * 1024)}"}`;
      const [method, path, headers, body, expect] = pick<[string, string, Record<string, string>, string | undefined, number[]]>([
        ['POST', '/v1/batch', pick<Record<string, string>>([{}, { 'content-type': pick(['text/html', 'application/xml', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'text/plain; charset=latin1', 'application/json; charset=utf-16', SQL]) }]), batch, [415]],
        ['POST', '/v1/orders', { ...signed(order), 'content-type': pick(['text/plain', 'application/x-www-form-urlencoded', 'application/jsonp']) }, order, [415]],
        ['POST', pick(['/v1/batch', '/v1/orders', '/v1/orders/f-1/refunds']), pick([{ 'content-type': 'text/plain' }, signed(huge)]), huge, [413, 415]],
        [pick(['PUT', 'DELETE', 'PATCH']), pick(['/v1/batch', '/v1/orders', '/v1/orders/f-1/refunds', '/v1/reports/days', '/healthz']), { 'content-type': 'application/json' }, batch, [405]],
        ['OPTIONS', pick(['/v1/orders', '/v1/orders/f-1/refunds', '/v1/reports/days', '/healthz']), { 'content-type': 'application/json' }, batch, [405]],
        ['GET', '/v1/batch', {}, undefined, [405]],
        ['POST', '/v1/reports/creators?site=shop', { 'content-type': 'application/json' }, '{}', [405]],
        [pick(['GET', 'POST']), pick(['/', '/admin', '/v2/batch', '/v1/batch/', '/v1/orders/f-1/refunds/x', '/v1/orders/', `/${encodeURIComponent(SQL)}`, '/..%2f..%2fetc%2fpasswd', '/dashboard/..%2fpackage.json', '/dashboard/%00']), {}, undefined, [404, 405]],
        ['GET', '/v1/reports/creators?site=shop', { authorization: `Bearer ${'k'.repeat(20_000)}` }, undefined, [431]],
      ]);
      return { family: 'transport: type, size, method, path, headers', method, path, headers, ...(body !== undefined && { body }), expect };
    }],
  ];
  const total = families.reduce((sum, [weight]) => sum + weight, 0);
  return (): Attempt => {
    let roll = next() * total;
    for (const [weight, , make] of families) {
      if ((roll -= weight) < 0) return make();
    }
    return families[0]![2]();
  };
}

interface Answer { status: number; body: string }

function send(agent: Agent, base: URL, attempt: Attempt): Promise<Answer | { reset: string }> {
  return new Promise((resolve, reject) => {
    let answered = false;
    // Node's client sends a DELETE or OPTIONS body without Content-Length unless told; the server would then read it
    // as the next request on the connection.
    const length = attempt.body === undefined ? {} : { 'content-length': String(Buffer.byteLength(attempt.body)) };
    const req = request({ agent, host: base.hostname, port: base.port, method: attempt.method, path: attempt.path, headers: { ...length, ...attempt.headers }, timeout: TIMEOUT_MS }, (res) => {
      answered = true;
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.once('end', () => resolve({ status: res.statusCode!, body: Buffer.concat(chunks).toString('utf8') }));
      res.once('error', reject);
    });
    req.once('timeout', () => req.destroy(new Error(`no answer within ${TIMEOUT_MS} ms`)));
    req.once('error', (error: NodeJS.ErrnoException) => {
      if (answered) return;
      // A body over the limit is refused before it is read: the socket may close while it is still being sent.
      if (error.code === 'EPIPE' || error.code === 'ECONNRESET') resolve({ reset: error.code });
      else reject(new Error(`${attempt.method} ${attempt.path.slice(0, 80)}: ${error.message}`));
    });
    req.end(attempt.body);
  });
}

test(`${REQUESTS} malformed or hostile requests are refused, the collector stays up and stores nothing`, { timeout: 300_000 }, async (t) => {
  const seed = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
  t.diagnostic(`seed ${seed} (replay with FUZZ_SEED=${seed})`);
  const huge = { requests: 10_000_000, windowSeconds: 60 };
  const running = await startCollector(t, {
    config: parseConfig({
      sites: { shop: { signingSecrets: [SECRET], commission: [{ rate: 0.1, bonus: { EUR: 100 } }] }, other: {} },
      apiKeys: [{ key: BRAND_KEY, site: 'shop', role: 'brand' }, { key: OTHER_KEY, site: 'other', role: 'brand' }],
      rateLimits: { perIp: huge, perSite: huge },
    }),
  });
  const base = new URL(running.url);
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  t.after(() => agent.destroy());
  const nextAttempt = generator(seededRandom(seed));

  const tally = new Map<string, number>();
  const wrong: string[] = [];
  await inParallel(Array.from({ length: REQUESTS }, (_, index) => index), CONCURRENCY, async (index) => {
    // Made when sent, in index order (nothing awaits before this line), so a seed replays the same requests.
    const attempt = nextAttempt();
    const answer = await send(agent, base, attempt);
    const outcome = 'reset' in answer ? answer.reset : String(answer.status);
    tally.set(`${attempt.family} → ${outcome}`, (tally.get(`${attempt.family} → ${outcome}`) ?? 0) + 1);
    const described = () => `#${index} ${attempt.method} ${attempt.path.slice(0, 100)} ${String(attempt.body ?? '').slice(0, 200)} → ${outcome} ${'body' in answer ? answer.body.slice(0, 300) : ''}`;
    if ('reset' in answer) {
      if (!(Array.isArray(attempt.expect) && attempt.expect.includes(413))) wrong.push(described());
      return;
    }
    if (Array.isArray(attempt.expect)) {
      if (!attempt.expect.includes(answer.status) || answer.status < 400 || answer.status > 499) wrong.push(described());
      return;
    }
    // The envelope is fine but no event in it is: 400, with every event rejected on its own.
    const { events } = attempt.expect as { events: number };
    const parsed = answer.status === 400 ? (JSON.parse(answer.body) as { accepted: number; rejected: unknown[] }) : undefined;
    if (parsed?.accepted !== 0 || parsed.rejected.length !== events) wrong.push(described());
  });
  t.diagnostic([...tally].sort().map(([what, times]) => `${what}: ${times}`).join('; '));

  assert.deepEqual(wrong.slice(0, 10), [], `${wrong.length} answers were not refusals (seed ${seed})`);
  assert.deepEqual(running.logs.filter((line) => line.includes('error on')), [], 'no request failed inside the collector');
  // The collector runs in this process: a "__proto__" it merged anywhere would show on every object here.
  assert.deepEqual([({} as Record<string, unknown>).polluted, ({} as Record<string, unknown>).admin], [undefined, undefined]);
  assert.deepEqual(await tableCounts(running.collector.db), { events: 0, orders: 0, ledger: 0, refunds: 0, touches: 0 });
  assert.equal((await fetch(`${running.url}/healthz`)).status, 200);
  const valid = await running.postBatch(batchOf([trackMessage()], 'shop'));
  assert.deepEqual([valid.status, await valid.json()], [200, { accepted: 1, rejected: [] }]);
});
