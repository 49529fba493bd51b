// From a creator's link to commission owed: the browser reports the sale, the merchant's server confirms it with a
// signed call (the example script), and the creator's own key reads what they earned.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import { DEMO_BRAND_KEY, realProblems, startHarness, waitForEvents, watchProblems, type Harness } from './harness.js';

const CONFIRM_SCRIPT = fileURLToPath(new URL('../../examples/merchant/confirm-order.mjs', import.meta.url));
const ANA_KEY = 'demo-creator-key-ana-local-use-only';

describe('commission through vitrine.js, the merchant script and the collector', () => {
  let harness: Harness;
  before(async () => {
    harness = await startHarness();
  });
  after(() => harness?.close());

  const api = async (path: string, key: string) => {
    const response = await fetch(`${harness.collectorUrl}${path}`, { headers: { authorization: `Bearer ${key}` } });
    assert.equal(response.status, 200, `${path} answered ${response.status}`);
    return response.json() as Promise<any>;
  };

  it('books a pending sale for the creator, confirms it with the signed example call, and reports it to her', async () => {
    const context = await harness.browser.newContext();
    const page = await context.newPage();
    const problems = watchProblems(page);
    await page.goto(`${harness.examplesUrl}checkout/?vt_c=ana&vt_k=summer&vt_id=click-commission-1`);
    await waitForEvents(harness.collectorUrl, (events) => events.some((e) => e.properties.click_id === 'click-commission-1'));
    const delivered = () => page.waitForFunction(() => (window as unknown as { Vitrine: { stats(): { queued: number } } }).Vitrine.stats().queued === 0);
    await delivered();
    await page.goto(`${harness.examplesUrl}checkout/thank-you.html`);
    const orderId = (await page.locator('#order-id').textContent())!;
    await waitForEvents(harness.collectorUrl, (events) => events.some((e) => e.event === 'Order Completed' && e.properties.order_id === orderId));
    await delivered();
    await context.close();
    assert.deepEqual(realProblems(problems), []);

    // linen-shirt has its own rule in examples/collector.config.json: 15% of 49.00 EUR.
    const pending = (await api('/v1/orders?site=demo', DEMO_BRAND_KEY)).orders.find((order: { orderId: string }) => order.orderId === orderId);
    assert.deepEqual(pending, {
      orderId, status: 'pending', currency: 'EUR', revenue: 4900, commission: 735, refunded: false,
      creatorId: 'ana', clipId: 'summer', placedAt: pending.placedAt,
    });

    const { stdout } = await promisify(execFile)(process.execPath, [CONFIRM_SCRIPT, orderId, harness.collectorUrl]);
    assert.match(stdout, /^200 \{/);
    assert.match(stdout, /status: 'confirmed'/);

    const today = new Date().toISOString().slice(0, 10);
    const report = await api(`/v1/reports/creators?site=demo&from=${today}&to=${today}`, ANA_KEY);
    assert.deepEqual(report.scope, { role: 'creator', creator: 'ana' });
    assert.deepEqual(report.rows.map((row: { key: string }) => row.key), ['ana'], 'her key sees only her own row');
    const [ana] = report.rows;
    assert.equal(ana.orders, 1);
    assert.ok(ana.clicks >= 1, 'the link she shared counts as a click');
    assert.deepEqual(ana.money.EUR, { revenue: 4900, commissionPending: 0, commissionConfirmed: 735, commissionReversed: 0 });

    const again = await promisify(execFile)(process.execPath, [CONFIRM_SCRIPT, orderId, harness.collectorUrl]);
    assert.match(again.stdout, /duplicate: true/, 'a second confirmation changes nothing');

    // She signs in to the dashboard, served by the collector under its strict CSP, by keyboard.
    const dashboardContext = await harness.browser.newContext();
    const dashboard = await dashboardContext.newPage();
    const dashboardProblems = watchProblems(dashboard);
    await dashboard.goto(`${harness.collectorUrl}/dashboard`);
    await dashboard.getByLabel('Site').fill('demo');
    await dashboard.getByLabel('API key').fill(ANA_KEY);
    await dashboard.getByLabel('API key').press('Enter');
    await dashboard.getByText('Creator view').first().waitFor();
    await dashboard.getByText(orderId).first().waitFor();
    assert.ok(await dashboard.getByText('€7.35').first().isVisible(), 'her commission on the order is shown');
    await dashboardContext.close();
    assert.deepEqual(dashboardProblems, []);
  });
});
