// The bar for the tracker: 200 events through reloads, a navigation mid-batch, a collector answering 503
// then 429 then 200, going offline and back, and a second tab, and the collector ends up with exactly those 200.
// Run after `npm run build`: the page imports the built @vitrine/core.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
// @ts-expect-error: plain ESM scripts without type declarations
import { chromiumArgs, chromiumPath } from '../tooling/chromium.mjs';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
/** URL prefix → folder; nothing else is served. */
const MOUNTS = [
  ['/packages/core/dist/', join(repoRoot, 'packages/core/dist')],
  ['/delivery/', join(repoRoot, 'test/e2e/delivery')],
] as const;
const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.map': 'application/json' };

interface Received {
  at: number;
  status: number;
  /** `no-cors` for a beacon; `cors` for a fetch (keepalive or not). */
  mode: string;
  ids: string[];
}

/** The collector under test's control: answers in `plan` first (then 200), each after `delayMs`. */
class ScriptedCollector {
  plan: Array<{ status: number; headers?: Record<string, string> }> = [];
  delayMs = 20;
  received: Received[] = [];

  get stored(): Set<string> {
    return new Set(this.received.filter((r) => r.status === 200).flatMap((r) => r.ids));
  }

  /** Every id in accepted requests, copies included: what crossed the wire and was stored, or found stored already. */
  get acceptedIds(): string[] {
    return this.received.filter((r) => r.status === 200).flatMap((r) => r.ids);
  }

  async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const cors = { 'Access-Control-Allow-Origin': '*', 'Access-Control-Expose-Headers': 'Retry-After' };
    if (request.method !== 'POST' || request.url !== '/v1/batch') {
      response.writeHead(404, cors).end();
      return;
    }
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { site: string; batch: Array<{ messageId: string }> };
    const answer = this.plan.shift() ?? { status: 200 };
    this.received.push({ at: Date.now(), status: answer.status, mode: String(request.headers['sec-fetch-mode']), ids: body.batch.map((m) => m.messageId) });
    await new Promise((resolve) => setTimeout(resolve, this.delayMs));
    response.writeHead(answer.status, { ...cors, ...answer.headers }).end(answer.status === 200 ? '{"ok":true}' : '');
  }
}

async function serveFiles(request: IncomingMessage, response: ServerResponse): Promise<void> {
  const path = new URL(request.url ?? '/', 'http://x').pathname;
  for (const [prefix, folder] of MOUNTS) {
    if (!path.startsWith(prefix)) continue;
    const file = normalize(join(folder, decodeURIComponent(path.slice(prefix.length))));
    if (!file.startsWith(folder + sep)) break;
    try {
      const body = await readFile(file);
      response.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-store' }).end(body);
      return;
    } catch {
      break;
    }
  }
  response.writeHead(404).end();
}

