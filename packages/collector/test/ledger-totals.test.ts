// 1,000 random orders through the HTTP API, priced again here from the rules as the README states them, and every
// report compared with that recomputation to the minor unit. Nothing below imports the collector's money code.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, type TestContext } from 'node:test';
import { createCollector, parseConfig, signatureHeader, type CollectorOptions } from '../src/index.js';
import { TEST_DATABASE_URL, dropSchema, freshSchemaName } from './helpers.js';

const SECRET = 'ledger-signing-secret-0123456789';
const BRAND_KEY = 'ledger-brand-key-0123456789abcdef';
const creatorKey = (creator: string) => `ledger-creator-key-${creator}-0123456789`;
const ORDERS = 1000;
const DAY_MS = 86_400_000;
const START = Date.parse('2026-03-01T10:00:00Z');

interface Rule { id: string; brand?: string; product?: string; creator?: string; rate: number; bonus?: Record<string, number> }

const RULES_BEFORE: Rule[] = [
  { id: 'base', rate: 0.05 },
  { id: 'acme', brand: 'acme', rate: 0.08 },
  { id: 'c1', creator: 'c1', rate: 0.07, bonus: { EUR: 300, USD: 250, JPY: 400 } },
  { id: 'acme-c2', brand: 'acme', creator: 'c2', rate: 0.11 },
  { id: 'p3', product: 'p3', rate: 0.125 },
  { id: 'p3-c3', product: 'p3', creator: 'c3', rate: 0.2, bonus: { EUR: 1000 } },
  { id: 'bolt', brand: 'bolt', rate: 0.033333 },
  { id: 'base-again', rate: 0.5 }, // never wins: same rank as "base", written later
];
const RULES_AFTER: Rule[] = [{ id: 'base', rate: 0.3 }, { id: 'p3', product: 'p3', rate: 0.01, bonus: { EUR: 7 } }];

const PRODUCTS: Array<{ id: string; brand?: string; price: Record<string, number> }> = [
  { id: 'p1', brand: 'acme', price: { EUR: 1999, USD: 2199, JPY: 2500 } },
  { id: 'p2', brand: 'acme', price: { EUR: 4990, USD: 5490, JPY: 6800 } },
  { id: 'p3', brand: 'bolt', price: { EUR: 12900, USD: 13900, JPY: 18000 } },
  { id: 'p4', brand: 'bolt', price: { EUR: 333, USD: 349, JPY: 480 } },
  { id: 'p5', price: { EUR: 7777, USD: 8199, JPY: 9900 } },
  { id: 'p6', brand: 'acme', price: { EUR: 1, USD: 3, JPY: 7 } },
];
const CURRENCIES = ['EUR', 'USD', 'JPY'];
const CREATORS = ['c1', 'c2', 'c3', 'c4'];
const CLIPS = ['k1', 'k2', null];

// ---- the model, from the README's rules --------------------------------------------------------------------------

interface Line { productId: string; brand?: string; quantity: number; paid: number; commission: number; refunded: number }
interface Entry { orderId: string; productId: string | null; creator: string | null; clip: string | null; currency: string; bucket: 'pending' | 'confirmed' | 'reversed'; reason: string; revenue: number; commission: number; day: string }
interface ModelOrder { id: string; currency: string; creator: string | null; clip: string | null; status: 'pending' | 'confirmed'; placedDay: string; lines: Line[]; bonus: number; bonusReversed: boolean }

function bestRule(rules: Rule[], productId: string, brand: string | undefined, creator: string | null): Rule | undefined {
  let best: Rule | undefined;
  let bestRank = -1;
  for (const rule of rules) {
    const matches = (rule.product === undefined || rule.product === productId) && (rule.brand === undefined || rule.brand === brand) && (rule.creator === undefined || rule.creator === creator);
    if (!matches) continue;
    const rank = (rule.product ? 4 : 0) + (rule.brand ? 2 : 0) + (rule.creator ? 1 : 0);
    if (rank > bestRank) [best, bestRank] = [rule, rank];
  }
  return best;
}

