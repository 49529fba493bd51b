import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { VitrineRankingTable } from '../ranking-table/ranking-table.js';
import { lastDays } from '../report.js';
import { $, DATA, describeFocus, renderDashboard, reportsFor, storeSession, untilLoaded, useDashboardWorker } from '../test/dashboard-page.js';
import { tableRows, textOf } from '../test/fixtures.js';
import { mockCollector, type MockCollector } from '../test/mock-collector.js';

describe('<vitrine-dashboard> keyboard', () => {
  const worker = useDashboardWorker();
  let collector: MockCollector;

  it('tabs through sign out, period, currency and the downloads in reading order', async () => {
    storeSession();
    mockCollector(worker, { ...DATA, reports: reportsFor(['EUR', 'USD']) });
    const dashboard = await renderDashboard();
    await untilLoaded(dashboard);
    $<HTMLButtonElement>(dashboard, '.top button')!.focus();
    const order = [describeFocus()];
    for (let i = 0; i < 7; i += 1) {
      await sendKeys({ press: 'Tab' });
      order.push(describeFocus());
    }
    expect(order).to.deep.equal([
      'button Sign out',
      'radio 30',
      'radio EUR',
      'button Download CSV: Earnings per day',
      'summary Show as a table',
      'button Download CSV: Top clips',
      'button Download CSV: Top products',
      'button Download CSV: Top creators',
    ]);
  });

  it('changes the period with the arrow keys and asks for the new range', async () => {
    storeSession();
    collector = mockCollector(worker, DATA);
    const dashboard = await renderDashboard();
    await untilLoaded(dashboard);
    $<HTMLInputElement>(dashboard, 'input[name="period"][value="30"]')!.focus();
    collector.requests.length = 0;
    await sendKeys({ press: 'ArrowRight' });
    expect($<HTMLInputElement>(dashboard, 'input[name="period"][value="90"]')!.checked).to.equal(true);
    await untilLoaded(dashboard);
    const days = collector.requests.map((request) => new URL(request.url)).find((url) => url.pathname === '/v1/reports/days')!;
    expect(days.searchParams.get('from')).to.equal(lastDays(90).from);
    expect(textOf($(dashboard, '[role="status"]'))).to.equal('Showing the last 90 days in EUR.');
  });

  it('offers a currency picker only when there are several currencies, and switches every number', async () => {
    storeSession();
    mockCollector(worker, { ...DATA, reports: reportsFor(['EUR', 'USD']) });
    const dashboard = await renderDashboard();
    await untilLoaded(dashboard);
    const legend = [...dashboard.shadowRoot!.querySelectorAll('legend')].map(textOf);
    expect(legend).to.deep.equal(['Period', 'Currency']);
    $<HTMLInputElement>(dashboard, 'input[name="currency"][value="EUR"]')!.focus();
    await sendKeys({ press: 'ArrowRight' });
    await dashboard.updateComplete;
    expect(textOf($(dashboard, '.total dd'))).to.equal('US$57.94');
    const clips = $<VitrineRankingTable>(dashboard, 'vitrine-ranking-table[dimension="clips"]')!;
    await clips.updateComplete;
    expect(tableRows(clips.shadowRoot!.querySelector('table'))[0]![1]).to.equal('US$31.96');
    expect(textOf($(dashboard, '[role="status"]'))).to.equal('Showing the last 30 days in USD.');

    worker.resetHandlers();
    mockCollector(worker, DATA);
    $<HTMLInputElement>(dashboard, 'input[name="period"][value="7"]')!.click();
    await untilLoaded(dashboard);
    expect([...dashboard.shadowRoot!.querySelectorAll('legend')].map(textOf)).to.deep.equal(['Period']);
    // The chosen currency is gone from the new period: the page falls back to the one there is.
    expect(textOf($(dashboard, '.total dd'))).to.equal('€28.97');
  });

  it('shows a visible focus ring on the segmented choices', async () => {
    storeSession();
    mockCollector(worker, DATA);
    const dashboard = await renderDashboard();
    await untilLoaded(dashboard);
    $<HTMLButtonElement>(dashboard, '.top button')!.focus();
    await sendKeys({ press: 'Tab' });
    const label = $(dashboard, 'input[name="period"][value="30"]')!.closest('label')!;
    expect(getComputedStyle(label).outlineStyle).to.equal('solid');
  });
});