async function listen(handler: (request: IncomingMessage, response: ServerResponse) => Promise<void>): Promise<{ server: Server; origin: string }> {
  const server = createServer((request, response) => void handler(request, response).catch(() => response.writeHead(500).end()));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

async function waitFor(condition: () => boolean | Promise<boolean>, what: string, timeout = 15_000): Promise<void> {
  const deadline = Date.now() + timeout;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

interface DeliveryPage {
  track(count: number, phase: string): string[];
  stats(): { queued: number; dropped: number };
}

const track = (page: Page, count: number, phase: string) => page.evaluate(([n, p]) => (window as unknown as { delivery: DeliveryPage }).delivery.track(n, p), [count, phase] as const);
const queued = (page: Page) => page.evaluate(() => (window as unknown as { delivery: DeliveryPage }).delivery.stats().queued);

describe('tracker delivery end to end', () => {
  let browser: Browser;
  let files: Awaited<ReturnType<typeof listen>>;
  let collectorServer: Awaited<ReturnType<typeof listen>>;
  const collector = new ScriptedCollector();

  before(async () => {
    files = await listen(serveFiles);
    collectorServer = await listen((request, response) => collector.handle(request, response));
    browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  });
  after(async () => {
    await browser?.close();
    files?.server.close();
    collectorServer?.server.close();
  });

  it('delivers every one of 200 events through reloads, retries, offline and two tabs', { timeout: 60_000 }, async () => {
    const context = await browser.newContext();
    const pageUrl = `${files.origin}/delivery/page.html?collector=${encodeURIComponent(collectorServer.origin)}`;
    const problems: string[] = [];
    const open = async () => {
      const page = await context.newPage();
      page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
      await page.goto(pageUrl);
      await page.waitForFunction(() => 'delivery' in window);
      return page;
    };
    const tracked: string[] = [];
    const tab = await open();

    // 1. The collector is down (503), then asks for a second (429, Retry-After: 1), then takes batches.
    collector.plan = [{ status: 503 }, { status: 429, headers: { 'Retry-After': '1' } }];
    tracked.push(...(await track(tab, 30, 'outage')));
    await waitFor(() => collector.stored.size === 30, 'the first 30 events were stored');
    const [outage, tooMany, next] = collector.received;
    assert.deepEqual([outage!.status, tooMany!.status, next!.status], [503, 429, 200]);
    assert.ok(next!.at - tooMany!.at >= 1000, `the retry came ${next!.at - tooMany!.at} ms after a Retry-After of 1 s`);

    // 2. A navigation while a batch is on its way (the collector is slow) and more events wait for the next one.
    collector.delayMs = 400;
    tracked.push(...(await track(tab, 13, 'navigation')));
    await tab.goto(pageUrl);
    await tab.waitForFunction(() => 'delivery' in window);
    collector.delayMs = 20;
    tracked.push(...(await track(tab, 7, 'after-navigation')));
    await waitFor(() => collector.stored.size === 50, 'the events from both sides of the navigation were stored');

    // 3. Offline: nothing is tried; back online, everything goes. The tab first settles (a page that came after a
    // beacon sends those messages once more), so that a send begun while online is not counted as one made offline.
    await waitFor(async () => (await queued(tab)) === 0, 'nothing waited before going offline');
    await context.setOffline(true);
    const receivedBefore = collector.received.length;
    let attemptsOffline = 0;
    const countAttempts = (request: { url(): string }) => request.url().startsWith(collectorServer.origin) && attemptsOffline++;
    tab.on('request', countAttempts);
    tracked.push(...(await track(tab, 20, 'offline')));
    await tab.waitForTimeout(1500);
    tab.off('request', countAttempts);
    assert.equal(collector.received.length, receivedBefore, 'nothing reached the collector while offline');
    assert.equal(attemptsOffline, 0, 'the tracker did not even try while offline');
    await context.setOffline(false);
    await waitFor(() => collector.stored.size === 70, 'the offline events were stored once back online');

    // 4. A second tab: both track at once, five times over.
    const second = await open();
    for (let round = 0; round < 5; round++) {
      const [a, b] = await Promise.all([track(tab, 10, `tab1-${round}`), track(second, 10, `tab2-${round}`)]);
      tracked.push(...a, ...b);
      await tab.waitForTimeout(100);
    }
    // 5. The second tab closes with events still waiting; the first tab, still open, sends them.
    tracked.push(...(await track(second, 5, 'closing')));
    await second.close({ runBeforeUnload: true });
    // 6. The first tab reloads with events waiting, then tracks the last few.
    tracked.push(...(await track(tab, 20, 'before-reload')));
    await tab.reload();
    await tab.waitForFunction(() => 'delivery' in window);
    tracked.push(...(await track(tab, 5, 'last')));

    assert.equal(tracked.length, 200);
    assert.equal(new Set(tracked).size, 200, 'every event has its own messageId');
    await waitFor(async () => collector.stored.size >= 200 && (await queued(tab)) === 0, 'all 200 were stored and nothing waits');
    assert.deepEqual([...collector.stored].sort(), [...tracked].sort());

    // Copies on the wire: only of messages that went by beacon at least once, whose answer no page could read.
    const accepted = collector.acceptedIds;
    const beaconed = new Set(collector.received.filter((r) => r.mode === 'no-cors').flatMap((r) => r.ids));
    const counts = new Map<string, number>();
    for (const id of accepted) counts.set(id, (counts.get(id) ?? 0) + 1);
    const copied = [...counts].filter(([, n]) => n > 1).map(([id]) => id);
    assert.deepEqual(copied.filter((id) => !beaconed.has(id)), [], 'a message that never went by beacon reached the collector twice');
    console.log(`# ${accepted.length} ids in accepted requests for 200 events: ${accepted.length - 200} copies, all of ${copied.length} beaconed messages`);
    assert.deepEqual(problems, []);
    await context.close();
  });
});
