// A made-up collector for the dashboard stories: reports for whatever range is asked, or a fixed failure.
import { ApiError, type DashboardApi } from '../packages/collector/dashboard/src/api.js';
import { eachDay, type DayRange, type Dimension, type MoneyTotals, type Order, type Report, type ReportRow } from '../packages/collector/dashboard/src/report.js';
import { strings } from '../packages/collector/dashboard/src/strings.js';

const money = (confirmed: number, pending = 0, reversed = 0): MoneyTotals => ({
  revenue: (confirmed + pending) * 10,
  commissionConfirmed: confirmed,
  commissionPending: pending,
  commissionReversed: reversed,
});

/** Best first, except that refunds took back much of the second's commission: it ranks below the third. */
function ranked(keys: string[]): ReportRow[] {
  return keys.map((key, i) => ({
    key,
    impressions: 1200 - i * 150,
    clicks: 90 - i * 11,
    orders: 9 - i,
    conversionRate: (9 - i) / (90 - i * 11),
    money: { EUR: money(9000 - i * 1400, 1200 - i * 180, i === 1 ? 2500 : 0), USD: money(3000 - i * 400) },
  }));
}

/** A deterministic wave of daily commission: recent days still pending, one refund, some quiet days. */
function dayRows(range: DayRange): ReportRow[] {
  const days = eachDay(range.from, range.to);
  return days.flatMap((day, i) => {
    if (i % 5 === 3) return [];
    const age = days.length - 1 - i;
    const confirmed = age < 6 ? 0 : 600 + Math.round(900 * (1 + Math.sin(i / 2.5)));
    const pending = age < 6 ? 700 + ((i * 337) % 1200) : 0;
    const clicks = 30 + ((i * 17) % 50);
    return [{ key: day, impressions: clicks * 12, clicks, orders: 3, conversionRate: 3 / clicks, money: { EUR: money(confirmed, pending, age === 9 ? 1400 : 0), USD: money(Math.round(confirmed / 3)) } }];
  });
}

const RANKED: Record<Exclude<Dimension, 'days'>, ReportRow[]> = {
  clips: ranked(['summer-lookbook', 'trail-running-101', 'city-walk-autumn', 'desk-setup-tour', 'rainy-day-layers', 'beach-picnic']),
  products: ranked(['linen-shirt', 'canvas-tote', 'trail-shoe-x2', 'stoneware-mug', 'rain-shell']),
  creators: ranked(['mia-outdoors', 'leo-styles', 'ana-cooks']),
};

export function demoReport(dimension: Dimension, range: DayRange, empty = false): Report {
  const rows = empty ? [] : dimension === 'days' ? dayRows(range) : RANKED[dimension];
  return { site: 'demo', dimension, ...range, scope: { role: 'brand' }, currencies: empty ? [] : ['EUR', 'USD'], rows };
}

export const demoOrders: Order[] = Array.from({ length: 10 }, (_, i) => ({
  orderId: `o-${1010 - i}`,
  status: i < 3 ? 'pending' : 'confirmed',
  currency: 'EUR',
  revenue: 4990 + i * 700,
  commission: 499 + i * 70,
  refunded: i === 4,
  creatorId: i % 2 ? 'leo-styles' : 'mia-outdoors',
  clipId: i % 3 === 2 ? null : 'summer-lookbook',
  placedAt: new Date(Date.UTC(2026, 10, 22, 18) - i * 7 * 3_600_000).toISOString(),
}));

/** The longest ids the collector accepts (64 characters, no break), one of them with a right-to-left override. */
export const longIdOrders: Order[] = [
  { ...demoOrders[0]!, orderId: `o-${'9'.repeat(62)}`, creatorId: `creator-${'x'.repeat(56)}`, clipId: `clip-${'y'.repeat(59)}` },
  { ...demoOrders[1]!, creatorId: 'invoice\u202Efdp.exe' },
  // Last year's order shows its year.
  { ...demoOrders[2]!, placedAt: '2025-10-24T10:00:00.000Z' },
];

export type DemoState = 'data' | 'empty' | 'loading' | 'error' | 'unauthorized';

/** A collector that answers the way `state` says. */
export function demoApi(state: DemoState): DashboardApi {
  const answer = <T>(value: () => T): Promise<T> => {
    if (state === 'loading') return new Promise(() => {});
    if (state === 'error') return Promise.reject(new ApiError('unreachable', strings.unreachable));
    if (state === 'unauthorized') return Promise.reject(new ApiError('unauthorized', strings.unauthorized, 401));
    return Promise.resolve(value());
  };
  return {
    report: (dimension, range) => answer(() => demoReport(dimension, range, state === 'empty')),
    orders: () => answer(() => (state === 'empty' ? [] : demoOrders)),
    csv: () => answer(() => new Blob(['key,orders\nsummer-lookbook,9\n'], { type: 'text/csv' })),
  };
}
