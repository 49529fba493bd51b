const KEY = 'vitrine:orders';
/** Enough to cover a shopper reloading a few thank-you pages; older ids fall off. */
const REMEMBERED = 20;

/**
 * The order ids this browser has reported, so a reloaded thank-you page does not count a sale twice in destinations
 * that cannot deduplicate (GA4). Memory only until consent allows storage.
 */
export class OrderLog {
  #ids: string[] = [];
  #storage: Storage | null = null;

  constructor(storage: Storage | null) {
    this.persist(storage);
  }

  /** True the first time an order id is seen; remembers it. */
  first(orderId: string): boolean {
    if (this.#ids.includes(orderId)) return false;
    this.#ids = [...this.#ids, orderId].slice(-REMEMBERED);
    this.#write();
    return true;
  }

  persist(storage: Storage | null): void {
    this.#storage = storage;
    try {
      const stored: unknown = JSON.parse(storage?.getItem(KEY) ?? '[]');
      if (Array.isArray(stored)) this.#ids = [...stored.filter((id) => typeof id === 'string'), ...this.#ids].slice(-REMEMBERED);
    } catch {
      // Unreadable: start again.
    }
    if (this.#ids.length > 0) this.#write();
  }

  forget(): void {
    this.#ids = [];
    this.#storage = null;
  }

  #write(): void {
    try {
      this.#storage?.setItem(KEY, JSON.stringify(this.#ids));
    } catch {
      // Full or blocked storage: the ids stay in memory for this page.
    }
  }
}
