import { VitrineError } from '../errors.js';
import { readCatalogFeed, type ProductList } from '../model/catalog.js';
import { documentBase, toSafeUrl } from '../model/url.js';
import { applyQuery, pickProducts, type ProductQuery, type ProductSource, type SourceOptions } from './source.js';

/**
 * A catalog published as JSON at a URL. The feed is fetched once and shared by every query;
 * a failed fetch is not cached, so `retry` (a new query) fetches again.
 */
export class JsonFeedSource implements ProductSource {
  readonly url: string;
  private feed: Promise<ProductList> | undefined;

  constructor(url: string, base: string | undefined = documentBase()) {
    const safe = toSafeUrl(url, base);
    if (safe === undefined) {
      throw new VitrineError('invalid-attribute', `src: expected an http(s) URL, got "${String(url).slice(0, 100)}"`, { path: 'src' });
    }
    this.url = safe;
  }

  async list(query?: ProductQuery, options?: SourceOptions): Promise<ProductList> {
    return applyQuery(await this.load(options), query);
  }

  async get(ids: readonly string[], options?: SourceOptions): Promise<ProductList> {
    return pickProducts(await this.load(options), ids);
  }

  private load(options?: SourceOptions): Promise<ProductList> {
    if (!this.feed) {
      this.feed = fetchFeed(this.url, options?.signal);
      this.feed.catch(() => (this.feed = undefined));
    }
    return this.feed;
  }
}

async function fetchFeed(url: string, signal?: AbortSignal): Promise<ProductList> {
  let response: Response;
  try {
    response = await fetch(url, { signal: signal ?? null, credentials: 'omit', headers: { accept: 'application/json' } });
  } catch (cause) {
    if (signal?.aborted) throw cause;
    throw new VitrineError('source-unreachable', `could not reach the product feed at ${url}`, { cause });
  }
  if (!response.ok) {
    throw new VitrineError('source-http-status', `the product feed at ${url} answered ${response.status}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(await response.text());
  } catch (cause) {
    throw new VitrineError('source-not-json', `the product feed at ${url} is not valid JSON`, { cause });
  }
  return readCatalogFeed(data, response.url || url);
}
