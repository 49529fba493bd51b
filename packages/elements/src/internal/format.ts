import { formatMoney, toDecimalString, type Money } from '@vitrine/core';

/** Formats a price for the shopper's locale; a currency Intl does not know falls back to "19.99 XYZ", never a throw. */
export function formatPrice(money: Money, locale: string): string {
  try {
    return formatMoney(money, locale);
  } catch {
    try {
      return `${toDecimalString(money)} ${money.currency}`;
    } catch {
      return '';
    }
  }
}

const numberFormats = new Map<string, Intl.NumberFormat>();

/** "10,000" in English, "10.000" in German: item counts read the way the shopper writes numbers. */
export function formatCount(value: number, locale: string): string {
  let format = numberFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale);
    numberFormats.set(locale, format);
  }
  return format.format(value);
}
