import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { expectNoAxeViolations } from '../test/axe.js';
import { money, report, row, tableRows, textOf } from '../test/fixtures.js';
import type { Report } from '../report.js';
import './ranking-table.js';
import type { RankedDimension, VitrineRankingTable } from './ranking-table.js';

async function renderTable(dimension: RankedDimension, data: Report | undefined, options: { currency?: string; loading?: boolean; width?: string } = {}): Promise<VitrineRankingTable> {
  const wrapper = await fixture<HTMLElement>(html`<div style="inline-size: ${options.width ?? '44rem'}">
    <vitrine-ranking-table dimension=${dimension} locale="en-GB" currency=${options.currency ?? 'EUR'} .report=${data} ?loading=${options.loading ?? false}></vitrine-ranking-table>
  </div>`);
  const table = wrapper.querySelector('vitrine-ranking-table')!;
  await table.updateComplete;
  return table;
}

const $ = <T extends Element = HTMLElement>(table: VitrineRankingTable, selector: string) => table.shadowRoot!.querySelector<T>(selector);

const CLIPS = report('clips', [
  row('autumn-haul', { EUR: money(1500, 0, 20000) }, { clicks: 40, orders: 4 }),
  row('beach-day', { EUR: money(2500, 100, 30000) }, { clicks: 20, orders: 3 }),
  row('city-walk', { EUR: money(1000, 500, 25000) }, { clicks: 10, orders: 2 }),
  row('desk-setup', { USD: money(9000) }, { clicks: 0, orders: 0 }),
  row('evening-look', { EUR: money(100) }),
  row('forest-run', { EUR: money(50) }),
  row('garden-party', { EUR: money(10) }),
]);

