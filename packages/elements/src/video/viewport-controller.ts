import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Autoplay starts, and a product tag counts as seen, when at least half of the player is on screen. */
export const VISIBLE_RATIO = 0.5;

/** Whether the host is on screen (at all, and at least half), with the page itself visible; calls back on changes. */
export class ViewportController implements ReactiveController {
  /** Some part of the host is in the viewport. */
  onScreen = false;
  /** At least half of the host is in the viewport. */
  halfVisible = false;

  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #changed: () => void;
  #observer: IntersectionObserver | undefined;

  constructor(host: ReactiveControllerHost & HTMLElement, changed: () => void) {
    this.#host = host;
    this.#changed = changed;
    host.addController(this);
  }

  /** Half visible, and the page not in a background tab. */
  get seen(): boolean {
    return this.halfVisible && document.visibilityState === 'visible';
  }

  hostConnected(): void {
    document.addEventListener('visibilitychange', this.#changed);
    if (typeof IntersectionObserver === 'undefined') return;
    this.#observer = new IntersectionObserver(
      (entries) => {
        const entry = entries[entries.length - 1]!;
        this.onScreen = entry.isIntersecting;
        this.halfVisible = entry.isIntersecting && entry.intersectionRatio >= VISIBLE_RATIO;
        this.#changed();
      },
      { threshold: [0, VISIBLE_RATIO] },
    );
    this.#observer.observe(this.#host);
  }

  hostDisconnected(): void {
    document.removeEventListener('visibilitychange', this.#changed);
    this.#observer?.disconnect();
    this.#observer = undefined;
    this.onScreen = false;
    this.halfVisible = false;
  }
}
