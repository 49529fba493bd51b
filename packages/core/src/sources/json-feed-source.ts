import { VitrineError } from '../errors.js';
import { readCatalogFeed, type ProductList } from '../model/catalog.js';
import { documentBase, toSafeUrl } from '../model/url.js';
import { applyQuery, pickProducts, type ProductQuery, type ProductSource, type SourceOptions } from './source.js';

/**
 * How long a JSON document Vitrine fetches (a feed, a clip file) may take to arrive in full: one that has not arrived
 * by then never will, and the widget says so rather than load forever.
 */
export const FETCH_TIMEOUT_MS = 15_000;

/**
 * A catalog published as JSON at a URL. The feed is fetched once and shared by every query;
 * a failed fetch is not cached, so `retry` (a new query) fetches again.
 */
export class JsonFeedSource implements ProductSource {
  readonly url: string;
  private feed: Promise<ProductList> | undefined;
  private request: { controller: AbortController; waiters: number; settled: boolean } | undefined;

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
    if (!this.feed) {
      const request = { controller: new AbortController(), waiters: 0, settled: false };
      const feed = fetchFeed(this.url, request.controller.signal);
      // A server that never answers fails like one that cannot be reached; aborting a settled fetch does nothing.
      setTimeout(() => request.controller.abort(unreachable(this.url)), FETCH_TIMEOUT_MS);
      this.feed = feed;
      this.request = request;
      feed.then(
        () => (request.settled = true),
        () => {
          request.settled = true;
          if (this.feed === feed) this.feed = undefined;
        },
      );
    }
    const feed = this.feed;
    const request = this.request!;
    request.waiters++;
    if (!signal) return feed;
    return new Promise((resolve, reject) => {
      const onAbort = () => {
        reject(signal.reason);
        if (--request.waiters === 0 && !request.settled) {
          request.controller.abort(signal.reason);
          if (this.feed === feed) this.feed = undefined;
        }
      };
      signal.addEventListener('abort', onAbort, { once: true });
      feed.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
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
