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
 * Bad products and bad optional fields are skipped and reported as issues; only a feed with no product list is fatal.
 */
export function readCatalogFeed(value: Json, base?: string): ProductList {
  let rawProducts: unknown = value;
  const catalog: CatalogInfo = {};
  const issues: DataIssue[] = [];
  if (!Array.isArray(value)) {
    const input = readFeedObject(value);
    rawProducts = input.products;
    for (const [field, maxLength] of [['id', 200], ['brand', 200], ['title', 300]] as const) {
      collect(issues, field, () => {
        const text = readOptionalText(input[field], field, maxLength);
        if (text) catalog[field] = text;
      });
    }
  }
  if (!Array.isArray(rawProducts)) {
    throw new VitrineError('source-invalid-feed', 'products: expected an array of products', { path: 'products' });
  }
  const read = readProducts(rawProducts, 'products', base);
  read.issues.push(...issues);
  return { catalog, ...read };
}

export function readProducts(values: unknown[], path: string, base?: string): Omit<ProductList, 'catalog'> {
  const products: Product[] = [];
  const issues: DataIssue[] = [];
  const seen = new Set<string>();
  values.forEach((value, index) => {
    const itemPath = `${path}[${index}]`;
    collect(issues, itemPath, () => {
      const product = readProduct(value, itemPath, base);
      if (seen.has(product.id)) throw new VitrineError('invalid-data', `${itemPath}.id: duplicate product id "${product.id}"`, { path: `${itemPath}.id` });
      seen.add(product.id);
      products.push(product);
    });
  });
  return { products, issues };
}

/** Runs `read`; a validation error it throws becomes an issue, so the rest of the feed still renders. */
function collect(issues: DataIssue[], path: string, read: () => void): void {
  try {
    read();
  } catch (error) {
    if (!isVitrineError(error)) throw error;
    issues.push({ path: error.path ?? path, message: error.message });
  }
}

function readFeedObject(value: Json) {
  try {
    return readObject(value, 'feed');
  } catch {
    throw new VitrineError('source-invalid-feed', 'feed: expected an object with a products array, or an array of products', { path: 'feed' });
  }
}
