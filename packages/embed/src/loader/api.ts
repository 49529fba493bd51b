import { VERSION, type Tracker, type TrackerStats, type TrackProperties } from '@vitrine/core';
import type { EmbedConfig } from './config.js';
import type { ElementChunk, ElementLoader } from './element-loader.js';

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
  /** Sends everything queued now. */
  flush(): Promise<void>;
  /** Delivery counters, for debugging a setup. */
  stats(): TrackerStats | undefined;
}

/**
 * Builds the API and remembers the host's locale and string choices, so a chunk that loads later
 * (the first carousel appears after a click) gets the same settings as the ones already running.
 */
export function createApi(config: EmbedConfig, loader: ElementLoader, tracker: Tracker | undefined): { api: VitrineApi; attach(chunk: ElementChunk): void } {
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
    track(event, properties = {}) {
      tracker?.track(event, properties);
    },
    flush: () => tracker?.flush() ?? Promise.resolve(),
    stats: () => tracker?.stats,
  };
  return { api, attach };
}
