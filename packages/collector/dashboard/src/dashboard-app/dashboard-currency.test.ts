import { expect } from '@open-wc/testing';
import { $, DATA, daysAgo, renderDashboard, reportsFor, storeSession, untilLoaded, useDashboardWorker } from '../test/dashboard-page.js';
import { money, order, report, row, textOf } from '../test/fixtures.js';
import { mockCollector } from '../test/mock-collector.js';
import type { VitrineDashboard } from './dashboard-app.js';

const placed = (days: number) => `${daysAgo(days)}T09:00:00.000Z`;
const chosenCurrency = (dashboard: VitrineDashboard) => $<HTMLInputElement>(dashboard, 'input[name="currency"]:checked')?.value;
const totals = (dashboard: VitrineDashboard) => [...dashboard.shadowRoot!.querySelectorAll('.total')].map((total) => [textOf(total.querySelector('dt')), textOf(total.querySelector('dd'))]);

describe('<vitrine-dashboard> currencies', () => {
  const worker = useDashboardWorker();

  it('opens in the currency most of the period’s orders were paid in, not the first in the alphabet', async () => {
    storeSession();
    const orders = [
      order({ orderId: 'o-4', currency: 'EUR', placedAt: placed(1) }),
      order({ orderId: 'o-3', currency: 'BHD', placedAt: placed(2) }),
      order({ orderId: 'o-2', currency: 'EUR', placedAt: placed(3) }),
      order({ orderId: 'o-1', currency: 'EUR', placedAt: placed(4) }),
      // Before the period: not counted.
      order({ orderId: 'o-0', currency: 'USD', placedAt: placed(200) }),
    ];
    mockCollector(worker, { reports: reportsFor(['BHD', 'EUR', 'USD']), orders });
    const dashboard = await renderDashboard();
    await untilLoaded(dashboard);
    expect(chosenCurrency(dashboard)).to.equal('EUR');
    expect(textOf($(dashboard, '[role="status"]'))).to.equal('Showing the last 30 days in EUR.');
    // Money in the chosen currency; the counts cover every currency, and say so.
    expect(totals(dashboard)).to.deep.equal([
      ['Earnings', '€57.94'],
      ['Pending', '€15.98'],
      ['Revenue', '€579.40'],
      ['Orders (all currencies)', '3'],
      ['Conversion (all currencies)', '15%'],
    ]);
  });

  it('without orders in the period, opens in the currency most days have revenue in', async () => {
    storeSession();
    const days = report('days', [row(daysAgo(3), { BHD: money(100), USD: money(100) }), row(daysAgo(2), { USD: money(200) }), row(daysAgo(1), { USD: money(50) })]);
    const orders = [order({ currency: 'BHD', placedAt: placed(120) })];
    mockCollector(worker, { reports: { ...DATA.reports, days }, orders });
    const dashboard = await renderDashboard();
    await untilLoaded(dashboard);
    expect(chosenCurrency(dashboard)).to.equal('USD');
  });
});
