import { VERSION, affiliateLink, logOnce, type TrackerStats, type TrackProperties } from '@vitrine/core';
import type { Destination } from '../tracking/tracking-api.js';
import type { EmbedConfig } from './config.js';
import type { ElementChunk, ElementLoader } from './element-loader.js';
import type { TrackingProxy } from './tracking-proxy.js';

/** `window.Vitrine`: what a host page can call once vitrine.js has run. */
export interface VitrineApi {
  readonly version: string;
  readonly config: Readonly<EmbedConfig>;
  /** Forces the shopper-facing language of every element (e.g. 'de', 'en-GB'). */
  setLocale(locale: string): void;
  /** Overrides shopper-facing strings, for one language or (without `locale`) for all. */
  setStrings(strings: Record<string, string>, locale?: string): void;
  /** Defines a tag now, for elements rendered where the page scan cannot see them (another shadow root). */
  load(tag: string): Promise<void>;
  /** Sends an event of the host's own through the same pipeline. */
  track(event: string, properties?: TrackProperties): void;
  /**
   * On the thank-you page: `{orderId, currency, total, items: [{productId, variantId?, price, quantity}], discounts?}`,
   * money in integer minor units. Sends Order Completed with the creator touch the attribution model picks.
   */
  purchase(order: unknown): void;
  /** A creator's link to `url`: adds `vt_c`, `vt_k` and a fresh `vt_id` click id. Undefined (and one logged line) for bad input. */
  link(url: string, options: { creator: string; clip?: string }): string | undefined;
  /** With `data-consent="required"` (or Global Privacy Control), nothing is stored or sent before `grant()`. */
  readonly consent: { grant(): void; revoke(): void };
  /** Another destination: a function that receives every batch of messages. */
  addDestination(destination: Destination): void;
  /** Sends everything queued now. */
  flush(): Promise<void>;
  /** Delivery counters, for debugging a setup; undefined until the tracker has loaded. */
  stats(): TrackerStats | undefined;
}

/**
 * Builds the API and remembers the host's locale and string choices, so a chunk that loads later
 * (the first carousel appears after a click) gets the same settings as the ones already running.
 */
export function createApi(config: EmbedConfig, loader: ElementLoader, tracking: TrackingProxy): { api: VitrineApi; attach(chunk: ElementChunk): void } {
  const chunks = new Set<ElementChunk>();
  let locale = config.locale;
  const strings: Array<[Record<string, string>, string | undefined]> = [];

  function attach(chunk: ElementChunk) {
    chunks.add(chunk);
    if (locale) chunk.setLocale(locale);
    for (const [overrides, forLocale] of strings) chunk.setStrings(overrides, forLocale);
  }

  const api: VitrineApi = {
    version: VERSION,
    config,
    setLocale(next) {
      locale = next;
      for (const chunk of chunks) chunk.setLocale(next);
    },
    setStrings(overrides, forLocale) {
      strings.push([overrides, forLocale]);
      for (const chunk of chunks) chunk.setStrings(overrides, forLocale);
    },
    async load(tag) {
      await loader.load(tag);
    },
    track: (event, properties = {}) => void tracking.call('track', [event, properties]),
    purchase: (order) => void tracking.call('purchase', [order]),
    link(url, options) {
      try {
        return affiliateLink(url, options);
      } catch (error) {
        logOnce('error', `Vitrine.link: ${error instanceof Error ? error.message : String(error)}`);
        return undefined;
      }
    },
    consent: { grant: () => void tracking.call('grant', []), revoke: () => void tracking.call('revoke', []) },
    addDestination: (destination) => void tracking.call('addDestination', [destination]),
    flush: async () => void (await tracking.call('flush', [])),
    stats: () => tracking.tracking?.stats(),
  };
  return { api, attach };
}
