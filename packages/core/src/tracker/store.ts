import { logOnce } from '../log.js';

/** What the tracker needs of Web Storage. Keys are listed with `Object.keys`, as Web Storage enumerates its items. */
export type Store = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/**
 * Web Storage's methods over the object's own properties, so `Object.keys` lists what it holds as it does for
 * localStorage. Events wait here while consent is pending or when the browser refuses storage.
 */
export class MemoryStorage implements Store {
  [key: string]: unknown;

  getItem(key: string): string | null {
    return (this[key] as string | undefined) ?? null;
  }

  setItem(key: string, value: string): void {
    this[key] = value;
  }

  removeItem(key: string): void {
    delete this[key];
  }
}

export function storageRefused(): void {
  logOnce('warn', 'this browser refuses storage: what Vitrine records is kept for this page only.');
}

/** localStorage, or null where reading it throws (sandboxed iframes, storage blocked by the shopper). */
export function defaultStorage(): Storage | null {
  try {
    return localStorage;
  } catch {
    storageRefused();
    return null;
  }
}
