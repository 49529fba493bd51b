import assert from 'node:assert/strict';
import { test } from 'node:test';
import { batchOf, startCollector, storedEvents, trackMessage } from './helpers.js';

test('an event over maxEventBytes is rejected, the others are stored', async (t) => {
  const running = await startCollector(t, { maxEventBytes: 2048 });
  const small = trackMessage();
  const big = trackMessage({ properties: { description: 'x'.repeat(3000) } });

  const response = await running.postBatch(batchOf([small, big]));

  assert.equal(response.status, 200);
  const body = (await response.json()) as { accepted: number; rejected: Array<{ index: number; message: string }> };
  assert.equal(body.accepted, 1);
  assert.equal(body.rejected.length, 1);
  assert.equal(body.rejected[0]!.index, 1);
  assert.match(body.rejected[0]!.message, /^batch\[1\]: event is \d+ bytes, over the 2048-byte limit$/);
  assert.deepEqual((await storedEvents(running)).map((event) => event.messageId), [small.messageId]);
});

test('the default event limit is 32 KB', async (t) => {
  const running = await startCollector(t);
  const justUnder = trackMessage({ properties: { product_id: 'sku-1', blob: 'x'.repeat(31_000) } });
  const over = trackMessage({ properties: { product_id: 'sku-1', blob: 'x'.repeat(33_000) } });

  const response = await running.postBatch(batchOf([justUnder, over]));

  const body = (await response.json()) as { accepted: number; rejected: Array<{ index: number; message: string }> };
  assert.equal(body.accepted, 1);
  assert.match(body.rejected[0]!.message, /over the 32768-byte limit/);
});

test('a batch of more than 500 events is refused', async (t) => {
  const running = await startCollector(t);
  const messages = Array.from({ length: 501 }, () => trackMessage());

  const response = await running.postBatch(batchOf(messages));

  assert.equal(response.status, 400);
  assert.match(((await response.json()) as { error: { message: string } }).error.message, /^batch: expected an array of 1-500 messages, got an array of 501 items$/);
  assert.equal((await storedEvents(running)).length, 0);
});

test('500 events in one batch are all stored', async (t) => {
  const running = await startCollector(t);
  const messages = Array.from({ length: 500 }, (_, index) => trackMessage({ timestamp: new Date(Date.UTC(2024, 0, 1, 0, 0, index)).toISOString() }));

  const response = await running.postBatch(batchOf(messages));

  assert.deepEqual(await response.json(), { accepted: 500, rejected: [] });
  const events = (await (await running.getEvents('site=demo&limit=1000')).json()) as { events: unknown[] };
  assert.equal(events.events.length, 500);
});

test('a body over maxBodyBytes is refused with 413 and nothing is stored', async (t) => {
  const running = await startCollector(t);
  const padding = 'x'.repeat(30_000);
  const messages = Array.from({ length: 20 }, () => trackMessage({ properties: { padding } }));
  const body = JSON.stringify(batchOf(messages));
  assert.ok(body.length > 512 * 1024, 'the body is over the default 512 KB');

  const response = await running.postBatch(body);

  assert.equal(response.status, 413);
  assert.deepEqual(await response.json(), { error: { code: 'payload_too_large', message: 'body is over the 524288-byte limit' } });
  assert.equal((await storedEvents(running)).length, 0);
});

test('a streamed body without Content-Length is cut off at maxBodyBytes', async (t) => {
  const running = await startCollector(t, { maxBodyBytes: 4096 });
  const chunk = new TextEncoder().encode(' '.repeat(1024));
  let sent = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent === 0) controller.enqueue(new TextEncoder().encode(JSON.stringify(batchOf([trackMessage()]))));
      sent += 1;
      if (sent > 8) controller.close();
      else controller.enqueue(chunk);
    },
  });

  const response = await fetch(`${running.url}/v1/batch`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body, duplex: 'half' } as RequestInit);

  assert.equal(response.status, 413);
  assert.equal((await storedEvents(running)).length, 0);
});

test('a body that is not text/plain or application/json is refused with 415', async (t) => {
  const running = await startCollector(t);

  const response = await running.postBatch(batchOf([trackMessage()]), { headers: { 'content-type': 'application/x-www-form-urlencoded' } });

  assert.equal(response.status, 415);
  const { error } = (await response.json()) as { error: { code: string; message: string } };
  assert.equal(error.code, 'unsupported_media_type');
  assert.equal(error.message, 'Content-Type must be text/plain or application/json in UTF-8, got "application/x-www-form-urlencoded"');
  assert.equal((await storedEvents(running)).length, 0);
});
