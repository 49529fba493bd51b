import type { TrackMessage, TrackProperties, TrackerStats } from '@vitrine/core';

/** A host function that receives every batch, as a destination of its own. */
export type Destination = (messages: TrackMessage[]) => unknown;

/** What the tracking chunk gives vitrine.js: the parts of `window.Vitrine` that record and send. */
export interface Tracking {
  track(event: string, properties?: TrackProperties): void;
  /** Order Completed with the touch the attribution model picks; each order id once per browser. */
  purchase(order: unknown): void;
  grant(): void;
  revoke(): void;
  addDestination(destination: Destination): void;
  flush(): Promise<void>;
  stats(): TrackerStats;
}

/** A call waiting for the tracker: every method but `stats`, which answers at once. */
export type TrackingCall = [method: Exclude<keyof Tracking, 'stats'>, args: unknown[]];
