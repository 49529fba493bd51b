import { logOnce, toSafeUrl } from '@vitrine/core';

export interface EmbedConfig {
  /** Where tracker batches go (our collector); without any destination, events are only DOM events. */
  endpoint?: string;
  /** A Segment-spec `/v1/batch` (Segment, RudderStack, Jitsu) and its write key. */
  segment?: { endpoint: string; writeKey: string };
  /** Push GA4 ecommerce events to `window.dataLayer`. */
  ga4: boolean;
  /** The site id the collector files events under. */
  site: string;
  /** Forces the shopper-facing language; otherwise each element follows the page's `lang`. */
  locale?: string;
  /** Where the element chunks live: next to vitrine.js. */
  chunkBase: string;
  /** `required`: nothing is stored or sent until `Vitrine.consent.grant()`. */
  consent: 'required' | 'implied';
  /** Global Privacy Control counts as "not granted" unless the page opts out with `data-gpc="ignore"`. */
  honourGpc: boolean;
  /** Raw `data-attribution-model` / `data-attribution-window`, validated by the tracker. */
  attribution: { model?: string; window?: string };
}

const SITE_PATTERN = /^[a-z0-9][a-z0-9_-]{0,63}$/i;
const SEGMENT_ENDPOINT = 'https://api.segment.io/v1/batch';

/** Reads the `data-*` attributes of vitrine.js's own script tag. Bad values are logged and ignored, never thrown. */
export function readConfig(script: HTMLScriptElement | null): EmbedConfig {
  const data = script?.dataset ?? {};
  const config: EmbedConfig = {
    site: 'default',
    chunkBase: new URL('chunks/', script?.src || document.baseURI).href,
    ga4: data.ga4 !== undefined && data.ga4 !== 'false',
    consent: 'implied',
    honourGpc: data.gpc !== 'ignore',
    attribution: { model: data.attributionModel, window: data.attributionWindow },
  };
  if (data.endpoint) config.endpoint = readUrl('data-endpoint', data.endpoint);
  if (data.segmentWriteKey) {
    const endpoint = readUrl('data-segment-endpoint', data.segmentEndpoint ?? SEGMENT_ENDPOINT);
    if (endpoint) config.segment = { endpoint, writeKey: data.segmentWriteKey };
  }
  if (data.site) {
    if (SITE_PATTERN.test(data.site)) config.site = data.site;
    else logOnce('error', `data-site must be letters, digits, "-" or "_" (at most 64); "${data.site.slice(0, 100)}" is ignored.`);
  }
  if (data.consent !== undefined) {
    // A value we do not know still asked for consent of some kind: the safe reading is "required".
    if (data.consent !== 'required') logOnce('error', `data-consent can only be "required"; "${data.consent.slice(0, 100)}" is read as "required".`);
    config.consent = 'required';
  }
  if (data.locale) config.locale = data.locale;
  return config;
}

function readUrl(attribute: string, value: string): string | undefined {
  const url = toSafeUrl(value, document.baseURI);
  if (!url) logOnce('error', `${attribute} must be an http(s) URL; "${value.slice(0, 100)}" is ignored and no events go there.`);
  return url;
}
