import { expect } from '@open-wc/testing';
import { VitrineError, orderCompletedProperties, readPurchase, type Touch } from '@vitrine/core';

const ORDER = {
  orderId: '1001',
  currency: 'EUR',
  total: 5997,
  items: [{ productId: 'linen-shirt', variantId: 'linen-shirt-m', price: 1999, quantity: 3 }],
};

function errorFor(input: unknown): VitrineError {
  try {
    readPurchase(input);
  } catch (error) {
    expect(error).to.be.instanceOf(VitrineError);
    expect((error as VitrineError).code).to.equal('invalid-data');
    return error as VitrineError;
  }
  throw new Error('expected readPurchase to refuse the order');
}

/** ORDER with `change` applied to a copy. */
function orderWith(change: (order: Record<string, any>) => void): unknown {
  const order = structuredClone({ ...ORDER, items: [...ORDER.items, { productId: 'cap', price: 1500, quantity: 1 }, { productId: 'tote', price: 900, quantity: 2 }] });
  change(order);
  return order;
}

describe('readPurchase', () => {
  it('returns the order with ids as strings and the currency in capitals', () => {
    expect(readPurchase({ ...ORDER, orderId: 1001, currency: 'eur', discounts: [{ code: 'SUMMER', amount: 500 }, { amount: 100 }], tax: 957, shipping: 0 })).to.deep.equal({
      orderId: '1001',
      currency: 'EUR',
      total: 5997,
      items: [{ productId: 'linen-shirt', variantId: 'linen-shirt-m', brand: undefined, price: 1999, quantity: 3 }],
      discounts: [
        { code: 'SUMMER', amount: 500 },
        { code: undefined, amount: 100 },
      ],
      tax: 957,
      shipping: 0,
    });
  });

  it('accepts an order without items listed', () => {
    expect(readPurchase({ ...ORDER, items: [] }).items).to.deep.equal([]);
  });

  const cases: [string, unknown, string][] = [
    ['not an object', 'order 1001', 'order: expected an object'],
    ['no order id', orderWith((o) => delete o.orderId), 'orderId: expected a string'],
    ['an unknown currency', orderWith((o) => (o.currency = 'EURO')), 'currency: expected an ISO 4217 code such as "EUR"'],
    ['a made-up currency', orderWith((o) => (o.currency = 'ABC')), 'currency: expected an ISO 4217 code such as "EUR"'],
    ['a decimal total', orderWith((o) => (o.total = 59.97)), 'total: expected integer minor units (4990 for 49.90)'],
    ['a total as text', orderWith((o) => (o.total = '5997')), 'total: expected integer minor units (4990 for 49.90)'],
    ['a negative total', orderWith((o) => (o.total = -1)), 'total: expected integer minor units (4990 for 49.90)'],
    ['no items', orderWith((o) => delete o.items), 'items: expected an array'],
    ['an item that is not an object', orderWith((o) => (o.items[1] = 'cap')), 'items[1]: expected an object'],
    ['an empty product id', orderWith((o) => (o.items[1].productId = ' ')), 'items[1].productId: expected a non-empty string'],
    ['a variant id that is an object', orderWith((o) => (o.items[0].variantId = {})), 'items[0].variantId: expected a string'],
    ['a decimal price', orderWith((o) => (o.items[1].price = 15.0001)), 'items[1].price: expected integer minor units (4990 for 49.90)'],
    ['a zero quantity', orderWith((o) => (o.items[2].quantity = 0)), 'items[2].quantity: expected a positive integer'],
    ['half a quantity', orderWith((o) => (o.items[2].quantity = 1.5)), 'items[2].quantity: expected a positive integer'],
    ['discounts that are not a list', orderWith((o) => (o.discounts = { code: 'SUMMER' })), 'discounts: expected an array'],
    ['a decimal discount', orderWith((o) => (o.discounts = [{ code: 'A', amount: 5 }, { amount: 2.5 }])), 'discounts[1].amount: expected integer minor units (4990 for 49.90)'],
    ['a discount code that is a number', orderWith((o) => (o.discounts = [{ code: 10, amount: 5 }])), 'discounts[0].code: expected a string'],
    ['a decimal tax', orderWith((o) => (o.tax = 9.57)), 'tax: expected integer minor units (4990 for 49.90)'],
    ['a negative shipping', orderWith((o) => (o.shipping = -495)), 'shipping: expected integer minor units (4990 for 49.90)'],
    ['a bad total and a bad quantity: the first is named', orderWith((o) => ((o.total = 1.5), (o.items[2].quantity = 0))), 'total: expected integer minor units (4990 for 49.90)'],
  ];
  for (const [problem, input, message] of cases) {
    it(`names the field for ${problem}`, () => {
      const error = errorFor(input);
      expect(error.message).to.equal(message);
      expect(error.path).to.equal(message.split(':')[0]);
    });
  }
});

