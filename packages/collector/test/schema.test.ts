import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { productProperties } from '../../core/src/tracker/events.js';
import { createMessage } from '../../core/src/tracker/envelope.js';
import { orderCompletedProperties, readPurchase } from '../../core/src/tracker/order.js';
import { readProduct } from '../../core/src/model/product.js';
import { rawProduct } from '../../core/src/test-helpers/products.js';
import { SchemaSet } from '../src/json-schema.js';
import { batchOf, startCollector, storedEvents, trackMessage } from './helpers.js';

const schemaFile = (name: string) => JSON.parse(readFileSync(new URL(`../../core/schema/${name}`, import.meta.url), 'utf8'));

type Rejection = { index: number; message: string };

function order(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    order_id: 'o-1001',
    total: 98,
    total_minor: 9800,
    currency: 'EUR',
    products: [{ product_id: 'linen-shirt', variant: 'linen-shirt-m', price: 49, price_minor: 4900, quantity: 2 }],
    attribution: { creator_id: 'ana', clip_id: 'summer', click_id: 'click-1', touched_at: '2024-05-01T11:00:00.000Z', source: 'link', model: 'last-click' },
    ...overrides,
  };
}

/** A page as the tracker sees one, for building messages with the tracker's own code outside a browser. */
function fakePage(t: { after(fn: () => void): void }): void {
  const globals = {
    location: { href: 'https://shop.example/thank-you?utm_source=tt&utm_campaign=summer' },
    document: { referrer: 'https://shop.example/cart', title: 'Thank you' },
    navigator: { language: 'de-DE' },
  };
  for (const [name, value] of Object.entries(globals)) Object.defineProperty(globalThis, name, { value, configurable: true });
  t.after(() => {
    for (const name of Object.keys(globals)) delete (globalThis as Record<string, unknown>)[name];
  });
}

test('the schema files are JSON Schema 2020-12 documents with versioned ids, and the validator supports every keyword they use', () => {
  const message = schemaFile('track-message.v1.json');
  const batch = schemaFile('batch.v1.json');
  assert.equal(message.$schema, 'https://json-schema.org/draft/2020-12/schema');
  assert.equal(message.$id, 'urn:vitrine:schema:track-message:v1');
  assert.equal(batch.$id, 'urn:vitrine:schema:batch:v1');
  assert.equal(batch.properties.batch.items.$ref, message.$id);
  assert.doesNotThrow(() => new SchemaSet([message, batch]));
  assert.throws(() => new SchemaSet([{ ...message, properties: { ...message.properties, event: { type: 'string', maximum: 3 } } }]), /properties\/event\/maximum: .* does not support "maximum"/);
  assert.throws(() => new SchemaSet([{ ...message, properties: { ...message.properties, context: { $ref: '#/$defs/nowhere' } } }]), /\$ref to nothing/);
});

test('messages the tracker builds, with its own code, are valid per the schema and stored', async (t) => {
  fakePage(t);
  const product = readProduct(rawProduct(), 'product');
  const purchase = readPurchase({ orderId: '1001', currency: 'EUR', total: 9800, tax: 1565, shipping: 0, items: [{ productId: 'sku-1', variantId: 'sku-1-m', price: 4900, quantity: 2 }], discounts: [{ code: 'SUMMER', amount: 0 }] });
  const touch = { clickId: 'click-ana-1', creatorId: 'ana', clipId: 'summer', at: Date.parse('2024-05-01T10:00:00Z'), source: 'link' as const };
  const messages = [
    createMessage('Product List Viewed', { list_id: 'summer', products: [productProperties(product, 1)] }, 'anon-7'),
    createMessage('Product Clicked', { ...productProperties(product, 1), list_id: 'summer', clip_id: 'summer', creator_id: 'ana' }, 'anon-7'),
    createMessage('Order Completed', orderCompletedProperties(purchase, touch, 'last-click'), 'anon-7'),
    createMessage('Order Completed', orderCompletedProperties(purchase, undefined), 'anon-7'),
    createMessage('Video Content Playing', { clip_id: 'summer', percent: 25, position: 3.2 }, 'anon-7'),
  ];
  assert.deepEqual(messages[2]!.context.campaign, { source: 'tt', name: 'summer' }, 'the fake page is read as a real one');
  const running = await startCollector(t);

  const response = await running.postBatch(batchOf(messages));

  assert.equal(response.status, 200);
  assert.deepEqual(await response.json(), { accepted: messages.length, rejected: [] });
  const stored = await storedEvents(running);
  const completed = stored.find((event) => event.messageId === messages[2]!.messageId)!;
  assert.equal(completed.properties.total_minor, 9800);
  assert.deepEqual(completed.properties.attribution.creator_id, 'ana');
});

