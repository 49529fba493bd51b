import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compileOrigins } from '../src/cors.js';
import { batchOf, startCollector, storedEvents, trackMessage } from './helpers.js';

test('a POST from an allowed origin is stored and its answer readable by that origin', async (t) => {
  const running = await startCollector(t, { allowedOrigins: ['https://shop.example', 'http://localhost:*'] });

  const response = await running.postBatch(batchOf([trackMessage()]), { headers: { origin: 'http://localhost:5173' } });

  assert.equal(response.status, 200);
  assert.equal(response.headers.get('access-control-allow-origin'), 'http://localhost:5173');
  // So the tracker can honour a Retry-After when the collector is busy.
  assert.equal(response.headers.get('access-control-expose-headers'), 'Retry-After');
  assert.equal(response.headers.get('vary'), 'Origin');
  assert.equal((await storedEvents(running)).length, 1);
});

test('refusals to an allowed origin carry the CORS header too, so the tracker can read the status', async (t) => {
  const running = await startCollector(t, { allowedOrigins: ['https://shop.example'] });

  const response = await running.postBatch('not json', { headers: { origin: 'https://shop.example' } });

  assert.equal(response.status, 400);
  assert.equal(response.headers.get('access-control-allow-origin'), 'https://shop.example');
});

test('the preflight is answered for an allowed origin', async (t) => {
  const running = await startCollector(t, { allowedOrigins: ['https://shop.example'] });

  const response = await fetch(`${running.url}/v1/batch`, {
    method: 'OPTIONS',
    headers: { origin: 'https://shop.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
  });

  assert.equal(response.status, 204);
  assert.equal(response.headers.get('access-control-allow-origin'), 'https://shop.example');
  assert.equal(response.headers.get('access-control-allow-methods'), 'POST');
  assert.equal(response.headers.get('access-control-allow-headers'), 'Content-Type');
  assert.equal(response.headers.get('vary'), 'Origin');
});

test('the preflight from a disallowed origin gets no CORS header', async (t) => {
  const running = await startCollector(t, { allowedOrigins: ['https://shop.example'] });

  const response = await fetch(`${running.url}/v1/batch`, { method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } });

  assert.equal(response.status, 403);
  assert.equal(response.headers.get('access-control-allow-origin'), null);
});

test('a POST from a disallowed origin is refused with 403 and nothing is stored', async (t) => {
  const running = await startCollector(t, { allowedOrigins: ['https://shop.example', 'http://localhost:*'] });

  for (const origin of ['https://evil.example', 'https://shop.example.evil.example', 'http://shop.example', 'null', 'http://localhost.evil.example:80']) {
    const response = await running.postBatch(batchOf([trackMessage()]), { headers: { origin } });
    assert.equal(response.status, 403, origin);
    assert.equal(response.headers.get('access-control-allow-origin'), null, origin);
    const { error } = (await response.json()) as { error: { code: string; message: string } };
    assert.equal(error.code, 'origin_not_allowed');
    assert.equal(error.message, `origin ${JSON.stringify(origin)} is not allowed to send events here`);
  }
  assert.equal((await storedEvents(running)).length, 0);
});

test('a request without Origin (a server, curl) is accepted and gets no CORS header', async (t) => {
  const running = await startCollector(t, { allowedOrigins: ['https://shop.example'] });

  const response = await running.postBatch(batchOf([trackMessage()]));

  assert.equal(response.status, 200);
  assert.equal(response.headers.get('access-control-allow-origin'), null);
  assert.equal((await storedEvents(running)).length, 1);
});

test('the default origins are any port on localhost and 127.0.0.1', async (t) => {
  const running = await startCollector(t);

  for (const [origin, status] of [['http://localhost:3000', 200], ['http://127.0.0.1:8080', 200], ['https://localhost:3000', 403], ['https://shop.example', 403]] as const) {
    const response = await running.postBatch(batchOf([trackMessage()]), { headers: { origin } });
    assert.equal(response.status, status, origin);
  }
});

test('origin patterns: exact, any port, any subdomain', () => {
  const allowed = compileOrigins(['https://shop.example', 'http://localhost:*', 'https://*.brand.example', 'http://[::1]:8080']);

  for (const origin of ['https://shop.example', 'HTTPS://SHOP.EXAMPLE', 'http://localhost', 'http://localhost:5173', 'https://a.brand.example', 'https://a.b.brand.example', 'http://[::1]:8080']) {
    assert.equal(allowed(origin), true, origin);
  }
  for (const origin of ['https://shop.example:8443', 'https://shop.example/', 'http://shop.example', 'https://brand.example', 'https://evilbrand.example', 'http://localhost:5173.evil.example', 'http://[::1]:8081', '']) {
    assert.equal(allowed(origin), false, origin);
  }
});

test('an origin pattern that is not an origin is refused when the collector is created', () => {
  assert.throws(() => compileOrigins(['https://shop.example', 'shop.example']), {
    name: 'TypeError',
    message: 'allowedOrigins[1]: "shop.example" is not an origin like https://shop.example, http://localhost:* or https://*.shop.example',
  });
  assert.throws(() => compileOrigins(['https://shop.example/path']), /allowedOrigins\[0\]/);
  assert.throws(() => compileOrigins(['*']), /allowedOrigins\[0\]/);
  assert.throws(() => compileOrigins(['http://localhost:70000']), /port over 65535/);
});
