import type { ProductCue } from '@vitrine/core';
import type { DateRangeCue } from '../media/engine.js';

/** A cue on the timeline, with the key that identifies it across renders and analytics. */
export interface TimedCue extends ProductCue {
  readonly key: string;
}

/**
 * One pin given twice (in the clip file and in the playlist) is the same pin: same product, same start to the
 * tenth of a second. Playlist times are mapped through PROGRAM-DATE-TIME and can differ by a few milliseconds.
 */
export function cueKey(productId: string, start: number): string {
  return `${productId}@${Math.round(start * 10)}`;
}

/** The clip's own cues and the stream's in-band pins on one timeline, sorted by start. */
export class CueTimeline {
  #clipCues: TimedCue[] = [];
  #streamCues: TimedCue[] = [];
  #all: TimedCue[] = [];

  get cues(): readonly TimedCue[] {
    return this.#all;
  }

  setClipCues(cues: readonly ProductCue[]): void {
    this.#clipCues = cues.map((cue) => ({ ...cue, key: cueKey(cue.productId, cue.start) }));
    this.#merge();
  }

  /** Replaces the stream's pins (hls.js reports the whole set each time); returns whether the timeline changed. */
  setStreamCues(ranges: readonly DateRangeCue[]): boolean {
    const before = this.#all.map((cue) => `${cue.key}-${cue.end}`).join();
    this.#streamCues = ranges
      .filter((range) => Number.isFinite(range.start) && range.end > range.start)
      .map((range) => ({ productId: range.productId, start: range.start, end: range.end, key: cueKey(range.productId, range.start) }));
    this.#merge();
    return this.#all.map((cue) => `${cue.key}-${cue.end}`).join() !== before;
  }

  /** The cues showing at `time` (seconds): from their start, up to but not including their end. */
  activeAt(time: number): TimedCue[] {
    return this.#all.filter((cue) => cue.start <= time && time < cue.end);
  }

  /** Each product's first cue, in the order the products first appear. */
  firstCues(): Map<string, TimedCue> {
    const first = new Map<string, TimedCue>();
    for (const cue of this.#all) if (!first.has(cue.productId)) first.set(cue.productId, cue);
    return first;
  }

  #merge(): void {
    // The clip file's cue wins over the same pin in the stream: it may carry a hotspot position and a label.
    const seen = new Set(this.#clipCues.map((cue) => cue.key));
    const extra = this.#streamCues.filter((cue) => !seen.has(cue.key) && (seen.add(cue.key), true));
    this.#all = [...this.#clipCues, ...extra].sort((a, b) => a.start - b.start || a.end - b.end);
  }
}
