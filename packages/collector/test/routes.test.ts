import assert from 'node:assert/strict';
import { test } from 'node:test';
import { batchOf, startCollector, trackMessage } from './helpers.js';

async function errorOf(response: Response): Promise<{ code: string; message: string }> {
  return ((await response.json()) as { error: { code: string; message: string } }).error;
}

test('GET /v1/events without a site is refused with 400', async (t) => {
  const running = await startCollector(t);

  const response = await fetch(`${running.url}/v1/events`);

  assert.equal(response.status, 400);
  assert.deepEqual(await errorOf(response), {
    code: 'invalid_query',
    message: 'site: expected 1-64 letters, digits, "_" or "-", starting with a letter or digit, got nothing',
  });
});

test('GET /v1/events refuses a limit outside 1-1000', async (t) => {
  const running = await startCollector(t);

  for (const limit of ['0', '1001', 'ten', '-5', '2.5', '']) {
    const response = await running.getEvents(`site=demo&limit=${limit}`);
    assert.equal(response.status, 400, limit);
    assert.match((await errorOf(response)).message, /^limit: expected an integer from 1 to 1000/);
  }
});

test('GET /v1/events returns one site, newest first, filtered by event, up to limit', async (t) => {
  const running = await startCollector(t);
  const at = (minute: number) => `2024-05-01T12:${String(minute).padStart(2, '0')}:00.000Z`;
  await running.postBatch(batchOf([
    trackMessage({ messageId: 'm1', event: 'Product Viewed', timestamp: at(1) }),
    trackMessage({ messageId: 'm3', event: 'Product Clicked', timestamp: at(3) }),
    trackMessage({ messageId: 'm2', event: 'Product Clicked', timestamp: at(2) }),
    trackMessage({ messageId: 'm4', event: 'Product Viewed', timestamp: '2024-05-01T14:04:00.000+02:00' }),
  ]));
  await running.postBatch(batchOf([trackMessage({ messageId: 'other', timestamp: at(59) })], 'other-site'));

  const ids = async (query: string) => ((await (await running.getEvents(query)).json()) as { events: Array<{ messageId: string }> }).events.map((event) => event.messageId);

  assert.deepEqual(await ids('site=demo'), ['m4', 'm3', 'm2', 'm1']);
  assert.deepEqual(await ids('site=demo&limit=2'), ['m4', 'm3']);
  assert.deepEqual(await ids('site=demo&event=Product%20Clicked'), ['m3', 'm2']);
  assert.deepEqual(await ids('site=demo&event=Checkout%20Started'), []);
  assert.deepEqual(await ids('site=other-site'), ['other']);
  assert.deepEqual(await ids('site=nobody'), []);
});

test('GET /healthz answers 200 { ok: true }', async (t) => {
  const running = await startCollector(t);

  const response = await fetch(`${running.url}/healthz`);

  assert.equal(response.status, 200);
  assert.deepEqual(await response.json(), { ok: true });
});

test('an unknown route answers 404 in JSON', async (t) => {
  const running = await startCollector(t);

  for (const path of ['/', '/v1/batch/', '/v1/track', '/healthz/extra']) {
    const response = await fetch(`${running.url}${path}`);
    assert.equal(response.status, 404, path);
    assert.equal(response.headers.get('content-type'), 'application/json; charset=utf-8');
    assert.deepEqual(await errorOf(response), { code: 'not_found', message: `no route for ${path}` });
  }
});

test('a known route with the wrong method answers 405 with Allow', async (t) => {
  const running = await startCollector(t);

  const cases = [
    ['GET', '/v1/batch', 'POST, OPTIONS'],
    ['PUT', '/v1/batch', 'POST, OPTIONS'],
    ['POST', '/v1/events', 'GET'],
    ['DELETE', '/healthz', 'GET'],
  ] as const;
  for (const [method, path, allow] of cases) {
    const response = await fetch(`${running.url}${path}`, { method });
    assert.equal(response.status, 405, `${method} ${path}`);
    assert.equal(response.headers.get('allow'), allow);
    assert.equal((await errorOf(response)).code, 'method_not_allowed');
  }
});