function price(rules: Rule[], items: Array<{ productId: string; brand?: string; quantity: number; amount: number }>, discount: number, currency: string, creator: string | null): { lines: Line[]; bonus: number } {
  const total = items.reduce((sum, item) => sum + BigInt(item.amount), 0n);
  const spread = BigInt(discount) < total ? BigInt(discount) : total;
  const shares = items.map((item) => (total === 0n ? 0n : (BigInt(item.amount) * spread) / total));
  let left = spread - shares.reduce((a, b) => a + b, 0n);
  const order = items.map((item, index) => ({ index, rest: total === 0n ? 0n : (BigInt(item.amount) * spread) % total })).sort((a, b) => (a.rest === b.rest ? a.index - b.index : a.rest > b.rest ? -1 : 1));
  for (const { index } of order) if (left > 0n) (shares[index]! += 1n), (left -= 1n);
  let bonus = 0;
  const lines = items.map((item, index) => {
    const paid = item.amount - Number(shares[index]);
    const rule = creator ? bestRule(rules, item.productId, item.brand, creator) : undefined;
    const ppm = BigInt(Math.round((rule?.rate ?? 0) * 1e6));
    if (rule?.bonus?.[currency] && rule.bonus[currency]! > bonus) bonus = rule.bonus[currency]!;
    return { productId: item.productId, ...(item.brand && { brand: item.brand }), quantity: item.quantity, paid, commission: Number((BigInt(paid) * ppm + 500_000n) / 1_000_000n), refunded: 0 };
  });
  return { lines, bonus: creator ? bonus : 0 };
}

/** mulberry32 */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function configOf(rules: Rule[]) {
  const unlimited = { requests: 10_000_000, windowSeconds: 60 };
  return parseConfig({
    sites: { shop: { signingSecrets: [SECRET], commission: rules } },
    apiKeys: [{ key: BRAND_KEY, site: 'shop', role: 'brand' }, ...CREATORS.map((creator) => ({ key: creatorKey(creator), site: 'shop', role: 'creator', creator }))],
    rateLimits: { perIp: unlimited, perSite: unlimited },
  });
}

/** A database that outlives one collector, so a second one with other rules opens the same ledger. */
async function lastingDatabase(t: TestContext): Promise<Pick<CollectorOptions, 'dataDir' | 'databaseUrl' | 'databaseSchema'>> {
  if (TEST_DATABASE_URL) {
    const databaseSchema = freshSchemaName();
    t.after(() => dropSchema(TEST_DATABASE_URL!, databaseSchema));
    return { databaseUrl: TEST_DATABASE_URL, databaseSchema };
  }
  const root = await mkdtemp(join(tmpdir(), 'vitrine-ledger-'));
  t.after(() => rm(root, { recursive: true, force: true }));
  return { dataDir: join(root, 'data') };
}

