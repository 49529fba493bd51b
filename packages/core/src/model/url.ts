import { invalid } from './validate.js';

const ALLOWED_PROTOCOLS = new Set(['http:', 'https:']);

/**
 * Resolves `value` against `base` and returns it only if it is http(s). Anything else
 * (`javascript:`, `data:`, `blob:`, malformed) is refused, because it will reach an href, src or fetch.
 */
export function toSafeUrl(value: unknown, base?: string): string | undefined {
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  let url: URL;
  try {
    url = new URL(value.trim(), base);
  } catch {
    return undefined;
  }
  return ALLOWED_PROTOCOLS.has(url.protocol) ? url.href : undefined;
}

export function readUrl(value: unknown, path: string, base?: string): string {
  const url = toSafeUrl(value, base);
  if (url === undefined) throw invalid(path, 'an http(s) URL');
  return url;
}

/** The base used for relative URLs in data: the page in a browser, nothing elsewhere. */
export function documentBase(): string | undefined {
  return typeof document === 'undefined' ? undefined : document.baseURI;
}