test('Order Completed without exact money, or with a malformed line, is rejected naming the field', async (t) => {
  const running = await startCollector(t);
  const completed = (properties: Record<string, unknown>) => trackMessage({ event: 'Order Completed', properties });
  const line = { product_id: 'linen-shirt', price: 49, price_minor: 4900, quantity: 1 };
  const { total_minor: _, ...withoutTotal } = order();
  const batch = [
    completed(order()),
    completed(order({ total_minor: 98.5 })),
    completed(withoutTotal),
    completed(order({ currency: 'eur' })),
    completed(order({ products: [line, { ...line, quantity: 0 }] })),
    completed(order({ products: [{ ...line, price_minor: '4900' }] })),
    completed(order({ attribution: { creator_id: 'ana smith', click_id: 'c-1' } })),
    completed(order({ order_id: '' })),
  ];

  const response = await running.postBatch(batchOf(batch));

  assert.equal(response.status, 200);
  const body = (await response.json()) as { accepted: number; rejected: Rejection[] };
  assert.equal(body.accepted, 1);
  assert.deepEqual(body.rejected, [
    { index: 1, message: 'batch[1].properties.total_minor: expected an integer amount in minor units (4990 for 49.90), got a number' },
    { index: 2, message: 'batch[2].properties.total_minor: expected an integer amount in minor units (4990 for 49.90), got nothing' },
    { index: 3, message: 'batch[3].properties.currency: expected an ISO 4217 currency code in capitals, like "EUR", got "eur"' },
    { index: 4, message: 'batch[4].properties.products[1].quantity: expected an integer of at least 1, got a number' },
    { index: 5, message: 'batch[5].properties.products[0].price_minor: expected an integer amount in minor units (4990 for 49.90), got "4900"' },
    { index: 6, message: 'batch[6].properties.attribution.creator_id: expected 1-64 letters, digits, "_" or "-", got "ana smith"' },
    { index: 7, message: 'batch[7].properties.order_id: expected a string of 1-200 characters, got an empty string' },
  ]);
  assert.deepEqual((await storedEvents(running)).map((event) => event.properties.order_id), ['o-1001']);
});

test('the envelope and product events are held to the schema; other events keep free-form properties', async (t) => {
  const running = await startCollector(t);
  const { messageId: _, ...withoutId } = trackMessage();
  const batch = [
    withoutId,
    trackMessage({ anonymousId: 'a'.repeat(65) }),
    trackMessage({ event: 'Product Added', properties: { name: 'Linen shirt' } }),
    trackMessage({ event: 'Product List Viewed', properties: { products: [{ product_id: 'a' }, { name: 'no id' }] } }),
    trackMessage({ context: { ...(trackMessage().context as object), campaign: { source: 7 } } }),
    trackMessage({ event: 'Shared To Friend', properties: { anything: [1, { goes: true }] } }),
    trackMessage({ event: 'Product Viewed', properties: { product_id: 'sku-9', position: 2, vendor_field: 'kept' } }),
  ];

  const response = await running.postBatch(batchOf(batch));

  const body = (await response.json()) as { accepted: number; rejected: Rejection[] };
  assert.equal(body.accepted, 2);
  assert.deepEqual(body.rejected, [
    { index: 0, message: 'batch[0].messageId: expected a string of 1-64 characters, got nothing' },
    { index: 1, message: `batch[1].anonymousId: expected a string of 1-64 characters, got a string of 65 characters` },
    { index: 2, message: 'batch[2].properties.product_id: expected a string of 1-200 characters, got nothing' },
    { index: 3, message: 'batch[3].properties.products[1].product_id: expected a string of 1-200 characters, got nothing' },
    { index: 4, message: 'batch[4].context.campaign.source: expected a string of 0-1000 characters, got a number' },
  ]);
  const stored = await storedEvents(running);
  assert.deepEqual(stored.find((event) => event.event === 'Shared To Friend')!.properties, { anything: [1, { goes: true }] });
});

test('a Segment-style batch with a write key no site owns, or with a bad sentAt, is refused naming the field', async (t) => {
  const running = await startCollector(t);
  const unknownKey = await running.postBatch({ batch: [trackMessage()], writeKey: 'abc' });
  assert.equal(unknownKey.status, 401);
  assert.deepEqual(await unknownKey.json(), { error: { code: 'unknown_write_key', message: 'the write key is not configured for any site' } });
  const cases: Array<[unknown, string]> = [
    [{ ...batchOf([trackMessage()]), sentAt: '2024-13-01T00:00:00Z' }, 'sentAt: expected an ISO 8601 date-time with a time zone, from 1970 to 9999, like 2024-05-01T12:00:00.000Z, got "2024-13-01T00:00:00Z"'],
    [{ ...batchOf([trackMessage()]), writeKey: '' }, 'writeKey: expected a non-empty string, got an empty string'],
  ];
  for (const [body, message] of cases) {
    const response = await running.postBatch(body);
    assert.equal(response.status, 400, message);
    assert.deepEqual(await response.json(), { error: { code: 'invalid_batch', message } });
  }
  const { sentAt: _, ...withoutSentAt } = batchOf([trackMessage()]);
  const accepted = await running.postBatch(withoutSentAt);
  assert.equal(accepted.status, 200, 'sentAt is optional, as in Segment’s spec');
});
