import { invalid, readInteger, readObject, type Json } from './validate.js';

/** An amount in integer minor units (cents) of an ISO 4217 currency. Never a float. */
export interface Money {
  amount: number;
  currency: string;
}

let knownCurrencies: Set<string> | undefined;

function isCurrencyCode(code: string): boolean {
  if (!/^[A-Z]{3}$/.test(code)) return false;
  if (typeof Intl.supportedValuesOf !== 'function') return true;
  knownCurrencies ??= new Set(Intl.supportedValuesOf('currency'));
  return knownCurrencies.has(code);
}

export function readMoney(value: Json, path: string): Money {
  const money = readObject(value, path);
  const amount = readInteger(money.amount, `${path}.amount`);
  const currency = typeof money.currency === 'string' ? money.currency.toUpperCase() : '';
  if (!isCurrencyCode(currency)) throw invalid(`${path}.currency`, 'ISO 4217 code');
  return { amount, currency };
}

/** How many minor units the currency has: 2 for EUR, 0 for JPY, 3 for KWD. */
export function minorUnitDigits(currency: string): number {
  return formatter('en', currency).resolvedOptions().maximumFractionDigits ?? 2;
}

/** The exact decimal string of an amount in major units ("19.99"), built without floating-point division. */
export function toDecimalString(money: Money): string {
  const digits = minorUnitDigits(money.currency);
  const sign = money.amount < 0 ? '-' : '';
  const units = String(Math.abs(money.amount)).padStart(digits + 1, '0');
  if (digits === 0) return sign + units;
  return `${sign}${units.slice(0, -digits)}.${units.slice(-digits)}`;
}

/** Major units as a number, for analytics destinations whose spec asks for one (Segment's `price`). */
export function toMajorUnits(money: Money): number {
  return Number(toDecimalString(money));
}

const formatters = new Map<string, Intl.NumberFormat>();

/** One formatter per locale and currency: making one costs far more than formatting a price with it. */
function formatter(locale: string, currency: string): Intl.NumberFormat {
  const key = `${locale}|${currency}`;
  let made = formatters.get(key);
  if (!made) formatters.set(key, (made = new Intl.NumberFormat(locale, { style: 'currency', currency })));
  return made;
}

export function formatMoney(money: Money, locale: string): string {
  // Intl formats decimal strings exactly, so no float ever stands between the integer and the text.
  return formatter(locale, money.currency).format(toDecimalString(money) as unknown as number);
}