describe('orderCompletedProperties', () => {
  const touch: Touch = { clickId: 'click-1', creatorId: 'ana', clipId: 'summer', at: Date.UTC(2025, 5, 1, 12), source: 'link' };

  it('reports 3 × 19.99 EUR as exactly 59.97, with the integers beside', () => {
    const properties = orderCompletedProperties(readPurchase(ORDER), undefined);
    expect(properties).to.deep.include({ order_id: '1001', total: 59.97, total_minor: 5997, currency: 'EUR' });
    expect(properties.products).to.deep.equal([{ product_id: 'linen-shirt', variant: 'linen-shirt-m', brand: undefined, price: 19.99, price_minor: 1999, quantity: 3 }]);
    expect(JSON.stringify(properties)).to.contain('"total":59.97,"total_minor":5997');
  });

  it('reports yen without minor digits and dinars with three', () => {
    const yen = orderCompletedProperties(readPurchase({ orderId: 'jp-1', currency: 'JPY', total: 4980, items: [{ productId: 'tenugui', price: 1660, quantity: 3 }], tax: 453 }), undefined);
    expect(yen).to.deep.include({ total: 4980, total_minor: 4980, tax: 453, currency: 'JPY' });
    expect((yen.products as Record<string, unknown>[])[0]).to.include({ price: 1660, price_minor: 1660 });
    const dinars = orderCompletedProperties(readPurchase({ orderId: 'kw-1', currency: 'KWD', total: 12345, items: [] }), undefined);
    expect(dinars).to.deep.include({ total: 12.345, total_minor: 12345 });
  });

  it('sums discounts in minor units, so 0.10 + 0.20 is 0.3 and not 0.30000000000000004', () => {
    expect(orderCompletedProperties(readPurchase({ ...ORDER, discounts: [{ amount: 10 }, { amount: 20 }] }), undefined).discount).to.equal(0.3);
  });

  it('adds revenue, tax, shipping, discount and the first coupon when the order gives them', () => {
    const order = { ...ORDER, total: 10990, tax: 1755, shipping: 495, discounts: [{ amount: 500 }, { code: 'SUMMER', amount: 1000 }, { code: 'VIP', amount: 1 }] };
    expect(orderCompletedProperties(readPurchase(order), undefined)).to.deep.include({
      total: 109.9,
      revenue: 87.4,
      tax: 17.55,
      shipping: 4.95,
      discount: 15.01,
      discount_minor: 1501,
      coupon: 'SUMMER',
    });
  });

  it('sends each line\'s brand, which commission rules may name', () => {
    const order = { ...ORDER, items: [{ productId: 'cap', brand: 'north-co', price: 2500, quantity: 2 }] };
    expect(orderCompletedProperties(readPurchase(order), undefined).products).to.deep.equal([
      { product_id: 'cap', variant: undefined, brand: 'north-co', price: 25, price_minor: 2500, quantity: 2 },
    ]);
  });

  it('leaves out what the order does not say', () => {
    const sent = JSON.parse(JSON.stringify(orderCompletedProperties(readPurchase({ ...ORDER, tax: 957, items: [{ productId: 'cap', price: 5997, quantity: 1 }] }), undefined)));
    expect(sent).to.have.all.keys('order_id', 'total', 'total_minor', 'tax', 'currency', 'products');
    expect(sent.products[0]).to.have.all.keys('product_id', 'price', 'price_minor', 'quantity');
  });

  it('carries the touch and the model under attribution', () => {
    expect(orderCompletedProperties(readPurchase(ORDER), touch, 'first-click').attribution).to.deep.equal({
      click_id: 'click-1',
      creator_id: 'ana',
      clip_id: 'summer',
      touched_at: '2025-06-01T12:00:00.000Z',
      source: 'link',
      model: 'first-click',
    });
    const withoutClip = JSON.parse(JSON.stringify(orderCompletedProperties(readPurchase(ORDER), { ...touch, clipId: undefined, source: 'clip' })));
    expect(withoutClip.attribution).to.deep.equal({ click_id: 'click-1', creator_id: 'ana', touched_at: '2025-06-01T12:00:00.000Z', source: 'clip', model: 'last-click' });
  });
});
