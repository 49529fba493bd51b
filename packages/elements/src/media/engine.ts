import { toSafeUrl, type VitrineError } from '@vitrine/core';
import { playNatively } from './element-engine.js';
import { mediaError, safely } from './media-errors.js';

export type EngineKind = 'hls.js' | 'native' | 'progressive';

/** An in-band product pin, in media-time seconds. `end` is Infinity for an open pin with no later one (live). */
export interface DateRangeCue {
  id: string;
  productId: string;
  start: number;
  end: number;
}

export interface EngineCallbacks {
  /**
   * A fatal playback error: the element shows its error state. Non-fatal network hiccups are retried inside and never
   * reported. Code: 'media-network' | 'media-decode' | 'media-unsupported' | 'media-not-found'. May be called before
   * `initialize` resolves (nothing could play at all).
   */
  onFatalError(error: VitrineError): void;
  /**
   * In-band pins (EXT-X-DATERANGE CLASS="com.vitrine.pin" with X-PRODUCT-ID), sorted by start, reported whenever the
   * set changes: once the playlist loads (possibly empty) for VOD, and as the window slides for live. hls.js only.
   */
  onDateRanges?(cues: DateRangeCue[]): void;
}

export interface MediaEngine {
  readonly kind: EngineKind;
  /** Stops loading, removes every listener and frees the decoder. Safe to call twice. */
  teardown(): void;
}

/** The latest initialize() per <video>: a newer call supersedes one still waiting for hls.js. */
const latestLoad = new WeakMap<HTMLVideoElement, { engine?: MediaEngine }>();

/**
 * Chooses the engine and starts loading `src` into `video` (playing is the caller's call). `.m3u8` → hls.js when
 * `Hls.isSupported()` (MSE), else native HLS if canPlayType says so, else 'media-unsupported'; anything else →
 * progressive (`video.src`). Never rejects: failures reach `callbacks.onFatalError`. Tears down the video's previous engine.
 * A newer call, or the video leaving the document, abandons a load still waiting for hls.js.
 */
export async function initialize(video: HTMLVideoElement, src: string, callbacks: EngineCallbacks): Promise<MediaEngine> {
  latestLoad.get(video)?.engine?.teardown();
  const load: { engine?: MediaEngine } = {};
  latestLoad.set(video, load);
  // A <video> taken out of the page while hls.js downloads (its element removed) gets no hls.js at all.
  const engine = await chooseEngine(video, src, callbacks, () => latestLoad.get(video) !== load || !video.isConnected);
  load.engine = engine;
  return engine;
}

async function chooseEngine(video: HTMLVideoElement, source: string, callbacks: EngineCallbacks, superseded: () => boolean): Promise<MediaEngine> {
  // Whatever reaches a src or a fetch must be http(s) (DESIGN.md), even if the element already checked.
  const src = toSafeUrl(source, document.baseURI);
  if (src === undefined) {
    safely('onFatalError', () => callbacks.onFatalError(mediaError('media-unsupported', `not an http(s) URL: ${source}`)));
    return idleEngine(isHlsUrl(source) ? 'hls.js' : 'progressive');
  }
  if (!isHlsUrl(src)) return playNatively(video, src, 'progressive', callbacks);
  // Without MediaSource hls.js cannot run: skip its download (older iOS plays HLS natively).
  if (hasMediaSource()) {
    const engine = await playWithBuild('light', video, src, callbacks, superseded);
    if (engine) return engine;
  }
  if (video.canPlayType('application/vnd.apple.mpegurl') !== '') return playNatively(video, src, 'native', callbacks);
  safely('onFatalError', () => callbacks.onFatalError(mediaError('media-unsupported', 'this browser cannot play HLS streams')));
  return idleEngine('native');
}

/**
 * Plays through hls.js's light build, a third smaller, which most streams need no more than. A playlist asking for
 * what only the full build has (hls-engine.ts: needsMoreThanLight) is played again through the full build as soon as
 * it arrives, before any segment. `undefined` when hls.js cannot run here.
 */
