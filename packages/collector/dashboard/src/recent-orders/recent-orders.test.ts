import { aTimeout, expect, fixture, html, waitUntil } from '@open-wc/testing';
import { expectNoAxeViolations } from '../test/axe.js';
import { order, tableRows, textOf } from '../test/fixtures.js';
import type { Order } from '../report.js';
import './recent-orders.js';
import type { VitrineRecentOrders } from './recent-orders.js';

async function renderOrders(orders: Order[] | undefined, options: { loading?: boolean; width?: string } = {}): Promise<VitrineRecentOrders> {
  const wrapper = await fixture<HTMLElement>(html`<div style="inline-size: ${options.width ?? '60rem'}">
    <vitrine-recent-orders locale="en-GB" .orders=${orders} ?loading=${options.loading ?? false}></vitrine-recent-orders>
  </div>`);
  const element = wrapper.querySelector('vitrine-recent-orders')!;
  await element.updateComplete;
  return element;
}

const $ = <T extends Element = HTMLElement>(element: VitrineRecentOrders, selector: string) => element.shadowRoot!.querySelector<T>(selector);

/** How many lines the text of `element` takes on screen. */
function lines(element: Element | null): number {
  const range = document.createRange();
  range.selectNodeContents(element!);
  return new Set([...range.getClientRects()].map((rect) => Math.round(rect.bottom))).size;
}

// Orders of this year show no year.
const YEAR = new Date().getUTCFullYear();

const ORDERS = [
  order({ orderId: 'o-1003', status: 'confirmed', revenue: 12900, commission: 1290, placedAt: `${YEAR}-11-21T18:30:00.000Z` }),
  order({ orderId: 'o-1002', status: 'confirmed', refunded: true, revenue: 2000, commission: 200, clipId: null, currency: 'USD', placedAt: `${YEAR}-11-20T11:05:00.000Z` }),
  order({ orderId: 'o-1001', placedAt: `${YEAR}-11-20T10:00:00.000Z` }),
  // Brought by no creator: listed for its revenue, with nothing to pay.
  order({ orderId: 'o-1000', status: 'confirmed', revenue: 3500, commission: 0, creatorId: null, clipId: null, placedAt: `${YEAR}-11-19T09:00:00.000Z` }),
];

/** The longest ids the collector accepts: 64 characters without a break. */
const LONG_IDS = order({ orderId: `o-${'9'.repeat(62)}`, creatorId: `creator-${'x'.repeat(56)}`, clipId: `clip-${'y'.repeat(59)}`, placedAt: `${YEAR}-11-22T08:00:00.000Z` });

describe('<vitrine-recent-orders>', () => {
  it('lists orders newest first, with status in words and money in each order’s currency', async () => {
    const element = await renderOrders(ORDERS);
    expect(textOf($(element, 'h2'))).to.equal('Recent orders');
    expect(tableRows($(element, 'table'), 'thead')).to.deep.equal([['Order', 'Placed', 'Creator', 'Status', 'Revenue', 'Commission']]);
    expect(tableRows($(element, 'table'))).to.deep.equal([
      ['o-1003', '21 Nov, 18:30 UTC', 'mia-outdoors summer-lookbook', 'Confirmed', '€129.00', '€12.90'],
      ['o-1002', '20 Nov, 11:05 UTC', 'mia-outdoors link', 'Confirmed refunded', 'US$20.00', 'US$2.00'],
      ['o-1001', '20 Nov, 10:00 UTC', 'mia-outdoors summer-lookbook', 'Pending', '€49.90', '€4.99'],
      ['o-1000', '19 Nov, 09:00 UTC', 'No creator', 'Confirmed', '€35.00', '€0.00'],
    ]);
  });

  it('on a phone keeps every column, the table scrolling sideways in a focusable region named by its caption', async () => {
    const element = await renderOrders(ORDERS, { width: '288px' });
    expect(tableRows($(element, 'table'), 'thead')).to.deep.equal([['Order', 'Placed', 'Creator', 'Status', 'Revenue', 'Commission']]);
    expect(tableRows($(element, 'table'))[0]).to.deep.equal(['o-1003', '21 Nov, 18:30 UTC', 'mia-outdoors summer-lookbook', 'Confirmed', '€129.00', '€12.90']);
    const card = $(element, '.card')!;
    expect(card.scrollWidth).to.be.at.most(card.clientWidth);
    const region = $(element, '.scroll')!;
    expect(region.scrollWidth).to.be.greaterThan(region.clientWidth);
    await waitUntil(() => region.getAttribute('tabindex') === '0', 'the scrolling region never became focusable');
    expect(region.getAttribute('role')).to.equal('region');
    expect(textOf(element.shadowRoot!.getElementById(region.getAttribute('aria-labelledby')!))).to.equal('Recent orders, newest first');
    await expectNoAxeViolations(element);
  });

  it('is no extra tab stop when the table fits', async () => {
    const element = await renderOrders(ORDERS);
    await aTimeout(50);
    expect($(element, '.scroll')!.hasAttribute('tabindex')).to.equal(false);
  });

  it('wraps 64-character ids inside their cells on 640–800px screens, so every column fits', async () => {
    // The card's width on those screens, inside the page's padding.
    for (const width of ['608px', '704px', '768px']) {
      const element = await renderOrders([LONG_IDS, ...ORDERS], { width });
      const region = $(element, '.scroll')!;
      expect(region.scrollWidth, width).to.be.at.most(region.clientWidth);
      const [, , creatorCell, , , commissionCell] = [...element.shadowRoot!.querySelectorAll('tbody tr:first-child > *')];
      expect(creatorCell!.getBoundingClientRect().right, width).to.be.at.most(commissionCell!.getBoundingClientRect().left);
      expect(lines(commissionCell!), width).to.equal(1);
      // A short id keeps its line: the Order column is never squeezed to a few characters.
      expect(lines(element.shadowRoot!.querySelector('tbody tr:nth-child(2) th')), width).to.equal(1);
    }
  });

  it('isolates ids from events, so a right-to-left override in one cannot reorder the text around it', async () => {
    const spoofed = order({ orderId: 'o-\u202E1001', creatorId: 'invoice\u202Efdp.exe', clipId: 'clip\u202Eabc' });
    const element = await renderOrders([spoofed]);
    const isolated = [...element.shadowRoot!.querySelectorAll('tbody bdi')].map((bdi) => bdi.textContent);
    expect(isolated).to.deep.equal(['o-\u202E1001', 'invoice\u202Efdp.exe', 'clip\u202Eabc']);
  });

  it('shows the year of an order placed in another year', async () => {
    const element = await renderOrders([order({ placedAt: `${YEAR - 1}-10-24T10:00:00.000Z` }), order({ placedAt: '9999-12-31T23:59:00.000Z' })]);
    expect(tableRows($(element, 'table')).map((cells) => cells[1])).to.deep.equal([`24 Oct ${YEAR - 1}, 10:00 UTC`, '31 Dec 9999, 23:59 UTC']);
  });

  it('says when there are no orders yet', async () => {
    const element = await renderOrders([]);
    expect(textOf($(element, '.empty'))).to.equal('No orders yet.');
    await expectNoAxeViolations(element);
  });

  it('shows placeholder rows while loading', async () => {
    const element = await renderOrders(undefined, { loading: true });
    expect($(element, 'section')!.getAttribute('aria-busy')).to.equal('true');
    expect(element.shadowRoot!.querySelectorAll('.bone').length).to.equal(6);
    await expectNoAxeViolations(element);
  });

  it('passes axe', async () => {
    await expectNoAxeViolations(await renderOrders(ORDERS));
  });
});
