import type { Dimension, ReportRow } from './report-query.js';

const KEY_COLUMN: Record<Dimension, string> = { creators: 'creator', clips: 'clip', products: 'product', days: 'day' };
const MONEY_COLUMNS = [
  ['revenue', 'revenue'],
  ['commission_pending', 'commissionPending'],
  ['commission_confirmed', 'commissionConfirmed'],
  ['commission_reversed', 'commissionReversed'],
] as const;

/**
 * RFC 4180 CSV, one column group per currency (`revenue_EUR`, ...), amounts in major units written from the integers
 * (never through a float), so a spreadsheet sums them exactly.
 */
export function reportCsv(dimension: Dimension, currencies: readonly string[], rows: readonly ReportRow[]): string {
  const header = [KEY_COLUMN[dimension], 'impressions', 'clicks', 'orders', 'conversion_rate'];
  for (const currency of currencies) for (const [name] of MONEY_COLUMNS) header.push(`${name}_${currency}`);
  const lines = [header.join(',')];
  for (const row of rows) {
    const cells = [cell(row.key), String(row.impressions), String(row.clicks), String(row.orders), row.conversionRate === null ? '' : String(row.conversionRate)];
    for (const currency of currencies) {
      const money = row.money[currency];
      for (const [, field] of MONEY_COLUMNS) cells.push(majorUnits(money?.[field] ?? 0, currency));
    }
    lines.push(cells.join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

/**
 * Quotes what needs quoting, and defuses text a spreadsheet would run as a formula (a product id like
 * `=HYPERLINK(...)`) with a leading apostrophe, as OWASP advises for CSV injection. Spreadsheets skip leading
 * whitespace and read full-width signs as their ASCII twins, so those count too.
 */
export function cell(text: string): string {
  const safe = /^\s*[=+\-@＝＋－＠]|^\s/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** 123456 EUR → "1234.56"; -5 JPY → "-5"; 1234 BHD → "1.234". */
export function majorUnits(minor: number, currency: string): string {
  const digits = fractionDigits(currency);
  const sign = minor < 0 ? '-' : '';
  const text = String(Math.abs(minor)).padStart(digits + 1, '0');
  return digits === 0 ? `${sign}${text}` : `${sign}${text.slice(0, -digits)}.${text.slice(-digits)}`;
}

const digitsByCurrency = new Map<string, number>();

function fractionDigits(currency: string): number {
  let digits = digitsByCurrency.get(currency);
  if (digits === undefined) {
    try {
      digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    } catch {
      digits = 2;
    }
    digitsByCurrency.set(currency, digits);
  }
  return digits;
}
