import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { readSourceAnswer, type CatalogInfo, type DataIssue, type Product, type ProductList, type ProductQuery, type ProductSource, type VitrineError } from '@vitrine/core';
import { Attribute, CarouselPart, CatalogLayout, VitrineEvent, cardExportParts } from '../internal/constants.js';
import { emit } from '../internal/events.js';
import { LocalizeController } from '../internal/i18n.js';
import { mayPass, reportAttribute, reportDataAttributes, reportError } from '../internal/report-error.js';
import type { Strings } from '../internal/strings.js';
import { sharedStyles } from '../styles/shared.styles.js';
import { statusStyles } from '../styles/status.styles.js';
import '../carousel/carousel.js';
import '../product-card/product-card.js';
import type { VitrineCarousel } from '../carousel/carousel.component.js';
import { MOST_SKELETON_CARDS, SKELETON_CARDS, headingLevelConverter, headingLevelOf, limitConverter, validLimit } from './catalog-attributes.js';
import { asFatal, isAbort, issuesError, parseSort, resolveSource, SORTS } from './catalog-source.js';
import { catalogStyles } from './catalog.styles.js';
import { ListViewController } from './list-view-controller.js';

export interface LoadDetail {
  /** How many products are shown. */
  count: number;
  /** Products the feed had but that could not be read, each with the field at fault. */
  issues: DataIssue[];
}

type LoadState = 'loading' | 'loaded' | 'empty' | 'error';

/**
 * A brand's catalog from a JSON feed (`src`), inline data (`products`) or any `ProductSource` (`source`),
 * shown as a carousel or a responsive grid. In carousel layout the loading, empty and error states are as tall
 * as the loaded catalog; a grid loads as `limit` skeleton cards (8 without a limit, 24 at most) and then fits
 * the products that arrive.
 *
 * @tag vitrine-catalog
 * @summary A product catalog from a feed: carousel or grid, search, sort, limit.
 *
 * @csspart heading - The catalog title from the feed, never cut: it wraps. One line is reserved even before
 * (and without) a title, two when the catalog is 30em wide or less, none with `heading-level="0"`.
 * @csspart carousel - The `<vitrine-carousel>` in carousel layout. The carousel's parts (`region`, `track`, `item`,
 * `previous`, `next`) and every card's parts (`card`, `image`, `brand`, `title`, `price`, `compare-at-price`,
 * `availability`, `cta`, `link`) are re-exported too.
 * @csspart grid - The list in grid layout.
 * @csspart grid-item - Each grid cell; the cards' parts are re-exported.
 * @csspart status - The empty or error message.
 * @csspart retry - The "Try again" button of the error state, offered when the failure may pass (the network, the server), not for a bad `src` or a feed that is not a feed.
 *
 * @cssproperty [--vitrine-catalog-heading-size=1.25em] - Font size of the title (its line is 1.75em tall).
 * @cssproperty [--vitrine-catalog-heading-gap=0.5em] - Space below the title.
 * @cssproperty [--vitrine-catalog-grid-min-column=12em] - Narrowest grid column.
 * @cssproperty [--vitrine-color-text=the page's text color] - Color of the title and of the loading, empty and error messages, which sit on the page's background.
 * @cssproperty [--vitrine-catalog-grid-gap=var(--vitrine-carousel-gap, 1em)] - Space between grid cells.
 * @cssproperty [--vitrine-carousel-gap=1em] - Space between cards in the carousel and its skeleton.
 * @cssproperty [--vitrine-carousel-padding=0.625em] - Padding of the carousel and its skeleton.
 *
 * @fires {LoadDetail} vitrine-load - The products are shown (also with zero products).
 * @fires {ErrorDetail} vitrine-error - Fatal: nothing could be loaded (`source-unreachable`, also when the feed
 * takes over 15 seconds; `source-http-status`, `source-not-json`, `source-invalid-feed`, `invalid-attribute`; or
 * `invalid-data` when every product is bad). Non-fatal: some products, or the feed's `id`, `brand` or `title`, were
 * skipped (`invalid-data`, naming the first bad field; once per load, however often it is searched, sorted or
 * limited), or an attribute value was ignored or corrected (`invalid-attribute`, when it is set, not on every render).
 * @fires {TrackDetail} vitrine-track - `Product List Viewed` once per load when the catalog is first on screen;
 * `Product Clicked` and `Product Viewed` from its cards.
 * @fires {ProductClickRequestDetail} vitrine-product-click-request - From a card; cancelable.
 */
