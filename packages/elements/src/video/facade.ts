import { html, nothing, svg, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Translate } from './product-tags.js';

const playIcon = svg`<path d="M7 4.5v11l9-5.5z" fill="currentColor" />`;

export interface FacadeContext {
  t: Translate;
  /** Products in the clip, for the badge; 0 shows none. */
  productCount: number;
  play(): void;
  /** Hover or focus on the play button: open the connection before the click. */
  warm(): void;
  /** The press that begins a click: fetch the engine before the button is released. */
  press(): void;
}

/** Enter clicks on keydown already; Space clicks on keyup, so its keydown is a press. */
const PRESS_KEYS = new Set(['Enter', ' ']);

/** The facade: the poster (drawn by the player), one big play button and the product count. No player code yet. */
export function renderFacade(context: FacadeContext): TemplateResult {
  const { t, productCount: count } = context;
  const badge = count === 1 ? t('productCountOne') : t('productCount', { count });
  return html`<button
      part="play-button"
      class="big-play"
      type="button"
      aria-label=${t('playVideo')}
      aria-describedby=${ifDefined(count > 0 ? 'badge' : undefined)}
      @click=${context.play}
      @pointerenter=${context.warm}
      @focus=${context.warm}
      @pointerdown=${context.press}
      @keydown=${(event: KeyboardEvent) => PRESS_KEYS.has(event.key) && context.press()}
    >
      <svg viewBox="0 0 20 20" aria-hidden="true">${playIcon}</svg>
    </button>
    ${count > 0 ? html`<span part="badge" id="badge" class="badge">${badge}</span>` : nothing}`;
}

export function renderLoading(t: Translate): TemplateResult {
  return html`<span class="visually-hidden" role="status">${t('loadingVideo')}</span>`;
}

export function renderEmpty(t: Translate): TemplateResult {
  return html`<p part="status" class="message">${t('noVideo')}</p>`;
}

/** The poster stays; the message sits over it, with "Try again" when trying again can help. */
export function renderError(t: Translate, retry: (() => void) | undefined): TemplateResult {
  return html`<div part="status" class="message error-message" tabindex="-1">
    <p role="alert">${t('videoError')}</p>
    ${retry ? html`<button part="retry" class="retry" type="button" @click=${retry}>${t('retry')}</button>` : nothing}
  </div>`;
}
