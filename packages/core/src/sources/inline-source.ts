import { readCatalogFeed, type ProductList } from '../model/catalog.js';
import { documentBase } from '../model/url.js';
import { applyQuery, pickProducts, type ProductQuery, type ProductSource } from './source.js';

/** Products given as data (a property, a JSON script block): validated once, then queried in memory. */
export class InlineSource implements ProductSource {
  private readonly list_: Promise<ProductList>;

  constructor(data: unknown, base: string | undefined = documentBase()) {
    // Validation errors become a rejected promise so callers handle every source the same way.
    this.list_ = new Promise((resolve) => resolve(readCatalogFeed(data, base)));
  }

  async list(query?: ProductQuery): Promise<ProductList> {
    return applyQuery(await this.list_, query);
  }

  async get(ids: readonly string[]): Promise<ProductList> {
    return pickProducts(await this.list_, ids);
  }
}
