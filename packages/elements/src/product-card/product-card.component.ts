import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { TrackedEvent, VitrineError, productProperties, readProduct, toSafeUrl, type Availability, type Product } from '@vitrine/core';
import { Attribute, VitrineEvent } from '../internal/constants.js';
import { emit, emitTrack } from '../internal/events.js';
import { LocalizeController } from '../internal/i18n.js';
import { formatPrice } from '../internal/format.js';
import { reportAttribute, reportDataAttributes, reportError } from '../internal/report-error.js';
import type { StringKey, Strings } from '../internal/strings.js';
import { sharedStyles } from '../styles/shared.styles.js';
import { productCardStyles } from './product-card.styles.js';

export interface ProductClickRequestDetail {
  product: Product;
  /** 1-based position in its list, when the card is in one. */
  position: number | undefined;
  listId: string | undefined;
}

/** Segment's impression rule of thumb: half the card on screen for one uninterrupted second. */
export const VIEW_THRESHOLD = 0.5;
export const VIEW_DWELL_MS = 1000;

/** Stands in for the product's own URL while the rest is checked: that URL is judged on its own. */
const CHECKED_LATER = 'https://link.invalid/';

const AVAILABILITY_TEXT: Record<Availability, StringKey> = {
  in_stock: 'inStock',
  out_of_stock: 'soldOut',
  preorder: 'preorder',
  backorder: 'backorder',
};

/**
 * One product as a card: image, brand, title, price, availability and a call to action, all inside one link.
 * Every row has a fixed height, so cards never shift and a `skeleton` card is exactly as tall as a loaded one.
 *
 * @tag vitrine-product-card
 * @summary A product card that is one link, with Intl prices and impression and click tracking.
 *
 * @csspart card - The card's box.
 * @csspart image - The product image (`<img>`).
 * @csspart brand - The brand line (empty but present when the product has no brand).
 * @csspart title - The title, clamped to two lines and always two lines tall.
 * @csspart price - The price row; the original price wraps below the sale price when both do not fit on one line.
 * @csspart compare-at-price - The struck-through original price (`<s>`), only when on sale.
 * @csspart availability - In stock, Sold out, Pre-order or Back-order.
 * @csspart cta - The call to action ("View product"); the whole card is the link. Absent when the product has no
 * usable link (its space stays, empty).
 * @csspart link - The `<a>` to the product page, stretched over the whole card.
 *
 * @cssproperty [--vitrine-card-width=14em] - The card's width.
 * @cssproperty [--vitrine-card-image-ratio=1 / 1] - The image's aspect ratio; the image area never changes size.
 * @cssproperty [--vitrine-card-image-fit=cover] - `object-fit` of the image.
 * @cssproperty [--vitrine-card-padding=0.75em] - Padding around the text rows.
 * @cssproperty [--vitrine-card-radius=var(--vitrine-radius, 0.5em)] - Corner radius.
 * @cssproperty [--vitrine-card-background=var(--vitrine-color-surface, #fff)] - Card background.
 * @cssproperty [--vitrine-card-border-color=var(--vitrine-color-border, #d0d5dd)] - Card outline.
 * @cssproperty [--vitrine-card-image-background=var(--vitrine-color-surface-muted, #f3f4f6)] - Behind the image.
 * @cssproperty [--vitrine-card-cta-background=var(--vitrine-color-accent, #1a56db)] - Call-to-action background.
 * @cssproperty [--vitrine-card-cta-color=var(--vitrine-color-on-accent, #fff)] - Call-to-action text.
 * @cssproperty [--vitrine-color-text=#1a1a1a] - Text color.
 * @cssproperty [--vitrine-color-text-muted=#595959] - Brand, struck price and sold-out text.
 * @cssproperty [--vitrine-color-sale=#b42318] - The sale price.
 * @cssproperty [--vitrine-color-success=#1b6e37] - "In stock".
 * @cssproperty [--vitrine-color-notice=#8a4500] - "Pre-order" and "Back-order".
 * @cssproperty [--vitrine-color-skeleton=#e5e7eb] - Placeholder bars of the skeleton.
 *
 * @fires {ProductClickRequestDetail} vitrine-product-click-request - Cancelable, on a plain click; cancel it to
 * stop the navigation and show the product your own way.
 * @fires {TrackDetail} vitrine-track - `Product Clicked` on every click (before navigation) and `Product Viewed`
 * once the card was at least half visible for one second.
 * @fires {ErrorDetail} vitrine-error - Non-fatal `invalid-data` when a product handed in directly has a URL that is
 * not http(s) (the card then renders without a link and without a call to action; a relative URL resolves against
 * the page), or is not an object or lacks a field a feed's product needs, named by `path` such as `product.price`
 * (the card then stays a placeholder). Non-fatal `invalid-attribute` when `position` is not a whole number from 1.
 */
