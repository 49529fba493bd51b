/** A product tag counts as viewed once it has been on screen for one uninterrupted second. */
export const TAG_VIEW_DWELL_MS = 1000;

/** Times how long each tag has been shown, and calls back once per cue when one passes the dwell time. */
export class TagViewTimer {
  readonly #onViewed: (key: string) => void;
  readonly #timers = new Map<string, ReturnType<typeof setTimeout>>();
  readonly #viewed = new Set<string>();

  constructor(onViewed: (key: string) => void) {
    this.#onViewed = onViewed;
  }

  /** The keys of the tags a viewer can see now: none while the player is off screen or the page hidden. */
  update(shown: ReadonlySet<string>): void {
    for (const [key, timer] of this.#timers) {
      if (shown.has(key)) continue;
      clearTimeout(timer);
      this.#timers.delete(key);
    }
    for (const key of shown) {
      if (this.#viewed.has(key) || this.#timers.has(key)) continue;
      this.#timers.set(
        key,
        setTimeout(() => {
          this.#timers.delete(key);
          this.#viewed.add(key);
          this.#onViewed(key);
        }, TAG_VIEW_DWELL_MS),
      );
    }
  }

  /** Stops timing; `forget` also lets every cue count again (a new clip). */
  reset(forget = false): void {
    for (const timer of this.#timers.values()) clearTimeout(timer);
    this.#timers.clear();
    if (forget) this.#viewed.clear();
  }
}
