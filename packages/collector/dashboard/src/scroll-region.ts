import { html, type LitElement, type ReactiveController, type TemplateResult } from 'lit';

/**
 * A table that scrolls sideways inside its card when it does not fit (WCAG 1.4.10 lets data tables scroll, not the page),
 * named by its caption: the card's own region already has the heading's name.
 */
export function scrollRegion(labelledBy: string, table: TemplateResult): TemplateResult {
  return html`<div class="scroll" role="region" aria-labelledby=${labelledBy}>${table}</div>`;
}

/**
 * Puts each scroll region of its host in the tab order while it has something to scroll, so a keyboard can scroll it
 * with the arrow keys, and a table that fits is no extra stop.
 */
export class ScrollRegionController implements ReactiveController {
  readonly #host: LitElement;
  readonly #observer = new ResizeObserver(() => this.#mark());

  constructor(host: LitElement) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {
    this.hostUpdated();
  }

  hostUpdated(): void {
    this.#observer.disconnect();
    for (const region of this.#regions()) {
      this.#observer.observe(region);
      // The table widens with its content while the region keeps its width.
      if (region.firstElementChild) this.#observer.observe(region.firstElementChild);
    }
  }

  hostDisconnected(): void {
    this.#observer.disconnect();
  }

  #regions(): NodeListOf<HTMLElement> {
    return this.#host.renderRoot.querySelectorAll<HTMLElement>('.scroll');
  }

  #mark(): void {
    for (const region of this.#regions()) {
      if (region.scrollWidth > region.clientWidth) region.tabIndex = 0;
      else region.removeAttribute('tabindex');
    }
  }
}
