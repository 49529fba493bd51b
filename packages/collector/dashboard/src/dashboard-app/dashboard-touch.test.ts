import { aTimeout, expect } from '@open-wc/testing';
import { executeServerCommand, setViewport } from '@web/test-runner-commands';
import { $, DATA, renderDashboard, storeSession, untilLoaded, useDashboardWorker } from '../test/dashboard-page.js';
import { money, report, row } from '../test/fixtures.js';
import { mockCollector } from '../test/mock-collector.js';

/** Swipes a finger from right to left across `element`, as a phone user does to see what is further right. */
async function swipeLeftOver(element: Element): Promise<void> {
  const box = element.getBoundingClientRect();
  const y = Math.round(box.top + Math.min(box.height / 2, 40));
  await executeServerCommand('swipe', { from: [Math.round(box.right - 20), y], to: [Math.round(box.left + 20), y] });
  await aTimeout(300);
}

describe('<vitrine-dashboard> on a phone', () => {
  const worker = useDashboardWorker();

  it('never pans the page sideways, also with rows that had no clicks; a wide table scrolls in its card', async () => {
    storeSession();
    // No clicks: the conversion cell is a dash with its word for screen readers, in the table's last column.
    const quiet = row('autumn-teaser-with-a-long-name', { EUR: money(0) }, { clicks: 0, orders: 0 });
    mockCollector(worker, { ...DATA, reports: { ...DATA.reports, clips: report('clips', [quiet]) } });
    const dashboard = await renderDashboard();
    await untilLoaded(dashboard);
    const clips = $(dashboard, 'vitrine-ranking-table[dimension="clips"]')!.shadowRoot!;
    for (const width of [360, 390]) {
      await setViewport({ width, height: 640 });
      await aTimeout(50);
      expect(document.documentElement.scrollWidth, `${width}px`).to.be.at.most(width);

      await swipeLeftOver($(dashboard, '.totals')!);
      expect(window.scrollX, `the page moved sideways at ${width}px`).to.equal(0);

      const region = clips.querySelector<HTMLElement>('.scroll')!;
      region.scrollIntoView({ block: 'center' });
      await swipeLeftOver(region);
      expect(region.scrollLeft, `the clips table did not scroll at ${width}px`).to.be.above(0);
      expect(window.scrollX, `the page moved sideways at ${width}px`).to.equal(0);
      region.scrollLeft = 0;
    }
  });
});
