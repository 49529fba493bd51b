import { toSafeUrl } from '../model/url.js';
import { invalid } from '../model/validate.js';
import { randomId } from './random-id.js';

/** Creator, clip and click ids travel in URLs and reach the collector, so they stay short and URL-safe. */
export function isLinkId(value: unknown): value is string {
  return typeof value === 'string' && /^[\w-]{1,64}$/.test(value);
}

export interface LinkOptions {
  creator: string;
  clip?: string | undefined;
}

const ID_RULE = '1 to 64 letters, digits, "-" or "_"';

/**
 * `url` with the creator (`vt_c`), the clip (`vt_k`) and a fresh click id (`vt_id`). The rest of the query is kept
 * byte for byte, so the shop's own parameters reach it exactly as before; vt_* already there are replaced.
 */
export function affiliateLink(url: string, options: LinkOptions): string {
  // Spread, so a script that forgot the options reads "creator: expected ..." rather than a TypeError.
  const { creator, clip } = { ...options };
  const href = toSafeUrl(url);
  if (!href) throw invalid('url', 'an absolute http(s) URL');
  if (!isLinkId(creator)) throw invalid('creator', ID_RULE);
  if (clip !== undefined && !isLinkId(clip)) throw invalid('clip', ID_RULE);
  const link = new URL(href);
  const query = link.search.slice(1).split('&').filter((part) => part && !/^vt_(c|k|id)(=|$)/.test(part));
  query.push(`vt_c=${creator}`);
  if (clip !== undefined) query.push(`vt_k=${clip}`);
  query.push(`vt_id=${randomId()}`);
  link.search = query.join('&');
  return link.href;
}
