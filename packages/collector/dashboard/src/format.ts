import { formatMoney, minorUnitDigits, toDecimalString } from '@vitrine/core';

/** A period with clicks but no sale yet has no currency to write money in. */
const NO_MONEY = '—';

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => T): T {
  let format = cache.get(key) as T | undefined;
  if (!format) cache.set(key, (format = make()));
  return format;
}

/** Integer minor units of an ISO currency as the reader writes money: 1598 EUR → "€15.98" in English. */
export function formatMoneyAmount(amount: number, currency: string, locale: string): string {
  return currency ? formatMoney({ amount, currency }, locale) : NO_MONEY;
}

/**
 * The same text, where a line may break between the currency and the number ("BHD 39.035") but never inside the
 * number: Intl joins them with a no-break space.
 */
export function formatMoneyWrappable(amount: number, currency: string, locale: string): string {
  if (!currency) return NO_MONEY;
  const format = cached(`money|${locale}|${currency}`, () => new Intl.NumberFormat(locale, { style: 'currency', currency }));
  // A decimal string, as formatMoney passes it: Intl formats it exactly.
  const parts = format.formatToParts(toDecimalString({ amount, currency }) as unknown as number);
  const besideCurrency = (i: number) => parts[i - 1]?.type === 'currency' || parts[i + 1]?.type === 'currency';
  return parts.map((part, i) => (part.type === 'literal' && besideCurrency(i) ? part.value.replace(/\s/g, ' ') : part.value)).join('');
}

/** Short money for axis labels: "€1.6K". Floats are fine here: the label is a rounded picture, not a ledger. */
export function formatCompactMoney(amount: number, currency: string, locale: string): string {
  if (!currency) return NO_MONEY;
  const major = amount / 10 ** minorUnitDigits(currency);
  return cached(`compact|${locale}|${currency}`, () => new Intl.NumberFormat(locale, { style: 'currency', currency, notation: 'compact', maximumFractionDigits: 1 })).format(major);
}

/** 0.1429 → "14.3%"; null (no clicks) → undefined, for the caller to say so in words. */
export function formatPercent(rate: number | null, locale: string): string | undefined {
  if (rate === null || !Number.isFinite(rate)) return undefined;
  return cached(`percent|${locale}`, () => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 })).format(rate);
}

export function formatCount(value: number, locale: string): string {
  return cached(`count|${locale}`, () => new Intl.NumberFormat(locale)).format(value);
}

/** A report day ("2026-11-20", a UTC day) as "20 Nov" or, with the year, "20 Nov 2026". */
export function formatDay(day: string, locale: string, withYear = false): string {
  const options: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', timeZone: 'UTC', ...(withYear ? { year: 'numeric' } : {}) };
  return cached(`day|${locale}|${withYear}`, () => new Intl.DateTimeFormat(locale, options)).format(new Date(`${day}T00:00:00Z`));
}

/** An order time in UTC, the clock the report days use, so an order and its day agree; the year unless it is this one. */
export function formatDateTime(iso: string, locale: string, now = new Date()): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const withYear = date.getUTCFullYear() !== now.getUTCFullYear();
  const options: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', timeZone: 'UTC', timeZoneName: 'short' };
  return cached(`time|${locale}|${withYear}`, () => new Intl.DateTimeFormat(locale, withYear ? { ...options, year: 'numeric' } : options)).format(date);
}

/** The element's own locale, else the page's language, else the browser's. */
export function resolveLocale(locale: string | undefined): string {
  const candidate = locale || document.documentElement.lang || navigator.language || 'en';
  try {
    return Intl.getCanonicalLocales(candidate)[0] ?? 'en';
  } catch {
    return 'en';
  }
}
