import { TRACK_EVENT, type TrackDetail, type TrackedEventName, type TrackProperties } from '@vitrine/core';

/** Dispatches a bubbling, composed event; returns false when a listener canceled it. */
export function emit<T>(target: EventTarget, type: string, detail: T, options: { cancelable?: boolean } = {}): boolean {
  return target.dispatchEvent(new CustomEvent<T>(type, { detail, bubbles: true, composed: true, cancelable: options.cancelable ?? false }));
}

/** Every analytics event is a DOM event first: the tracker listens for it, and so can the host page. */
export function emitTrack(target: EventTarget, event: TrackedEventName, properties: TrackProperties): void {
  emit<TrackDetail>(target, TRACK_EVENT, { event, properties });
}