export class VitrineProductCard extends LitElement {
  static override styles = [sharedStyles, productCardStyles];
  // Declared statically rather than with decorators: no decorator helpers in the bundle.
  static override properties = {
    product: { attribute: false },
    position: { type: Number, reflect: true },
    listId: { attribute: 'list-id', reflect: true },
    target: { reflect: true },
    locale: { reflect: true },
    skeleton: { type: Boolean, reflect: true },
    strings: { attribute: false },
    viewedProducts: { attribute: false },
  };
  // Focusing the host (as the carousel does) focuses the link.
  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true };

  /** The product to show (rich data: a property, not an attribute). Without one the card renders as a skeleton. */
  product?: Product;

  /** 1-based position in the list the card belongs to; reported in events. */
  position?: number;

  /** The list this card is shown in; reported as `list_id` and `listId`. */
  listId?: string;

  /** Where the product link opens (`_blank` for a new tab); the same tab by default. */
  target?: string;

  /** Overrides the language and price format (a BCP 47 tag such as `de-DE`). */
  locale?: string;

  /** Renders the loading placeholder, with exactly the dimensions of a loaded card. */
  skeleton = false;

  /** Per-instance overrides of shopper-facing strings, e.g. `{ viewProduct: 'Shop now' }`. */
  strings?: Partial<Strings>;

  /**
   * Product ids already reported as viewed. A virtualised carousel shares one set between the cards it
   * re-creates, so scrolling a product out and back in does not count it twice.
   */
  viewedProducts: Set<string> = new Set();

  readonly #localize = new LocalizeController(this);
  #visibilityObserver: IntersectionObserver | undefined;
  #viewTimer: ReturnType<typeof setTimeout> | undefined;
  #halfVisible = false;
  #failedImageUrl: string | undefined;
  /** `product` as checked and completed (images, availability), or undefined when it cannot be shown. */
  #shown: Product | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    reportDataAttributes(this);
    document.addEventListener('visibilitychange', this.#onDocumentVisibility);
    this.#observeVisibility();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('visibilitychange', this.#onDocumentVisibility);
    this.#stopObservingVisibility();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('product')) this.#shown = this.product == null ? undefined : this.#readable(this.product);
    const position = this.position;
    if (changed.has('position') && position != null && !(position > 0 && position % 1 == 0)) {
      reportAttribute(this, Attribute.position, 'a whole number from 1');
    }
    if ((changed.has('product') || changed.has('skeleton')) && this.isConnected) {
      this.#stopObservingVisibility();
      this.#observeVisibility();
    }
  }

  protected override render(): TemplateResult {
    const product = this.#shown;
    if (this.skeleton || !product) return this.#renderSkeleton();
    const { t } = this.#localize;
    const url = toSafeUrl(product.url);
    const opensNewTab = !!this.target && this.target !== '_self';
    // Brand and title take their direction from their text: a Latin name on an Arabic page is cut at its end, not its
    // start, and ends with its full stop.
    return html`
      <div part="card" class="card ${product.availability}">
        <div class="image-frame">${this.#renderImage(product)}</div>
        <div class="body">
          <p part="brand" class="brand" dir="auto">${product.brand ?? ''}</p>
          <p part="title" class="title" dir="auto">
            <a
              part="link"
              class="link"
              href=${ifDefined(url)}
              target=${ifDefined(opensNewTab ? this.target : undefined)}
              rel=${ifDefined(opensNewTab ? 'noopener' : undefined)}
              @click=${this.#onLinkClick}
              @auxclick=${this.#onLinkAuxClick}
              >${product.title}${this.target === '_blank'
                ? html`<span class="visually-hidden"> ${t('opensInNewTab')}</span>`
                : nothing}</a
            >
          </p>
          ${this.#renderPrice(product)}
          <p part="availability" class="availability">${t(AVAILABILITY_TEXT[product.availability])}</p>
          ${url === undefined
            ? html`<span class="cta-space"></span>`
            : html`<span part="cta" class="cta" aria-hidden="true">${t('viewProduct')}</span>`}
        </div>
      </div>
    `;
  }

  #renderImage(product: Product): TemplateResult | typeof nothing {
    const image = product.images[0];
    const src = image && toSafeUrl(image.url);
    if (!image || src === undefined || src === this.#failedImageUrl) return nothing;
    // alt="" because the title beside it already names the product.
    return html`<img
      part="image"
      src=${src}
      alt=""
      loading="lazy"
      decoding="async"
      width=${ifDefined(image.width)}
      height=${ifDefined(image.height)}
      @error=${() => this.#onImageError(src)}
    />`;
  }

  #renderPrice(product: Product): TemplateResult {
    const { t, locale } = this.#localize;
    const compareAt = product.compareAtPrice;
    if (!compareAt) {
      return html`<p part="price" class="price"><span>${formatPrice(product.price, locale)}</span></p>`;
    }
    // Screen readers do not announce <s>, so both prices say what they are.
    return html`<p part="price" class="price">
      <span class="sale"><span class="visually-hidden">${t('salePrice')}: </span>${formatPrice(product.price, locale)}</span>
      <s part="compare-at-price" class="compare-at"
        ><span class="visually-hidden">${t('originalPrice')}: </span>${formatPrice(compareAt, locale)}</s
      >
    </p>`;
  }

  #renderSkeleton(): TemplateResult {
    return html`
      <div part="card" class="card skeleton" aria-hidden="true">
        <div class="image-frame"></div>
        <div class="body">
          <p class="brand"><span class="bone short"></span></p>
          <p class="title"><span class="bone"></span><span class="bone long"></span></p>
          <p class="price"><span class="bone"></span></p>
          <p class="availability"><span class="bone short"></span></p>
          <span class="cta bone-cta"></span>
        </div>
      </div>
    `;
  }

  #onLinkClick(event: MouseEvent): void {
    const product = this.#shown;
    if (!product) return;
    // A modified click opens a new tab or window: the shopper asked for the browser's behaviour, not the host's.
    const plainClick = event.button === 0 && !event.ctrlKey && !event.metaKey && !event.shiftKey && !event.altKey;
    if (plainClick) {
      const detail: ProductClickRequestDetail = { product, position: this.position, listId: this.listId };
      const allowed = emit<ProductClickRequestDetail>(this, VitrineEvent.productClickRequest, detail, { cancelable: true });
      if (!allowed) event.preventDefault();
    }
    this.#trackClick(product);
  }

  #onLinkAuxClick(event: MouseEvent): void {
    if (event.button === 1 && this.#shown) this.#trackClick(this.#shown);
  }

  #trackClick(product: Product): void {
    emitTrack(this, TrackedEvent.productClicked, this.#trackProperties(product));
  }

  #trackProperties(product: Product): Record<string, unknown> {
    const properties = productProperties(product, this.position);
    if (this.listId) properties.list_id = this.listId;
    return properties;
  }

  #onImageError(src: string): void {
    this.#failedImageUrl = src;
    this.requestUpdate();
  }

  /**
   * A product handed in directly is checked as a feed's products are, so a missing field is reported rather than
   * thrown into the page (the card then stays a placeholder). Its link is the exception: a refused URL leaves the
   * card without one, reported, and shown otherwise.
   */
  #readable(product: Product): Product | undefined {
    // Relative URLs resolve against the page, as they do in a catalog's inline products.
    const base = document.baseURI;
    try {
      const read = readProduct(product instanceof Object ? { ...product, url: CHECKED_LATER } : product, 'product', base);
      const url = toSafeUrl(product.url, base);
      if (url === undefined) {
        reportError(this, new VitrineError('invalid-data', `product "${read.id}" url: expected an http(s) URL`, { path: 'product.url', fatal: false }));
      }
      return { ...read, url: url ?? '' };
    } catch (error) {
      reportError(this, error as VitrineError);
      return undefined;
    }
  }

  // Product Viewed: half visible, page visible, for one uninterrupted second; once per product.

  #observeVisibility(): void {
    const product = this.#shown;
    if (this.skeleton || !product || this.viewedProducts.has(product.id) || typeof IntersectionObserver === 'undefined') return;
    this.#visibilityObserver = new IntersectionObserver((entries) => this.#onIntersection(entries), { threshold: VIEW_THRESHOLD });
    this.#visibilityObserver.observe(this);
  }

  #stopObservingVisibility(): void {
    this.#visibilityObserver?.disconnect();
    this.#visibilityObserver = undefined;
    this.#halfVisible = false;
    this.#cancelViewTimer();
  }

  #onIntersection(entries: IntersectionObserverEntry[]): void {
    const entry = entries[entries.length - 1];
    this.#halfVisible = entry !== undefined && entry.isIntersecting && entry.intersectionRatio >= VIEW_THRESHOLD;
    this.#syncViewTimer();
  }

  readonly #onDocumentVisibility = (): void => this.#syncViewTimer();

  #syncViewTimer(): void {
    if (this.#halfVisible && document.visibilityState === 'visible') {
      this.#viewTimer ??= setTimeout(() => this.#onViewed(), VIEW_DWELL_MS);
    } else {
      this.#cancelViewTimer();
    }
  }

  #cancelViewTimer(): void {
    if (this.#viewTimer !== undefined) clearTimeout(this.#viewTimer);
    this.#viewTimer = undefined;
  }

  #onViewed(): void {
    this.#viewTimer = undefined;
    const product = this.#shown;
    if (!product || !this.isConnected || this.viewedProducts.has(product.id)) return;
    this.viewedProducts.add(product.id);
    this.#stopObservingVisibility();
    emitTrack(this, TrackedEvent.productViewed, this.#trackProperties(product));
  }
}
