import assert from 'node:assert/strict';
import { test } from 'node:test';
import { allocateDiscount, commissionOf, priceOrder, ruleFor, shareOf } from '../src/commission.js';
import { parseConfig, type CommissionRule } from '../src/config.js';
import { configRule, seededRandom, specPrice, type SpecRule } from './order-helpers.js';

function rules(list: SpecRule[]): readonly CommissionRule[] {
  return parseConfig({ sites: { demo: { commission: list.map(configRule) } } }).sites!.demo!.commission;
}

test('a discount is spread in proportion to the line amounts, to the minor unit', () => {
  assert.deepEqual(allocateDiscount([1000, 2000, 3000], 600), [100, 200, 300]);
  // 5 = 0.5 + 1 + 3.5 in exact shares: floors 0, 1, 3; the unit left goes to the earlier of the two equal remainders.
  assert.deepEqual(allocateDiscount([1, 2, 7], 5), [1, 1, 3]);
  // 3·3/8 = 1 r1 and 5·3/8 = 1 r7: the larger remainder takes the unit, though it comes later.
  assert.deepEqual(allocateDiscount([3, 5], 3), [1, 2]);
  assert.deepEqual(allocateDiscount([100, 100, 100], 100), [34, 33, 33]);
  assert.deepEqual(allocateDiscount([100, 100, 100], 200), [67, 67, 66]);
});

test('a discount larger than the order is capped at it; no discount or no amount gives no share', () => {
  assert.deepEqual(allocateDiscount([500, 300], 10_000), [500, 300]);
  assert.deepEqual(allocateDiscount([500, 300], 0), [0, 0]);
  assert.deepEqual(allocateDiscount([0, 0], 50), [0, 0]);
  assert.deepEqual(allocateDiscount([], 50), []);
  assert.deepEqual(allocateDiscount([0, 700], 70), [0, 70]);
});

test('the most specific matching rule wins: product+creator, product, brand+creator, brand, creator, site', () => {
  const list = rules([
    { id: 'site', ppm: 10_000 },
    { id: 'creator', creator: 'ana', ppm: 20_000 },
    { id: 'brand', brand: 'northwind', ppm: 30_000 },
    { id: 'brand-creator', brand: 'northwind', creator: 'ana', ppm: 40_000 },
    { id: 'product', product: 'shirt', ppm: 50_000 },
    { id: 'product-creator', product: 'shirt', creator: 'ana', ppm: 60_000 },
  ]);
  const winner = (productId: string, brand: string | undefined, creator: string) => ruleFor(list, { productId, brand }, creator)?.id;
  assert.equal(winner('shirt', 'northwind', 'ana'), 'product-creator');
  assert.equal(winner('shirt', 'northwind', 'ben'), 'product', 'a product (4) outranks brand and creator together (3)');
  assert.equal(winner('scarf', 'northwind', 'ana'), 'brand-creator');
  assert.equal(winner('scarf', 'northwind', 'ben'), 'brand');
  assert.equal(winner('scarf', undefined, 'ana'), 'creator', 'a brand rule never matches a line without brand');
  assert.equal(winner('scarf', 'acme', 'ben'), 'site');
  assert.equal(winner('scarf', 'acme', ''), 'site', 'an unattributed line matches no creator rule');
});

test('on equal rank the rule written first wins; without a matching rule there is none', () => {
  const list = rules([
    { id: 'acme-a', brand: 'acme', ppm: 70_000 },
    { id: 'ana', creator: 'ana', ppm: 90_000 },
    { id: 'acme-b', brand: 'acme', ppm: 80_000 },
  ]);
  assert.equal(ruleFor(list, { productId: 'x', brand: 'acme' }, 'ben')?.id, 'acme-a');
  assert.equal(ruleFor(list, { productId: 'x', brand: 'globex' }, 'ben'), undefined);
  assert.equal(ruleFor([], { productId: 'x', brand: 'acme' }, 'ana'), undefined);
});

test('commission is paid × rate rounded half up, in integers however large', () => {
  assert.equal(commissionOf(1000, 125_000), 125);
  assert.equal(commissionOf(5, 100_000), 1, '0.5 rounds up');
  assert.equal(commissionOf(25, 100_000), 3, '2.5 rounds up, not to even');
  assert.equal(commissionOf(44_999, 100), 4, '4.4999 rounds down');
  assert.equal(commissionOf(14, 35_714), 0, '0.499996 rounds down');
  assert.equal(commissionOf(0, 1_000_000), 0);
  assert.equal(commissionOf(4990, 1_000_000), 4990);
  assert.equal(commissionOf(4990, 0), 0);
  // 9007199254740 × 0.333333 = 3002396749180.248420: a float product would already be off.
  assert.equal(commissionOf(9_007_199_254_740, 333_333), 3_002_396_749_180);
});

