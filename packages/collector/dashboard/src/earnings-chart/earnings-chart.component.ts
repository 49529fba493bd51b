import { LitElement, html, nothing, svg, type SVGTemplateResult, type TemplateResult } from 'lit';
import { requestCsv } from '../events.js';
import { formatCompactMoney, formatDay, formatMoneyAmount, resolveLocale } from '../format.js';
import { dailyEarnings, type DayEarnings, type Report } from '../report.js';
import { ScrollRegionController, scrollRegion } from '../scroll-region.js';
import { strings, t } from '../strings.js';
import { sharedStyles } from '../styles.js';
import { labelledIndexes, scaleFor } from './chart-scale.js';
import { earningsChartStyles } from './earnings-chart.styles.js';

/** Room around the plot for the money axis (left) and the date labels (bottom), in CSS pixels. */
const MARGIN = { top: 8, right: 4, bottom: 24, left: 52 };
const LABEL_WIDTH = 56;

/**
 * Commission per day as bars: confirmed solid, pending hatched on top, reversals below the zero line. A summary
 * sentence and a table carry the same numbers for anyone who cannot see the bars.
 *
 * @tag vitrine-earnings-chart
 * @fires {CsvRequestDetail} vitrine-csv-request - "Download CSV" pressed, with `dimension: 'days'`.
 */
export class VitrineEarningsChart extends LitElement {
  static override styles = [sharedStyles, earningsChartStyles];
  static override properties = {
    report: { attribute: false },
    currency: { reflect: true },
    loading: { type: Boolean, reflect: true },
    locale: { reflect: true },
  };

  /** A `days` report; days it leaves out count as zero. */
  report?: Report;

  /** The ISO currency whose commission is drawn. */
  currency = '';

  /** Shows the placeholder, exactly as tall as the chart. */
  loading = false;

  locale?: string;

  #size = { width: 0, height: 0 };
  readonly #resizeObserver = new ResizeObserver((entries) => this.#onResize(entries));