export class VitrineCatalog extends LitElement {
  static override styles = [sharedStyles, statusStyles, catalogStyles];
  // Declared statically rather than with decorators: no decorator helpers in the bundle.
  static override properties = {
    src: { reflect: true },
    products: { attribute: false },
    source: { attribute: false },
    layout: { reflect: true },
    search: { reflect: true },
    sort: { reflect: true },
    limit: { reflect: true, converter: limitConverter },
    headingLevel: { attribute: 'heading-level', reflect: true, converter: headingLevelConverter },
    label: { reflect: true },
    listId: { attribute: 'list-id', reflect: true },
    target: { reflect: true },
    locale: { reflect: true },
    strings: { attribute: false },
    loadState: { state: true },
    shown: { state: true },
    catalog: { state: true },
  };

  /** URL of a JSON catalog feed (`{id?, brand?, title?, products: [...]}` or a bare array). http(s) only. */
  src?: string;

  /** Inline catalog data, validated like a feed; used instead of `src`. */
  products?: unknown;

  /** Any product source (Google Merchant, Shopify...); used instead of `products` and `src`. What it lists is validated like a feed. */
  source?: ProductSource;

  /** `carousel` (default) or `grid`. */
  layout: CatalogLayout = 'carousel';

  /** Shows only products whose title or brand contains this text (case- and accent-insensitive). */
  search?: string;

  /** `featured` (feed order, default), `price-asc`, `price-desc` or `title`. */
  sort?: string;

  /** Shows at most this many products (a whole number from 1); a grid loads with this many skeleton cards. */
  limit?: number;

  /** Level of the title heading, 1–6 (2 when absent); `0` shows no title and reserves no line for it. */
  headingLevel = 2;

  /** Accessible name of the product list; the feed title or "Products" (localized) by default. */
  label?: string;

  /** Reported as `list_id`; the feed's `id`, then its URL, by default. */
  listId?: string;

  /** Where product links open (`_blank` for a new tab); the same tab by default. */
  target?: string;

  /** Overrides the language and price format (a BCP 47 tag such as `de-DE`). */
  locale?: string;

  /** Per-instance overrides of shopper-facing strings; passed on to the carousel and cards. */
  strings?: Partial<Strings>;

  private loadState: LoadState = 'empty';
  private shown: Product[] = [];
  private catalog: CatalogInfo = {};

  readonly #localize = new LocalizeController(this);
  #currentSource: ProductSource | undefined;
  #sourceError: VitrineError | undefined;
  /** What the error state shows, so "Try again" is offered only if it can help. */
  #failure: VitrineError | undefined;
  #feedUrl: string | undefined;
  /** Aborts the fetch of the current source; replaced when the source changes. */
  #sourceAbort = new AbortController();
  #loadSequence = 0;
  readonly #listView = new ListViewController(this, () =>
    this.loadState === 'loaded' ? { load: this.#loadSequence, products: this.shown, listId: this.#resolvedListId() } : undefined,
  );
  #resumeOnConnect = false;
  #focusAfterLoad = false;
  /** A search, sort or limit queries the same loaded feed, whose issues (the same array) are reported once. */
  #reportedIssues: DataIssue[] | undefined;

