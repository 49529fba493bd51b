import { logOnce, toSafeUrl } from '@vitrine/core';

export interface EmbedConfig {
  /** Where tracker batches go; without one, events are only DOM events. */
  endpoint?: string;
  /** The site id the collector files events under. */
  site: string;
  /** Forces the shopper-facing language; otherwise each element follows the page's `lang`. */
  locale?: string;
  /** Where the element chunks live: next to vitrine.js. */
  chunkBase: string;
}

const SITE_PATTERN = /^[a-z0-9][a-z0-9_-]{0,63}$/i;

/** Reads the `data-*` attributes of vitrine.js's own script tag. Bad values are logged and ignored, never thrown. */
export function readConfig(script: HTMLScriptElement | null): EmbedConfig {
  const data = script?.dataset ?? {};
  const config: EmbedConfig = { site: 'default', chunkBase: new URL('chunks/', script?.src || document.baseURI).href };
  if (data.endpoint) {
    const endpoint = toSafeUrl(data.endpoint, document.baseURI);
    if (endpoint) config.endpoint = endpoint;
    else logOnce('error', `data-endpoint must be an http(s) URL; "${data.endpoint.slice(0, 100)}" is ignored and no events are sent.`);
  }
  if (data.site) {
    if (SITE_PATTERN.test(data.site)) config.site = data.site;
    else logOnce('error', `data-site must be letters, digits, "-" or "_" (at most 64); "${data.site.slice(0, 100)}" is ignored.`);
  }
  if (data.locale) config.locale = data.locale;
  return config;
}
