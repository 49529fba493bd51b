import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
// @ts-expect-error: plain ESM scripts without type declarations
import { chromiumArgs, chromiumPath } from '../tooling/chromium.mjs';
import { startHarness, waitForEvents, type Harness } from './harness.js';

/** Whether each `pageshow` came from the back/forward cache, and why Chromium would not keep a page in it. */
async function watchRestores(page: Page): Promise<{ shows: () => Promise<boolean[]>; notRestored: unknown[] }> {
  await page.addInitScript(`window.__shows = []; addEventListener('pageshow', (event) => window.__shows.push(event.persisted));`);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Page.enable');
  const notRestored: unknown[] = [];
  cdp.on('Page.backForwardCacheNotUsed', (event) => notRestored.push(event.notRestoredExplanations));
  return { shows: () => page.evaluate(() => (window as unknown as { __shows: boolean[] }).__shows), notRestored };
}

/** To a product page and back, as a shopper does from a catalog. */
async function leaveAndComeBack(page: Page, examplesUrl: string): Promise<void> {
  await page.goto(`${examplesUrl}brand-catalog/product.html?id=linen-shirt`);
  // A page restored from the cache fires no load event: the back navigation is done once it commits.
  await page.goBack({ waitUntil: 'commit' });
  await page.waitForFunction(() => (window as unknown as { __shows?: boolean[] }).__shows?.length === 2);
}

describe('the back/forward cache', () => {
  let harness: Harness;
  let browser: Browser;
  before(async () => {
    harness = await startHarness();
    // Playwright turns the cache off by default; shoppers' browsers have it on.
    browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs, ignoreDefaultArgs: ['--disable-back-forward-cache'] });
  });
  after(async () => {
    await browser?.close();
    await harness?.close();
  });

  it('keeps a catalog page, so Back shows it at once, and its clicks are still tracked', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const restores = await watchRestores(page);
    await page.goto(`${harness.examplesUrl}brand-catalog/`);
    await waitForEvents(harness.collectorUrl, (all) => all.some((e) => e.event === 'Product Viewed' && e.properties.product_id === 'linen-shirt'));

    await leaveAndComeBack(page, harness.examplesUrl);

    assert.deepEqual(await restores.shows(), [false, true]);
    assert.deepEqual(restores.notRestored, []);
    await page.locator('vitrine-catalog vitrine-product-card:not([skeleton])').nth(2).click();
    await waitForEvents(harness.collectorUrl, (all) => all.some((e) => e.event === 'Product Clicked' && e.properties.product_id === 'canvas-tote'));
    await context.close();
  });

  it('keeps a page whose HLS clip was playing, and the clip plays on after Back', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const restores = await watchRestores(page);
    await page.goto(`${harness.examplesUrl}creator-clip/`);
    const video = page.locator('vitrine-video').first();
    await video.locator('[part~="play-button"]').click();
    await page.waitForFunction((el) => el!.shadowRoot!.querySelector('video')!.currentTime > 0.5, await video.elementHandle());

    await leaveAndComeBack(page, harness.examplesUrl);

    assert.deepEqual(await restores.shows(), [false, true]);
    assert.deepEqual(restores.notRestored, []);
    // The browser paused the clip while the page was away; the controls say so, and one press plays it on.
    const media = () => video.evaluate((element) => ({ paused: element.shadowRoot!.querySelector('video')!.paused, time: element.shadowRoot!.querySelector('video')!.currentTime }));
    const playPause = video.locator('[part~="play-pause"]');
    const away = await media();
    assert.equal(away.paused, true);
    assert.equal(await playPause.getAttribute('aria-label'), 'Play');
    await playPause.click();
    await page.waitForFunction(
      ([element, from]) => (element as Element).shadowRoot!.querySelector('video')!.currentTime > (from as number) + 0.5,
      [await video.elementHandle(), away.time] as const,
    );
    assert.equal(await playPause.getAttribute('aria-label'), 'Pause');
    await context.close();
  });
});
