import { TRACK_EVENT, logOnce, type TrackDetail } from '@vitrine/core';
import type { Tracking, TrackingCall } from '../tracking/tracking-api.js';

/**
 * Stands in for the tracking chunk until it has loaded: element events and API calls (including those the inline
 * stub collected before vitrine.js ran) wait here in their order and are replayed into the chunk once.
 */
export class TrackingProxy {
  #calls: TrackingCall[] = [];
  #tracking: Tracking | undefined;
  readonly #onTrack = (event: Event) => {
    const detail = (event as CustomEvent<TrackDetail>).detail;
    if (detail && typeof detail.event === 'string') this.#calls.push(['track', [detail.event, detail.properties]]);
  };

  constructor(stubbed: TrackingCall[]) {
    this.#calls.push(...stubbed);
    // Capture on window, like the tracker itself, so a host's stopPropagation cannot hide an event.
    addEventListener(TRACK_EVENT, this.#onTrack, true);
  }

  /** Runs `method` now if tracking is up, later otherwise. Never throws into the host page. */
  call(method: TrackingCall[0], args: unknown[]): unknown {
    if (!this.#tracking) return void this.#calls.push([method, args]);
    try {
      return (this.#tracking[method] as (...a: unknown[]) => unknown)(...args);
    } catch (error) {
      logOnce('error', `Vitrine.${method} failed: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
  }

  /** The chunk has arrived: it takes over the DOM events, and everything that waited runs in order. */
  ready(tracking: Tracking): void {
    removeEventListener(TRACK_EVENT, this.#onTrack, true);
    this.#tracking = tracking;
    for (const [method, args] of this.#calls.splice(0)) this.call(method, args);
  }

  get tracking(): Tracking | undefined {
    return this.#tracking;
  }
}

/** Calls queued by the inline stub (`window.Vitrine.q`), in the names the stub uses. */
export function stubbedCalls(stub: unknown): TrackingCall[] {
  const queue = (stub as { q?: unknown } | undefined)?.q;
  if (!Array.isArray(queue)) return [];
  const names: Record<string, TrackingCall[0]> = { track: 'track', purchase: 'purchase', 'consent.grant': 'grant', 'consent.revoke': 'revoke', addDestination: 'addDestination' };
  const calls: TrackingCall[] = [];
  for (const entry of queue) {
    const method = Array.isArray(entry) ? names[String(entry[0])] : undefined;
    if (method) calls.push([method, Array.from(((entry as unknown[])[1] ?? []) as ArrayLike<unknown>)]);
    else logOnce('warn', `the Vitrine stub queued a call that does not exist: ${JSON.stringify(entry).slice(0, 100)}`);
  }
  return calls;
}
