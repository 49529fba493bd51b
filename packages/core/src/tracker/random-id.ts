/**
 * A v4 UUID where `crypto.randomUUID` exists (secure contexts). On a plain-http page it does not, and 128 random bits
 * as 32 hex digits serve as well: ids only need to be unique and URL-safe.
 */
export function randomId(): string {
  if ((crypto as Partial<Crypto>).randomUUID) return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => (byte + 256).toString(16).slice(1)).join('');
}