describe('<vitrine-ranking-table>', () => {
  it('lists the top five by earnings, then revenue', async () => {
    const table = await renderTable('clips', CLIPS);
    expect(textOf($(table, 'h2'))).to.equal('Top clips');
    expect(textOf($(table, '.note'))).to.equal('by earnings after refunds, then revenue');
    expect(tableRows($(table, 'table'), 'thead')).to.deep.equal([['Clip', 'Confirmed', 'Pending', 'Revenue', 'Orders', 'Conversion']]);
    expect(tableRows($(table, 'table'))).to.deep.equal([
      ['beach-day', '€25.00', '€1.00', '€300.00', '3', '15%'],
      // The same €15.00 earned, confirmed or pending: more revenue first.
      ['city-walk', '€10.00', '€5.00', '€250.00', '2', '20%'],
      ['autumn-haul', '€15.00', '€0.00', '€200.00', '4', '10%'],
      ['evening-look', '€1.00', '€0.00', '€10.00', '1', '10%'],
      ['forest-run', '€0.50', '€0.00', '€5.00', '1', '10%'],
    ]);
  });

  it('ranks by what a row earned net of refunds, and shows what refunds took back so that the row adds up', async () => {
    const creators = report('creators', [
      // €50.00 confirmed, €40.00 of it refunded: €10.00 earned.
      row('refunded-star', { EUR: money(5000, 0, 10000, 4000) }),
      row('steady-seller', { EUR: money(2000, 0, 20000) }),
    ]);
    const table = await renderTable('creators', creators);
    expect(tableRows($(table, 'table'))).to.deep.equal([
      ['steady-seller', '€20.00', '€0.00', '€200.00', '1', '10%'],
      ['refunded-star', '€50.00 − less €40.00 refunded', '€0.00', '€100.00', '1', '10%'],
    ]);
    // The minus is for the eye; a screen reader says "less".
    const refund = $(table, 'tbody tr:nth-child(2) td .sub')!;
    expect(refund.querySelector('[aria-hidden="true"]')!.textContent).to.equal('−');
    expect(textOf(refund.querySelector('.visually-hidden'))).to.equal('less');
  });

  it('ranks within the chosen currency and says "no clicks" rather than a made-up rate', async () => {
    const table = await renderTable('clips', CLIPS, { currency: 'USD' });
    const first = tableRows($(table, 'table'))[0];
    expect(first).to.deep.equal(['desk-setup', 'US$90.00', 'US$0.00', 'US$900.00', '0', '– no clicks']);
  });

  it('names the list after its dimension', async () => {
    const products = await renderTable('products', report('products', [row('sku-1', { EUR: money(100) })]));
    expect(textOf($(products, 'h2'))).to.equal('Top products');
    expect(tableRows($(products, 'table'), 'thead')[0]![0]).to.equal('Product');
    const creators = await renderTable('creators', report('creators', [row('mia-outdoors', { EUR: money(100) })]));
    expect(textOf($(creators, 'h2'))).to.equal('Top creators');
  });

  it('keeps ids as text, never markup', async () => {
    const table = await renderTable('clips', report('clips', [row('<img src=x onerror="window.hacked=1">', { EUR: money(100) })]));
    expect($(table, 'tbody img')).to.equal(null);
    expect(tableRows($(table, 'table'))[0]![0]).to.equal('<img src=x onerror="window.hacked=1">');
  });

  it('keeps revenue and conversion on a half-width card', async () => {
    const table = await renderTable('clips', CLIPS, { width: '28rem' });
    expect(tableRows($(table, 'table'), 'thead')).to.deep.equal([['Clip', 'Confirmed', 'Pending', 'Revenue', 'Orders', 'Conversion']]);
    expect(tableRows($(table, 'table'))[0]).to.deep.equal(['beach-day', '€25.00', '€1.00', '€300.00', '3', '15%']);
  });

  it('at 320px puts pending under confirmed and scrolls the rest sideways in a focusable region, never the card', async () => {
    const table = await renderTable('clips', CLIPS, { width: '288px' });
    expect(tableRows($(table, 'table'), 'thead')).to.deep.equal([['Clip', 'Confirmed', 'Revenue', 'Orders', 'Conversion']]);
    expect(tableRows($(table, 'table')).slice(0, 3)).to.deep.equal([
      ['beach-day', '€25.00 +€1.00 pending', '€300.00', '3', '15%'],
      ['city-walk', '€10.00 +€5.00 pending', '€250.00', '2', '20%'],
      ['autumn-haul', '€15.00', '€200.00', '4', '10%'],
    ]);
    const card = $(table, '.card')!;
    expect(card.scrollWidth).to.be.at.most(card.clientWidth);
    const region = $(table, '.scroll')!;
    expect(region.scrollWidth).to.be.greaterThan(region.clientWidth);
    await waitUntil(() => region.getAttribute('tabindex') === '0', 'the scrolling region never became focusable');
    expect(region.getAttribute('role')).to.equal('region');
    expect(textOf(table.shadowRoot!.getElementById(region.getAttribute('aria-labelledby')!))).to.equal('Top clips, by earnings after refunds, then revenue');
    await expectNoAxeViolations(table);
  });

  it('isolates ids from events in <bdi>, so a right-to-left override stays inside its cell', async () => {
    const table = await renderTable('clips', report('clips', [row('invoice\u202Efdp.exe', { EUR: money(100) })]));
    expect($(table, 'tbody th bdi')!.textContent).to.equal('invoice\u202Efdp.exe');
  });

  it('says when nothing sold, and offers no empty download', async () => {
    const table = await renderTable('products', report('products', []));
    expect(textOf($(table, '.empty'))).to.equal('No product has sales in this period.');
    expect($(table, 'table')).to.equal(null);
    expect($(table, '.card-head button')).to.equal(null);
    await expectNoAxeViolations(table);
  });

  it('lists clicks before any sale, with no currency to write money in', async () => {
    const clicksOnly = report('clips', [row('autumn-haul', {}, { clicks: 3, orders: 0 })]);
    const table = await renderTable('clips', { ...clicksOnly, currencies: [] }, { currency: '' });
    // The dash is for the eye: a screen reader hears "none", as in the totals.
    expect(tableRows($(table, 'table'))).to.deep.equal([['autumn-haul', '– none', '– none', '– none', '0', '0%']]);
    expect($(table, 'tbody td [aria-hidden="true"]')!.textContent).to.equal('–');
    await expectNoAxeViolations(table);
  });

  it('is as tall loading as with a full list, so the page below does not move', async () => {
    const loading = await renderTable('clips', undefined, { loading: true });
    expect($(loading, 'section')!.getAttribute('aria-busy')).to.equal('true');
    const before = loading.getBoundingClientRect().height;
    loading.loading = false;
    loading.report = CLIPS;
    await loading.updateComplete;
    expect(loading.getBoundingClientRect().height).to.be.closeTo(before, 1);
    await expectNoAxeViolations(loading);
  });

  it('asks for its CSV', async () => {
    const table = await renderTable('products', report('products', [row('sku-1', { EUR: money(100) })]));
    setTimeout(() => $<HTMLButtonElement>(table, '.card-head button')!.click());
    const event = await oneEvent(table, 'vitrine-csv-request');
    expect(event.detail).to.deep.equal({ dimension: 'products' });
  });

  it('passes axe', async () => {
    await expectNoAxeViolations(await renderTable('clips', CLIPS));
  });
});
