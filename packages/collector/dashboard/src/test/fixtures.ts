import type { MoneyTotals, Order, Report, ReportRow, Scope } from '../report.js';

export function money(confirmed: number, pending = 0, revenue = (confirmed + pending) * 10, reversed = 0): MoneyTotals {
  return { revenue, commissionPending: pending, commissionConfirmed: confirmed, commissionReversed: reversed };
}

export function row(key: string, perCurrency: Record<string, MoneyTotals>, counts: Partial<Pick<ReportRow, 'clicks' | 'orders' | 'impressions'>> = {}): ReportRow {
  const clicks = counts.clicks ?? 10;
  const orders = counts.orders ?? 1;
  return { key, impressions: counts.impressions ?? 100, clicks, orders, conversionRate: clicks > 0 ? Math.round((orders / clicks) * 10000) / 10000 : null, money: perCurrency };
}

export function report(dimension: Report['dimension'], rows: ReportRow[], overrides: Partial<Report> = {}): Report {
  const currencies = [...new Set(rows.flatMap((entry) => Object.keys(entry.money)))].sort();
  return { site: 'demo', dimension, from: '2026-11-16', to: '2026-11-22', scope: { role: 'brand' } as Scope, currencies, rows, ...overrides };
}

/** A week in EUR with two quiet days the collector leaves out (17 and 19 November). */
export const WEEK = report('days', [
  row('2026-11-16', { EUR: money(500, 0) }),
  row('2026-11-18', { EUR: money(1598, 799) }, { orders: 2, clicks: 14 }),
  row('2026-11-20', { EUR: money(0, 1200) }),
  row('2026-11-21', { EUR: money(300, 0, 3000, 100) }),
  row('2026-11-22', { EUR: money(0, 250) }),
]);

export function order(overrides: Partial<Order> = {}): Order {
  return {
    orderId: 'o-1001',
    status: 'pending',
    currency: 'EUR',
    revenue: 4990,
    commission: 499,
    refunded: false,
    creatorId: 'mia-outdoors',
    clipId: 'summer-lookbook',
    placedAt: '2026-11-20T10:00:00.000Z',
    ...overrides,
  };
}

/** Rendered text with runs of white space folded, as a reader sees it (CSS-hidden parts left out). */
export function textOf(node: Element | null | undefined): string {
  const text = node instanceof HTMLElement ? node.innerText : node?.textContent;
  return text?.replace(/\s+/g, ' ').trim() ?? '';
}

/** Every row of a table as the text of its cells (header cells included), skipping cells hidden by CSS. */
export function tableRows(table: HTMLTableElement | null | undefined, section: 'thead' | 'tbody' = 'tbody'): string[][] {
  return [...(table?.querySelectorAll(`${section} tr`) ?? [])].map((tr) =>
    [...tr.querySelectorAll<HTMLElement>('th, td')].filter((cell) => getComputedStyle(cell).display !== 'none').map((cell) => textOf(cell)),
  );
}