async function playWithBuild(build: HlsBuild, video: HTMLVideoElement, src: string, callbacks: EngineCallbacks, superseded: () => boolean): Promise<MediaEngine | undefined> {
  let Hls: typeof import('hls.js').default;
  let playWithHls: typeof import('./hls-engine.js').playWithHls;
  try {
    [{ default: Hls }, { playWithHls }] = await loadHls(build);
  } catch (error) {
    if (!superseded()) safely('onFatalError', () => callbacks.onFatalError(mediaError('media-network', 'the HLS player could not be downloaded', error)));
    return idleEngine('hls.js');
  }
  if (superseded()) return idleEngine('hls.js');
  // Chromium also answers "maybe" for native HLS, but native playback exposes no DATERANGE pins: hls.js first.
  if (!Hls.isSupported()) return undefined;
  if (build === 'full') return playWithHls(Hls, video, src, callbacks);
  let stopped = false;
  let current = playWithHls(Hls, video, src, callbacks, () => {
    const resume = !video.paused;
    current.teardown();
    void playWithBuild('full', video, src, callbacks, () => stopped || superseded()).then((engine = idleEngine('hls.js')) => {
      if (stopped) return engine.teardown();
      current = engine;
      if (resume) video.play().catch(() => undefined);
    });
  });
  return {
    kind: 'hls.js',
    teardown() {
      stopped = true;
      current.teardown();
    },
  };
}

type HlsBuild = 'light' | 'full';

/**
 * The only place hls.js is imported, with our wiring of it: the build makes them chunks, fetched together when a stream
 * is about to play, so a video before play carries neither.
 */
function loadHls(build: HlsBuild): Promise<[typeof import('hls.js'), typeof import('./hls-engine.js')]> {
  return Promise.all([build === 'light' ? import('hls.js/light') : import('hls.js'), import('./hls-engine.js')]);
}

/**
 * The press that begins a click on play (pointer down, or a key held on the button): fetches and compiles hls.js
 * while the button is still down, so the stream starts a press sooner. The stream itself waits for the click.
 */
export function preloadEngine(src: string): void {
  if (isHlsUrl(src) && hasMediaSource()) loadHls('light').catch(() => undefined);
}

/** An engine that never touched the video: superseded, or nothing could play. */
function idleEngine(kind: EngineKind): MediaEngine {
  return { kind, teardown: () => undefined };
}

function hasMediaSource(): boolean {
  return 'MediaSource' in window || 'ManagedMediaSource' in window;
}

export function isHlsUrl(src: string): boolean {
  try {
    return new URL(src, document.baseURI).pathname.toLowerCase().endsWith('.m3u8');
  } catch {
    return false;
  }
}

/**
 * Adds `<link rel=preconnect>` for the src's origin, once (a link the host placed counts too). Called on hover/focus
 * of the facade; downloads nothing. hls.js fetches with CORS and a plain `<video src>` without, and a warmed
 * connection only serves requests of its own mode, hence `crossorigin` for HLS only. The page's own origin is warm already.
 */
export function warmConnection(src: string): void {
  let url: URL;
  try {
    url = new URL(src, document.baseURI);
  } catch {
    return;
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.origin === location.origin) return;
  const cors = isHlsUrl(src);
  const existing = Array.from(document.querySelectorAll<HTMLLinkElement>('link[rel~="preconnect"]'));
  if (existing.some((link) => sameOrigin(link.href, url.origin) && link.hasAttribute('crossorigin') === cors)) return;
  const link = document.createElement('link');
  link.rel = 'preconnect';
  link.href = url.origin;
  if (cors) link.crossOrigin = 'anonymous';
  document.head.append(link);
}

function sameOrigin(href: string, origin: string): boolean {
  try {
    return new URL(href).origin === origin;
  } catch {
    return false;
  }
}
