import type { VideoStrings } from '../video/video.strings.js';

/** Every string a shopper reads, in every shipped language. `{name}` placeholders are filled by `t()`. */
export const en = {
  viewProduct: 'View product',
  soldOut: 'Sold out',
  inStock: 'In stock',
  preorder: 'Pre-order',
  backorder: 'Back-order',
  originalPrice: 'Original price',
  salePrice: 'Sale price',
  previous: 'Previous',
  next: 'Next',
  products: 'Products',
  carousel: 'carousel',
  itemOf: '{position} of {total}',
  loading: 'Loading products…',
  loadError: 'Products could not be loaded.',
  retry: 'Try again',
  empty: 'No products to show yet.',
  noMatches: 'No products match your search.',
  opensInNewTab: '(opens in a new tab)',
};

/** Every key any element reads: the shared table above plus the strings an element carries itself. */
export type Strings = typeof en & VideoStrings;
export type StringKey = keyof Strings;

/** An element's own strings, by language: kept out of this module so other elements' bundles never carry them. */
export type StringTable<T> = Record<string, T>;

export const de: typeof en = {
  viewProduct: 'Zum Produkt',
  soldOut: 'Ausverkauft',
  inStock: 'Auf Lager',
  preorder: 'Vorbestellbar',
  backorder: 'Nachbestellt',
  originalPrice: 'Ursprünglicher Preis',
  salePrice: 'Angebotspreis',
  previous: 'Zurück',
  next: 'Weiter',
  products: 'Produkte',
  carousel: 'Karussell',
  itemOf: '{position} von {total}',
  loading: 'Produkte werden geladen…',
  loadError: 'Die Produkte konnten nicht geladen werden.',
  retry: 'Erneut versuchen',
  empty: 'Noch keine Produkte vorhanden.',
  noMatches: 'Keine Produkte passen zu Ihrer Suche.',
  opensInNewTab: '(öffnet in neuem Tab)',
};

export const builtInStrings: StringTable<typeof en> = { en, de };
