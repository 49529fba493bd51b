import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { startHarness, waitForEvents, watchProblems, type Harness } from './harness.js';

/** Sums layout shifts the way Core Web Vitals does (shifts right after input excluded), from page start. */
const RECORD_LAYOUT_SHIFTS = `
  window.__cls = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__cls += entry.value;
  }).observe({ type: 'layout-shift', buffered: true });
`;

/** Until every card image not left to lazy loading has decoded, so any shift it could cause has happened. */
async function imagesDecoded(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const images = [...document.querySelector('vitrine-catalog')!.shadowRoot!.querySelectorAll('vitrine-carousel')]
      .flatMap((c) => [...c.shadowRoot!.querySelectorAll('vitrine-product-card')])
      .flatMap((card) => [...card.shadowRoot!.querySelectorAll('img')]);
    return images.length > 0 && images.every((img) => img.loading === 'lazy' || img.complete);
  });
}

describe('examples/brand-catalog', () => {
  let harness: Harness;
  before(async () => {
    harness = await startHarness();
  });
  after(() => harness?.close());

  it('renders the feed as a carousel of cards with no layout shift', async () => {
    const page = await harness.browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems = watchProblems(page);
    await page.addInitScript(RECORD_LAYOUT_SHIFTS);
    await page.goto(`${harness.examplesUrl}brand-catalog/`);
    const cards = page.locator('vitrine-catalog vitrine-product-card:not([skeleton])');
    await cards.first().waitFor();
    assert.equal(await cards.first().locator('[part~="title"]').textContent().then((t) => t?.trim()), 'Linen shirt');
    assert.match((await cards.first().locator('[part~="price"]').textContent()) ?? '', /€49\.00/);
    await imagesDecoded(page);
    await page.waitForTimeout(500);
    assert.equal(await page.evaluate(() => (window as unknown as { __cls: number }).__cls), 0);
    assert.deepEqual(problems, []);
    await page.close();
  });

  it("keeps the elements' own size on a store theme's page (10px root font size, its own text styles), with no layout shift", async () => {
    const page = await harness.browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems = watchProblems(page);
    await page.addInitScript(RECORD_LAYOUT_SHIFTS);
    await page.goto(`${harness.examplesUrl}brand-catalog/theme.html`);
    const card = page.locator('vitrine-catalog vitrine-product-card:not([skeleton])').first();
    await card.waitFor();
    await page.locator('vitrine-video [part~="play-button"]').waitFor();
    await imagesDecoded(page);
    // 14em wide with 0.9375em titles, in the browser's 16px rather than the theme's 10px rem.
    const size = await card.evaluate((element) => [element.getBoundingClientRect().width, getComputedStyle(element.shadowRoot!.querySelector('[part~="title"]')!).fontSize]);
    assert.deepEqual(size, [224, '15px']);
    await page.waitForTimeout(500);
    assert.equal(await page.evaluate(() => (window as unknown as { __cls: number }).__cls), 0);
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('shifts nothing even when vitrine.js and the feed arrive late', async () => {
    const context = await harness.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.addInitScript(RECORD_LAYOUT_SHIFTS);
    const late = (ms: number) => async (route: import('playwright-core').Route) => {
      await new Promise((resolve) => setTimeout(resolve, ms));
      await route.continue();
    };
    await page.route('**/dist/vitrine.js', late(700));
    await page.route('**/feeds/demo-catalog.json', late(700));
    await page.goto(`${harness.examplesUrl}brand-catalog/`);
    // The page has painted its text long before the widget's code arrives.
    await page.locator('vitrine-catalog vitrine-product-card:not([skeleton])').first().waitFor();
    await page.waitForTimeout(500);
    assert.equal(await page.evaluate(() => (window as unknown as { __cls: number }).__cls), 0);
    await context.close();
  });

  it('reports the list view and the impressions of cards that were seen', async () => {
    const page = await harness.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${harness.examplesUrl}brand-catalog/`);
    const events = await waitForEvents(harness.collectorUrl, (all) => all.some((e) => e.event === 'Product Viewed') && all.some((e) => e.event === 'Product List Viewed'));
    const viewed = events.filter((e) => e.event === 'Product Viewed').map((e) => e.properties.product_id);
    assert.ok(viewed.includes('linen-shirt'), `first card seen: ${viewed.join(', ')}`);
    // The 12th card is far off to the side of a 1280px viewport: it was never seen, so it never counts.
    assert.ok(!viewed.includes('sunglasses'));
    await page.close();
  });

  it('opens the product page on click and the click still reaches the collector', async () => {
    const page = await harness.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${harness.examplesUrl}brand-catalog/`);
    const card = page.locator('vitrine-catalog vitrine-product-card:not([skeleton])').nth(1);
    await card.waitFor();
    await Promise.all([page.waitForURL(/product\.html\?id=denim-jacket/), card.click()]);
    const events = await waitForEvents(harness.collectorUrl, (all) => all.some((e) => e.event === 'Product Clicked' && e.properties.product_id === 'denim-jacket'));
    const click = events.find((e) => e.event === 'Product Clicked')!;
    assert.equal(click.properties.position, 2);
    assert.equal(click.properties.price_minor, 8900);
    assert.equal(click.properties.currency, 'EUR');
    assert.equal(click.context.page.path, '/examples/brand-catalog/');
    await page.close();
  });

  it('lets the host take over a click: no navigation, its own dialog, the click still counted', async () => {
    const page = await harness.browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems = watchProblems(page);
    await page.goto(`${harness.examplesUrl}brand-catalog/showcase.html`);
    const card = page.locator('vitrine-catalog vitrine-product-card:not([skeleton])').first();
    await card.waitFor();
    // German from the page's lang, cheapest first from sort="price-asc".
    assert.match((await card.locator('[part~="price"]').textContent()) ?? '', /24,00\s€/);
    await card.click();
    await page.locator('#quick-view[open]').waitFor();
    assert.equal(await page.locator('#quick-view-title').textContent(), 'Canvas tote bag');
    assert.match(page.url(), /showcase\.html$/);
    await waitForEvents(harness.collectorUrl, (all) => all.some((e) => e.event === 'Product Clicked' && e.properties.product_id === 'canvas-tote'));
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('survives a second copy of vitrine.js with exactly one warning', async () => {
    const page = await harness.browser.newPage();
    const problems = watchProblems(page);
    const warnings: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'warning') warnings.push(message.text());
    });
    await page.goto(`${harness.examplesUrl}brand-catalog/`);
    await page.locator('vitrine-product-card').first().waitFor();
    await page.evaluate(
      () =>
        new Promise((resolve) => {
          const script = document.createElement('script');
          script.src = '/dist/vitrine.js';
          script.onload = resolve;
          document.head.append(script);
        }),
    );
    assert.deepEqual(warnings.filter((w) => w.startsWith('[vitrine]')).length, 1, warnings.join('\n'));
    assert.match(warnings[0]!, /included more than once/);
    assert.deepEqual(problems, []);
    await page.close();
  });
});
