import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseConfig } from '../src/index.js';
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
