import type { ProductList } from '../model/catalog.js';
import type { Product } from '../model/product.js';

export type ProductSort = 'featured' | 'price-asc' | 'price-desc' | 'title';

export interface ProductQuery {
  /** Case- and accent-insensitive match on title and brand. */
  search?: string;
  sort?: ProductSort;
  availableOnly?: boolean;
  offset?: number;
  limit?: number;
}

export interface SourceOptions {
  signal?: AbortSignal;
}

/**
 * Where products come from: inline data, a JSON feed, and later a Google Merchant feed or the Shopify Storefront API.
 * A source rejects with a VitrineError; it never throws synchronously.
 */
export interface ProductSource {
  list(query?: ProductQuery, options?: SourceOptions): Promise<ProductList>;
  get(ids: readonly string[], options?: SourceOptions): Promise<ProductList>;
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base' });

/** Orders other than the feed's own (`featured`). */
const COMPARATORS: Partial<Record<ProductSort, (a: Product, b: Product) => number>> = {
  'price-asc': (a, b) => a.price.amount - b.price.amount,
  'price-desc': (a, b) => b.price.amount - a.price.amount,
  title: (a, b) => collator.compare(a.title, b.title),
};

/** Accents and invisible format characters (zero-width spaces, soft hyphens) do not count in a search. */
function normalise(text: string): string {
  return text.normalize('NFD').replace(/[\p{Diacritic}\p{Cf}]/gu, '').toLocaleLowerCase();
}

/** Search, filter, sort and page a product list; shared by every source that holds its products in memory. */
export function applyQuery(list: ProductList, query: ProductQuery = {}): ProductList {
  let products = list.products;
  if (query.availableOnly) products = products.filter((p) => p.availability !== 'out_of_stock');
  const needle = query.search?.trim();
  if (needle) {
    const wanted = normalise(needle);
    products = products.filter((p) => normalise(`${p.title} ${p.brand ?? ''}`).includes(wanted));
  }
  const compare = query.sort && COMPARATORS[query.sort];
  if (compare) products = [...products].sort(compare);
  const offset = Math.max(0, query.offset ?? 0);
  const end = query.limit === undefined ? undefined : offset + Math.max(0, query.limit);
  if (offset > 0 || end !== undefined) products = products.slice(offset, end);
  return { ...list, products };
}

export function pickProducts(list: ProductList, ids: readonly string[]): ProductList {
  const byId = new Map(list.products.map((p) => [p.id, p]));
  return { ...list, products: ids.map((id) => byId.get(id)).filter((p): p is Product => !!p) };
}