  /** Loads again, e.g. after the network came back. */
  retry(): void {
    this.#load();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    reportDataAttributes(this);
    if (this.#resumeOnConnect) {
      this.#resumeOnConnect = false;
      this.#sourceAbort = new AbortController();
      this.#load();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // A move (disconnect and connect in one task) keeps its fetch; a removal aborts it.
    queueMicrotask(() => {
      if (this.isConnected || this.loadState !== 'loading') return;
      this.#sourceAbort.abort();
      this.#loadSequence++;
      this.#resumeOnConnect = true;
    });
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const sourceChanged = changed.has('src') || changed.has('products') || changed.has('source');
    if (sourceChanged) {
      this.#sourceAbort.abort();
      this.#sourceAbort = new AbortController();
      const resolved = resolveSource(this.source, this.products, this.src);
      this.#currentSource = resolved.source;
      this.#sourceError = resolved.error;
      this.#feedUrl = resolved.url;
      this.catalog = {};
    }
    if (changed.has('sort') && this.sort && !parseSort(this.sort)) reportAttribute(this, Attribute.sort, `one of ${SORTS.join(', ')}`);
    if (changed.has('limit') && this.limit != null && !validLimit(this.limit)) reportAttribute(this, Attribute.limit, 'a whole number from 1');
    if (changed.has('layout') && this.layout && !Object.values(CatalogLayout).includes(this.layout)) {
      reportAttribute(this, Attribute.layout, 'carousel or grid');
    }
    const level = headingLevelOf(this.headingLevel);
    if (changed.has('headingLevel') && level != this.headingLevel) {
      reportAttribute(this, Attribute.headingLevel, 'a whole number from 0 to 6', `level ${level} is used`);
    }
    if (sourceChanged || changed.has('search') || changed.has('sort') || changed.has('limit')) this.#load();
  }

  protected override render(): TemplateResult {
    const { t } = this.#localize;
    return html`
      ${this.#renderHeading()}
      <div class="visually-hidden" role="status">${this.loadState === 'loading' ? t('loading') : ''}</div>
      ${this.#renderContent()}
    `;
  }

  /**
   * The title's lines are reserved before the feed arrives (and stay, empty, when the feed has no title),
   * so the catalog does not grow when it loads. `heading-level="0"` drops them altogether.
   */
  #renderHeading(): TemplateResult | typeof nothing {
    const level = headingLevelOf(this.headingLevel);
    if (level === 0) return nothing;
    const title = this.catalog.title;
    return html`<div class="heading-frame">
      ${title
        ? html`<div part="heading" class="heading" role="heading" aria-level=${level}>${title}</div>`
        : html`<div class="heading" aria-hidden="true"></div>`}
    </div>`;
  }

  #renderContent(): TemplateResult {
    const { t } = this.#localize;
    switch (this.loadState) {
      case 'loading':
        return this.#isGrid() ? this.#renderSkeletonGrid() : html`<div class="frame">${this.#renderSkeletonRow(false)}</div>`;
      case 'empty':
        return this.#renderMessage(html`<p part="status" class="message" tabindex="-1">${t(this.search?.trim() ? 'noMatches' : 'empty')}</p>`);
      case 'error':
        return this.#renderMessage(html`<div part="status" class="message" tabindex="-1">
          <p role="alert">${t('loadError')}</p>
          ${mayPass(this.#failure) ? html`<button part="retry" class="retry" type="button" @click=${this.#onRetryClick}>${t('retry')}</button>` : nothing}
        </div>`);
      case 'loaded':
        return this.#isGrid() ? this.#renderGrid() : this.#renderCarousel();
    }
  }

  /** In carousel layout a message sits over an invisible skeleton row, so the catalog keeps its height. */
  #renderMessage(message: TemplateResult): TemplateResult {
    if (this.#isGrid()) return message;
    return html`<div class="frame">${this.#renderSkeletonRow(true)}${message}</div>`;
  }

  #renderSkeletonRow(reserveOnly: boolean): TemplateResult {
    return html`<div class="skeleton-row ${reserveOnly ? 'reserve' : ''}" aria-hidden="true">
      ${Array.from({ length: SKELETON_CARDS }, () => html`<vitrine-product-card skeleton></vitrine-product-card>`)}
    </div>`;
  }

  #renderSkeletonGrid(): TemplateResult {
    // With a limit the feed usually fills, the skeleton is as tall as the loaded grid.
    const count = validLimit(this.limit) ? Math.min(this.limit, MOST_SKELETON_CARDS) : SKELETON_CARDS;
    return html`<div class="grid" aria-hidden="true">
      ${Array.from({ length: count }, () => html`<div><vitrine-product-card skeleton></vitrine-product-card></div>`)}
    </div>`;
  }

  #renderCarousel(): TemplateResult {
    const parts = [...Object.values(CarouselPart), cardExportParts].join(', ');
    return html`<vitrine-carousel
      part="carousel"
      exportparts=${parts}
      .products=${this.shown}
      .strings=${this.strings}
      label=${this.#accessibleName()}
      list-id=${ifDefined(this.#resolvedListId())}
      target=${ifDefined(this.target || undefined)}
      locale=${ifDefined(this.locale || undefined)}
    ></vitrine-carousel>`;
  }

