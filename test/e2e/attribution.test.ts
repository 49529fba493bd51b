// A creator's link, a sale, consent and Global Privacy Control, through vitrine.js and the collector.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { realProblems, startHarness, waitForEvents, watchProblems, type Harness, type StoredEvent } from './harness.js';

/** Counts every localStorage write and delete Vitrine makes (its keys start with `vitrine:`), from page start. */
const COUNT_STORAGE_WRITES = `
  window.__storageWrites = [];
  for (const name of ['setItem', 'removeItem']) {
    const original = Storage.prototype[name];
    Storage.prototype[name] = function (key, ...rest) {
      if (String(key).startsWith('vitrine:')) window.__storageWrites.push(name + ' ' + key);
      return original.call(this, key, ...rest);
    };
  }
`;


const orderOf = (events: StoredEvent[], orderId: string) => events.filter((e) => e.event === 'Order Completed' && e.properties.order_id === orderId);

describe('attribution, consent and delivery through vitrine.js', () => {
  let harness: Harness;
  let context: BrowserContext;
  before(async () => {
    harness = await startHarness();
  });
  after(() => harness?.close());

  /** Opens an example page in a fresh browser profile, watching problems, requests to the collector and storage writes. */
  async function open(path: string, init = ''): Promise<{ page: Page; problems: string[]; collectorRequests: string[] }> {
    context = await harness.browser.newContext();
    const page = await context.newPage();
    const problems = watchProblems(page);
    const collectorRequests: string[] = [];
    page.on('request', (request) => void (request.url().startsWith(harness.collectorUrl) && collectorRequests.push(request.url())));
    await page.addInitScript(COUNT_STORAGE_WRITES + init);
    await page.goto(`${harness.examplesUrl}${path}`);
    await page.waitForFunction(() => (window as unknown as { Vitrine?: { stats(): unknown } }).Vitrine?.stats() !== undefined);
    return { page, problems, collectorRequests };
  }

  /** Until this page has nothing left to send: then leaving it aborts no request. */
  const delivered = (page: Page) => page.waitForFunction(() => (window as unknown as { Vitrine: { stats(): { queued: number } } }).Vitrine.stats().queued === 0);

  it('documents in the README the very stub the example pages use', async () => {
    const file = await readFile(new URL('../../examples/checkout/vitrine-stub.js', import.meta.url), 'utf8');
    const stub = file.split('\n').find((line) => line.startsWith('!function'))!;
    const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8');
    assert.ok(readme.includes(`<script>${stub}</script>`), 'README.md and examples/checkout/vitrine-stub.js differ');
  });

  it('attributes a sale on the thank-you page to the creator whose link the shopper arrived by', async () => {
    context = await harness.browser.newContext();
    const page = await context.newPage();
    const problems = watchProblems(page);
    await page.goto(`${harness.examplesUrl}checkout/?vt_c=ana&vt_k=summer&vt_id=click-ana-1`);
    await waitForEvents(harness.collectorUrl, (events) => events.some((e) => e.event === 'Creator Link Opened' && e.properties.click_id === 'click-ana-1'));
    await delivered(page);
    // A reload of the landing page is the same click: not counted again. The marker goes out after anything the
    // reload would have queued, so once it is stored, a second Creator Link Opened would be too.
    await page.reload();
    await page.waitForFunction(() => (window as unknown as { Vitrine?: { stats(): unknown } }).Vitrine?.stats() !== undefined);
    await page.evaluate(() => (window as unknown as { Vitrine: { track(name: string, properties: object): void } }).Vitrine.track('Landing Reloaded', {}));
    const afterReload = await waitForEvents(harness.collectorUrl, (events) => events.some((e) => e.event === 'Landing Reloaded'));
    assert.equal(afterReload.filter((e) => e.event === 'Creator Link Opened' && e.properties.click_id === 'click-ana-1').length, 1);
    await delivered(page);

    await page.goto(`${harness.examplesUrl}checkout/thank-you.html`);
    const orderId = (await page.locator('#order-id').textContent())!;
    const events = await waitForEvents(harness.collectorUrl, (all) => orderOf(all, orderId).length === 1);
    const { properties } = orderOf(events, orderId)[0]!;
    assert.equal(properties.total_minor, 4900);
    assert.equal(properties.currency, 'EUR');
    assert.deepEqual(
      (properties.products as Array<Record<string, unknown>>).map((p) => [p.product_id, p.price_minor, p.quantity]),
      [['linen-shirt', 4900, 1]],
    );
    const attribution = properties.attribution as Record<string, unknown>;
    assert.equal(attribution.creator_id, 'ana');
    assert.equal(attribution.clip_id, 'summer');
    assert.equal(attribution.click_id, 'click-ana-1');
    assert.deepEqual(realProblems(problems), []);
    await context.close();
  });

  it('sends a <vitrine-conversion> once, even when the receipt page is reloaded', async () => {
    const { page, problems } = await open('checkout/receipt.html');
    let events = await waitForEvents(harness.collectorUrl, (all) => orderOf(all, 'NW-1001').length === 1);
    const { properties } = orderOf(events, 'NW-1001')[0]!;
    assert.equal(properties.total_minor, 9800);
    assert.deepEqual(
      (properties.products as Array<Record<string, unknown>>).map((p) => [p.product_id, p.variant, p.price_minor, p.quantity]),
      [['linen-shirt', 'linen-shirt-m', 4900, 2]],
    );
    await delivered(page);
    await page.reload();
    await page.waitForFunction(() => (window as unknown as { Vitrine?: { stats(): unknown } }).Vitrine?.stats() !== undefined);
    await page.evaluate(() => (window as unknown as { Vitrine: { flush(): Promise<void> } }).Vitrine.flush());
    await page.waitForTimeout(1000);
    events = await waitForEvents(harness.collectorUrl, (all) => orderOf(all, 'NW-1001').length >= 1);
    assert.equal(orderOf(events, 'NW-1001').length, 1);
    assert.deepEqual(realProblems(problems), []);
    await context.close();
  });

  for (const [name, path, init] of [
    ['data-consent="required"', 'checkout/consent.html', ''],
    ['Global Privacy Control', 'brand-catalog/', "Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true });"],
  ] as const) {
    it(`with ${name}, stores and sends nothing until consent is granted, then sends what waited; revoking deletes it all`, async () => {
      const { page, problems, collectorRequests } = await open(path, init);
      // The catalog's impressions happen meanwhile (a list view, cards seen for a second).
      await page.waitForTimeout(2500);
      await page.evaluate(() => (window as unknown as { Vitrine: { flush(): Promise<void> } }).Vitrine.flush());
      await page.waitForTimeout(500);
      assert.deepEqual(collectorRequests, []);
      assert.deepEqual(await page.evaluate(() => (window as unknown as { __storageWrites: string[] }).__storageWrites), []);

      if (path.includes('consent')) await page.click('#accept');
      else await page.evaluate(() => (window as unknown as { Vitrine: { consent: { grant(): void } } }).Vitrine.consent.grant());
      await waitForEvents(harness.collectorUrl, (all) => all.some((e) => e.event === 'Product List Viewed' && e.context.page.path === new URL(page.url()).pathname));
      await delivered(page);

      await page.evaluate(() => (window as unknown as { Vitrine: { consent: { revoke(): void } } }).Vitrine.consent.revoke());
      const left = await page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('vitrine:')));
      assert.deepEqual(left, []);
      assert.deepEqual(realProblems(problems), []);
      await context.close();
    });
  }
});
