import { html, nothing, svg, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { Product } from '@vitrine/core';
import { ClickSource } from '../internal/constants.js';
import { formatPrice } from '../internal/format.js';
import type { TimedCue } from './cue-timeline.js';
import { productImage, productLink, type ProductLinkContext } from './product-tags.js';
import { formatTime } from './time.js';

export const TRAY_ID = 'tray';

/** A product of the clip, with the first moment it is shown (none for an inline product without a cue). */
export interface TrayItem {
  product: Product;
  cue: TimedCue | undefined;
}

export interface TrayContext extends ProductLinkContext {
  open: boolean;
  onJump(cue: TimedCue): void;
  onClose(): void;
}

const closeIcon = svg`<path d="M5 5l10 10M15 5 5 15" stroke="currentColor" stroke-width="2" stroke-linecap="round" />`;

/**
 * Every product of the clip in cue order: a non-modal dialog over the video, so the video keeps playing.
 * It stays in the DOM while closed (`hidden`), so the tray button's aria-controls always points somewhere.
 */
export function renderTray(items: readonly TrayItem[], context: TrayContext): TemplateResult {
  const { t } = context;
  return html`<div
    part="tray"
    id=${TRAY_ID}
    class="tray"
    role="dialog"
    aria-labelledby="tray-title"
    tabindex="-1"
    ?hidden=${!context.open}
  >
    <div class="tray-head">
      <span id="tray-title" class="tray-title">${t('productsInVideo')}</span>
      <button part="control tray-close" class="control tray-close" type="button" aria-label=${t('close')} @click=${context.onClose}>
        <svg viewBox="0 0 20 20" aria-hidden="true">${closeIcon}</svg>
      </button>
    </div>
    <ul class="tray-list" role="list">
      ${repeat(
        items,
        (item) => item.product.id,
        (item, index) => html`<li part="tray-item" class="tray-item">
          ${productImage(item.product, 'tray-image', true)}
          <div class="tray-text">
            ${productLink(item.product, ClickSource.tray, context, 'tray-link', html`<span id=${`tray-product-${index}`}>${item.product.title}</span>`)}
            <span part="tray-price" class="tray-price">${formatPrice(item.product.price, context.locale)}</span>
          </div>
          ${item.cue
            ? html`<button
                part="jump"
                class="jump"
                type="button"
                aria-describedby=${`tray-product-${index}`}
                @click=${() => context.onJump(item.cue!)}
              >
                ${t('jumpTo', { time: formatTime(item.cue.start) })}
              </button>`
            : nothing}
        </li>`,
      )}
    </ul>
  </div>`;
}

/** The tray's open state and its focus: into the panel on open, back to the tray button on close. */
export class TrayController {
  open = false;
  readonly #host: ReactiveControllerHost & HTMLElement;

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.#host = host;
  }

  toggle(): void {
    if (this.open) return this.close();
    this.open = true;
    this.#focusAfterUpdate('.tray');
  }

  close(): void {
    if (!this.open) return;
    this.open = false;
    this.#focusAfterUpdate('.tray-button');
  }

  /** The player left playback (error, new clip): the tray goes, without moving focus. */
  reset(): void {
    this.open = false;
  }

  #focusAfterUpdate(selector: string): void {
    this.#host.requestUpdate();
    void this.#host.updateComplete.then(() => this.#host.shadowRoot?.querySelector<HTMLElement>(selector)?.focus());
  }
}