  #renderGrid(): TemplateResult {
    const listId = this.#resolvedListId();
    return html`<ul part="grid" class="grid" role="list" aria-label=${this.#accessibleName()}>
      ${this.shown.map(
        (product, index) => html`<li part="grid-item">
          <vitrine-product-card
            exportparts=${cardExportParts}
            .product=${product}
            .strings=${this.strings}
            position=${index + 1}
            list-id=${ifDefined(listId)}
            target=${ifDefined(this.target || undefined)}
            locale=${ifDefined(this.locale || undefined)}
          ></vitrine-product-card>
        </li>`,
      )}
    </ul>`;
  }

  #isGrid(): boolean {
    return this.layout === CatalogLayout.grid;
  }

  #accessibleName(): string {
    return this.label || this.catalog.title || this.#localize.t('products');
  }

  #resolvedListId(): string | undefined {
    return this.listId || this.catalog.id || this.#feedUrl || undefined;
  }

  #query(): ProductQuery {
    return { search: this.search?.trim() || undefined, sort: parseSort(this.sort), limit: validLimit(this.limit) ? this.limit : undefined };
  }

  /** Never throws and never rejects: every outcome becomes a state, an event and at most one console line. */
  #load(): void {
    const sequence = ++this.#loadSequence;
    // Re-configured out of the page (a router keeping it): it loads when put back.
    if (!this.isConnected) return void (this.#resumeOnConnect = true);
    if (this.#sourceError) return this.#fail(this.#sourceError);
    const source = this.#currentSource;
    if (!source) {
      // Nothing to show until the host gives a src, products or source.
      this.shown = [];
      this.loadState = 'empty';
      return;
    }
    this.loadState = 'loading';
    const signal = this.#sourceAbort.signal;
    // The executor turns a source that throws into a rejection; a host's source is not trusted to return products,
    // and one that answers without a product list leaves nothing to show (asFatal below).
    new Promise<ProductList>((resolve) => resolve(source.list(this.#query(), { signal })))
      .then((list) => (source === this.source ? readSourceAnswer(list) : list))
      .then(
        (list) => {
          if (sequence === this.#loadSequence) this.#succeed(list.products, list.catalog, list.issues);
        },
        (error: unknown) => {
          if (sequence !== this.#loadSequence || signal.aborted || isAbort(error)) return;
          this.#fail(asFatal(error));
        },
      );
  }

  #succeed(products: Product[], catalog: CatalogInfo, issues: DataIssue[]): void {
    // A feed whose every product is broken is a broken feed, not an empty catalog; a search may find nothing.
    if (products.length === 0 && issues.length > 0 && !this.search?.trim()) return this.#fail(issuesError(issues, true));
    this.shown = products;
    this.catalog = catalog;
    this.loadState = products.length > 0 ? 'loaded' : 'empty';
    emit<LoadDetail>(this, VitrineEvent.load, { count: products.length, issues });
    if (issues.length > 0 && issues !== this.#reportedIssues) reportError(this, issuesError(issues, false));
    this.#reportedIssues = issues;
    this.#listView.check();
    this.#restoreFocus();
  }

  #fail(error: VitrineError): void {
    this.#failure = error;
    this.shown = [];
    this.loadState = 'error';
    reportError(this, error);
    this.#restoreFocus();
  }

  #onRetryClick(): void {
    // The button disappears while loading; focus must land somewhere useful afterwards, not on <body>.
    this.#focusAfterLoad = true;
    this.retry();
  }

  #restoreFocus(): void {
    if (!this.#focusAfterLoad) return;
    this.#focusAfterLoad = false;
    void this.updateComplete.then(() => {
      // Failed for good, there is no "Try again": the message takes focus, as it does for an empty catalog.
      if (this.loadState !== 'loaded') (this.renderRoot.querySelector<HTMLElement>('.retry') ?? this.renderRoot.querySelector<HTMLElement>('.message'))?.focus();
      else this.renderRoot.querySelector<VitrineCarousel | HTMLElement>('vitrine-carousel, vitrine-product-card')?.focus();
    });
  }
}
