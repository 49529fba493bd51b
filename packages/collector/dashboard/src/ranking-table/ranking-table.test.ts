import { expect, fixture, html, oneEvent } from '@open-wc/testing';
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
  row('autumn-haul', { EUR: money(1000, 0, 20000) }, { clicks: 40, orders: 4 }),
  row('beach-day', { EUR: money(2500, 100, 30000) }, { clicks: 20, orders: 3 }),
  row('city-walk', { EUR: money(1000, 500, 25000) }, { clicks: 10, orders: 2 }),
  row('desk-setup', { USD: money(9000) }, { clicks: 0, orders: 0 }),
  row('evening-look', { EUR: money(100) }),
  row('forest-run', { EUR: money(50) }),
  row('garden-party', { EUR: money(10) }),
]);

describe('<vitrine-ranking-table>', () => {
  it('lists the top five by confirmed commission, then revenue', async () => {
    const table = await renderTable('clips', CLIPS);
    expect(textOf($(table, 'h2'))).to.equal('Top clips');
    expect(tableRows($(table, 'table'), 'thead')).to.deep.equal([['Clip', 'Confirmed', 'Pending', 'Revenue', 'Orders', 'Conversion']]);
    expect(tableRows($(table, 'table'))).to.deep.equal([
      ['beach-day', '€25.00', '€1.00', '€300.00', '3', '15%'],
      // Same confirmed commission: more revenue first.
      ['city-walk', '€10.00', '€5.00', '€250.00', '2', '20%'],
      ['autumn-haul', '€10.00', '€0.00', '€200.00', '4', '10%'],
      ['evening-look', '€1.00', '€0.00', '€10.00', '1', '10%'],
      ['forest-run', '€0.50', '€0.00', '€5.00', '1', '10%'],
    ]);
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

  it('drops revenue and conversion on a half-width card', async () => {
    const table = await renderTable('clips', CLIPS, { width: '28rem' });
    expect(tableRows($(table, 'table'), 'thead')).to.deep.equal([['Clip', 'Confirmed', 'Pending', 'Orders']]);
    expect(tableRows($(table, 'table'))[0]).to.deep.equal(['beach-day', '€25.00', '€1.00', '3']);
  });

  it('on a phone puts pending under confirmed, and never overflows the card', async () => {
    const table = await renderTable('clips', CLIPS, { width: '343px' });
    expect(tableRows($(table, 'table'), 'thead')).to.deep.equal([['Clip', 'Confirmed', 'Orders']]);
    expect(tableRows($(table, 'table')).slice(0, 3)).to.deep.equal([
      ['beach-day', '€25.00 +€1.00 pending', '3'],
      ['city-walk', '€10.00 +€5.00 pending', '2'],
      ['autumn-haul', '€10.00', '4'],
    ]);
    const card = $(table, '.card')!;
    expect(card.scrollWidth).to.be.at.most(card.clientWidth);
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
    expect(tableRows($(table, 'table'))).to.deep.equal([['autumn-haul', '—', '—', '—', '0', '0%']]);
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
