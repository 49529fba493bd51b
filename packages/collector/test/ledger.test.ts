// 1,000 seeded random orders through the HTTP API, with a change of rules half way: every answer, every report for
// every key, and the recent orders equal a recomputation from the README's rules, to the minor unit.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { createCollector, parseConfig, type Collector, type CollectorOptions } from '../src/index.js';
import { TEST_DATABASE_URL, batchOf, dropSchema, freshSchemaName } from './helpers.js';
import {
  configRule, getWithKey, inParallel, linkOpened, orderCompleted, postSigned, productEvent, seededRandom, specCsv, specPrice, specRefundShare, specReport,
  testClock, type Bucket, type SpecEntry, type SpecEvent, type SpecLine, type SpecRule,
} from './order-helpers.js';

const ORDERS = 1000;
const DAYS = 12;
const ROUNDS_PER_DAY = 10;
const ROUNDS = DAYS * ROUNDS_PER_DAY;
const SWITCH_ROUND = 6 * ROUNDS_PER_DAY;
const START = Date.parse('2026-04-01T00:07:00Z');
const ROUND_MS = 144 * 60_000;
const SECRET = 'ledger-signing-secret-0001';
const SITES = { shop: false, instant: true } as const;
type Site = keyof typeof SITES;
const CREATORS = ['ana', 'ben', 'cho', 'dev'];
const CLIPS: Record<string, Array<string | null>> = { ana: ['ana-1', 'ana-2'], ben: ['ben-1', null], cho: ['cho-1', 'cho-2', 'cho-3'], dev: [null] };
const PRODUCTS = [
  ['p01', 'northwind'], ['p02', 'northwind'], ['p03', 'acme'], ['p04', 'acme'], ['p05', 'globex'], ['p06', 'globex'],
  ['p07', undefined], ['p08', undefined], ['p09', 'northwind'], ['p10', 'acme'], ['p11', undefined], ['p12', 'globex'],
] as const;
const CURRENCIES = ['EUR', 'USD', 'JPY'];
const RULES_BEFORE: SpecRule[] = [
  { id: 'site', ppm: 50_000 },
  { id: 'northwind', brand: 'northwind', ppm: 100_000 },
  { id: 'northwind-late', brand: 'northwind', ppm: 110_000, bonus: { EUR: 9999 } },
  { id: 'acme', brand: 'acme', ppm: 80_000, bonus: { EUR: 300, USD: 250 } },
  { id: 'ana', creator: 'ana', ppm: 120_000, bonus: { EUR: 500, JPY: 400 } },
  { id: 'ben-northwind', brand: 'northwind', creator: 'ben', ppm: 150_000 },
  { id: 'p03', product: 'p03', ppm: 200_000 },
  { id: 'p03-cho', product: 'p03', creator: 'cho', ppm: 250_000, bonus: { USD: 700 } },
  { id: 'p07-ana', product: 'p07', creator: 'ana', ppm: 175_000 },
  { id: 'dev', creator: 'dev', ppm: 123_457 },
];
const RULES_AFTER: SpecRule[] = [
  { id: 'site', ppm: 60_000 },
  { id: 'acme', brand: 'acme', ppm: 90_000, bonus: { EUR: 350 } },
  { id: 'globex-dev', brand: 'globex', creator: 'dev', ppm: 200_000, bonus: { JPY: 1000 } },
  { id: 'p03', product: 'p03', ppm: 10_000 },
  { id: 'ben', creator: 'ben', ppm: 135_000, bonus: { USD: 150, EUR: 150 } },
];
const keyOf = (site: string, who: string) => `ledger-key-${site}-${who}-0123456789`;

function configOf(rules: SpecRule[]) {
  const big = { requests: 10_000_000, windowSeconds: 60 };
  return parseConfig({
    sites: Object.fromEntries(Object.entries(SITES).map(([site, autoConfirm]) => [site, { autoConfirm, signingSecrets: [SECRET], commission: rules.map(configRule) }])),
    apiKeys: Object.keys(SITES).flatMap((site) => [
      { key: keyOf(site, 'brand'), site, role: 'brand' },
      ...CREATORS.map((creator) => ({ key: keyOf(site, creator), site, role: 'creator', creator })),
    ]),
    rateLimits: { perIp: big, perSite: big },
  });
}

