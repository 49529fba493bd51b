/** The shapes the collector's report and order endpoints answer with, read defensively, and what the page derives. */

export type Dimension = 'creators' | 'clips' | 'products' | 'days';

export interface MoneyTotals {
  revenue: number;
  commissionPending: number;
  commissionConfirmed: number;
  commissionReversed: number;
}

export interface ReportRow {
  key: string;
  impressions: number;
  clicks: number;
  orders: number;
  conversionRate: number | null;
  money: Record<string, MoneyTotals>;
}

export type Scope = { role: 'brand' } | { role: 'creator'; creator: string };

export interface Report {
  site: string;
  dimension: Dimension;
  from: string;
  to: string;
  scope: Scope;
  currencies: string[];
  rows: ReportRow[];
}

export interface Order {
  orderId: string;
  status: 'pending' | 'confirmed';
  currency: string;
  revenue: number;
  commission: number;
  refunded: boolean;
  /** null: an order no creator brought (it earns nothing, but its revenue is the brand's). */
  creatorId: string | null;
  clipId: string | null;
  placedAt: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const CURRENCY = /^[A-Z]{3}$/;
const DIMENSIONS: readonly string[] = ['creators', 'clips', 'products', 'days'];
/** A year and a day: more bars than that would be unreadable, and bounds the loop over a bad range. */
const MAX_DAYS = 366;

export class InvalidData extends Error {
  constructor(path: string, expected: string) {
    super(`${path}: expected ${expected}`);
    this.name = 'InvalidData';
  }
}

type Fields = Record<string, unknown>;

function object(value: unknown, path: string): Fields {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new InvalidData(path, 'an object');
  return value as Fields;
}

function array(value: unknown, path: string): unknown[] {
  if (!Array.isArray(value)) throw new InvalidData(path, 'an array');
  return value;
}

function text(value: unknown, path: string, pattern?: RegExp): string {
  if (typeof value !== 'string' || (pattern && !pattern.test(value))) throw new InvalidData(path, pattern ? `a string like ${pattern}` : 'a string');
  return value;
}

function nullableText(value: unknown, path: string): string | null {
  return value === null || value === undefined ? null : text(value, path);
}

function integer(value: unknown, path: string): number {
  if (!Number.isSafeInteger(value)) throw new InvalidData(path, 'an integer');
  return value as number;
}

function readMoneyTotals(value: unknown, path: string): MoneyTotals {
  const fields = object(value, path);
  return {
    revenue: integer(fields.revenue, `${path}.revenue`),
    commissionPending: integer(fields.commissionPending, `${path}.commissionPending`),
    commissionConfirmed: integer(fields.commissionConfirmed, `${path}.commissionConfirmed`),
    commissionReversed: integer(fields.commissionReversed, `${path}.commissionReversed`),
  };
}

function readRow(value: unknown, path: string): ReportRow {
  const fields = object(value, path);
  const money: Record<string, MoneyTotals> = {};
  for (const [currency, totals] of Object.entries(object(fields.money, `${path}.money`))) {
    money[text(currency, `${path}.money key`, CURRENCY)] = readMoneyTotals(totals, `${path}.money.${currency}`);
  }
  const rate = fields.conversionRate ?? null;
  if (rate !== null && (typeof rate !== 'number' || !Number.isFinite(rate))) throw new InvalidData(`${path}.conversionRate`, 'a number or null');
  return {
    key: text(fields.key, `${path}.key`),
    impressions: integer(fields.impressions ?? 0, `${path}.impressions`),
    clicks: integer(fields.clicks, `${path}.clicks`),
    orders: integer(fields.orders, `${path}.orders`),
    conversionRate: rate,
    money,
  };
}

function readScope(value: unknown): Scope {
  const fields = object(value, 'scope');
  if (fields.role === 'creator') return { role: 'creator', creator: text(fields.creator, 'scope.creator') };
  if (fields.role === 'brand') return { role: 'brand' };
  throw new InvalidData('scope.role', '"brand" or "creator"');
}

export function readReport(json: unknown): Report {
  const fields = object(json, 'report');
  const dimension = text(fields.dimension, 'dimension');
  if (!DIMENSIONS.includes(dimension)) throw new InvalidData('dimension', DIMENSIONS.join(', '));
  return {
    site: text(fields.site, 'site'),
    dimension: dimension as Dimension,
    from: text(fields.from, 'from', DAY),
    to: text(fields.to, 'to', DAY),
    scope: readScope(fields.scope),
    currencies: array(fields.currencies, 'currencies').map((currency, i) => text(currency, `currencies[${i}]`, CURRENCY)),
    rows: array(fields.rows, 'rows').map((row, i) => readRow(row, `rows[${i}]`)),
  };
}

export function readOrders(json: unknown): Order[] {
  return array(object(json, 'answer').orders, 'orders').map((value, i) => {
    const path = `orders[${i}]`;
    const fields = object(value, path);
    const status = fields.status;
    if (status !== 'pending' && status !== 'confirmed') throw new InvalidData(`${path}.status`, '"pending" or "confirmed"');
    return {
      orderId: text(fields.orderId, `${path}.orderId`),
      status,
      currency: text(fields.currency, `${path}.currency`, CURRENCY),
      revenue: integer(fields.revenue, `${path}.revenue`),
      commission: integer(fields.commission, `${path}.commission`),
      refunded: fields.refunded === true,
      creatorId: nullableText(fields.creatorId, `${path}.creatorId`),
      clipId: nullableText(fields.clipId, `${path}.clipId`),
      placedAt: text(fields.placedAt, `${path}.placedAt`),
    };
  });
}

// Derived views.

const NO_MONEY: MoneyTotals = { revenue: 0, commissionPending: 0, commissionConfirmed: 0, commissionReversed: 0 };

export function moneyOf(row: ReportRow, currency: string): MoneyTotals {
  return row.money[currency] ?? NO_MONEY;
}

/** What a creator has earned: confirmed and pending commission, less what refunds took back. */
export function earningsOf(money: MoneyTotals): number {
  return money.commissionConfirmed + money.commissionPending - money.commissionReversed;
}

export interface DayEarnings {
  day: string;
  confirmed: number;
  pending: number;
  reversed: number;
  earnings: number;
}

/** Every UTC day from `from` to `to`, both included; at most MAX_DAYS. */
export function eachDay(from: string, to: string): string[] {
  const days: string[] = [];
  const end = Date.parse(`${to}T00:00:00Z`);
  for (let time = Date.parse(`${from}T00:00:00Z`); time <= end && days.length < MAX_DAYS; time += 86_400_000) {
    days.push(new Date(time).toISOString().slice(0, 10));
  }
  return days;
}

/** One entry per day of the report's range; the days the collector left out (no data) are zero. */
export function dailyEarnings(report: Report, currency: string): DayEarnings[] {
  const byDay = new Map(report.rows.map((row) => [row.key, moneyOf(row, currency)]));
  return eachDay(report.from, report.to).map((day) => {
    const money = byDay.get(day) ?? NO_MONEY;
    return {
      day,
      confirmed: money.commissionConfirmed,
      pending: money.commissionPending,
      reversed: money.commissionReversed,
      earnings: earningsOf(money),
    };
  });
}

/**
 * The best rows first: by what they earned net of refunds (as the Earnings total counts), then revenue, then key so
 * that equal rows keep a stable order.
 */
export function topRows(report: Report, currency: string, limit: number): ReportRow[] {
  return report.rows
    .map((row) => ({ row, money: moneyOf(row, currency) }))
    .sort((a, b) => earningsOf(b.money) - earningsOf(a.money) || b.money.revenue - a.money.revenue || (a.row.key < b.row.key ? -1 : 1))
    .slice(0, limit)
    .map(({ row }) => row);
}

export interface Totals extends MoneyTotals {
  earnings: number;
  orders: number;
  clicks: number;
  conversionRate: number | null;
  /** The report has sales in several currencies: orders and conversion count them all, the money only one. */
  mixedCurrencies: boolean;
}

export function totalsOf(report: Report, currency: string): Totals {
  const totals: Totals = { ...NO_MONEY, earnings: 0, orders: 0, clicks: 0, conversionRate: null, mixedCurrencies: report.currencies.length > 1 };
  for (const row of report.rows) {
    const money = moneyOf(row, currency);
    totals.revenue += money.revenue;
    totals.commissionPending += money.commissionPending;
    totals.commissionConfirmed += money.commissionConfirmed;
    totals.commissionReversed += money.commissionReversed;
    totals.orders += row.orders;
    totals.clicks += row.clicks;
  }
  totals.earnings = earningsOf(totals);
  totals.conversionRate = totals.clicks > 0 ? totals.orders / totals.clicks : null;
  return totals;
}

/**
 * The currency to show first. The report counts orders across currencies, so the newest orders placed in the period
 * tell which currency most were paid in; without any, the one most rows have revenue in; on a tie, the first.
 */
export function mainCurrency(report: Report, orders: Order[]): string {
  const inPeriod = (order: Order) => order.placedAt.slice(0, 10) >= report.from && order.placedAt.slice(0, 10) <= report.to;
  const ordersIn = (currency: string) => orders.filter((order) => order.currency === currency && inPeriod(order)).length;
  const rowsWithRevenue = (currency: string) => report.rows.filter((row) => moneyOf(row, currency).revenue > 0).length;
  const better = (a: string, b: string) => ordersIn(a) - ordersIn(b) || rowsWithRevenue(a) - rowsWithRevenue(b);
  return report.currencies.reduce((best, currency) => (better(currency, best) > 0 ? currency : best), report.currencies[0] ?? '');
}

export interface DayRange {
  from: string;
  to: string;
}

/** The last `days` UTC days, today included, as the collector counts them. */
export function lastDays(days: number, now = new Date()): DayRange {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const iso = (time: number) => new Date(time).toISOString().slice(0, 10);
  return { from: iso(today - (days - 1) * 86_400_000), to: iso(today) };
}
