import { randomId } from './random-id.js';

const ANONYMOUS_ID_KEY = 'vitrine:aid';

/** A random id per browser, so attribution can join a click to a later purchase. Nothing else identifies the shopper. */
export function anonymousId(storage: Storage | undefined = safeLocalStorage()): string {
  try {
    const stored = storage?.getItem(ANONYMOUS_ID_KEY);
    if (stored) return stored;
    const id = randomId();
    storage?.setItem(ANONYMOUS_ID_KEY, id);
    return id;
  } catch {
    return randomId();
  }
}

function safeLocalStorage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    // Access throws when storage is blocked (sandboxed iframes, some privacy settings).
    return undefined;
  }
}