  constructor() {
    super();
    new ScrollRegionController(this);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated) this.#observePlot();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#resizeObserver.disconnect();
  }

  protected override firstUpdated(): void {
    this.#observePlot();
  }

  protected override render(): TemplateResult {
    const report = this.loading ? undefined : this.report;
    const days = report && this.currency ? dailyEarnings(report, this.currency) : [];
    const hasEarnings = days.some((day) => day.confirmed !== 0 || day.pending !== 0 || day.reversed !== 0);
    const hasReversals = days.some((day) => day.reversed !== 0);
    return html`
      <section class="card" aria-labelledby="title" aria-busy=${this.loading ? 'true' : 'false'}>
        <div class="card-head">
          <h2 id="title">${strings.chartTitle}</h2>
          ${report ? html`<button class="button" type="button" @click=${this.#onDownload}>${strings.downloadCsv}<span class="visually-hidden">: ${strings.chartTitle}</span></button>` : nothing}
        </div>
        <ul class="legend">
          <li><span class="swatch confirmed" aria-hidden="true"></span>${strings.confirmed}</li>
          <li><span class="swatch pending" aria-hidden="true"></span>${strings.pending}</li>
          ${hasReversals ? html`<li><span class="swatch reversed" aria-hidden="true"></span>${strings.reversed}</li>` : nothing}
        </ul>
        <p class="note summary" id="summary">${report ? this.#summary(report, days, hasEarnings) : html`<span class="bone"></span>`}</p>
        <div class="plot ${this.loading ? 'loading' : ''}">
          ${this.loading
            ? html`<span class="visually-hidden">${strings.loading}</span>`
            : hasEarnings
              ? this.#renderSvg(days)
              : report
                ? html`<p class="empty">${strings.chartEmpty}</p>`
                : nothing}
        </div>
        ${report && hasEarnings ? this.#renderTable(days, hasReversals) : nothing}
      </section>
    `;
  }

  #summary(report: Report, days: DayEarnings[], hasEarnings: boolean): string {
    const locale = resolveLocale(this.locale);
    const from = formatDay(report.from, locale);
    const to = formatDay(report.to, locale, true);
    if (!hasEarnings) return t('chartSummaryEmpty', { from, to });
    const money = (amount: number) => formatMoneyAmount(amount, this.currency, locale);
    const best = days.reduce((a, b) => (b.earnings > a.earnings ? b : a));
    return t('chartSummary', {
      from,
      to,
      total: money(days.reduce((sum, day) => sum + day.earnings, 0)),
      pending: money(days.reduce((sum, day) => sum + day.pending, 0)),
      best: formatDay(best.day, locale),
      bestAmount: money(best.earnings),
    });
  }

  #renderSvg(days: DayEarnings[]): TemplateResult {
    const { width, height } = this.#size;
    // Drawn once the plot has been measured: bars are laid out in real pixels so text is never stretched.
    if (width === 0 || height === 0) return html``;
    const locale = resolveLocale(this.locale);
    const plotWidth = width - MARGIN.left - MARGIN.right;
    const plotHeight = height - MARGIN.top - MARGIN.bottom;
    const net = (day: DayEarnings) => day.confirmed - day.reversed;
    const scale = scaleFor(Math.min(...days.map(net)), Math.max(...days.map((day) => Math.max(net(day), 0) + day.pending)));
    const y = (value: number) => MARGIN.top + ((scale.max - value) / (scale.max - scale.min)) * plotHeight;
    const slot = plotWidth / days.length;
    const gap = slot >= 6 ? slot * 0.2 : slot >= 3 ? 1 : 0;
    const barWidth = Math.max(slot - gap, 1);

    const bar = (day: DayEarnings, index: number): SVGTemplateResult => {
      const x = MARGIN.left + index * slot + gap / 2;
      // The hatch is referenced by attribute: a url(#id) in an adopted stylesheet may not resolve inside a shadow root.
      const rect = (kind: string, from: number, to: number) =>
        from === to
          ? nothing
          : svg`<rect class=${kind} fill=${kind === 'pending' ? 'url(#hatch)' : nothing} x=${x} width=${barWidth} y=${y(Math.max(from, to))} height=${Math.abs(y(from) - y(to))}></rect>`;
      const base = Math.max(net(day), 0);
      return svg`<g><title>${this.#dayLabel(day, locale)}</title>${rect('confirmed', 0, base)}${rect('pending', base, base + day.pending)}${rect('reversed', Math.min(net(day), 0), 0)}</g>`;
    };

    const labels = labelledIndexes(days.length, Math.floor(plotWidth / LABEL_WIDTH));
    return html`<svg
      role="img"
      aria-label=${strings.chartTitle}
      aria-describedby="summary"
      width=${width}
      height=${height}
      viewBox="0 0 ${width} ${height}"
    >
      <defs>
        <pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect class="hatch-ground" width="6" height="6"></rect>
          <line class="hatch-line" x1="1.5" y1="0" x2="1.5" y2="6"></line>
        </pattern>
      </defs>
      ${scale.ticks.map(
        (tick) => svg`<line class="grid ${tick === 0 ? 'zero' : ''}" x1=${MARGIN.left} x2=${width - MARGIN.right} y1=${y(tick)} y2=${y(tick)}></line>
          <text class="axis" x=${MARGIN.left - 6} y=${y(tick)} dy="0.32em" text-anchor="end">${formatCompactMoney(tick, this.currency, locale)}</text>`,
      )}
      ${days.map(bar)}
      ${labels.map((index) => {
        // A label centred under the last bar would run off the right edge: it ends there instead.
        const centre = MARGIN.left + (index + 0.5) * slot;
        const atEdge = centre + LABEL_WIDTH / 2 > width;
        return svg`<text class="axis" x=${atEdge ? width - 1 : centre} y=${height - 6} text-anchor=${atEdge ? 'end' : 'middle'}>${formatDay(days[index]!.day, locale)}</text>`;
      })}
    </svg>`;
  }

  #dayLabel(day: DayEarnings, locale: string): string {
    const money = (amount: number) => formatMoneyAmount(amount, this.currency, locale);
    const parts = [`${formatDay(day.day, locale, true)}: ${money(day.earnings)}`];
    if (day.pending) parts.push(`${strings.pending} ${money(day.pending)}`);
    if (day.reversed) parts.push(`${strings.reversed} ${money(day.reversed)}`);
    return parts.join(' · ');
  }

  #renderTable(days: DayEarnings[], hasReversals: boolean): TemplateResult {
    const locale = resolveLocale(this.locale);
    const money = (amount: number) => formatMoneyAmount(amount, this.currency, locale);
    return html`<details>
      <summary>${strings.chartTable}</summary>
      ${scrollRegion(
        'caption',
        html`<table>
          <caption class="visually-hidden" id="caption">${strings.chartTableCaption}</caption>
          <thead>
            <tr>
              <th scope="col">${strings.day}</th>
              <th scope="col">${strings.confirmed}</th>
              <th scope="col">${strings.pending}</th>
              ${hasReversals ? html`<th scope="col">${strings.reversed}</th>` : nothing}
              <th scope="col">${strings.earnings}</th>
            </tr>
          </thead>
          <tbody>
            ${days.map(
              (day) => html`<tr>
                <th scope="row">${formatDay(day.day, locale, true)}</th>
                <td>${money(day.confirmed)}</td>
                <td>${money(day.pending)}</td>
                ${hasReversals ? html`<td>${money(day.reversed)}</td>` : nothing}
                <td>${money(day.earnings)}</td>
              </tr>`,
            )}
          </tbody>
        </table>`,
      )}
    </details>`;
  }

  #observePlot(): void {
    const plot = this.renderRoot.querySelector('.plot');
    if (plot) this.#resizeObserver.observe(plot);
  }

  #onResize(entries: ResizeObserverEntry[]): void {
    const box = entries[entries.length - 1]?.contentRect;
    if (box) this.#resize(box);
  }

  #resize(box: { width: number; height: number }): void {
    const size = { width: Math.floor(box.width), height: Math.floor(box.height) };
    if (size.width === this.#size.width && size.height === this.#size.height) return;
    this.#size = size;
    this.requestUpdate();
  }

  #onDownload(): void {
    requestCsv(this, 'days');
  }
}