test('refund shares are cumulative floors, so a line refunded in parts is reversed exactly in full', () => {
  assert.equal(shareOf(1000, 1, 3), 333);
  assert.equal(shareOf(1000, 2, 3) - shareOf(1000, 1, 3), 333);
  assert.equal(shareOf(1000, 3, 3) - shareOf(1000, 2, 3), 334);
  assert.equal(shareOf(7, 0, 4), 0);
  assert.equal(shareOf(7, 4, 4), 7);
  assert.equal(shareOf(7, 1, 0), 0, 'a line of no units has nothing to share');
  assert.equal(shareOf(10 ** 13, 99_999, 100_000), 99_999 * 10 ** 8);
});

test('an order earns the largest bonus in its currency among the rules that won its lines, once', () => {
  const list = rules([
    { id: 'site', ppm: 50_000, bonus: { EUR: 100 } },
    { id: 'acme', brand: 'acme', ppm: 80_000, bonus: { EUR: 300, USD: 250 } },
    { id: 'globex', brand: 'globex', ppm: 80_000, bonus: { EUR: 200, JPY: 900 } },
    // Matches every acme line for ana but loses to the product rule below, so its bonus is not paid.
    { id: 'ana-acme', brand: 'acme', creator: 'ana', ppm: 90_000, bonus: { EUR: 5000 } },
    { id: 'kettle', product: 'kettle', ppm: 150_000 },
  ]);
  const line = (productId: string, brand: string | undefined, amount: number, quantity = 1) => ({ productId, brand, amount, quantity });

  const order = priceOrder(list, [line('kettle', 'acme', 2000), line('mug', 'globex', 1000, 2), line('tea', undefined, 500)], 0, 'EUR', 'ana');
  assert.deepEqual(order.bonus, { amount: 200, ruleId: 'globex' });
  assert.deepEqual(order.lines.map((priced) => [priced.ruleId, priced.ratePpm, priced.paid, priced.commission]), [
    ['kettle', 150_000, 2000, 300],
    ['globex', 80_000, 1000, 80],
    ['site', 50_000, 500, 25],
  ]);
  assert.deepEqual(priceOrder(list, [line('mug', 'globex', 1000)], 0, 'USD', 'ana').bonus, null, 'no bonus in that currency');
  assert.deepEqual(priceOrder(list, [line('cup', 'acme', 1000), line('mug', 'globex', 1000)], 0, 'JPY', 'ben').bonus, { amount: 900, ruleId: 'globex' });
  assert.deepEqual(priceOrder(list, [line('cup', 'acme', 1000)], 0, 'EUR', 'ana').bonus, { amount: 5000, ruleId: 'ana-acme' });
});

test('lines are priced on what was paid after their share of the discount', () => {
  const list = rules([{ id: 'site', ppm: 100_000 }]);
  const order = priceOrder(list, [{ productId: 'a', amount: 1005, quantity: 3 }, { productId: 'b', amount: 995, quantity: 1 }], 101, 'EUR', 'ana');
  // 101·1005/2000 = 50.75 and 101·995/2000 = 50.25: floors 50 + 50, the unit left to line a.
  assert.deepEqual(order.lines.map((priced) => [priced.lineNo, priced.paid, priced.commission]), [
    [1, 954, 95],
    [2, 945, 95],
  ]);
});

test('2,000 random orders price the same as the README recomputed on its own', () => {
  const seed = Number(process.env.COMMISSION_SEED ?? 20_260_301);
  const next = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const maybe = <T>(items: readonly T[]) => (next() < 0.5 ? undefined : pick(items));
  const products = ['p1', 'p2', 'p3', 'p4'];
  const brands = ['acme', 'globex'];
  const creators = ['ana', 'ben'];
  const currencies = ['EUR', 'USD', 'JPY'];
  for (let round = 0; round < 2000; round += 1) {
    const spec: SpecRule[] = Array.from({ length: Math.floor(next() * 6) }, (_, index) => {
      const bonus = next() < 0.4 ? { [pick(currencies)]: Math.floor(next() * 1000) } : undefined;
      const [product, brand, creator] = [maybe(products), maybe(brands), maybe(creators)];
      // Round rates give exact halves, where rounding shows.
      const ppm = next() < 0.5 ? pick([50_000, 100_000, 125_000, 250_000, 500_000]) : Math.floor(next() * 1_000_001);
      return { id: `r${index}`, ppm, ...(product && { product }), ...(brand && { brand }), ...(creator && { creator }), ...(bonus && { bonus }) };
    });
    const lines = Array.from({ length: 1 + Math.floor(next() * 4) }, () => {
      const quantity = 1 + Math.floor(next() * 5);
      return { productId: pick(products), brand: maybe(brands), quantity, amount: quantity * Math.floor(next() * 100_000) };
    });
    const discount = next() < 0.5 ? 0 : Math.floor(next() * 150_000);
    const currency = pick(currencies);
    const creator = pick(creators);
    const actual = priceOrder(rules(spec), lines, discount, currency, creator);
    const expected = specPrice(spec, lines, discount, currency, creator);
    const context = `seed ${seed}, order ${round}`;
    assert.deepEqual(actual.lines.map((line) => [line.paid, line.commission]), expected.lines.map((line) => [line.paid, line.commission]), context);
    assert.equal(actual.bonus?.amount ?? 0, expected.bonus, context);
  }
});
