import { expect, fixture, html } from '@open-wc/testing';
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

const ORDERS = [
  order({ orderId: 'o-1003', status: 'confirmed', revenue: 12900, commission: 1290, placedAt: '2026-11-21T18:30:00.000Z' }),
  order({ orderId: 'o-1002', status: 'confirmed', refunded: true, revenue: 2000, commission: 200, clipId: null, currency: 'USD', placedAt: '2026-11-20T11:05:00.000Z' }),
  order({ orderId: 'o-1001' }),
  // Brought by no creator: listed for its revenue, with nothing to pay.
  order({ orderId: 'o-1000', status: 'confirmed', revenue: 3500, commission: 0, creatorId: null, clipId: null, placedAt: '2026-11-19T09:00:00.000Z' }),
];

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

  it('on a phone keeps order, date, status and commission, without overflowing', async () => {
    const element = await renderOrders(ORDERS, { width: '343px' });
    expect(tableRows($(element, 'table'), 'thead')).to.deep.equal([['Order', 'Status', 'Commission']]);
    expect(tableRows($(element, 'table'))[0]).to.deep.equal(['o-1003 21 Nov, 18:30 UTC', 'Confirmed', '€12.90']);
    const card = $(element, '.card')!;
    expect(card.scrollWidth).to.be.at.most(card.clientWidth);
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
