import { aTimeout, expect } from '@open-wc/testing';
import { emulateMedia, setViewport } from '@web/test-runner-commands';
import { expectNoAxeViolations } from '../test/axe.js';
import { $, DATA, daysAgo, renderDashboard, storeSession, untilLoaded, useDashboardWorker } from '../test/dashboard-page.js';
import { money, order, report, row, tableRows } from '../test/fixtures.js';
import { mockCollector, type MockData } from '../test/mock-collector.js';

/** Bahraini dinars have three decimals: the longest amounts a total shows. */
const DINARS: MockData = {
  reports: {
    days: report('days', [row(daysAgo(1), { BHD: money(3000, 903, 39035) })]),
    clips: report('clips', [row('city-walk', { BHD: money(3000, 903, 39035) })]),
    products: report('products', []),
    creators: report('creators', []),
  },
  orders: [order({ currency: 'BHD', revenue: 39035, commission: 3903, placedAt: `${daysAgo(1)}T09:00:00.000Z` })],
};

/** The longest ids the collector accepts: 64 characters without a break. */
const LONG_IDS = order({ orderId: `o-${'9'.repeat(62)}`, creatorId: `creator-${'x'.repeat(56)}`, clipId: `clip-${'y'.repeat(59)}`, placedAt: `${daysAgo(1)}T08:00:00.000Z` });

/** The lines (by their bottom edge) that the characters of `text` from `start` on are drawn across. */
function linesFrom(text: Text, start: number): number {
  const range = document.createRange();
  range.setStart(text, start);
  range.setEnd(text, text.length);
  return new Set([...range.getClientRects()].map((rect) => Math.round(rect.bottom))).size;
}

function textNodeIn(element: Element): Text {
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT, { acceptNode: (node) => (/\d/.test(node.textContent ?? '') ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP) });
  return walker.nextNode() as Text;
}

describe('<vitrine-dashboard> layout', () => {
  const worker = useDashboardWorker();

  it('never breaks a total inside its number, at any screen width', async () => {
    storeSession();
    mockCollector(worker, DINARS);
    const dashboard = await renderDashboard();
    await untilLoaded(dashboard);
    const revenue = dashboard.shadowRoot!.querySelectorAll('.total dd')[2]!;
    expect(textNodeIn(revenue).textContent!.replace(/\s/g, ' ')).to.equal('BHD 39.035');
    for (const width of [320, 360, 400, 480, 560, 640, 720, 800, 960, 1280]) {
      await setViewport({ width, height: 800 });
      await aTimeout(20);
      for (const dd of dashboard.shadowRoot!.querySelectorAll('.total dd')) {
        const text = textNodeIn(dd);
        // From the first digit to the end: the number stays on one line, whatever happens to the currency code.
        expect(linesFrom(text, text.textContent!.search(/\d/)), `${text.textContent} at ${width}px`).to.equal(1);
      }
      expect(document.documentElement.scrollWidth, `${width}px`).to.be.at.most(width);
    }
  });

  it('never scrolls the page sideways: long ids wrap at 640–800px, and at 320px tables keep every column and scroll themselves', async () => {
    storeSession();
    mockCollector(worker, { ...DATA, orders: [LONG_IDS, ...DATA.orders] });
    const dashboard = await renderDashboard();
    await untilLoaded(dashboard);
    const orders = $(dashboard, 'vitrine-recent-orders')!.shadowRoot!;
    const clips = $(dashboard, 'vitrine-ranking-table[dimension="clips"]')!.shadowRoot!;
    for (const width of [800, 720, 640, 320]) {
      await setViewport({ width, height: 800 });
      await aTimeout(50);
      expect(document.documentElement.scrollWidth, `${width}px`).to.be.at.most(width);
      expect(tableRows(orders.querySelector('table'), 'thead')[0], `${width}px`).to.deep.equal(['Order', 'Placed', 'Creator', 'Status', 'Revenue', 'Commission']);
      const region = orders.querySelector<HTMLElement>('.scroll')!;
      // Down to 640px the whole table fits, the ids wrapping in their cells; below, the table scrolls in its region.
      expect(region.scrollWidth > region.clientWidth, `${width}px`).to.equal(width < 640);
      expect(region.getAttribute('tabindex'), `${width}px`).to.equal(width < 640 ? '0' : null);
    }
    // At 320px the pending commission sits under the confirmed one; nothing else is left out.
    expect(tableRows(clips.querySelector('table'), 'thead')[0]).to.deep.equal(['Clip', 'Confirmed', 'Revenue', 'Orders', 'Conversion']);
    await expectNoAxeViolations(dashboard);
  });

  it('keeps the edges of the totals and the cards in forced colours, which drop shadows', async () => {
    await emulateMedia({ forcedColors: 'active' });
    try {
      storeSession();
      mockCollector(worker, DATA);
      const dashboard = await renderDashboard();
      await untilLoaded(dashboard);
      const cards = [
        ...dashboard.shadowRoot!.querySelectorAll('.total'),
        ...[...dashboard.shadowRoot!.querySelectorAll('vitrine-earnings-chart, vitrine-ranking-table, vitrine-recent-orders')].map((element) => element.shadowRoot!.querySelector('.card')!),
      ];
      expect(cards).to.have.length(10);
      for (const card of cards) {
        const style = getComputedStyle(card);
        expect([style.borderTopStyle, style.borderTopWidth], card.className).to.deep.equal(['solid', '1px']);
      }
    } finally {
      await emulateMedia({ forcedColors: 'none' });
    }
  });
});