interface Item { productId: string; brand?: string; price: number; quantity: number }
interface Touch { clickId: string; creator: string; clip: string | null }
interface Line extends SpecLine { refunded: number }
interface Order {
  site: Site; id: string; currency: string; placedAt: number; status: 'pending' | 'confirmed'; creator: string | null; clip: string | null;
  lines: Line[]; bonus: number; bonusReversed: boolean; pendingEntries: SpecEntry[]; refunds: Map<string, [number, number]>;
  revenue: number; commission: number; refunded: boolean;
}
type Step =
  | { kind: 'browser'; site: Site; id: string; currency: string; items: Item[]; discount: number; touch: Touch | null; timestamp: number }
  | { kind: 'merchant'; site: Site; id: string; currency: string; items: Item[]; discount: number; clickId?: string; placedAt?: number }
  | { kind: 'confirm'; site: Site; id: string; currency?: string; items?: Item[]; discount?: number; clickId?: string }
  | { kind: 'refund'; site: Site; id: string; how: 'partial' | 'full' | 'over' | 'again' | 'taken' | 'stranger'; hint: number };
interface Call { path: string; body: unknown; status: number; answer: unknown; label: string }

test(`${ORDERS} random orders on two sites with a change of rules: every answer, report, CSV and recent order equals the README recomputed`, { timeout: 180_000 }, async (t) => {
  const seed = Number(process.env.LEDGER_SEED ?? Math.floor(Math.random() * 2 ** 31));
  t.diagnostic(`seed ${seed} (replay with LEDGER_SEED=${seed})`);
  const next = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const between = (low: number, high: number) => low + Math.floor(next() * (high - low + 1));
  const roundTime = (round: number) => START + Math.floor(round / ROUNDS_PER_DAY) * 86_400_000 + (round % ROUNDS_PER_DAY) * ROUND_MS;
  // Shoppers' clocks run a little behind; after the switch never behind it, so the first half's reports stay closed.
  const earlier = (round: number, minutes: number) => Math.max(roundTime(round) - between(0, minutes) * 60_000, round >= SWITCH_ROUND ? roundTime(SWITCH_ROUND) - 7 * 60_000 : 0);
  const shopperTime = (round: number) => earlier(round, 50);

  // The plan: what each round sends. All randomness is spent here, so a seed replays exactly.
  const batches = Array.from({ length: ROUNDS }, () => ({ shop: [] as Array<Record<string, unknown>>, instant: [] as Array<Record<string, unknown>> }));
  const steps = Array.from({ length: ROUNDS }, () => [] as Step[]);
  const events: SpecEvent[] = [];
  const touches = new Map<string, Touch>();
  let serial = 0;
  const newTouch = (site: Site, before: number, creator = pick(CREATORS)): Touch => {
    const round = Math.max(0, before - between(1, 3));
    const touch = { clickId: `k${++serial}`, creator, clip: pick(CLIPS[creator]!) };
    const productId = next() < 0.4 ? pick(PRODUCTS)[0] : undefined;
    const at = shopperTime(round);
    batches[round]![site].push(linkOpened({ clickId: touch.clickId, creatorId: creator, ...(touch.clip && { clipId: touch.clip }), ...(productId && { productId }), timestamp: new Date(at).toISOString() }));
    events.push({ site, event: 'Creator Link Opened', creator, clip: touch.clip, product: productId ?? null, at });
    touches.set(touch.clickId, touch);
    return touch;
  };
  const newItems = (currency: string): Item[] => {
    const items: Item[] = [];
    for (let count = between(1, 4); count > 0; count -= 1) {
      // Now and then a product twice: a refund takes its units from its lines in order.
      const [productId, brand] = items.length > 0 && next() < 0.15 ? [items[0]!.productId, items[0]!.brand] : pick(PRODUCTS);
      items.push({ productId, ...(brand && { brand }), price: currency === 'JPY' ? between(300, 40_000) : between(199, 25_000), quantity: between(1, 4) });
    }
    return items;
  };
  const discountFor = (items: Item[]) => {
    const total = items.reduce((sum, item) => sum + item.price * item.quantity, 0);
    // Now and then all of it: nothing is paid, so the lines earn nothing (a larger discount is refused).
    return next() < 0.03 ? total : next() < 0.4 ? between(0, Math.floor(total * 0.3)) : 0;
  };
  // The merchant's own lines: new ones, or the browser's with other quantities; now and then in another currency.
  const merchantLines = (currency: string, items: Item[]) => {
    const other = next() < 0.1 ? pick(CURRENCIES) : currency;
    const lines = next() < 0.5 || other !== currency ? newItems(other) : items.map((item) => ({ ...item, quantity: between(1, 4) }));
    return { currency: other, items: lines, discount: discountFor(lines) };
  };

  for (let index = 0; index < ORDERS; index += 1) {
    const site: Site = next() < 0.2 ? 'instant' : 'shop';
    const id = `o-${String(index).padStart(4, '0')}`;
    const created = between(2, ROUNDS - 6);
    const currency = pick(CURRENCIES);
    const items = newItems(currency);
    const discount = discountFor(items);
    let cursor = created;
    const later = (most: number) => (cursor += between(1, most));
    let confirmed = true;
    if (next() < 0.6) {
      const touch = next() < 0.85 ? newTouch(site, created) : null;
      const timestamp = shopperTime(created);
      steps[created]!.push({ kind: 'browser', site, id, currency, items, discount, touch, timestamp });
      batches[created]![site].push(orderCompleted({
        orderId: id, currency, discount, timestamp: new Date(timestamp).toISOString(),
        lines: items.map((item) => ({ product_id: item.productId, ...(item.brand && { brand: item.brand }), price_minor: item.price, quantity: item.quantity })),
        ...(touch && { attribution: { creator_id: touch.creator, click_id: touch.clickId, ...(touch.clip && { clip_id: touch.clip }) } }),
      }));
      if (site === 'shop') {
        confirmed = next() < 0.75;
        // Some merchants confirm weeks later, under rules changed since.
        const round = later(next() < 0.2 ? 30 : 5);
        if (round >= ROUNDS) confirmed = false;
        const variant = next();
        const creator = touch?.creator ?? null;
        const body: Step = !confirmed ? { kind: 'refund', site, id, how: 'full', hint: 0 }
          : variant < 0.45 ? { kind: 'confirm', site, id }
          : variant < 0.7 ? { kind: 'confirm', site, id, ...merchantLines(currency, items) }
          : variant < 0.82 ? { kind: 'confirm', site, id, clickId: newTouch(site, round, pick(CREATORS.filter((other) => other !== creator))).clickId }
          : variant < 0.9 && creator ? { kind: 'confirm', site, id, clickId: newTouch(site, round, creator).clickId }
          : { kind: 'confirm', site, id, clickId: `nobody-${index}` };
        if (confirmed || next() < 0.25) steps[round]?.push(body);
      }
    } else {
      const known = next();
      const clickId = known < 0.75 ? newTouch(site, created).clickId : known < 0.87 ? `nobody-${index}` : undefined;
      steps[created]!.push({ kind: 'merchant', site, id, currency, items, discount, ...(clickId && { clickId }), ...(next() < 0.5 && { placedAt: earlier(created, 360) }) });
    }
    if (!confirmed) continue;
    if (next() < 0.2) steps[later(4)]?.push({ kind: 'confirm', site, id, ...(next() < 0.5 && { currency, items: newItems(currency), clickId: `nobody-${index}` }) });
    if (next() < 0.45) {
      for (let count = between(1, 3); count > 0; count -= 1) {
        const how = pick(['partial', 'partial', 'partial', 'full', 'full', 'over', 'again', 'again', 'taken', 'stranger'] as const);
        steps[later(3)]?.push({ kind: 'refund', site, id, how, hint: next() });
      }
    }
  }
  for (let round = 0; round < ROUNDS; round += 1) {
    for (const site of Object.keys(SITES) as Site[]) {
      for (let count = between(2, 8); count > 0; count -= 1) {
        const [productId] = pick(PRODUCTS);
        const creator = next() < 0.7 ? pick(CREATORS) : null;
        const clip = creator ? pick(CLIPS[creator]!) : null;
        const event = next() < 0.7 ? 'Product Viewed' : 'Product Clicked';
        const at = shopperTime(round);
        batches[round]![site].push(productEvent(event, { productId, ...(creator && { creatorId: creator }), ...(clip && { clipId: clip }), timestamp: new Date(at).toISOString() }));
        events.push({ site, event, creator, clip, product: productId, at });
      }
    }
  }

  // The model: the README's rules, applied as each round is sent.
  const orders = new Map<string, Order>();
  const entries: SpecEntry[] = [];
  const refundOwners = new Map<string, string>();
  const tally = new Map<string, number>();
  const count = (what: string) => tally.set(what, (tally.get(what) ?? 0) + 1);
  let rules = RULES_BEFORE;
  let now = 0;
  const book = (order: Order, bucket: Bucket, productId: string | null, revenue: number, commission: number, who: Pick<Order, 'creator' | 'clip'> = order) => {
    const entry: SpecEntry = { site: order.site, orderId: order.id, productId, creator: who.creator, clip: who.clip, currency: order.currency, bucket, revenue, commission, at: now };
    entries.push(entry);
    order.revenue += revenue;
    order.commission += commission;
    return entry;
  };
  const bookLines = (order: Order, bucket: Bucket) => [
    ...order.lines.map((line) => book(order, bucket, line.productId, line.paid, line.commission)),
    ...(order.bonus > 0 ? [book(order, bucket, null, 0, order.bonus)] : []),
  ];
  const amounts = (items: Item[]) => items.map((item) => ({ productId: item.productId, brand: item.brand, quantity: item.quantity, amount: item.price * item.quantity }));
  const price = (order: Order, lines: Array<{ productId: string; brand?: string | undefined; quantity: number; amount: number }>, discount: number) => {
    const priced = specPrice(rules, lines, discount, order.currency, order.creator);
    Object.assign(order, { lines: priced.lines.map((line) => ({ ...line, refunded: 0 })), bonus: priced.bonus });
  };
  const answerOf = (order: Order, duplicate: boolean, unknownClickId?: string) => ({
    orderId: order.id, status: order.status, duplicate, currency: order.currency, creatorId: order.creator, clipId: order.clip,
    revenue: order.revenue, commission: order.commission, ...(unknownClickId && { unknownClickId }),
  });
  const newOrder = (site: Site, id: string, currency: string, placedAt: number, touch: Touch | undefined | null, status: Order['status']): Order => {
    const order: Order = { site, id, currency, placedAt, status, creator: touch?.creator ?? null, clip: touch?.clip ?? null, lines: [], bonus: 0, bonusReversed: false, pendingEntries: [], refunds: new Map(), revenue: 0, commission: 0, refunded: false };
    orders.set(`${site}/${id}`, order);
    return order;
  };

  function expect(step: Step): Call | undefined {
    const order = orders.get(`${step.site}/${step.id}`);
    const wire = (items: Item[]) => items.map(({ productId, brand, price: unit, quantity }) => ({ productId, ...(brand && { brand }), price: unit, quantity }));
    switch (step.kind) {
      case 'browser': {
        const placed = newOrder(step.site, step.id, step.currency, step.timestamp, step.touch, SITES[step.site] ? 'confirmed' : 'pending');
        price(placed, amounts(step.items), step.discount);
        placed.pendingEntries = bookLines(placed, placed.status);
        return undefined;
      }
      case 'merchant': {
        const touch = step.clickId === undefined ? undefined : touches.get(step.clickId);
        const placed = newOrder(step.site, step.id, step.currency, step.placedAt ?? now, touch, 'confirmed');
        price(placed, amounts(step.items), step.discount);
        bookLines(placed, 'confirmed');
        count(touch ? 'merchant order by click' : 'merchant order unattributed');
        const body = { site: step.site, orderId: step.id, currency: step.currency, items: wire(step.items), discount: step.discount, ...(step.clickId && { clickId: step.clickId }), ...(step.placedAt && { placedAt: new Date(step.placedAt).toISOString() }) };
        return { path: '/v1/orders', body, status: 200, answer: answerOf(placed, false, touch || !step.clickId ? undefined : step.clickId), label: 'merchant order' };
      }
      case 'confirm': {
        const body = { site: step.site, orderId: step.id, ...(step.items && { currency: step.currency, items: wire(step.items), discount: step.discount }), ...(step.clickId && { clickId: step.clickId }) };
        if (order!.status === 'confirmed') {
          count('duplicate confirmation');
          return { path: '/v1/orders', body, status: 200, answer: answerOf(order!, true), label: 'duplicate confirmation' };
        }
        const touch = step.clickId === undefined ? undefined : touches.get(step.clickId);
        for (const entry of order!.pendingEntries) book(order!, 'pending', entry.productId, -entry.revenue, -entry.commission, entry);
        const moved = touch !== undefined && touch.creator !== order!.creator;
        if (touch) Object.assign(order!, { creator: touch.creator, clip: touch.clip });
        order!.status = 'confirmed';
        if (step.items) {
          order!.currency = step.currency!;
          price(order!, amounts(step.items), step.discount!);
        } else if (moved) {
          price(order!, order!.lines.map((line) => ({ ...line, amount: line.paid })), 0);
        }
        bookLines(order!, 'confirmed');
        count(step.items ? 'confirmation with lines' : moved ? 'confirmation moving the creator' : rules !== RULES_BEFORE && order!.pendingEntries[0]!.at < roundTime(SWITCH_ROUND) ? 'confirmation as booked under the old rules' : 'confirmation as booked');
        return { path: '/v1/orders', body, status: 200, answer: answerOf(order!, false, step.clickId && !touch ? step.clickId : undefined), label: 'confirmation' };
      }
      case 'refund':
        return expectRefund(step, order!);
    }
  }

  function expectRefund(step: Extract<Step, { kind: 'refund' }>, order: Order): Call {
    const path = `/v1/orders/${step.id}/refunds`;
    const refused = (status: number, code: string) => ({ path, body: { site: step.site, orderId: step.id, refundId: `rf-${++serial}` }, status, answer: code, label: `refund ${step.how}` });
    const earlier = [...order.refunds.keys()];
    if (step.how === 'again' && earlier.length > 0) {
      const refundId = earlier[Math.floor(step.hint * earlier.length)]!;
      const [revenueReversed, commissionReversed] = order.refunds.get(refundId)!;
      count('refund again');
      return { path, body: { site: step.site, orderId: step.id, refundId }, status: 200, answer: { orderId: order.id, refundId, duplicate: true, currency: order.currency, revenueReversed, commissionReversed }, label: 'refund again' };
    }
    const others = [...refundOwners].filter(([, owner]) => owner !== `${order.site}/${order.id}` && owner.startsWith(`${order.site}/`));
    if (step.how === 'taken' && others.length > 0) {
      count('refund id taken');
      return { ...refused(409, 'refund_id_taken'), body: { site: step.site, orderId: step.id, refundId: others[Math.floor(step.hint * others.length)]![0] } };
    }
    if (order.status === 'pending') return count('refund of a pending order'), refused(409, 'order_not_confirmed');
    const left = new Map<string, number>();
    for (const line of order.lines) left.set(line.productId, (left.get(line.productId) ?? 0) + line.quantity - line.refunded);
    const open = [...left].filter(([, units]) => units > 0);
    if (step.how === 'stranger') return count('refund of a product not ordered'), { ...refused(422, 'refund_exceeds_order'), body: { site: step.site, orderId: step.id, refundId: `rf-${++serial}`, items: [{ productId: 'p99', quantity: 1 }] } };
    if (step.how === 'over') {
      const [productId, units] = [...left][Math.floor(step.hint * left.size)]!;
      count('refund of more than is left');
      return { ...refused(422, 'refund_exceeds_order'), body: { site: step.site, orderId: step.id, refundId: `rf-${++serial}`, items: [{ productId, quantity: units + 1 }] } };
    }
    if (open.length === 0) return count('refund of a refunded order'), refused(409, 'already_refunded');
    const [productId, units] = open[Math.floor(step.hint * open.length)]!;
    const items = step.how === 'partial' ? [{ productId, quantity: 1 + Math.floor(((step.hint * 7919) % 1) * units) }] : undefined;
    const wanted = new Map(items ? items.map((item) => [item.productId, item.quantity]) : open);
    const refundId = `rf-${++serial}`;
    let revenueReversed = 0;
    let commissionReversed = 0;
    for (const line of order.lines) {
      const take = Math.min(wanted.get(line.productId) ?? 0, line.quantity - line.refunded);
      if (take === 0) continue;
      wanted.set(line.productId, wanted.get(line.productId)! - take);
      const revenue = specRefundShare(line.paid, line.refunded, take, line.quantity);
      const commission = specRefundShare(line.commission, line.refunded, take, line.quantity);
      line.refunded += take;
      book(order, 'reversed', line.productId, -revenue, -commission);
      revenueReversed += revenue;
      commissionReversed += commission;
    }
    if (order.bonus > 0 && !order.bonusReversed && order.lines.every((line) => line.refunded === line.quantity)) {
      order.bonusReversed = true;
      book(order, 'reversed', null, 0, -order.bonus);
      commissionReversed += order.bonus;
    }
    order.refunds.set(refundId, [revenueReversed, commissionReversed]);
    order.refunded = true;
    refundOwners.set(refundId, `${order.site}/${order.id}`);
    count(items ? 'partial refund' : 'refund of all that is left');
    return { path, body: { site: step.site, orderId: step.id, refundId, ...(items && { items }) }, status: 200, answer: { orderId: order.id, refundId, duplicate: false, currency: order.currency, revenueReversed, commissionReversed }, label: `refund ${step.how}` };
  }

  // Storage that outlives a collector: the rules change by starting another one on the same database.
  const folder = TEST_DATABASE_URL ? undefined : await mkdtemp(join(tmpdir(), 'vitrine-ledger-'));
  const schema = TEST_DATABASE_URL ? freshSchemaName() : undefined;
  const storage: CollectorOptions = TEST_DATABASE_URL ? { databaseUrl: TEST_DATABASE_URL, databaseSchema: schema! } : { dataDir: folder! };
  const clock = testClock(new Date(START).toISOString());
  let collector: Collector | undefined;
  let url = '';
  t.after(async () => {
    await collector?.close();
    if (folder) await rm(folder, { recursive: true, force: true });
    if (schema) await dropSchema(TEST_DATABASE_URL!, schema);
  });
  const open = async (config: ReturnType<typeof configOf>) => {
    collector = await createCollector({ ...storage, config, now: clock.now, log: false });
    url = (await collector.listen(0, '127.0.0.1')).url;
  };
  await open(configOf(RULES_BEFORE));

  const FIRST_HALF = { from: '2026-03-31', to: '2026-04-06' };
  let ledgerBefore: unknown[] = [];
  let reportsBefore: unknown[] = [];
  const firstHalfReports = () => inParallel(Object.keys(SITES).flatMap((site) => ['creators', 'clips', 'products', 'days'].map((dimension) => ({ site, dimension }))), 8, async ({ site, dimension }) =>
    (await getWithKey(url, `/v1/reports/${dimension}?site=${site}&from=${FIRST_HALF.from}&to=${FIRST_HALF.to}`, keyOf(site, 'brand'))).json());
  const ledgerRows = async (upTo = Number.MAX_SAFE_INTEGER) => (await collector!.db.query('SELECT * FROM ledger WHERE entry_id <= $1 ORDER BY entry_id', [upTo])).rows;

  for (let round = 0; round < ROUNDS; round += 1) {
    if (round === SWITCH_ROUND) {
      ledgerBefore = await ledgerRows();
      reportsBefore = await firstHalfReports();
      await collector!.close();
      await open(configOf(RULES_AFTER));
      rules = RULES_AFTER;
    }
    clock.set(new Date((now = roundTime(round))).toISOString());
    const calls = steps[round]!.map(expect).filter((call): call is Call => call !== undefined);
    const posts = (Object.keys(SITES) as Site[]).flatMap((site) => {
      const all = batches[round]![site];
      return Array.from({ length: Math.ceil(all.length / 40) }, (_, part) => ({ site, events: all.slice(part * 40, part * 40 + 40) }));
    });
    // The round's batches go in parallel; its signed calls one at a time, in order, because some depend on an
    // earlier one of the same round (a refund id taken by the refund before it) and PostgreSQL runs them truly at once.
    await inParallel(posts, 8, async (work) => {
      const response = await fetch(`${url}/v1/batch`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify(batchOf(work.events, work.site)) });
      assert.deepEqual(await response.json(), { accepted: work.events.length, rejected: [] });
    });
    await inParallel(calls, 1, async (work) => {
      const response = await postSigned(url, work.path, work.body, SECRET, clock.ms());
      const answer = (await response.json()) as { error?: { code: string } };
      const context = `round ${round}, ${work.label}: ${JSON.stringify(work.body)} (seed ${seed})`;
      assert.equal(response.status, work.status, `${context} → ${JSON.stringify(answer)}`);
      assert.deepEqual(work.status === 200 ? answer : answer.error!.code, work.answer, context);
    });
  }
  t.diagnostic([...tally].sort().map(([what, times]) => `${what}: ${times}`).join(', '));
  for (const what of ['confirmation as booked', 'confirmation as booked under the old rules', 'confirmation with lines', 'confirmation moving the creator', 'duplicate confirmation', 'partial refund', 'refund of all that is left', 'refund again', 'refund id taken', 'refund of more than is left', 'refund of a refunded order', 'refund of a pending order', 'merchant order by click', 'merchant order unattributed']) {
    assert.ok(tally.has(what), `the run covers "${what}"`);
  }

  // What was booked under the first rules is still there, unchanged, and so are the reports of those days.
  assert.deepEqual(await ledgerRows(Number((ledgerBefore.at(-1) as { entry_id: number }).entry_id)), ledgerBefore);
  // Orders may since have moved to another creator or other lines; events and money of those days may not.
  const settled = (reports: unknown[]) => (reports as Array<{ rows: Array<Record<string, unknown>> }>).map((report) =>
    report.rows.filter((row) => row.impressions || row.clicks || Object.keys(row.money as object).length > 0).map(({ key, impressions, clicks, money }) => ({ key, impressions, clicks, money })));
  assert.deepEqual(settled(await firstHalfReports()), settled(reportsBefore));

  const data = {
    events,
    entries,
    orders: [...orders.values()].map((order) => ({ ...order, products: order.lines.map((line) => line.productId) })),
  };
  const ranges = [{ from: '2026-03-31', to: '2026-04-13' }, FIRST_HALF, { from: '2026-04-04', to: '2026-04-04' }, { from: '2026-04-12', to: '2026-04-12' }];
  const reads = Object.keys(SITES).flatMap((site) => ['brand', ...CREATORS].flatMap((who) => ['creators', 'clips', 'products', 'days'].flatMap((dimension) => ranges.map((range) => ({ site, who, dimension, range })))));
  await inParallel(reads, 8, async ({ site, who, dimension, range }) => {
    const query = `site=${site}&from=${range.from}&to=${range.to}`;
    const response = await getWithKey(url, `/v1/reports/${dimension}?${query}`, keyOf(site, who));
    const creator = who === 'brand' ? undefined : who;
    const expected = specReport(data, { site, dimension: dimension as 'creators', ...range, ...(creator && { creator }) });
    const scope = creator ? { role: 'creator', creator } : { role: 'brand' };
    assert.deepEqual(await response.json(), { site, dimension, ...range, scope, ...expected }, `${dimension} for ${who} on ${site}, ${range.from}..${range.to} (seed ${seed})`);
    if (who === 'brand' && range === ranges[0]) {
      const csv = await (await getWithKey(url, `/v1/reports/${dimension}?${query}&format=csv`, keyOf(site, who))).text();
      assert.equal(csv, specCsv(dimension as 'creators', expected), `CSV of ${dimension} on ${site} (seed ${seed})`);
    }
  });

  for (const site of Object.keys(SITES)) {
    for (const who of ['brand', ...CREATORS]) {
      const response = await getWithKey(url, `/v1/orders?site=${site}&limit=100`, keyOf(site, who));
      const newest = [...orders.values()]
        .filter((order) => order.site === site && (who === 'brand' || order.creator === who))
        .sort((a, b) => b.placedAt - a.placedAt || (a.id < b.id ? 1 : -1))
        .slice(0, 100)
        .map((order) => ({ orderId: order.id, status: order.status, currency: order.currency, revenue: order.revenue, commission: order.commission, refunded: order.refunded, creatorId: order.creator, clipId: order.clip, placedAt: new Date(order.placedAt).toISOString() }));
      assert.deepEqual(((await response.json()) as { orders: unknown[] }).orders, newest, `recent orders for ${who} on ${site} (seed ${seed})`);
    }
  }

  // Unattributed sales are in no report, but their revenue is booked: the whole ledger sums to the model's.
  const { rows } = await collector!.db.query<{ site: string; currency: string; bucket: string; revenue: number; commission: number }>(
    'SELECT site, currency, bucket, sum(revenue)::float8 AS revenue, sum(commission)::float8 AS commission FROM ledger GROUP BY 1, 2, 3 ORDER BY 1, 2, 3',
  );
  const sums = new Map<string, { site: string; currency: string; bucket: string; revenue: number; commission: number }>();
  for (const entry of entries) {
    const key = `${entry.site} ${entry.currency} ${entry.bucket}`;
    const sum = sums.get(key) ?? sums.set(key, { site: entry.site, currency: entry.currency, bucket: entry.bucket, revenue: 0, commission: 0 }).get(key)!;
    sum.revenue += entry.revenue;
    sum.commission += entry.commission;
  }
  assert.deepEqual(rows, [...sums.keys()].sort().map((key) => sums.get(key)));
  assert.equal((await collector!.db.query<{ count: number }>('SELECT count(*)::int AS count FROM ledger')).rows[0]!.count, entries.length);
});
