import { VitrineError } from '../errors.js';
import { readCatalogFeed, type ProductList } from '../model/catalog.js';
import { documentBase, toSafeUrl } from '../model/url.js';
import { applyQuery, pickProducts, type ProductQuery, type ProductSource, type SourceOptions } from './source.js';

/**
 * How long a JSON document Vitrine fetches (a feed, a clip file) may take to arrive in full: one that has not arrived
 * by then never will, and the widget says so rather than load forever.
 */
export const FETCH_TIMEOUT_MS = 15_000;

/** One download of a feed and the callers waiting on it; `ok` once it has loaded, or failed or been given up. */
interface FeedRequest {
  feed: Promise<ProductList>;
  controller: AbortController;
  waiters: number;
  ok?: boolean;
}

/**
 * Feeds on their way, by URL: sources that ask for one while it loads (a page of catalogs on one brand's feed, the
 * players that name it) share its download and its validated products.
 */
const loading = new Map<string, FeedRequest>();

function requestFeed(url: string): FeedRequest {
  const controller = new AbortController();
  const request: FeedRequest = { feed: fetchFeed(url, controller.signal), controller, waiters: 0 };
  loading.set(url, request);
  // A server that never answers fails like one that cannot be reached; aborting a settled fetch does nothing.
  setTimeout(() => controller.abort(unreachable(url)), FETCH_TIMEOUT_MS);
  const settle = (ok: boolean) => {
    // Given up already: the URL may be loading again by now, for other callers.
    if (request.ok !== undefined) return;
    request.ok = ok;
    loading.delete(url);
  };
  request.feed.then(() => settle(true), () => settle(false));
  return request;
}

/**
 * A catalog published as JSON at a URL. The feed is fetched once and shared by every query, and by other sources
 * of the same URL that ask while it loads; a failed fetch is not cached, so `retry` (a new query) fetches again.
 */
export class JsonFeedSource implements ProductSource {
  readonly url: string;
  private request: FeedRequest | undefined;

  constructor(url: string, base: string | undefined = documentBase()) {
    const safe = toSafeUrl(url, base);
    if (safe === undefined) {
      throw new VitrineError('invalid-attribute', `src: expected an http(s) URL, got "${String(url).slice(0, 100)}"`, { path: 'src' });
    }
    this.url = safe;
  }

  async list(query?: ProductQuery, options?: SourceOptions): Promise<ProductList> {
    return applyQuery(await this.load(options?.signal), query);
  }

  async get(ids: readonly string[], options?: SourceOptions): Promise<ProductList> {
    return pickProducts(await this.load(options?.signal), ids);
  }

  /**
   * One fetch serves every caller. A caller's signal abandons only its own wait; the request itself is
   * aborted once every caller waiting on it has given up. A failed fetch is forgotten, so a retry fetches again.
   */
  private load(signal: AbortSignal | undefined): Promise<ProductList> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    if (this.request?.ok === false) this.request = undefined;
    const request = (this.request ??= loading.get(this.url) ?? requestFeed(this.url));
    request.waiters++;
    if (!signal) return request.feed;
    return new Promise((resolve, reject) => {
      const onAbort = () => {
        reject(signal.reason);
        // Nobody waits for it any more: the download stops, and a later caller starts another.
        if (--request.waiters === 0 && request.ok === undefined) {
          request.ok = false;
          loading.delete(this.url);
          request.controller.abort(signal.reason);
        }
      };
      signal.addEventListener('abort', onAbort, { once: true });
      request.feed.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
    });
  }
}

const unreachable = (url: string, cause?: unknown) => new VitrineError('source-unreachable', `could not reach the product feed at ${url}`, { cause });

async function fetchFeed(url: string, signal: AbortSignal): Promise<ProductList> {
  let response: Response;
  let text: string;
  try {
    response = await fetch(url, { signal, credentials: 'omit', headers: { accept: 'application/json' } });
    text = await response.text();
  } catch (cause) {
    throw signal.aborted ? signal.reason : unreachable(url, cause);
  }
  if (!response.ok) {
    throw new VitrineError('source-http-status', `the product feed at ${url} answered ${response.status}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (cause) {
    throw new VitrineError('source-not-json', `the product feed at ${url} is not valid JSON`, { cause });
  }
  return readCatalogFeed(data, response.url || url);
}
