import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { expectNoAxeViolations } from '../test/axe.js';
import { money, report, row, tableRows, textOf, WEEK } from '../test/fixtures.js';
import type { Report } from '../report.js';
import './earnings-chart.js';
import type { VitrineEarningsChart } from './earnings-chart.js';

async function renderChart(data: Report | undefined, options: { currency?: string; loading?: boolean; width?: string } = {}): Promise<VitrineEarningsChart> {
  const chart = await fixture<VitrineEarningsChart>(html`<vitrine-earnings-chart
    style="inline-size: ${options.width ?? '40rem'}"
    locale="en-GB"
    currency=${options.currency ?? 'EUR'}
    .report=${data}
    ?loading=${options.loading ?? false}
  ></vitrine-earnings-chart>`);
  // The bars are drawn in real pixels once the plot has been measured, a frame after the first render.
  if (data && !options.loading && data.rows.length > 0) await waitUntil(() => chart.shadowRoot!.querySelector('svg'), 'the chart was never drawn');
  return chart;
}

const $ = <T extends Element = HTMLElement>(chart: VitrineEarningsChart, selector: string) => chart.shadowRoot!.querySelector<T>(selector);
const $$ = <T extends Element = HTMLElement>(chart: VitrineEarningsChart, selector: string) => [...chart.shadowRoot!.querySelectorAll<T>(selector)];

/** Each bar as its day label and the segments it draws, with heights. */
function bars(chart: VitrineEarningsChart): Array<{ title: string; segments: Record<string, number> }> {
  return $$<SVGGElement>(chart, 'svg > g').map((group) => ({
    title: textOf(group.querySelector('title')),
    segments: Object.fromEntries([...group.querySelectorAll('rect')].map((rect) => [rect.getAttribute('class'), Number(rect.getAttribute('height'))])),
  }));
}

