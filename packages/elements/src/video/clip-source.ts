import {
  FETCH_TIMEOUT_MS,
  InlineSource,
  JsonFeedSource,
  VitrineError,
  isVitrineError,
  readClip,
  readSourceAnswer,
  type Clip,
  type DataIssue,
  type ProductList,
  type ProductSource,
} from '@vitrine/core';

/**
 * A clip file, validated, with its cues' product ids in the file's order (validation sorts the cues by time) and the
 * optional fields that were dropped as bad.
 */
export interface FetchedClip {
  clip: Clip;
  cueIds: string[];
  issues: DataIssue[];
}

/** The product ids of cues as given, so an error can name a cue by its index. */
export function cueProductIds(cues: unknown): string[] {
  return Array.isArray(cues) ? cues.map((cue) => String((cue as { productId?: unknown } | null)?.productId)) : [];
}

/** Fetches and validates a clip document; URLs inside it are read against the document's own URL. */
export async function fetchClip(url: string, signal: AbortSignal): Promise<FetchedClip> {
  // One signal for the request: the caller moving on, or the clip taking too long.
  const deadline = new AbortController();
  const abandon = () => deadline.abort(signal.reason);
  signal.addEventListener('abort', abandon);
  const timer = setTimeout(
    () => deadline.abort(new VitrineError('clip-unreachable', `the clip at ${url} did not answer within ${FETCH_TIMEOUT_MS / 1000} s`)),
    FETCH_TIMEOUT_MS,
  );
  try {
    return await readClipAt(url, deadline.signal);
  } finally {
    clearTimeout(timer);
    signal.removeEventListener('abort', abandon);
  }
}

async function readClipAt(url: string, signal: AbortSignal): Promise<FetchedClip> {
  let response: Response;
  try {
    response = await fetch(url, { signal, credentials: 'omit', headers: { accept: 'application/json' } });
  } catch (cause) {
    if (signal.aborted) throw signal.reason;
    throw new VitrineError('clip-unreachable', `could not reach the clip at ${url}`, { cause });
  }
  if (!response.ok) throw new VitrineError('clip-unreachable', `the clip at ${url} answered ${response.status}`);
  let data: unknown;
  try {
    data = JSON.parse(await response.text());
  } catch (cause) {
    if (signal.aborted) throw signal.reason;
    throw new VitrineError('invalid-data', `the clip at ${url} is not valid JSON`, { cause });
  }
  const issues: DataIssue[] = [];
  try {
    return { clip: readClip(data, response.url || url, issues), cueIds: cueProductIds((data as { cues?: unknown } | null)?.cues), issues };
  } catch (error) {
    throw asFatal(error, 'invalid-data');
  }
}

/** Whatever went wrong, as the fatal error the player reports: nothing can be shown. */
export function asFatal(error: unknown, fallback: VitrineError['code']): VitrineError {
  return withFatal(error, true, fallback);
}

/** A VitrineError as it is or with `fatal` changed; anything else thrown becomes a `fallback` error. */
function withFatal(error: unknown, fatal: boolean, fallback: VitrineError['code'], prefix = ''): VitrineError {
  if (!isVitrineError(error)) return new VitrineError(fallback, prefix + (error instanceof Error ? error.message : String(error)), { fatal, cause: error });
  if (error.fatal === fatal) return error;
  return new VitrineError(error.code, error.message, { fatal, cause: error, ...(error.path === undefined ? {} : { path: error.path }) });
}

/** Several players on a page usually share one product feed: fetch it once. */
const feeds = new Map<string, JsonFeedSource>();

export interface ClipProducts {
  source: ProductSource | undefined;
  /** Inline products belong to the clip even without a cue; a feed or a host's source is a whole catalog. */
  inline: boolean;
  /** The host's own source, which may answer anything: its answers are read like a feed. */
  host?: boolean;
}

/** The host's `source` wins over its `products`, which win over the clip file's products (inline or a feed URL). */
export function clipProducts(source: ProductSource | undefined, products: unknown, clip: Clip | undefined, clipUrl: string | undefined): ClipProducts {
  if (source) return { source, inline: false, host: true };
  if (products !== undefined && products !== null) return { source: new InlineSource(products), inline: true };
  const fromClip = clip?.products;
  if (Array.isArray(fromClip)) return { source: new InlineSource(fromClip, clipUrl), inline: true };
  if (typeof fromClip === 'string') {
    let feed = feeds.get(fromClip);
    if (!feed) feeds.set(fromClip, (feed = new JsonFeedSource(fromClip)));
    return { source: feed, inline: false };
  }
  return { source: undefined, inline: false };
}

/**
 * Never throws: a source that throws synchronously rejects like any other. A host's answer without a product list
 * rejects too, and the clip plays without tags (productsError).
 */
export async function queryProducts(products: ClipProducts, ids: readonly string[]): Promise<ProductList> {
  const answer: unknown = await (products.inline ? products.source!.list() : products.source!.get(ids));
  return products.host ? readSourceAnswer(answer) : (answer as ProductList);
}

/** The non-fatal report for products that are missing from the video: it still plays, with fewer tags. */
export function productsError(error: unknown): VitrineError {
  return withFatal(error, false, 'source-unreachable', 'the product source failed: ');
}

/** The non-fatal report for a feed that had some products it could not read; it names the first bad field. */
export function issuesError(issues: readonly DataIssue[]): VitrineError {
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
  return new VitrineError('invalid-data', `${issues[0]!.message}${more}`, { path: issues[0]!.path, fatal: false });
}

/** The non-fatal report for cues whose product no source has: the clip plays without their tags. */
export function unknownProductsError(ids: readonly string[], cueIds: readonly string[]): VitrineError {
  const index = cueIds.findIndex((id) => ids.includes(id));
  // A pin from the stream has no index among the cues.
  const path = index >= 0 ? `cues[${index}].productId` : undefined;
  const more = ids.length > 1 ? ` (and ${ids.length - 1} more)` : '';
  const message = `${path ?? "a stream pin's X-PRODUCT-ID"}: expected one of the clip's products, got "${index >= 0 ? cueIds[index] : ids[0]}"${more}`;
  return new VitrineError('invalid-data', message, { fatal: false, ...(path === undefined ? {} : { path }) });
}

export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}
