import { LitElement, html, svg, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { repeat } from 'lit/directives/repeat.js';
import { VitrineError, type Product } from '@vitrine/core';
import { cardExportParts } from '../internal/constants.js';
import { formatCount } from '../internal/format.js';
import { LocalizeController } from '../internal/i18n.js';
import { reportDataAttributes, reportError } from '../internal/report-error.js';
import type { Strings } from '../internal/strings.js';
import { sharedStyles } from '../styles/shared.styles.js';
import '../product-card/product-card.js';
import { carouselStyles } from './carousel.styles.js';
import { keyTarget, pageTarget, renderedSegments, revealOffset, visibleRange, type TrackMetrics } from './virtual-window.js';

/** Cards rendered before the first measurement; enough to fill a wide screen. */
const INITIAL_WINDOW = 8;

/** Points the way Next moves; Previous turns it round (carousel.styles.ts). */
const chevron = svg`<path d="M7.5 4.5 13 10l-5.5 5.5" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" />`;

/**
 * A horizontal, scroll-snapping row of product cards with previous/next buttons and arrow-key navigation.
 * Virtualised: only the visible cards and a page on either side exist, so 10,000 products cost as much as 20.
 *
 * @tag vitrine-carousel
 * @summary A keyboard-friendly, virtualised product carousel.
 *
 * @csspart region - The labelled carousel region around buttons and track.
 * @csspart track - The scrolling list of items.
 * @csspart item - Each list item around a card.
 * @csspart previous - The "Previous" button.
 * @csspart next - The "Next" button.
 * @csspart card - Each card's box (re-exported from the cards, like the parts below).
 * @csspart image - Each card's image.
 * @csspart brand - Each card's brand line.
 * @csspart title - Each card's title.
 * @csspart price - Each card's price row.
 * @csspart compare-at-price - Each card's struck-through original price.
 * @csspart availability - Each card's availability.
 * @csspart cta - Each card's call to action.
 * @csspart link - Each card's link.
 *
 * @cssproperty [--vitrine-carousel-gap=1em] - Space between cards.
 * @cssproperty [--vitrine-carousel-padding=0.625em] - Padding around the row (room for focus rings); counts
 * twice in the height.
 * @cssproperty [--vitrine-carousel-button-background=var(--vitrine-color-surface, #fff)] - Button background.
 * @cssproperty [--vitrine-carousel-button-color=var(--vitrine-color-text, #1a1a1a)] - Button icon color.
 * @cssproperty [--vitrine-carousel-button-border-color=var(--vitrine-color-border, #d0d5dd)] - Button outline.
 * @cssproperty [--vitrine-carousel-button-inset=0.25em] - Distance of the buttons from the edges.
 * @cssproperty [--vitrine-card-width=14em] - Passed on to every card.
 *
 * @fires {ProductClickRequestDetail} vitrine-product-click-request - From a card; cancelable.
 * @fires {TrackDetail} vitrine-track - `Product Clicked` and `Product Viewed` from the cards.
 * @fires {ErrorDetail} vitrine-error - Fatal `invalid-data` (`path` `products`) when `products` is not an array; the
 * carousel then shows no cards and keeps its height, as it does with no products.
 */
export class VitrineCarousel extends LitElement {
  static override styles = [sharedStyles, carouselStyles];
  // Declared statically rather than with decorators: no decorator helpers in the bundle.
  static override properties = {
    products: { attribute: false },
    label: { reflect: true },
    listId: { attribute: 'list-id', reflect: true },
    target: { reflect: true },
    locale: { reflect: true },
    strings: { attribute: false },
    windowStart: { state: true },
    windowEnd: { state: true },
    activeIndex: { state: true },
    atStart: { state: true },
    atEnd: { state: true },
  };

  /** The products to show (rich data: a property). Without any, the row stays empty at its full height. */
  products: Product[] = [];

  /** The carousel's accessible name; "Products" (localized) by default. */
  label?: string;

  /** The list's id, reported in every card's events as `list_id`. */
  listId?: string;

  /** Where product links open (`_blank` for a new tab); the same tab by default. */
  target?: string;

  /** Overrides the language and price format (a BCP 47 tag such as `de-DE`). */
  locale?: string;

  /** Per-instance overrides of shopper-facing strings; passed on to the cards. */
  strings?: Partial<Strings>;

  private windowStart = 0;
  private windowEnd = 0;
  /** The one item in the tab order (roving tabindex). */
  private activeIndex = 0;
  private atStart = true;
  private atEnd = true;

  get #track(): HTMLElement {
    return this.renderRoot.querySelector<HTMLElement>('.track')!;
  }

  readonly #localize = new LocalizeController(this);
  #metrics: TrackMetrics | undefined;
  #resizeObserver: ResizeObserver | undefined;
  #frame: number | undefined;
  #scrollToStart = false;
  /** Shared by the cards, which come and go as the window moves: a product counts as viewed once per list. */
  #viewedProducts = new Set<string>();

  /** Focuses the card that holds the carousel's tab stop (the first one until the shopper moves). */
  override focus(): void {
    void this.#focusItem(Math.min(this.activeIndex, this.products.length - 1));
  }

  override connectedCallback(): void {
    super.connectedCallback();
    reportDataAttributes(this);
    if (this.hasUpdated) this.#observeResize();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#resizeObserver?.disconnect();
    this.#resizeObserver = undefined;
    if (this.#frame !== undefined) cancelAnimationFrame(this.#frame);
    this.#frame = undefined;
  }

  protected override firstUpdated(): void {
    this.#observeResize();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('products')) {
      if (!Array.isArray(this.products)) {
        reportError(this, new VitrineError('invalid-data', 'products: expected an array of products', { path: 'products' }));
        this.products = [];
      }
      this.#viewedProducts = new Set();
      this.activeIndex = 0;
      this.windowStart = 0;
      this.windowEnd = Math.min(this.products.length, INITIAL_WINDOW);
      this.#scrollToStart = this.hasUpdated;
    }
  }

  protected override updated(): void {
    // Sized through CSSOM, not a style attribute, which a strict Content-Security-Policy would block.
    for (const spacer of this.#track.querySelectorAll<HTMLElement>('.spacer')) spacer.style.inlineSize = `${spacer.dataset.size}px`;
    if (this.#scrollToStart) {
      this.#scrollToStart = false;
      this.#track.scrollLeft = 0;
    }
    // Measuring and moving the window waits for the next frame: layout is settled and scroll events coalesce.
    this.#scheduleSync();
  }

  /** Previous (-1) or next (1): disabled for assistive tech at its end, hidden when everything fits. */
  #renderNavButton(direction: 1 | -1, hidden: boolean): TemplateResult {
    const name = direction < 0 ? 'previous' : 'next';
    return html`<button
      part=${name}
      class="nav ${name}"
      type="button"
      aria-label=${this.#localize.t(name)}
      aria-controls="track"
      aria-disabled=${(direction < 0 ? this.atStart : this.atEnd) ? 'true' : 'false'}
      ?hidden=${hidden}
      @click=${() => this.#page(direction)}
    >
      <svg viewBox="0 0 20 20" aria-hidden="true">${chevron}</svg>
    </button>`;
  }

  protected override render(): TemplateResult {
    const { t } = this.#localize;
    const hideButtons = this.atStart && this.atEnd;
    return html`
      <div part="region" class="region" role="region" aria-roledescription=${t('carousel')} aria-label=${this.label || t('products')}>
        ${this.#renderNavButton(-1, hideButtons)}
        <div
          part="track"
          id="track"
          class="track"
          role="list"
          @scroll=${{ handleEvent: () => this.#scheduleSync(), passive: true }}
          @keydown=${this.#onKeyDown}
          @focusin=${this.#onFocusIn}
        >
          ${repeat(
            renderedSegments(this.#renderedIndices(), this.products.length, this.#metrics),
            (segment) => segment.key,
            (segment) =>
              segment.index === undefined
                ? html`<div class="spacer" aria-hidden="true" data-size=${segment.size}></div>`
                : this.#renderItem(segment.index),
          )}
          ${this.products.length ? nothing : html`<vitrine-product-card class="reserve" skeleton aria-hidden="true"></vitrine-product-card>`}
        </div>
        ${this.#renderNavButton(1, hideButtons)}
      </div>
    `;
  }

  #renderItem(index: number): TemplateResult | typeof nothing {
    const product = this.products[index];
    if (!product) return nothing;
    const { t, locale } = this.#localize;
    const total = this.products.length;
    return html`<div
      part="item"
      class="item"
      role="listitem"
      data-index=${index}
      aria-label=${t('itemOf', { position: formatCount(index + 1, locale), total: formatCount(total, locale) })}
      aria-setsize=${total}
      aria-posinset=${index + 1}
    >
      <vitrine-product-card
        exportparts=${cardExportParts}
        .product=${product}
        .strings=${this.strings}
        .viewedProducts=${this.#viewedProducts}
        position=${index + 1}
        list-id=${ifDefined(this.listId || undefined)}
        target=${ifDefined(this.target || undefined)}
        locale=${ifDefined(this.locale || undefined)}
        tabindex=${ifDefined(index === this.activeIndex ? undefined : '-1')}
      ></vitrine-product-card>
    </div>`;
  }

  /** The visible window plus the focused item, which must stay in the DOM wherever the row is scrolled. */
  #renderedIndices(): number[] {
    const total = this.products.length;
    const indices: number[] = [];
    for (let i = this.windowStart; i < Math.min(this.windowEnd, total); i++) indices.push(i);
    const active = this.activeIndex;
    if (active >= 0 && active < total && (active < this.windowStart || active >= this.windowEnd)) {
      indices.push(active);
      indices.sort((a, b) => a - b);
    }
    return indices;
  }

  #observeResize(): void {
    if (this.#resizeObserver || typeof ResizeObserver === 'undefined' || !this.#track) return;
    this.#resizeObserver = new ResizeObserver(() => {
      this.#metrics = undefined;
      this.#scheduleSync();
    });
    this.#resizeObserver.observe(this.#track);
  }

  #scheduleSync(): void {
    this.#frame ??= requestAnimationFrame(() => {
      this.#frame = undefined;
      this.#sync();
    });
  }

  /** Measures the track, moves the rendered window to the scroll position and updates the buttons. */
  #sync(): void {
    const track = this.#track;
    if (!track || !this.isConnected) return;
    this.#metrics ??= this.#measure();
    const total = this.products.length;
    const position = Math.abs(track.scrollLeft);
    if (this.#metrics) {
      const { start, end } = visibleRange(position, track.clientWidth, total, this.#metrics);
      if (start !== this.windowStart) this.windowStart = start;
      if (end !== this.windowEnd) this.windowEnd = end;
      // Tab should land on what the shopper sees, not on a card scrolled away; a focused card keeps the stop.
      if (!this.#cardHasFocus() && total > 0) {
        const first = Math.min(total - 1, Math.round(position / this.#metrics.stride));
        if (first !== this.activeIndex) this.activeIndex = first;
      }
    }
    const atStart = position <= 1;
    const atEnd = position + track.clientWidth >= track.scrollWidth - 1;
    if (atStart !== this.atStart) this.atStart = atStart;
    if (atEnd !== this.atEnd) this.atEnd = atEnd;
  }

  /** True when keyboard focus is on a card, not on a nav button or outside the carousel. */
  #cardHasFocus(): boolean {
    return this.shadowRoot?.activeElement?.closest('.item') != null;
  }

  #measure(): TrackMetrics | undefined {
    const item = this.#track.querySelector<HTMLElement>('.item');
    const itemSize = item?.getBoundingClientRect().width ?? 0;
    if (itemSize <= 0) return undefined;
    const style = getComputedStyle(this.#track);
    const gap = parseFloat(style.columnGap) || 0;
    return { itemSize, gap, stride: itemSize + gap, padding: parseFloat(style.paddingInlineStart) || 0 };
  }

  #isRtl(): boolean {
    return getComputedStyle(this).direction === 'rtl';
  }

  #scrollBehavior(distance: number): ScrollBehavior {
    const reduced = matchMedia('(prefers-reduced-motion: reduce)').matches;
    // Animating across thousands of cards helps nobody: far jumps (Home, End) are instant.
    return reduced || distance > 3 * this.#track.clientWidth ? 'auto' : 'smooth';
  }

  /** Scrolls so that the item at `offset` (in px from the start, ignoring direction) is at the inline start. */
  #scrollToOffset(offset: number): void {
    const track = this.#track;
    const behavior = this.#scrollBehavior(Math.abs(offset - Math.abs(track.scrollLeft)));
    // Chromium's scrollLeft runs from 0 towards negative values in right-to-left.
    track.scrollTo({ left: this.#isRtl() ? -offset : offset, behavior });
  }

  #page(direction: 1 | -1): void {
    const metrics = this.#metrics;
    if (!metrics || (direction < 0 ? this.atStart : this.atEnd)) return;
    const track = this.#track;
    const target = pageTarget(Math.abs(track.scrollLeft), track.clientWidth, this.products.length, metrics, direction);
    this.#scrollToOffset(target * metrics.stride);
  }

  #onKeyDown(event: KeyboardEvent): void {
    // Alt+Arrow is the browser's back and forward; modified keys are not ours.
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    const index = this.#indexOf(event);
    if (index === undefined || this.products.length === 0) return;
    const target = keyTarget(event.key, index, this.products.length, this.#isRtl());
    if (target === undefined) return;
    event.preventDefault();
    if (target !== index) void this.#focusItem(target);
  }

  #onFocusIn(event: FocusEvent): void {
    const index = this.#indexOf(event);
    if (index !== undefined && index !== this.activeIndex) this.activeIndex = index;
  }

  #indexOf(event: Event): number | undefined {
    for (const node of event.composedPath()) {
      if (node === this.#track) return undefined;
      if (node instanceof HTMLElement && node.classList.contains('item')) return Number(node.dataset.index);
    }
    return undefined;
  }

  /** Renders the item if it is outside the window, scrolls it fully into view and focuses its link. */
  async #focusItem(index: number): Promise<void> {
    if (index < 0) return;
    this.activeIndex = index;
    await this.updateComplete;
    const offset = this.#metrics && revealOffset(index, Math.abs(this.#track.scrollLeft), this.#track.clientWidth, this.#metrics);
    if (offset !== undefined) this.#scrollToOffset(offset);
    const card = this.#track.querySelector<HTMLElement>(`.item[data-index="${index}"] > vitrine-product-card`);
    card?.focus({ preventScroll: true });
  }
}
