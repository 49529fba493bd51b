import type { VitrineError } from '@vitrine/core';
import { initialize, preloadEngine, warmConnection, type DateRangeCue, type MediaEngine } from '../media/engine.js';
import { asFatal } from './clip-source.js';

export interface EngineSessionCallbacks {
  /** Playback failed for good; the engine is already torn down. */
  failed(error: VitrineError): void;
  dateRanges(cues: DateRangeCue[]): void;
}

/** Plays; a browser that refuses sound without a gesture gets muted playback. Never rejects. */
export async function playVideo(video: HTMLVideoElement): Promise<void> {
  try {
    await video.play();
  } catch (error) {
    // Other refusals (a pause or teardown first, an unplayable source) reach the engine's error callback.
    if ((error as DOMException).name === 'NotAllowedError' && !video.muted) {
      video.muted = true;
      await video.play().catch(() => undefined);
    }
  }
}

/**
 * One engine per start of the player. The engine's own code is small and comes with the facade, so that on intent
 * hls.js starts downloading at once, in parallel with the player's controls, rather than one round trip later.
 */
export class EngineSession {
  readonly #callbacks: EngineSessionCallbacks;
  #engine: MediaEngine | undefined;
  /** Counts starts; callbacks of an engine from an earlier start are ignored. */
  #attempt = 0;

  constructor(callbacks: EngineSessionCallbacks) {
    this.#callbacks = callbacks;
  }

  /** Hover or focus on play: open the video's connection. Downloads nothing. */
  warm(src: string): void {
    warmConnection(src);
  }

  /** The press before the click: fetch the engine's code. */
  preload(src: string): void {
    preloadEngine(src);
  }

  /** Loads `src` into `video` and plays it. Never rejects. */
  async start(video: HTMLVideoElement, src: string, muted: boolean): Promise<void> {
    this.stop();
    const attempt = this.#attempt;
    const fail = (error: VitrineError) => {
      if (attempt !== this.#attempt) return;
      this.stop();
      this.#callbacks.failed(error);
    };
    video.muted = muted;
    const engine = await initialize(video, src, {
      onFatalError: fail,
      onDateRanges: (cues) => attempt === this.#attempt && this.#callbacks.dateRanges(cues),
    }).catch((error: unknown) => void fail(asFatal(error, 'media-unsupported')));
    if (attempt !== this.#attempt) return engine?.teardown();
    this.#engine = engine;
    await playVideo(video);
  }

  stop(): void {
    this.#attempt++;
    this.#engine?.teardown();
    this.#engine = undefined;
  }
}
