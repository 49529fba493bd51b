import { VitrineError, isVitrineError } from '../errors.js';
import { readProduct, type Product } from './product.js';
import { readObject, readOptionalText, type Json } from './validate.js';

export interface CatalogInfo {
  id?: string;
  brand?: string;
  title?: string;
}

/** A product that could not be read: the rest of the feed still renders. */
export interface DataIssue {
  path: string;
  message: string;
}

export interface ProductList {
  catalog: CatalogInfo;
  products: Product[];
  issues: DataIssue[];
}

/**
 * Reads a catalog feed: either `{id?, brand?, title?, products: [...]}` or a bare array of products.
 * Bad products are skipped and reported as issues; only a feed with no product list at all is fatal.
 */
export function readCatalogFeed(value: Json, base?: string): ProductList {
  let rawProducts: unknown;
  const catalog: CatalogInfo = {};
  if (Array.isArray(value)) {
    rawProducts = value;
  } else {
    const input = readFeedObject(value);
    rawProducts = input.products;
    const id = readOptionalText(input.id, 'id', 200);
    const brand = readOptionalText(input.brand, 'brand', 200);
    const title = readOptionalText(input.title, 'title', 300);
    if (id !== undefined) catalog.id = id;
    if (brand !== undefined) catalog.brand = brand;
    if (title !== undefined) catalog.title = title;
  }
  if (!Array.isArray(rawProducts)) {
    throw new VitrineError('source-invalid-feed', 'products: expected an array of products', { path: 'products' });
  }
  return { catalog, ...readProducts(rawProducts, 'products', base) };
}

export function readProducts(values: unknown[], path: string, base?: string): Omit<ProductList, 'catalog'> {
  const products: Product[] = [];
  const issues: DataIssue[] = [];
  const seen = new Set<string>();
  values.forEach((value, index) => {
    const itemPath = `${path}[${index}]`;
    try {
      const product = readProduct(value, itemPath, base);
      if (seen.has(product.id)) {
        issues.push({ path: `${itemPath}.id`, message: `${itemPath}.id: duplicate product id "${product.id}"` });
        return;
      }
      seen.add(product.id);
      products.push(product);
    } catch (error) {
      if (!isVitrineError(error)) throw error;
      issues.push({ path: error.path ?? itemPath, message: error.message });
    }
  });
  return { products, issues };
}

function readFeedObject(value: Json) {
  try {
    return readObject(value, 'feed');
  } catch {
    throw new VitrineError('source-invalid-feed', 'feed: expected an object with a products array, or an array of products', { path: 'feed' });
  }
}
