import assert from 'node:assert/strict';
import { access, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, type TestContext } from 'node:test';
import { createCollector } from '../src/index.js';
import { batchOf, trackMessage } from './helpers.js';

async function temporaryDataDir(t: TestContext): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'vitrine-collector-'));
  t.after(() => rm(root, { recursive: true, force: true }));
  // A nested path: the collector creates the missing parents.
  return join(root, 'nested', 'data');
}

async function readEvents(url: string): Promise<Array<{ messageId: string; event: string }>> {
  const response = await fetch(`${url}/v1/events?site=demo`);
  return ((await response.json()) as { events: Array<{ messageId: string; event: string }> }).events;
}

test('events in a data folder survive close and reopen; migrations run once', async (t) => {
  const dataDir = await temporaryDataDir(t);
  const message = trackMessage({ event: 'Order Completed', properties: { order_id: 'o-7', currency: 'EUR', total_minor: 4900, products: [] } });

  const first = await createCollector({ dataDir, log: false });
  const { url } = await first.listen(0);
  const response = await fetch(`${url}/v1/batch`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(batchOf([message])) });
  assert.equal(response.status, 200);
  await first.close();

  const second = await createCollector({ dataDir, log: false });
  t.after(() => second.close());
  const reopened = await second.listen(0);
  assert.deepEqual((await readEvents(reopened.url)).map((event) => [event.messageId, event.event]), [[message.messageId, 'Order Completed']]);
  const { rows } = await second.db.query<{ version: number; name: string }>('SELECT version, name FROM schema_migrations ORDER BY version');
  assert.deepEqual(rows, [
    { version: 1, name: 'create events' },
    { version: 2, name: 'orders and commission ledger' },
  ]);
});

test('close() lets a request in flight finish and be stored, and stops accepting new connections', async (t) => {
  const dataDir = await temporaryDataDir(t);
  const collector = await createCollector({ dataDir, log: false });
  const { port, url } = await collector.listen(0);
  const message = trackMessage();
  const body = JSON.stringify(batchOf([message]));

  // Expect: 100-continue makes the server say when the request has reached the collector, before the body.
  const socket = connect(port, '127.0.0.1');
  t.after(() => socket.destroy());
  let received = '';
  socket.setEncoding('utf8');
  socket.on('data', (chunk: string) => (received += chunk));
  socket.write(`POST /v1/batch HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\nContent-Length: ${Buffer.byteLength(body)}\r\nExpect: 100-continue\r\n\r\n`);
  await waitFor(() => received.includes('100 Continue'));

  let closed = false;
  const closing = collector.close().then(() => (closed = true));
  await assert.rejects(fetch(`${url}/healthz`), 'a new connection is refused while closing');
  assert.equal(closed, false, 'close() waits for the request in flight');

  const socketClosed = new Promise((resolve) => socket.once('close', resolve));
  socket.write(body);
  await closing;
  await socketClosed;
  assert.match(received, /HTTP\/1\.1 200 OK[\s\S]*\{"accepted":1,"rejected":\[\]\}/);

  const reopened = await createCollector({ dataDir, log: false });
  t.after(() => reopened.close());
  const { rows } = await reopened.db.query<{ message_id: string }>('SELECT message_id FROM events');
  assert.deepEqual(rows, [{ message_id: message.messageId }]);
});

test('a data folder in use by another collector is refused; a lock left by a dead process is taken over', async (t) => {
  const dataDir = await temporaryDataDir(t);
  await mkdir(dataDir, { recursive: true });
  const lockFile = join(dataDir, 'vitrine-collector.pid');

  // The test runner's parent process is alive, so its pid stands for another running collector.
  await writeFile(lockFile, `${process.ppid}\n`);
  await assert.rejects(createCollector({ dataDir, log: false }), { message: `${dataDir} is in use by another collector (pid ${process.ppid}); stop it or use another data folder` });

  await writeFile(lockFile, '999999999\n');
  const collector = await createCollector({ dataDir, log: false });
  await assert.rejects(createCollector({ dataDir, log: false }), { message: `${dataDir} is already open in this process` });
  await collector.close();
  await assert.rejects(access(lockFile), 'close() removes the lock');
});

test('close() is safe to call twice and listen() after close() fails clearly', async () => {
  const collector = await createCollector({ dataDir: 'memory://', log: false });
  await collector.listen(0);

  await Promise.all([collector.close(), collector.close()]);

  await assert.rejects(collector.listen(0), { message: '[collector] listen() after close()' });
});

test('listen() reports a port in use instead of crashing', async (t) => {
  const first = await createCollector({ dataDir: 'memory://', log: false });
  t.after(() => first.close());
  const { port } = await first.listen(0);
  const second = await createCollector({ dataDir: 'memory://', log: false });
  t.after(() => second.close());

  await assert.rejects(second.listen(port), { code: 'EADDRINUSE' });
});

test('invalid limits are refused when the collector is created', async () => {
  await assert.rejects(createCollector({ dataDir: 'memory://', maxBodyBytes: 0 }), { message: '[collector] maxBodyBytes: expected a positive integer of bytes, got 0' });
  await assert.rejects(createCollector({ dataDir: 'memory://', maxEventBytes: 1.5 }), /maxEventBytes/);
  await assert.rejects(createCollector({ dataDir: 'memory://', allowedOrigins: ['localhost'] }), /allowedOrigins\[0\]/);
});

async function waitFor(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
