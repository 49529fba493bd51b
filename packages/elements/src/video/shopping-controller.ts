import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { TrackedEvent, productProperties, type Product } from '@vitrine/core';
import { VitrineEvent, type ClickSource } from '../internal/constants.js';
import { emit, emitTrack } from '../internal/events.js';
import type { ProductClickRequestDetail } from '../product-card/product-card.component.js';
import type { ClipModel } from './clip-model.js';
import { clipProperties, seconds } from './playback-analytics.js';
import type { PlaybackController } from './playback-controller.js';
import { opensNewTab } from './product-tags.js';
import { TagViewTimer } from './tag-views.js';

/** A product click inside a video: the card's detail (position in the clip's products, the clip as list) and more. */
export interface VideoProductClickRequestDetail extends ProductClickRequestDetail {
  source: ClickSource;
  clipId: string | undefined;
  creatorId: string | undefined;
  /** Seconds into the video, two decimals. */
  videoPosition: number;
}

type ShoppingHost = ReactiveControllerHost & HTMLElement & { target?: string };

/**
 * What the shopper does with the products of a clip: clicks on tags and tray items (asked of the host first, tracked
 * either way, with the clip and the second) and tags seen for a second (Product Viewed, once per cue).
 */
export class ShoppingController implements ReactiveController {
  readonly #host: ShoppingHost;
  readonly #model: ClipModel;
  readonly #playback: PlaybackController;
  readonly #seen: () => boolean;
  readonly #views = new TagViewTimer((key) => this.#onViewed(key));

  constructor(host: ShoppingHost, model: ClipModel, playback: PlaybackController, seen: () => boolean) {
    this.#host = host;
    this.#model = model;
    this.#playback = playback;
    this.#seen = seen;
    host.addController(this);
  }

  /** `_blank` unless the host chose otherwise: the video keeps its place. */
  get target(): string {
    return this.#host.target || '_blank';
  }

  hostUpdated(): void {
    this.syncViews();
  }

  hostDisconnected(): void {
    this.#views.reset();
  }

  /** Times the tags showing now, while the player is seen; stops timing the others. */
  syncViews(): void {
    // Drawn, not only rendered: a narrow player shows the newest tags only.
    const tags = this.#seen() ? [...(this.#host.shadowRoot?.querySelectorAll<HTMLElement>('[part~="tag"]') ?? [])] : [];
    const drawn = new Set(tags.filter((tag) => tag.getClientRects().length > 0).map((tag) => tag.dataset.productId));
    this.#views.update(new Set(this.#playback.active.filter((cue) => drawn.has(cue.productId)).map((cue) => cue.key)));
  }

  /** A new clip: its cues may count again. */
  forgetViews(): void {
    this.#views.reset(true);
  }

  readonly onClick = (event: MouseEvent, product: Product, source: ClickSource): void => {
    if (event.type === 'auxclick' && event.button !== 1) return;
    const video = this.#playback.video;
    const videoPosition = seconds(video?.currentTime ?? 0);
    const { clipId, creatorId } = this.#model.view;
    // The clip is the list: the product's place among the clip's products, as a card reports its place in a list.
    const position = this.#model.trayItems().findIndex((item) => item.product.id === product.id) + 1;
    // A modified click opens a new tab or window: the shopper asked for the browser's behaviour, not the host's.
    if (event.type === 'click' && event.button === 0 && !(event.ctrlKey || event.metaKey || event.shiftKey || event.altKey)) {
      const detail: VideoProductClickRequestDetail = { product, position, listId: clipId, source, clipId, creatorId, videoPosition };
      if (!emit(this.#host, VitrineEvent.productClickRequest, detail, { cancelable: true })) event.preventDefault();
      else if (opensNewTab(this.target)) video?.pause();
    }
    emitTrack(this.#host, TrackedEvent.productClicked, {
      ...productProperties(product, position),
      ...(clipId ? { list_id: clipId } : {}),
      ...clipProperties(this.#model.view),
      video_position: videoPosition,
      source,
    });
  };

  #onViewed(key: string): void {
    const cue = this.#model.timeline.cues.find((candidate) => candidate.key === key);
    const product = cue && this.#model.products.get(cue.productId);
    if (product) emitTrack(this.#host, TrackedEvent.productViewed, { ...productProperties(product), ...clipProperties(this.#model.view) });
  }
}