describe('<vitrine-earnings-chart>', () => {
  it('draws one bar per day of the range, the days without data as empty bars', async () => {
    const chart = await renderChart(WEEK);
    const drawn = bars(chart);
    expect(drawn.map((bar) => bar.title)).to.deep.equal([
      '16 Nov 2026: €5.00',
      '17 Nov 2026: €0.00',
      '18 Nov 2026: €23.97 · Pending €7.99',
      '19 Nov 2026: €0.00',
      '20 Nov 2026: €12.00 · Pending €12.00',
      '21 Nov 2026: €2.00 · Reversed €1.00',
      '22 Nov 2026: €2.50 · Pending €2.50',
    ]);
    expect(Object.keys(drawn[1]!.segments)).to.deep.equal([]);
    expect(Object.keys(drawn[2]!.segments)).to.deep.equal(['confirmed', 'pending']);
    expect(Object.keys(drawn[4]!.segments)).to.deep.equal(['pending']);
    // Heights are proportional: the 18th (€23.97) is the tallest, €15.98 confirmed is twice €7.99 pending.
    const heights = drawn.map((bar) => Object.values(bar.segments).reduce((sum, height) => sum + height, 0));
    expect(Math.max(...heights)).to.equal(heights[2]);
    expect(drawn[2]!.segments.confirmed! / drawn[2]!.segments.pending!).to.be.closeTo(2, 0.01);
    expect(heights[0]! / heights[2]!).to.be.closeTo(500 / 2397, 0.01);
  });

  it('hatches pending commission and says so in a legend that is not colour alone', async () => {
    const chart = await renderChart(WEEK);
    const pending = $(chart, 'rect.pending')!;
    expect(pending.getAttribute('fill')).to.equal('url(#hatch)');
    expect($(chart, 'pattern#hatch')).to.not.equal(null);
    expect($$(chart, '.legend li').map(textOf)).to.deep.equal(['Confirmed', 'Pending', 'Reversed']);
    expect(getComputedStyle($(chart, '.swatch.pending')!).backgroundImage).to.contain('repeating-linear-gradient');
  });

  it('sums the period in a sentence the chart is described by', async () => {
    const chart = await renderChart(WEEK);
    const summary = $(chart, '#summary')!;
    expect(textOf(summary)).to.equal('16 Nov to 22 Nov 2026: €45.47 earned, €22.49 of it pending. Best day 18 Nov: €23.97.');
    const svg = $(chart, 'svg')!;
    expect(svg.getAttribute('role')).to.equal('img');
    expect(svg.getAttribute('aria-label')).to.equal('Earnings per day');
    expect(svg.getAttribute('aria-describedby')).to.equal('summary');
  });

  it('has a table with every day for readers who cannot see the bars', async () => {
    const chart = await renderChart(WEEK);
    const details = $<HTMLDetailsElement>(chart, 'details')!;
    expect(textOf(details.querySelector('summary'))).to.equal('Show as a table');
    details.open = true;
    const table = details.querySelector('table');
    expect(tableRows(table, 'thead')).to.deep.equal([['Day', 'Confirmed', 'Pending', 'Reversed', 'Earnings']]);
    const rows = tableRows(table);
    expect(rows).to.have.length(7);
    expect(rows[1]).to.deep.equal(['17 Nov 2026', '€0.00', '€0.00', '€0.00', '€0.00']);
    expect(rows[2]).to.deep.equal(['18 Nov 2026', '€15.98', '€7.99', '€0.00', '€23.97']);
    expect(rows[5]).to.deep.equal(['21 Nov 2026', '€3.00', '€0.00', '€1.00', '€2.00']);
  });

  it('draws a day where refunds took back more than was confirmed below the zero line', async () => {
    const chart = await renderChart(report('days', [row('2026-11-17', { EUR: money(1000) }), row('2026-11-18', { EUR: money(0, 0, 0, 400) })]));
    const zero = Number($(chart, 'line.grid.zero')!.getAttribute('y1'));
    const reversed = $(chart, 'rect.reversed')!;
    expect(Number(reversed.getAttribute('y'))).to.be.closeTo(zero, 0.01);
    expect(Number(reversed.getAttribute('height'))).to.be.greaterThan(0);
    const confirmed = $(chart, 'rect.confirmed')!;
    expect(Number(confirmed.getAttribute('y')) + Number(confirmed.getAttribute('height'))).to.be.closeTo(zero, 0.01);
  });

  it('shows the chosen currency only', async () => {
    const twoCurrencies = report('days', [row('2026-11-18', { EUR: money(1000), USD: money(2500, 500) })]);
    const chart = await renderChart(twoCurrencies, { currency: 'USD' });
    expect(textOf($(chart, '#summary'))).to.equal('16 Nov to 22 Nov 2026: US$30.00 earned, US$5.00 of it pending. Best day 18 Nov: US$30.00.');
  });

  it('says plainly when there is nothing to draw', async () => {
    const chart = await renderChart(report('days', []));
    expect(textOf($(chart, '.plot'))).to.equal('No earnings in this period yet.');
    expect(textOf($(chart, '#summary'))).to.equal('16 Nov to 22 Nov 2026: no earnings.');
    expect($(chart, 'svg')).to.equal(null);
    expect($(chart, 'details')).to.equal(null);
    await expectNoAxeViolations(chart);
  });

  it('keeps the plot where it will be while loading, so nothing moves when the data arrives', async () => {
    const chart = await renderChart(undefined, { loading: true });
    expect($(chart, 'section')!.getAttribute('aria-busy')).to.equal('true');
    expect(textOf($(chart, '.plot'))).to.equal('Loading…');
    const before = $(chart, '.plot')!.getBoundingClientRect();
    chart.loading = false;
    chart.report = WEEK;
    await chart.updateComplete;
    const after = $(chart, '.plot')!.getBoundingClientRect();
    expect([after.top, after.height]).to.deep.equal([before.top, before.height]);
    await expectNoAxeViolations(chart);
  });

  it('asks for the CSV of the days report', async () => {
    const chart = await renderChart(WEEK);
    const button = $<HTMLButtonElement>(chart, '.card-head button')!;
    expect(button.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Download CSV: Earnings per day');
    setTimeout(() => button.click());
    const event = await oneEvent(chart, 'vitrine-csv-request');
    expect(event.detail).to.deep.equal({ dimension: 'days' });
    expect(event.composed).to.equal(true);
  });

  it('at 320px scrolls its table sideways in a focusable region, never the card', async () => {
    const chart = await renderChart(WEEK, { width: '288px' });
    $<HTMLDetailsElement>(chart, 'details')!.open = true;
    const region = $(chart, '.scroll')!;
    expect(region.scrollWidth).to.be.greaterThan(region.clientWidth);
    await waitUntil(() => region.getAttribute('tabindex') === '0', 'the scrolling region never became focusable');
    expect(tableRows(region.querySelector('table'), 'thead')[0]).to.deep.equal(['Day', 'Confirmed', 'Pending', 'Reversed', 'Earnings']);
    expect(textOf(chart.shadowRoot!.getElementById(region.getAttribute('aria-labelledby')!))).to.equal('Earnings per day, one row a day');
    const card = $(chart, '.card')!;
    expect(card.scrollWidth).to.be.at.most(card.clientWidth);
    await expectNoAxeViolations(chart);
  });

  describe('in forced colours (Windows high contrast)', () => {
    afterEach(() => emulateMedia({ forcedColors: 'none' }));

    it('draws legend swatches like the bars, labels in the theme’s text colour, and the card’s edge', async () => {
      await emulateMedia({ forcedColors: 'active' });
      // Confirmed, pending, and a day where refunds took back more than was confirmed.
      const chart = await renderChart(report('days', [row('2026-11-17', { EUR: money(1000, 500) }), row('2026-11-18', { EUR: money(0, 0, 0, 400) })]));
      const style = (selector: string) => getComputedStyle($(chart, selector)!);
      // The theme's text colour on its background: whatever the theme, that pair has its contrast.
      const text = style('.card').color;
      expect(style('.swatch.confirmed').backgroundColor).to.equal(style('rect.confirmed').fill);
      expect(style('.swatch.confirmed').backgroundColor).to.equal(text);
      expect(style('.swatch.pending').backgroundImage).to.contain('repeating-linear-gradient');
      expect(style('.hatch-line').stroke).to.equal(text);
      expect(style('.swatch.reversed').borderTopStyle).to.equal('dashed');
      expect(style('rect.reversed').strokeDasharray).to.not.equal('none');
      expect(style('.swatch.reversed').backgroundColor).to.not.equal(style('.swatch.confirmed').backgroundColor);
      expect(style('text.axis').fill).to.equal(text);
      // Shadows are dropped in forced colours: the card's edge is a border.
      expect([style('.card').borderTopStyle, style('.card').borderTopWidth]).to.deep.equal(['solid', '1px']);
      expect(style('.card').borderTopColor).to.not.be.oneOf(['rgba(0, 0, 0, 0)', style('.card').backgroundColor]);
    });
  });

  it('passes axe with data and with the table open', async () => {
    const chart = await renderChart(WEEK);
    await expectNoAxeViolations(chart);
    $<HTMLDetailsElement>(chart, 'details')!.open = true;
    await expectNoAxeViolations(chart);
  });
});
