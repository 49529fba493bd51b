import type { VitrineError } from '@vitrine/core';
import type { DateRangeCue, EngineCallbacks } from '../engine.js';

export const SUMMER = '/examples/media/summer/index.m3u8';
export const SNEAKERS = '/examples/media/sneakers.mp4';

// The request log must see every request of the page, so it must not overflow (the default keeps 250).
performance.setResourceTimingBufferSize(10_000);

/** Every URL this page requested, optionally only those containing `part`. */
export function requested(part = ''): string[] {
  return performance
    .getEntriesByType('resource')
    .map((entry) => entry.name)
    .filter((name) => name.includes(part));
}

/** Callbacks that record what the engine reported, plus the first fatal error as a promise. */
export function recorder() {
  const errors: VitrineError[] = [];
  const pins: DateRangeCue[][] = [];
  let settle!: (error: VitrineError) => void;
  const firstError = new Promise<VitrineError>((resolve) => (settle = resolve));
  const callbacks: EngineCallbacks = {
    onFatalError: (error) => (errors.push(error), settle(error)),
    onDateRanges: (cues) => pins.push(cues),
  };
  return { callbacks, errors, pins, firstError };
}

/** Uncaught errors and rejections from now on: the engine must report through its callback, never throw. */
export function watchUncaught(): { problems: string[]; stop(): void } {
  const problems: string[] = [];
  const onError = (event: ErrorEvent) => problems.push(event.message);
  const onRejection = (event: PromiseRejectionEvent) => problems.push(String(event.reason));
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  return {
    problems,
    stop: () => {
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
    },
  };
}

/** A muted, inline <video> in the page, as the element makes it. */
export function makeVideo(): HTMLVideoElement {
  const video = document.createElement('video');
  video.muted = true;
  video.playsInline = true;
  document.body.append(video);
  return video;
}
