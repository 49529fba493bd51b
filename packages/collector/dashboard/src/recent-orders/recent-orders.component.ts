import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { formatDateTime, formatMoneyAmount, resolveLocale } from '../format.js';
import type { Order } from '../report.js';
import { ScrollRegionController, scrollRegion } from '../scroll-region.js';
import { strings } from '../strings.js';
import { sharedStyles } from '../styles.js';
import { recentOrdersStyles } from './recent-orders.styles.js';

/** Placeholder rows while loading. */
const SKELETON_ROWS = 5;

/**
 * The newest orders, newest first, with their status in words (pending, confirmed, refunded).
 *
 * @tag vitrine-recent-orders
 */
export class VitrineRecentOrders extends LitElement {
  static override styles = [sharedStyles, recentOrdersStyles];
  static override properties = {
    orders: { attribute: false },
    loading: { type: Boolean, reflect: true },
    locale: { reflect: true },
  };

  /** Newest first, as the collector sends them. */
  orders?: Order[];

  loading = false;

  locale?: string;

  constructor() {
    super();
    new ScrollRegionController(this);
  }

  protected override render(): TemplateResult {
    const orders = this.loading ? undefined : this.orders;
    return html`
      <section class="card" aria-labelledby="title" aria-busy=${this.loading ? 'true' : 'false'}>
        <div class="card-head"><h2 id="title">${strings.recentOrders}</h2></div>
        ${this.loading
          ? this.#renderSkeleton()
          : orders && orders.length > 0
            ? this.#renderTable(orders)
            : orders
              ? html`<p class="empty">${strings.noOrders}</p>`
              : nothing}
      </section>
    `;
  }

  #renderTable(orders: Order[]): TemplateResult {
    const locale = resolveLocale(this.locale);
    return scrollRegion(
      'caption',
      html`<table>
        <caption class="visually-hidden" id="caption">${strings.recentOrdersCaption}</caption>
        <thead>
          <tr>
            <th scope="col">${strings.order}</th>
            <th scope="col" class="text">${strings.placed}</th>
            <th scope="col" class="text">${strings.creator}</th>
            <th scope="col" class="text">${strings.status}</th>
            <th scope="col">${strings.revenue}</th>
            <th scope="col">${strings.commission}</th>
          </tr>
        </thead>
        <tbody>
          ${orders.map(
            (order) => html`<tr>
              <th scope="row" class="id"><bdi>${order.orderId}</bdi></th>
              <td class="text">${formatDateTime(order.placedAt, locale)}</td>
              <td class="text id">
                ${order.creatorId === null
                  ? html`<span class="unattributed">${strings.noCreator}</span>`
                  : html`<bdi>${order.creatorId}</bdi><span class="sub">${order.clipId === null ? strings.noClip : html`<bdi>${order.clipId}</bdi>`}</span>`}
              </td>
              <td class="text">
                <span class="status ${order.status}">${order.status === 'confirmed' ? strings.statusConfirmed : strings.statusPending}</span>
                ${order.refunded ? html`<span class="sub refunded">${strings.refunded}</span>` : nothing}
              </td>
              <td>${formatMoneyAmount(order.revenue, order.currency, locale)}</td>
              <td>${formatMoneyAmount(order.commission, order.currency, locale)}</td>
            </tr>`,
          )}
        </tbody>
      </table>`,
    );
  }

  #renderSkeleton(): TemplateResult {
    return html`<div class="skeleton">
      <span class="visually-hidden">${strings.loading}</span>
      ${Array.from({ length: SKELETON_ROWS + 1 }, () => html`<span class="bone" aria-hidden="true"></span>`)}
    </div>`;
  }
}
