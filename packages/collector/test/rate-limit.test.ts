import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseConfig } from '../src/index.js';
import { createClientAddress } from '../src/client-address.js';
import { callerKey, createRateLimiter } from '../src/rate-limit.js';
import { batchOf, startCollector, trackMessage } from './helpers.js';

test('a token bucket lets a burst through, then one request per refill interval, and says how long to wait', () => {
  const limit = createRateLimiter({ requests: 3, windowSeconds: 60 });
  assert.deepEqual([0, 0, 0].map(() => limit('a', 1_000)), [0, 0, 0]);
  assert.equal(limit('a', 1_000), 20, 'one token comes back every 20 s');
  assert.equal(limit('b', 1_000), 0, 'another caller has its own bucket');
  assert.equal(limit('a', 11_000), 10);
  assert.equal(limit('a', 21_000), 0);
  assert.equal(limit('a', 21_000), 20);
});

test('callers are keyed by IPv4 address, or by IPv6 /64', () => {
  assert.equal(callerKey('203.0.113.7'), '203.0.113.7');
  assert.equal(callerKey('::ffff:203.0.113.7'), '203.0.113.7');
  assert.equal(callerKey('2001:db8:0:12:aaaa:bbbb:cccc:1'), '2001:db8:0:12::/64');
  assert.equal(callerKey('2001:db8:0:12::1'), '2001:db8:0:12::/64');
  assert.equal(callerKey('2001:DB8::'), '2001:db8:0:0::/64');
  assert.equal(callerKey('::1'), '0:0:0:0::/64');
  assert.equal(callerKey(undefined), 'unknown');
});

test('X-Forwarded-For is believed only from trusted proxies, read from its right end past each of them', () => {
  const direct = createClientAddress();
  assert.equal(direct('203.0.113.7', '198.51.100.1'), '203.0.113.7', 'without trusted proxies the header is ignored');

  const behindProxies = createClientAddress(['10.0.0.0/8', '::1']);
  assert.equal(behindProxies('203.0.113.7', '198.51.100.1'), '203.0.113.7', 'a caller that is no trusted proxy is the client');
  assert.equal(behindProxies('10.0.0.2', '198.51.100.1'), '198.51.100.1');
  assert.equal(behindProxies('::ffff:10.0.0.2', '198.51.100.1'), '198.51.100.1', 'an IPv4-mapped proxy address');
  assert.equal(behindProxies('10.0.0.2', '6.6.6.6, 198.51.100.1, 10.0.0.9'), '198.51.100.1', 'what the client wrote itself is passed over');
  assert.equal(behindProxies('::1', ['6.6.6.6', '2001:db8::5']), '2001:db8::5', 'several headers are one list');
  assert.equal(behindProxies('10.0.0.2', 'not-an-address, 10.0.0.9'), '10.0.0.9', 'a hop no proxy wrote ends the walk');
  assert.equal(behindProxies('10.0.0.2', '10.0.0.8, 10.0.0.9'), '10.0.0.8', 'all trusted: the farthest one');
  assert.equal(behindProxies('10.0.0.2', undefined), '10.0.0.2', 'no header: the proxy itself');
  assert.equal(behindProxies(undefined, '198.51.100.1'), undefined);
});

test('behind a trusted proxy each forwarded client has its own limit; a spoofed header gains nothing otherwise', async (t) => {
  const limits = { perIp: { requests: 1, windowSeconds: 60 } };
  const proxied = await startCollector(t, { config: parseConfig({ rateLimits: limits, trustedProxies: ['127.0.0.1', '::1'] }) });
  const from = (address: string) => ({ headers: { 'x-forwarded-for': address } });
  assert.equal((await proxied.postBatch(batchOf([trackMessage()]), from('198.51.100.1'))).status, 200);
  assert.equal((await proxied.postBatch(batchOf([trackMessage()]), from('198.51.100.2'))).status, 200, 'another client');
  assert.equal((await proxied.postBatch(batchOf([trackMessage()]), from('198.51.100.1'))).status, 429, 'the first client again');

  const direct = await startCollector(t, { config: parseConfig({ rateLimits: limits }) });
  assert.equal((await direct.postBatch(batchOf([trackMessage()]), from('198.51.100.1'))).status, 200);
  assert.equal((await direct.postBatch(batchOf([trackMessage()]), from('198.51.100.2'))).status, 429, 'the header is not believed');
});

test('past the per-address limit the collector answers 429 with Retry-After, readable by an allowed origin; health checks pass', async (t) => {
  const running = await startCollector(t, { config: parseConfig({ rateLimits: { perIp: { requests: 2, windowSeconds: 60 } } }) });
  const origin = { origin: 'http://localhost:5173' };
  assert.equal((await running.postBatch(batchOf([trackMessage()]), { headers: origin })).status, 200);
  assert.equal((await running.postBatch(batchOf([trackMessage()]), { headers: origin })).status, 200);

  const limited = await running.postBatch(batchOf([trackMessage()]), { headers: origin });
  assert.equal(limited.status, 429);
  assert.equal(limited.headers.get('retry-after'), '30');
  assert.equal(limited.headers.get('access-control-allow-origin'), 'http://localhost:5173');
  assert.match(limited.headers.get('access-control-expose-headers') ?? '', /Retry-After/);
  assert.deepEqual(await limited.json(), { error: { code: 'rate_limited', message: 'too many requests from this address; try again in 30 s' } });
  assert.equal((await fetch(`${running.url}/healthz`)).status, 200);
  const { rows } = await running.collector.db.query<{ count: number }>('SELECT count(*)::int AS count FROM events');
  assert.equal(rows[0]!.count, 2, 'the refused batch stored nothing');
});

test('past the per-site limit a site is refused while another site still sends', async (t) => {
  const running = await startCollector(t, {
    config: parseConfig({ sites: { busy: {}, quiet: {} }, rateLimits: { perSite: { requests: 1, windowSeconds: 10 } } }),
  });
  assert.equal((await running.postBatch(batchOf([trackMessage()], 'busy'))).status, 200);
  const limited = await running.postBatch(batchOf([trackMessage()], 'busy'));
  assert.equal(limited.status, 429);
  assert.equal(limited.headers.get('retry-after'), '10');
  assert.equal(((await limited.json()) as { error: { message: string } }).error.message, 'too many requests for site busy; try again in 10 s');
  assert.equal((await running.postBatch(batchOf([trackMessage()], 'quiet'))).status, 200);
});
