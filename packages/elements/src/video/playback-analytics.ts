import { TrackedEvent, type TrackedEventName, type TrackProperties } from '@vitrine/core';
import { emitTrack } from '../internal/events.js';

/** Segment's video spec reports progress as Video Content Playing at these percentages, each once per session. */
export const MILESTONES = [25, 50, 75, 100] as const;

export interface ClipIdentity {
  clipId: string | undefined;
  creatorId: string | undefined;
}

/** Seconds with two decimals: what analytics destinations store, and no float noise such as 5.000000001. */
export function seconds(value: number): number {
  return Number.isFinite(value) ? Math.round(value * 100) / 100 : 0;
}

/** The clip's ids as event properties, leaving out the ones it does not have. */
export function clipProperties(identity: ClipIdentity): TrackProperties {
  const properties: TrackProperties = {};
  if (identity.clipId) properties.clip_id = identity.clipId;
  if (identity.creatorId) properties.creator_id = identity.creatorId;
  return properties;
}

function sessionId(): string {
  return typeof crypto.randomUUID === 'function' ? crypto.randomUUID() : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

/**
 * Segment's video events for one `<video>`: Started once per playback session, Paused (not the pause at the end) and
 * Resumed after it, Content Playing at 25/50/75/100 %, Completed at the end. A replay after the end is a new session.
 */
export class PlaybackAnalytics {
  readonly #host: HTMLElement;
  readonly #identity: () => ClipIdentity;
  #session: string | undefined;
  #reached = new Set<number>();
  #paused = false;

  constructor(host: HTMLElement, identity: () => ClipIdentity) {
    this.#host = host;
    this.#identity = identity;
  }

  /** Also fires after a seek or a stall; only a play after a reported pause is a resume. */
  onPlaying(video: HTMLVideoElement): void {
    if (this.#session) {
      if (this.#paused) this.#emit(TrackedEvent.videoPlaybackResumed, video);
      this.#paused = false;
      return;
    }
    this.#session = sessionId();
    this.#reached.clear();
    this.#paused = false;
    this.#emit(TrackedEvent.videoPlaybackStarted, video);
  }

  onPause(video: HTMLVideoElement): void {
    if (!this.#session || video.ended) return;
    this.#paused = true;
    this.#emit(TrackedEvent.videoPlaybackPaused, video);
  }

  /** Called on every time update while playing; reports each milestone the position has reached. */
  onProgress(video: HTMLVideoElement, percent = (video.currentTime / video.duration) * 100): void {
    if (!this.#session || !Number.isFinite(percent)) return;
    for (const milestone of MILESTONES) {
      if (percent < milestone || this.#reached.has(milestone)) continue;
      this.#reached.add(milestone);
      this.#emit(TrackedEvent.videoContentPlaying, video, { percent: milestone });
    }
  }

  onEnded(video: HTMLVideoElement): void {
    if (!this.#session) return;
    this.onProgress(video, 100);
    this.#emit(TrackedEvent.videoPlaybackCompleted, video);
    this.#session = undefined;
  }

  /** The player was torn down (error, new source, removed from the page): the next play is a new session. */
  end(): void {
    this.#session = undefined;
  }

  #emit(event: TrackedEventName, video: HTMLVideoElement, extra: TrackProperties = {}): void {
    emitTrack(this.#host, event, {
      ...clipProperties(this.#identity()),
      session_id: this.#session,
      position: seconds(video.currentTime),
      total_length: seconds(video.duration),
      ...extra,
    });
  }
}
