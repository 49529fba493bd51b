import type { DashboardApi } from '../api.js';
import type { DayRange, Order, Report } from '../report.js';

/** How many of the newest orders the page lists. */
export const RECENT_ORDERS = 10;

export interface DashboardData {
  range: DayRange;
  days: Report;
  clips: Report;
  products: Report;
  /** Only for a brand's key; a creator sees their own numbers. */
  creators: Report | undefined;
  orders: Order[];
}

/** Everything the page shows for one period, in parallel; the first failure fails the whole. */
export async function loadDashboard(api: DashboardApi, range: DayRange, signal: AbortSignal): Promise<DashboardData> {
  const [days, clips, products, creators, orders] = await Promise.all([
    api.report('days', range, signal),
    api.report('clips', range, signal),
    api.report('products', range, signal),
    // A creator's key may not be allowed the creators list; the page does without it.
    api.report('creators', range, signal).catch(() => undefined),
    api.orders(RECENT_ORDERS, signal),
  ]);
  return { range, days, clips, products, creators: days.scope.role === 'brand' ? creators : undefined, orders };
}

/** No order and no commission in the period (clicks alone are not sales). */
export function hasNoSales(data: DashboardData): boolean {
  return data.days.rows.every((row) => row.orders === 0 && Object.values(row.money).every((money) => Object.values(money).every((amount) => amount === 0)));
}
