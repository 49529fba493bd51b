import type { TrackDetail } from '@vitrine/core';
import { $locale, $stringOverrides } from '../internal/i18n.js';

/** Every `type` event reaching `target` from now on, in order; `stop()` removes the listener. */
export function recordEvents<T>(target: EventTarget, type: string): { events: Array<CustomEvent<T>>; stop(): void } {
  const events: Array<CustomEvent<T>> = [];
  const listener = (event: Event) => events.push(event as CustomEvent<T>);
  target.addEventListener(type, listener);
  return { events, stop: () => target.removeEventListener(type, listener) };
}

/** The `vitrine-track` details of one analytics event name. */
export function tracked(events: Array<CustomEvent<TrackDetail>>, name: string): TrackDetail[] {
  return events.map((event) => event.detail).filter((detail) => detail.event === name);
}

/** Undoes `setLocale` / `setStrings` so tests do not leak language settings into each other. */
export function resetLocalization(): void {
  $locale.set('');
  $stringOverrides.set({});
}

/** Waits for `frames` animation frames (the carousel moves its window on the next frame). */
export async function nextFrames(frames = 2): Promise<void> {
  for (let i = 0; i < frames; i++) await new Promise((resolve) => requestAnimationFrame(resolve));
}

/**
 * Queues every `type` event from the moment it is created, so a test cannot miss one that fires
 * while the element is still being rendered; `next()` takes the oldest, waiting if there is none yet.
 */
export function eventQueue<T>(target: EventTarget, type: string): { next(): Promise<CustomEvent<T>>; readonly pending: number; stop(): void } {
  const queued: Array<CustomEvent<T>> = [];
  const waiting: Array<(event: CustomEvent<T>) => void> = [];
  const listener = (event: Event) => {
    const resolve = waiting.shift();
    if (resolve) resolve(event as CustomEvent<T>);
    else queued.push(event as CustomEvent<T>);
  };
  target.addEventListener(type, listener);
  return {
    next: () => {
      const event = queued.shift();
      return event ? Promise.resolve(event) : new Promise((resolve) => waiting.push(resolve));
    },
    get pending() {
      return queued.length;
    },
    stop: () => target.removeEventListener(type, listener),
  };
}
