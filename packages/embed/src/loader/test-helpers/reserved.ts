/** An element placed before its code arrives, and the height the loader reserved for it then. */
export interface Reservation {
  name: string;
  element: HTMLElement;
  reserved: number;
}

export function height(element: Element): number {
  return element.getBoundingClientRect().height;
}

/**
 * `markup` in a wrapper of the given width (any CSS length), appended to the page; its first element is handed to
 * `prepare` (properties a page sets, the loader's per-element call) before the element's code arrives, then measured.
 */
export function reserved(name: string, markup: string, width: string, prepare: (element: HTMLElement) => void = () => {}): Reservation {
  const wrapper = document.createElement('div');
  wrapper.style.inlineSize = width;
  wrapper.innerHTML = markup;
  document.body.append(wrapper);
  const element = wrapper.firstElementChild as HTMLElement;
  prepare(element);
  return { name, element, reserved: height(element) };
}

/** Loads `chunk` (which defines the elements) and waits until every reserved element has rendered. */
export async function renderReserved(reservations: readonly Reservation[], chunk: () => Promise<unknown>): Promise<void> {
  await chunk();
  await Promise.all(reservations.map(({ element }) => (element as HTMLElement & { updateComplete: Promise<boolean> }).updateComplete));
}

/** Takes every reserved element and its wrapper off the page. */
export function removeReserved(reservations: readonly Reservation[]): void {
  for (const { element } of reservations) element.parentElement!.remove();
}

/** The elements that now render at a height other than the one reserved for them (or had nothing reserved). */
export function mismatches(reservations: readonly Reservation[], { allowNone = false } = {}): string[] {
  return reservations
    .filter(({ element, reserved }) => (!allowNone && reserved <= 0) || Math.abs(height(element) - reserved) > 0.5)
    .map(({ name, element, reserved }) => `${name}: reserved ${reserved}px, rendered ${height(element)}px`);
}
