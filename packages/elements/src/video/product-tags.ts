import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { repeat } from 'lit/directives/repeat.js';
import { toSafeUrl, type Product } from '@vitrine/core';
import { ClickSource } from '../internal/constants.js';
import { formatPrice } from '../internal/format.js';
import type { StringKey } from '../internal/strings.js';
import type { TimedCue } from './cue-timeline.js';

export type Translate = (key: StringKey, values?: Record<string, string | number>) => string;

/** What a product link needs from the player: language, where links open and who hears about the click. */
export interface ProductLinkContext {
  t: Translate;
  locale: string;
  /** `_blank` by default, so the video keeps its place. */
  target: string;
  onClick(event: MouseEvent, product: Product, source: ClickSource): void;
}

/** A tag that sits this far right (or down) of the frame shows its card on the other side of the dot. */
const FLIP_AT = 55;

export function opensNewTab(target: string): boolean {
  return target !== '' && target !== '_self';
}

/** The product's first image, or nothing; alt="" because the title beside it names the product. */
export function productImage(product: Product, part: string, lazy: boolean): TemplateResult | typeof nothing {
  const src = toSafeUrl(product.images?.[0]?.url);
  if (src === undefined) return html`<span part=${part} class="thumb"></span>`;
  return html`<img part=${part} class="thumb" src=${src} alt="" decoding="async" loading=${lazy ? 'lazy' : 'eager'} />`;
}

/** A link to the product page; a plain click first asks the host (`vitrine-product-click-request`). */
export function productLink(product: Product, source: ClickSource, context: ProductLinkContext, part: string, content: unknown): TemplateResult {
  const newTab = opensNewTab(context.target);
  const click = (event: MouseEvent) => context.onClick(event, product, source);
  return html`<a
    part=${part}
    class="link"
    href=${ifDefined(toSafeUrl(product.url))}
    target=${ifDefined(newTab ? context.target : undefined)}
    rel=${ifDefined(newTab ? 'noopener' : undefined)}
    @click=${click}
    @auxclick=${click}
    >${content}${context.target === '_blank' ? html`<span class="visually-hidden"> ${context.t('opensInNewTab')}</span>` : nothing}</a
  >`;
}

function renderTag(cue: TimedCue, product: Product, context: ProductLinkContext): TemplateResult {
  const spot = cue.x !== undefined && cue.y !== undefined;
  const classes = `tag ${spot ? 'spot' : 'corner'} ${spot && cue.x! > FLIP_AT ? 'flip-x' : ''} ${spot && cue.y! > FLIP_AT ? 'flip-y' : ''}`;
  // Spaces between the lines, so the link's text reads "Sun hat €34.00", not "Sun hat€34.00".
  const card = html`${productImage(product, 'tag-image', false)}
    <span class="tag-text">
      ${cue.label ? html`<span part="tag-label" class="tag-label">${cue.label}</span>` : nothing}
      <span part="tag-title" class="tag-title">${product.title}</span>
      <span part="tag-price" class="tag-price">${formatPrice(product.price, context.locale)}</span>
    </span>
    <span part="tag-cta" class="tag-cta" aria-hidden="true">${context.t('viewProduct')}</span>`;
  return html`<div part="tag" class=${classes} data-product-id=${cue.productId} data-x=${ifDefined(cue.x)} data-y=${ifDefined(cue.y)}>
    ${spot ? html`<span part="hotspot" class="dot" aria-hidden="true"></span>` : nothing}
    ${productLink(product, ClickSource.tag, context, 'tag-link', card)}
  </div>`;
}

/**
 * The tags of the cues showing now, in the order they started: at their x/y as a dot with the card beside it, or
 * stacked in the corner. A cue whose product is unknown (not in the feed) shows nothing.
 */
export function renderTags(cues: readonly TimedCue[], products: ReadonlyMap<string, Product>, context: ProductLinkContext): TemplateResult {
  const shown = cues.filter((cue) => products.has(cue.productId));
  // Keyed: a tag keeps its element (its focus, its finished animation) while others come and go.
  return html`<div part="tags" class="tags">
    ${repeat(
      shown,
      (cue) => cue.key,
      (cue) => renderTag(cue, products.get(cue.productId)!, context),
    )}
  </div>`;
}

/**
 * Fits the tags layer to the picture, which `object-fit: contain` letterboxes when the video's ratio is not the box's:
 * x/y are percentages of the picture. Then places hotspot tags at their x/y (through CSSOM: a strict CSP blocks
 * style attributes).
 */
export function placeTags(root: ParentNode, video: HTMLVideoElement | undefined): void {
  const picture = root.querySelector<HTMLElement>('.picture');
  if (video?.videoHeight) picture?.style.setProperty('--_video-ratio', String(video.videoWidth / video.videoHeight));
  else picture?.style.removeProperty('--_video-ratio');
  for (const tag of root.querySelectorAll<HTMLElement>('[data-x]')) {
    tag.style.setProperty('--_x', `${tag.dataset.x}%`);
    tag.style.setProperty('--_y', `${tag.dataset.y}%`);
  }
}
