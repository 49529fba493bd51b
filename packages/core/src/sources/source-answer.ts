import { readCatalogFeed, type DataIssue, type ProductList } from '../model/catalog.js';
import { documentBase } from '../model/url.js';

/**
 * What a host's own ProductSource answered, read like a feed: it may answer anything. Bad products and catalog
 * fields are skipped and become issues, after the issues the source reported itself (a report reads only their
 * message and path). An answer without a product list throws `source-invalid-feed`; whether that leaves the widget
 * empty is the caller's call.
 */
export function readSourceAnswer(answer: unknown, base: string | undefined = documentBase()): ProductList {
  const list = answer as Partial<Record<keyof ProductList, unknown>> | null | undefined;
  // Only the catalog's id, brand and title are read: whatever else a spread of a bad catalog brings is ignored.
  const read = readCatalogFeed({ ...(list?.catalog as object), products: list?.products }, base);
  const own = Array.isArray(list?.issues) ? (list.issues as DataIssue[]).filter((issue) => typeof issue?.message === 'string') : [];
  return { ...read, issues: [...own, ...read.issues] };
}
