import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { requestCsv } from '../events.js';
import { formatCount, formatMoneyAmount, formatPercent, resolveLocale } from '../format.js';
import { noValue } from '../no-value.js';
import { moneyOf, topRows, type Report, type ReportRow } from '../report.js';
import { ScrollRegionController, scrollRegion } from '../scroll-region.js';
import { strings, type StringKey } from '../strings.js';
import { sharedStyles } from '../styles.js';
import { rankingTableStyles } from './ranking-table.styles.js';

export type RankedDimension = 'creators' | 'clips' | 'products';

/** How many rows a top list shows; the CSV has them all. */
export const TOP_ROWS = 5;

const WORDS: Record<RankedDimension, { title: StringKey; name: StringKey; empty: StringKey }> = {
  creators: { title: 'topCreators', name: 'creator', empty: 'noCreators' },
  clips: { title: 'topClips', name: 'clip', empty: 'noClips' },
  products: { title: 'topProducts', name: 'product', empty: 'noProducts' },
};

/**
 * The best creators, clips or products of a report: earnings net of refunds first, then revenue.
 *
 * @tag vitrine-ranking-table
 * @fires {CsvRequestDetail} vitrine-csv-request - "Download CSV" pressed, with the table's dimension.
 */
export class VitrineRankingTable extends LitElement {
  static override styles = [sharedStyles, rankingTableStyles];
  static override properties = {
    dimension: { reflect: true },
    report: { attribute: false },
    currency: { reflect: true },
    loading: { type: Boolean, reflect: true },
    locale: { reflect: true },
  };

  /** Which list this is; names the heading even before the report arrives. */
  dimension: RankedDimension = 'clips';

  report?: Report;

  currency = '';

  /** Shows placeholder rows, as tall as a full list. */
  loading = false;

  locale?: string;

  constructor() {
    super();
    new ScrollRegionController(this);
  }

  protected override render(): TemplateResult {
    const words = WORDS[this.dimension] ?? WORDS.clips;
    const report = this.loading ? undefined : this.report;
    const rows = report ? topRows(report, this.currency, TOP_ROWS) : [];
    return html`
      <section class="card" aria-labelledby="title" aria-busy=${this.loading ? 'true' : 'false'}>
        <div class="card-head">
          <div>
            <h2 id="title">${strings[words.title]}</h2>
            <p class="note">${strings.rankedBy}</p>
          </div>
          ${report && rows.length > 0
            ? html`<button class="button" type="button" @click=${this.#onDownload}>
                ${strings.downloadCsv}<span class="visually-hidden">: ${strings[words.title]}</span>
              </button>`
            : nothing}
        </div>
        <div class="rows">
          ${this.loading
            ? this.#renderSkeleton()
            : report && rows.length > 0
              ? this.#renderTable(rows, strings[words.name], strings[words.title])
              : report
                ? html`<p class="empty">${strings[words.empty]}</p>`
                : nothing}
        </div>
      </section>
    `;
  }

  #renderTable(rows: ReportRow[], nameHeader: string, caption: string): TemplateResult {
    const locale = resolveLocale(this.locale);
    // Clicks before any sale leave no currency to write money in.
    const money = (amount: number) => (this.currency ? formatMoneyAmount(amount, this.currency, locale) : noValue(strings.none));
    return scrollRegion(
      'caption',
      html`<table>
        <caption class="visually-hidden" id="caption">${caption}, ${strings.rankedBy}</caption>
        <thead>
          <tr>
            <th scope="col">${nameHeader}</th>
            <th scope="col">${strings.confirmed}</th>
            <th scope="col" class="pending">${strings.pending}</th>
            <th scope="col">${strings.revenue}</th>
            <th scope="col">${strings.orders}</th>
            <th scope="col">${strings.conversion}</th>
          </tr>
        </thead>
        <tbody>
          ${rows.map((row) => {
            const totals = moneyOf(row, this.currency);
            const rate = formatPercent(row.conversionRate, locale);
            return html`<tr>
              <th scope="row" class="id"><bdi>${row.key}</bdi></th>
              <td>
                ${money(totals.commissionConfirmed)}
                ${totals.commissionPending ? html`<span class="sub merged">+${money(totals.commissionPending)} ${strings.pending.toLowerCase()}</span>` : nothing}
                ${totals.commissionReversed
                  ? html`<span class="sub"><span aria-hidden="true">−</span><span class="visually-hidden">${strings.less} </span>${money(totals.commissionReversed)} ${strings.refunded}</span>`
                  : nothing}
              </td>
              <td class="pending">${money(totals.commissionPending)}</td>
              <td>${money(totals.revenue)}</td>
              <td>${formatCount(row.orders, locale)}</td>
              <td>${rate ?? noValue(strings.noClicks)}</td>
            </tr>`;
          })}
        </tbody>
      </table>`,
    );
  }

  #renderSkeleton(): TemplateResult {
    return html`<div class="skeleton">
      <span class="visually-hidden">${strings.loading}</span>
      ${Array.from({ length: TOP_ROWS + 1 }, () => html`<span class="bone" aria-hidden="true"></span>`)}
    </div>`;
  }

  #onDownload(): void {
    requestCsv(this, this.dimension);
  }
}