test(`${ORDERS} random orders, confirmations, duplicates and refunds in three currencies: every report equals the recomputation`, { timeout: 300_000 }, async (t) => {
  const seed = Number(process.env.LEDGER_SEED ?? Date.now() % 1_000_000);
  t.diagnostic(`seed ${seed} (replay with LEDGER_SEED=${seed})`);
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const chance = (p: number) => next() < p;

  let clock = START;
  const now = () => new Date(clock);
  const day = () => new Date(clock).toISOString().slice(0, 10);
  const database = await lastingDatabase(t);
  let collector = await createCollector({ ...database, config: configOf(RULES_BEFORE), now, log: false });
  let url = (await collector.listen(0)).url;
  t.after(() => collector.close());

  const orders = new Map<string, ModelOrder>();
  const entries: Entry[] = [];
  const events: Array<{ event: string; creator: string | null; clip: string | null; product: string | null; day: string }> = [];
  const clicks = new Map<string, { creator: string; clip: string | null }>();
  let messages = 0;
  const message = (event: string, properties: Record<string, unknown>) => ({
    messageId: `m-${seed}-${++messages}`, type: 'track', event, timestamp: now().toISOString(), anonymousId: 'anon',
    properties, context: { page: { url: 'https://shop.example/', path: '/', referrer: '', title: 'Shop' }, locale: 'en', library: { name: 'vitrine', version: '0.1.0' } },
  });
  const post = async (path: string, body: unknown, signed: boolean) => {
    const text = JSON.stringify(body);
    const response = await fetch(`${url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(signed && { 'vitrine-signature': signatureHeader(SECRET, text, clock) }) },
      body: text,
    });
    return { status: response.status, body: (await response.json()) as any };
  };
  const book = (order: ModelOrder, bucket: Entry['bucket'], reason: string, sign: 1 | -1, lines = order.lines, bonus = order.bonus) => {
    const base = { orderId: order.id, creator: order.creator, clip: order.clip, currency: order.currency, bucket, reason, day: day() };
    for (const line of lines) entries.push({ ...base, productId: line.productId, revenue: sign * line.paid, commission: sign * line.commission });
    if (bonus > 0) entries.push({ ...base, productId: null, revenue: 0, commission: sign * bonus });
  };
  const randomItems = (currency: string) =>
    Array.from({ length: 1 + Math.floor(next() * 4) }, () => {
      const product = pick(PRODUCTS);
      const quantity = 1 + Math.floor(next() * 4);
      return { productId: product.id, ...(product.brand && { brand: product.brand }), quantity, price: product.price[currency]! };
    });

  // Creators' links opened, and some impressions and clicks, before any sale.
  const landing = [];
  for (let index = 0; index < 16; index += 1) {
    const clickId = `click-${index}`;
    const creator = CREATORS[index % CREATORS.length]!;
    const clip = CLIPS[index % CLIPS.length]!;
    clicks.set(clickId, { creator, clip });
    landing.push(message('Creator Link Opened', { click_id: clickId, creator_id: creator, ...(clip && { clip_id: clip }) }));
    events.push({ event: 'Creator Link Opened', creator, clip, product: null, day: day() });
  }
  for (let index = 0; index < 60; index += 1) {
    const event = pick(['Product Viewed', 'Product Clicked']);
    const creator = pick([...CREATORS, null]);
    const clip = creator ? pick(CLIPS) : null;
    const product = pick(PRODUCTS).id;
    landing.push(message(event, { product_id: product, ...(creator && { creator_id: creator }), ...(clip && { clip_id: clip }) }));
    events.push({ event, creator, clip, product, day: day() });
  }
  assert.equal((await post('/v1/batch', { site: 'shop', batch: landing }, false)).status, 200);

  // Orders over five days: reported by the browser, or only by the merchant's server.
  for (let index = 0; index < ORDERS; index += 1) {
    clock = START + Math.floor((index / ORDERS) * 5) * DAY_MS + (index % 100) * 1000;
    const id = `order-${index}`;
    const currency = pick(CURRENCIES);
    const items = randomItems(currency);
    const amountOf = items.map((item) => ({ productId: item.productId, ...(item.brand && { brand: item.brand }), quantity: item.quantity, amount: item.price * item.quantity }));
    const discount = chance(0.4) ? Math.floor(next() * amountOf.reduce((sum, item) => sum + item.amount, 0) * 0.6) : 0;
    if (chance(0.75)) {
      const clickId = chance(0.9) ? pick([...clicks.keys()]) : null;
      const touch = clickId ? clicks.get(clickId)! : null;
      const properties = {
        order_id: id, currency, total_minor: 1, discount_minor: discount,
        products: items.map((item) => ({ product_id: item.productId, ...(item.brand && { brand: item.brand }), price_minor: item.price, quantity: item.quantity })),
        ...(touch && { attribution: { click_id: clickId, creator_id: touch.creator, ...(touch.clip && { clip_id: touch.clip }) } }),
      };
      const response = await post('/v1/batch', { site: 'shop', batch: [message('Order Completed', properties)] }, false);
      assert.equal(response.status, 200);
      assert.deepEqual(response.body.rejected, []);
      const priced = price(RULES_BEFORE, amountOf, discount, currency, touch?.creator ?? null);
      const order: ModelOrder = { id, currency, creator: touch?.creator ?? null, clip: touch?.clip ?? null, status: 'pending', placedDay: day(), ...priced, bonusReversed: false };
      orders.set(id, order);
      book(order, 'pending', 'order', 1);
    } else {
      const known = chance(0.9);
      const clickId = known ? pick([...clicks.keys()]) : `unknown-${index}`;
      const response = await post('/v1/orders', { site: 'shop', orderId: id, currency, items: items.map(({ productId, brand, quantity, price: unit }) => ({ productId, ...(brand && { brand }), quantity, price: unit })), discount, clickId }, true);
      assert.equal(response.status, 200, JSON.stringify(response.body));
      const touch = known ? clicks.get(clickId)! : null;
      const priced = price(RULES_BEFORE, amountOf, discount, currency, touch?.creator ?? null);
      const order: ModelOrder = { id, currency, creator: touch?.creator ?? null, clip: touch?.clip ?? null, status: 'confirmed', placedDay: day(), ...priced, bonusReversed: false };
      orders.set(id, order);
      book(order, 'confirmed', 'order', 1);
      assert.equal(response.body.commission, order.lines.reduce((sum, line) => sum + line.commission, 0) + order.bonus, id);
    }
  }

  // Confirmations a day or two later: as reported, with the merchant's own lines, or moved to another creator.
  clock = START + 6 * DAY_MS;
  for (const order of orders.values()) {
    if (order.status !== 'pending' || chance(0.15)) continue;
    const style = pick(['as-reported', 'as-reported', 'new-lines', 'other-creator']);
    const body: Record<string, unknown> = { site: 'shop', orderId: order.id };
    book(order, 'pending', 'confirmation', -1);
    if (style === 'new-lines') {
      const items = randomItems(order.currency);
      const discount = chance(0.3) ? 50 : 0;
      Object.assign(body, { currency: order.currency, items: items.map(({ productId, brand, quantity, price: unit }) => ({ productId, ...(brand && { brand }), quantity, price: unit })), discount });
      Object.assign(order, price(RULES_BEFORE, items.map((item) => ({ productId: item.productId, ...(item.brand && { brand: item.brand }), quantity: item.quantity, amount: item.price * item.quantity })), discount, order.currency, order.creator));
    } else if (style === 'other-creator') {
      const clickId = pick([...clicks.keys()]);
      const touch = clicks.get(clickId)!;
      body.clickId = clickId;
      if (touch.creator !== order.creator) {
        const asPaid = order.lines.map((line) => ({ productId: line.productId, ...(line.brand && { brand: line.brand }), quantity: line.quantity, amount: line.paid }));
        Object.assign(order, { creator: touch.creator, clip: touch.clip }, price(RULES_BEFORE, asPaid, 0, order.currency, touch.creator));
      } else {
        order.clip = touch.clip;
      }
    }
    const response = await post('/v1/orders', body, true);
    assert.equal(response.status, 200, JSON.stringify(response.body));
    assert.equal(response.body.duplicate, false);
    order.status = 'confirmed';
    book(order, 'confirmed', 'confirmation', 1);
  }

  // Duplicate confirmations change nothing.
  clock = START + 7 * DAY_MS;
  for (const order of [...orders.values()].filter((o) => o.status === 'confirmed').slice(0, 120)) {
    const response = await post('/v1/orders', { site: 'shop', orderId: order.id, currency: order.currency, items: [{ productId: 'p6', price: 1, quantity: 1 }] }, true);
    assert.equal(response.body.duplicate, true);
  }

  // Refunds: some in parts, some whole, some sent twice.
  let refunds = 0;
  for (const order of orders.values()) {
    if (order.status !== 'confirmed' || !chance(0.35)) continue;
    clock = START + (8 + Math.floor(next() * 3)) * DAY_MS;
    const refundId = `refund-${++refunds}`;
    let body: Record<string, unknown>;
    const taken = new Map<Line, number>();
    if (chance(0.4)) {
      body = { site: 'shop', refundId };
      for (const line of order.lines) if (line.quantity > line.refunded) taken.set(line, line.quantity - line.refunded);
    } else {
      const line = pick(order.lines);
      const quantity = 1 + Math.floor(next() * (line.quantity - line.refunded));
      if (line.quantity === line.refunded) continue;
      body = { site: 'shop', refundId, items: [{ productId: line.productId, quantity }] };
      // The collector takes units from the lines of that product in line order.
      let wanted = quantity;
      for (const candidate of order.lines) {
        if (candidate.productId !== line.productId || wanted === 0) continue;
        const take = Math.min(wanted, candidate.quantity - candidate.refunded - (taken.get(candidate) ?? 0));
        if (take > 0) taken.set(candidate, (taken.get(candidate) ?? 0) + take);
        wanted -= take;
      }
    }
    const response = await post(`/v1/orders/${order.id}/refunds`, body, true);
    assert.equal(response.status, 200, JSON.stringify(response.body));
    const reversal: Line[] = [];
    for (const [line, units] of taken) {
      const share = (amount: number, part: number) => Number((BigInt(amount) * BigInt(part)) / BigInt(line.quantity));
      reversal.push({ ...line, paid: share(line.paid, line.refunded + units) - share(line.paid, line.refunded), commission: share(line.commission, line.refunded + units) - share(line.commission, line.refunded) });
      line.refunded += units;
    }
    const whole = order.lines.every((line) => line.refunded === line.quantity);
    const bonus = whole && !order.bonusReversed ? order.bonus : 0;
    if (bonus) order.bonusReversed = true;
    book(order, 'reversed', 'refund', -1, reversal, bonus);
    if (chance(0.2)) assert.equal((await post(`/v1/orders/${order.id}/refunds`, body, true)).body.duplicate, true);
  }
  t.diagnostic(`${orders.size} orders, ${refunds} refunds, ${entries.length} ledger entries expected`);

  // ---- compare every report with the model ---------------------------------------------------------------------
  const from = '2026-03-01';
  const to = '2026-03-12';
  const expectedRows = (dimension: string, creator?: string) => {
    const keyOf = {
      creators: (e: { creator: string | null }) => e.creator,
      clips: (e: { clip: string | null }) => e.clip,
      products: (e: { product?: string | null; productId?: string | null }) => ('productId' in e ? e.productId : e.product) ?? null,
      days: (e: { day: string }) => e.day,
    }[dimension]!;
    const rows = new Map<string, any>();
    const row = (key: string) => rows.get(key) ?? rows.set(key, { key, impressions: 0, clicks: 0, orders: 0, conversionRate: null, money: {} }).get(key);
    for (const event of events) {
      if (creator && event.creator !== creator) continue;
      const key = keyOf(event as never);
      if (key === null) continue;
      if (event.event === 'Product Viewed') row(key).impressions += 1;
      else row(key).clicks += 1;
    }
    for (const entry of entries) {
      if (entry.creator === null || (creator && entry.creator !== creator)) continue;
      const key = keyOf(entry as never);
      if (key === null) continue;
      const money = (row(key).money[entry.currency] ??= { revenue: 0, commissionPending: 0, commissionConfirmed: 0, commissionReversed: 0 });
      money.revenue += entry.revenue;
      if (entry.bucket === 'pending') money.commissionPending += entry.commission;
      if (entry.bucket === 'confirmed') money.commissionConfirmed += entry.commission;
      if (entry.bucket === 'reversed') money.commissionReversed -= entry.commission;
    }
    const counted = new Map<string, Set<string>>();
    for (const order of orders.values()) {
      if (order.creator === null || (creator && order.creator !== creator)) continue;
      const keys = dimension === 'products' ? new Set(entries.filter((e) => e.orderId === order.id && e.productId).map((e) => e.productId!)) : new Set([{ creators: order.creator, clips: order.clip, days: order.placedDay }[dimension as 'creators']]);
      for (const key of keys) if (key !== null) (counted.get(key) ?? counted.set(key, new Set()).get(key)!).add(order.id);
    }
    for (const [key, ids] of counted) row(key).orders = ids.size;
    for (const entry of rows.values()) entry.conversionRate = entry.clicks === 0 ? null : Math.round((entry.orders / entry.clicks) * 10_000) / 10_000;
    return [...rows.values()].sort((a, b) => (a.key < b.key ? -1 : 1));
  };
  const report = async (dimension: string, key: string) => {
    const response = await fetch(`${url}/v1/reports/${dimension}?site=shop&from=${from}&to=${to}`, { headers: { authorization: `Bearer ${key}` } });
    assert.equal(response.status, 200);
    return ((await response.json()) as { rows: unknown[] }).rows;
  };
  const compareAll = async () => {
    for (const dimension of ['creators', 'clips', 'products', 'days']) {
      assert.deepEqual(await report(dimension, BRAND_KEY), expectedRows(dimension), `${dimension}, brand key`);
      for (const creator of CREATORS) assert.deepEqual(await report(dimension, creatorKey(creator)), expectedRows(dimension, creator), `${dimension}, ${creator}'s key`);
    }
  };
  await compareAll();

  // Net per order, as /v1/orders lists them.
  const listed = (await (await fetch(`${url}/v1/orders?site=shop&limit=100`, { headers: { authorization: `Bearer ${BRAND_KEY}` } })).json()) as { orders: Array<{ orderId: string; revenue: number; commission: number; status: string }> };
  for (const summary of listed.orders) {
    const own = entries.filter((entry) => entry.orderId === summary.orderId);
    assert.equal(summary.revenue, own.reduce((sum, entry) => sum + entry.revenue, 0), summary.orderId);
    assert.equal(summary.commission, own.reduce((sum, entry) => sum + entry.commission, 0), summary.orderId);
    assert.equal(summary.status, orders.get(summary.orderId)!.status);
  }

  // New rules: yesterday's entries stay as they were; only what is priced from now on follows them.
  await collector.close();
  collector = await createCollector({ ...database, config: configOf(RULES_AFTER), now, log: false });
  url = (await collector.listen(0)).url;
  await compareAll();
  const pending = [...orders.values()].find((order) => order.status === 'pending' && order.creator !== null && order.lines.some((line) => line.paid > 0));
  if (pending) {
    clock = START + 11 * DAY_MS;
    const items = [{ productId: 'p3', brand: 'bolt', quantity: 2, price: 12900 }];
    book(pending, 'pending', 'confirmation', -1);
    Object.assign(pending, price(RULES_AFTER, [{ productId: 'p3', brand: 'bolt', quantity: 2, amount: 25800 }], 0, pending.currency, pending.creator), { status: 'confirmed' });
    book(pending, 'confirmed', 'confirmation', 1);
    const response = await post('/v1/orders', { site: 'shop', orderId: pending.id, currency: pending.currency, items }, true);
    assert.equal(response.body.commission, 258 + (pending.currency === 'EUR' ? 7 : 0), 'priced at the new 1% rule for p3');
    await compareAll();
  }
});
