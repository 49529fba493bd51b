import type { ProductSource } from '@vitrine/core';

/** An element placed before its code arrives, and the height the loader reserved for it then. */
export interface Reservation {
  name: string;
  element: HTMLElement;
  reserved: number;
}

/** Never answers: a catalog given it stays in its loading state, the first thing it renders. */
export const pendingSource: ProductSource = {
  list: () => new Promise(() => {}),
  get: () => new Promise(() => {}),
};

/** `markup` in a wrapper of the given width (any CSS length), appended to the page; returns its first element. */
export function place(markup: string, width: string): HTMLElement {
  const wrapper = document.createElement('div');
  wrapper.style.inlineSize = width;
  wrapper.innerHTML = markup;
  document.body.append(wrapper);
  return wrapper.firstElementChild as HTMLElement;
}

export function height(element: Element): number {
  return element.getBoundingClientRect().height;
}

/** The elements that now render at a height other than the one reserved for them (or had nothing reserved). */
export function mismatches(reservations: readonly Reservation[], { allowNone = false } = {}): string[] {
  return reservations
    .filter(({ element, reserved }) => (!allowNone && reserved <= 0) || Math.abs(height(element) - reserved) > 0.5)
    .map(({ name, element, reserved }) => `${name}: reserved ${reserved}px, rendered ${height(element)}px`);
}
