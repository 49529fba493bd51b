import { InlineSource, JsonFeedSource, VitrineError, isVitrineError, type DataIssue, type ProductSort, type ProductSource } from '@vitrine/core';

export const SORTS: readonly ProductSort[] = ['featured', 'price-asc', 'price-desc', 'title'];

export interface ResolvedSource {
  source?: ProductSource;
  /** A `src` that can never load (`javascript:`, malformed): the catalog shows its error at once. */
  error?: VitrineError;
  /** The feed's absolute URL, the list id of last resort. */
  url?: string;
}

/** The host's `source` wins over inline `products`, which win over `src`. */
export function resolveSource(source: ProductSource | undefined, products: unknown, src: string | undefined): ResolvedSource {
  if (source) return { source };
  if (products != null) return { source: new InlineSource(products) };
  if (!src?.trim()) return {};
  try {
    const feed = new JsonFeedSource(src);
    return { source: feed, url: feed.url };
  } catch (error) {
    return { error: asFatal(error) };
  }
}

/** Whatever a source rejected with, as the fatal error the catalog reports: nothing could be shown. */
export function asFatal(error: unknown): VitrineError {
  if (isVitrineError(error)) {
    if (error.fatal) return error;
    return new VitrineError(error.code, error.message, { path: error.path, cause: error });
  }
  return new VitrineError('source-unreachable', `the product source failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
}

/** The non-fatal report for a feed that rendered but skipped some products; it names the first bad field. */
export function issuesError(issues: readonly DataIssue[], fatal: boolean): VitrineError {
  const first = issues[0]!;
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
  return new VitrineError('invalid-data', `${first.message}${more}`, { path: first.path, fatal });
}

export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

export function parseSort(value: string | undefined): ProductSort | undefined {
  return SORTS.includes(value as ProductSort) ? (value as ProductSort) : undefined;
}
