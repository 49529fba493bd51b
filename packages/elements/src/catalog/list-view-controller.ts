import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { TrackedEvent, productProperties, type Product } from '@vitrine/core';
import { emitTrack } from '../internal/events.js';

/** Segment's Product List Viewed carries the products; the first 20 are what a shopper can have seen. */
const LIST_VIEWED_PRODUCTS = 20;

export interface ShownList {
  /** Changes with every load, so each load is reported once. */
  load: number;
  products: readonly Product[];
  listId: string | undefined;
}

/** Tracks `Product List Viewed` once per load, when the host is first at least partly on screen with products. */
export class ListViewController implements ReactiveController {
  #observer: IntersectionObserver | undefined;
  #onScreen = false;
  #reportedLoad: number | undefined;

  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #shown: () => ShownList | undefined;

  constructor(host: ReactiveControllerHost & HTMLElement, shown: () => ShownList | undefined) {
    this.#host = host;
    this.#shown = shown;
    host.addController(this);
  }

  hostConnected(): void {
    if (typeof IntersectionObserver === 'undefined') return;
    this.#observer = new IntersectionObserver((entries) => {
      this.#onScreen = !!entries.at(-1)?.isIntersecting;
      this.check();
    });
    this.#observer.observe(this.#host);
  }

  hostDisconnected(): void {
    this.#observer?.disconnect();
    this.#observer = undefined;
    this.#onScreen = false;
  }

  /** Call when a load has finished; reports at once if the list is already on screen. */
  check(): void {
    const list = this.#shown();
    if (!this.#onScreen || !list?.products.length || list.load === this.#reportedLoad) return;
    this.#reportedLoad = list.load;
    emitTrack(this.#host, TrackedEvent.productListViewed, {
      products: list.products.slice(0, LIST_VIEWED_PRODUCTS).map((product, index) => productProperties(product, index + 1)),
      ...(list.listId && { list_id: list.listId }),
    });
  }
}
