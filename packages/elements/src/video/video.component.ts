import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { VitrineError, type ProductSource } from '@vitrine/core';
import { LocalizeController } from '../internal/i18n.js';
import { mayPass, reportDataAttributes, reportError } from '../internal/report-error.js';
import type { Strings } from '../internal/strings.js';
import { videoStrings } from './video.strings.js';
import { sharedStyles } from '../styles/shared.styles.js';
import { statusStyles } from '../styles/status.styles.js';
import { ClipModel } from './clip-model.js';
import { asFatal } from './clip-source.js';
import { EngineSession, playVideo } from './engine-session.js';
import { renderEmpty, renderError, renderFacade, renderLoading } from './facade.js';
import type { Player } from './player.js';
import { videoStyles } from './video.styles.js';
import { ViewportController } from './viewport-controller.js';

/** A stream slower than this to show its first frame gets its controls (mute, pause) before the picture. */
const CONTROLS_AT_THE_LATEST_MS = 500;

export type { VideoProductClickRequestDetail } from './shopping-controller.js';

type Phase = 'loading' | 'empty' | 'ready' | 'active' | 'error';

/**
 * A shoppable clip: a poster facade that costs no layout shift and no player code, then HLS (hls.js, loaded on
 * demand) or MP4 playback with its own accessible controls, product tags at their second and spot, and a product tray.
 *
 * @tag vitrine-video
 * @summary A shoppable video: timed product tags and hotspots, a product tray, Segment video analytics.
 *
 * @csspart frame - The player's box, sized by the aspect ratio before anything loads.
 * @csspart poster - The poster image, shown until the first frame and behind the error message.
 * @csspart video - The `<video>` element (only once playback was wanted).
 * @csspart play-button - The facade's big play button.
 * @csspart badge - The facade's product count ("3 products").
 * @csspart status - The empty or error message.
 * @csspart retry - The error message's "Try again" button, offered when the failure may pass (the network, the server), not for a clip file that is not a clip or a video the browser cannot play.
 * @csspart tags - The layer of product tags over the picture.
 * @csspart tag - One product tag: a hotspot dot (when the cue has x/y) and a compact card.
 * @csspart hotspot - The dot at the cue's x/y.
 * @csspart tag-link - The tag's card, a link to the product page.
 * @csspart tag-image - The tag's product image.
 * @csspart tag-label - The cue's label, when it has one.
 * @csspart tag-title - The tag's product title.
 * @csspart tag-price - The tag's price.
 * @csspart tag-cta - The tag's call to action.
 * @csspart captions - The caption text over the picture.
 * @csspart controls - The control bar.
 * @csspart seek - The seek bar (a range input).
 * @csspart marker - A product cue's mark on the seek bar.
 * @csspart time - "0:05 / 0:12".
 * @csspart control - Every control button (each also has its own part below).
 * @csspart play-pause - The play/pause button.
 * @csspart mute - The mute button.
 * @csspart captions-button - The captions toggle (only when the clip has captions).
 * @csspart tray-button - "Products (3)", which opens the tray.
 * @csspart fullscreen - The full screen button (where the browser allows it).
 * @csspart tray-close - The tray's close button.
 * @csspart tray - The product tray panel.
 * @csspart tray-item - One product in the tray.
 * @csspart tray-image - A tray product's image.
 * @csspart tray-link - A tray product's title, a link to its page.
 * @csspart tray-price - A tray product's price.
 * @csspart jump - A tray product's "Jump to 0:05" button.
 *
 * @cssproperty [--vitrine-video-radius=var(--vitrine-radius, 0.5em)] - Corner radius of the player.
 * @cssproperty [--vitrine-video-background=#111] - Behind the poster and the picture, and while the clip loads.
 * @cssproperty [--vitrine-video-accent=var(--vitrine-color-accent, #1a56db)] - Play button, seek bar, markers, hotspots.
 * @cssproperty [--vitrine-video-on-accent=var(--vitrine-color-on-accent, #fff)] - Icons on the accent color.
 * @cssproperty [--vitrine-video-controls-background=rgb(0 0 0 / 65%)] - The control bar.
 * @cssproperty [--vitrine-video-controls-color=#fff] - Control icons and time.
 * @cssproperty [--vitrine-video-tag-width=13em] - Width of a product tag's card.
 * @cssproperty [--vitrine-video-tag-background=var(--vitrine-color-surface, #fff)] - Product tag cards and the tray.
 * @cssproperty [--vitrine-video-tray-width=20em] - Widest size of the product tray.
 * @cssproperty [--vitrine-video-focus-ring-color=#fff] - Focus ring over the video (ringed by `--vitrine-focus-ring-color`).
 * @cssproperty [--vitrine-color-text=#1a1a1a] - Text on tags and in the tray.
 * @cssproperty [--vitrine-color-text-muted=#595959] - Cue labels.
 *
 * @fires {VideoProductClickRequestDetail} vitrine-product-click-request - Cancelable, on a plain click on a tag or a
 * tray product; cancel it to show the product your own way. Otherwise the link opens (a new tab by default).
 * @fires {TrackDetail} vitrine-track - `Video Playback Started`, `Video Playback Paused`, `Video Playback Resumed`,
 * `Video Content Playing` (`percent` 25/50/75/100), `Video Playback Completed`, `Product Clicked` (`position`,
 * `list_id`, `source` tag or tray) and `Product Viewed` (a tag shown for one second).
 * @fires {ErrorDetail} vitrine-error - Fatal: `clip-unreachable` (also when the clip file has not answered within 15
 * seconds), `invalid-data` (the clip file is not a clip, or its `src` or a cue is invalid), `invalid-attribute`
 * (`clip`), `media-not-found`, `media-network`, `media-decode`, `media-unsupported`. Non-fatal, naming the first bad
 * field: products could not be loaded or were skipped as invalid (`invalid-data`; `source-invalid-feed` when a
 * `source` answers without a `products` array); an invalid optional field of the clip file, which plays without it
 * (`invalid-data`: `poster`, `aspectRatio`, `captions[i]`, `creatorId`, `products`, or `id` when there is no
 * `clip-id`); invalid `cues` (`invalid-data`) or an ignored attribute (`invalid-attribute`); a cue naming an unknown
 * product (`invalid-data`); a caption file that could not be loaded (`media-not-found`).
 */
export class VitrineVideo extends LitElement {
  static override styles = [sharedStyles, statusStyles, videoStyles];
  // Declared statically rather than with decorators: no decorator helpers in the bundle.
  static override properties = {
    clip: { reflect: true },
    src: { reflect: true },
    poster: { reflect: true },
    aspectRatio: { attribute: 'aspect-ratio', reflect: true },
    clipId: { attribute: 'clip-id', reflect: true },
    creatorId: { attribute: 'creator-id', reflect: true },
    products: { attribute: false },
    source: { attribute: false },
    cues: { attribute: false },
    autoplay: { type: Boolean, reflect: true },
    keepPlayingOffscreen: { type: Boolean, attribute: 'keep-playing-offscreen', reflect: true },
    target: { reflect: true },
    locale: { reflect: true },
    strings: { attribute: false },
    phase: { state: true },
  };

  /** URL of a clip file: `{id, src, poster?, aspectRatio?, creatorId?, captions?, cues?, products?}` (`id` may be left to `clip-id`). */
  clip?: string;
  /** The video: an HLS playlist (`.m3u8`) or a progressive file (MP4). Overrides the clip file's. */
  src?: string;
  /** The poster image. Overrides the clip file's. */
  poster?: string;
  /** Width to height: `16:9` (default), `9:16`, `1.78`. Reserves the box before the clip file loads (16:9 without it). Overrides the clip file's. */
  aspectRatio?: string;
  /** Reported as `clip_id`. Overrides the clip file's `id`, or stands in for a missing one. */
  clipId?: string;
  /** Reported as `creator_id`. Overrides the clip file's `creatorId`. */
  creatorId?: string;
  /** Inline product data (an array or a feed object), validated like a feed; every product belongs to the clip. */
  products?: unknown;
  /** Any product source: the products the cues name are taken from it, validated like a feed's. Wins over `products`. */
  source?: ProductSource;
  /** Product cues `[{productId, start, end, x?, y?, label?}]` (seconds; x/y in % of the picture). Override the clip file's. */
  cues?: unknown;
  /** Starts muted once at least half of the player is on screen. */
  autoplay = false;
  /** Keeps playing when scrolled out of view; by default the player pauses. */
  keepPlayingOffscreen = false;
  /** Where product links open: a new tab (`_blank`) by default, so the video keeps its place; `_self` for this tab. */
  target?: string;
  /** Overrides the language and price format (a BCP 47 tag such as `de-DE`). */
  locale?: string;
  /** Per-instance overrides of shopper-facing strings. */
  strings?: Partial<Strings>;

  private phase: Phase = 'empty';

  readonly #localize = new LocalizeController(this, videoStrings);
  readonly #model = new ClipModel(this, { changed: (srcChanged) => this.#onClipChanged(srcChanged), failed: (error) => this.#fail(error, 'clip') });
  readonly #viewport = new ViewportController(this, () => this.#onViewportChange());
  readonly #engine = new EngineSession({ failed: (error) => this.#fail(error, 'media'), dateRanges: (cues) => this.#model.setStreamCues(cues) });
  /** The player's code, fetched on the first sign of intent (hover, focus, click, autoplay). */
  #playerModule: Promise<typeof import('./player.js')> | undefined;
  #player: Player | undefined;
  #errorFrom: 'clip' | 'media' = 'media';
  /** What the error state shows, so "Try again" is offered only if it can help. */
  #failure: VitrineError | undefined;
  #autoplayed = false;
  #pausedOffscreen = false;
  /** Focus was on a button that goes away (play, Try again): it moves on to the player's first control. */
  #moveFocusOn = false;

  /** Plays, leaving the facade first if needed. Never rejects. */
  async play(): Promise<void> {
    const video = this.#video;
    if (this.phase === 'active') return video ? playVideo(video) : undefined;
    if (this.phase === 'ready') return this.#start(false);
  }

  /** Pauses playback, if any. */
  pause(): void {
    this.#video?.pause();
  }

  get #video(): HTMLVideoElement | null {
    return this.renderRoot?.querySelector('video') ?? null;
  }

  /** After an error: fetches the clip file again, or builds a new player for the video and plays it. */
  retry(): void {
    if (this.phase !== 'error') return;
    if (this.#errorFrom === 'clip') return this.#model.loadClip();
    this.phase = 'ready';
    void this.#start(this.#player?.playback.muted ?? false);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    reportDataAttributes(this);
    this.#model.resume();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // Removed from the page: stop downloading. A move (out and back in within one task) keeps playing.
    queueMicrotask(() => {
      if (this.isConnected) return;
      this.#model.suspend();
      if (this.phase !== 'active') return;
      this.#stop();
      this.phase = 'ready';
    });
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.#model.update(changed);
    if (changed.has('autoplay')) this.#maybeAutoplay();
  }

  protected override updated(): void {
    // The box's ratio through CSSOM, not a style attribute, which a strict Content-Security-Policy blocks.
    this.renderRoot.querySelector<HTMLElement>('.frame')!.style.setProperty('--_ratio', String(this.#model.view.ratio));
    if (this.phase === 'active') this.#player?.updated();
  }

  protected override render(): TemplateResult {
    const { t } = this.#localize;
    const { poster, captions } = this.#model.view;
    const active = this.phase === 'active';
    const player = active ? this.#player : undefined;
    // Cross-origin caption files need CORS; a same-origin clip plays without it.
    const crossOrigin = captions.some((track) => new URL(track.src).origin !== location.origin);
    return html`<div
      part="frame"
      class="frame ${this.phase} ${player?.idle ? 'idle' : ''}"
      role="group"
      aria-label=${t('videoPlayer')}
      tabindex=${active ? '-1' : nothing}
      @keydown=${(event: KeyboardEvent) => player?.onKeydown(event, this.#togglePlay)}
      @pointermove=${() => player?.wake()}
      @pointerdown=${(event: PointerEvent) => this.#onPointerDown(event, player)}
      @pointercancel=${() => (this.#wakingTap = false)}
      @click=${this.#swallowWakingTap}
      @focusin=${() => player?.wake()}
      @focusout=${(event: FocusEvent) => player?.onFocusOut(event)}
    >
      <div class="picture">
        ${poster && this.phase !== 'loading' ? html`<img part="poster" class="poster" src=${poster} alt="" decoding="async" />` : nothing}
        ${active
          ? html`<video
              part="video"
              class="video"
              playsinline
              poster=${ifDefined(poster)}
              crossorigin=${ifDefined(crossOrigin ? 'anonymous' : undefined)}
              @click=${this.#togglePlay}
            >
              ${captions.map(
                (track) =>
                  html`<track kind="captions" src=${track.src} srclang=${track.lang} label=${track.label} @error=${() => this.#model.captionsFailed(track)} />`,
              )}
            </video>`
          : nothing}
        ${player?.renderPicture()}
      </div>
      ${this.#renderOverlay(player)}
    </div>`;
  }

  #renderOverlay(player: Player | undefined): TemplateResult {
    const { t } = this.#localize;
    switch (this.phase) {
      case 'loading':
        return renderLoading(t);
      case 'empty':
        return renderEmpty(t);
      case 'error':
        return renderError(t, mayPass(this.#failure) ? () => this.#onRetryClick() : undefined);
      case 'ready':
        return renderFacade({ t, productCount: this.#model.trayItems().length, play: () => this.#start(false), warm: this.#warm, press: this.#press });
      case 'active':
        // Until the player has arrived, a spinner over the poster.
        return player?.renderOverlay(this.#togglePlay) ?? html`<span class="spinner" aria-hidden="true"></span>`;
    }
  }

  // Phases: loading → ready (the facade) or empty → active (the player) → error, and back with retry.

  #onClipChanged(srcChanged: boolean): void {
    if (srcChanged) {
      this.#stop();
      this.#player?.forgetViews();
    }
    if (this.#model.pending) this.phase = 'loading';
    else if (srcChanged || this.phase !== 'active') this.phase = this.#model.view.src ? 'ready' : 'empty';
    this.requestUpdate();
    this.#maybeAutoplay();
    this.#restoreFocus();
  }

  #loadPlayer(): Promise<typeof import('./player.js')> {
    // A failed download is forgotten, so Try again fetches it again.
    return (this.#playerModule ??= import('./player.js').catch((error: unknown) => {
      this.#playerModule = undefined;
      throw error;
    }));
  }

  /**
   * Intent to play: the engine starts at once and the player's code downloads beside it, but the controls are drawn
   * only once the first frame is up (or the stream is slow): drawn sooner, they hold the main thread that hls.js
   * needs to turn the first segment into a picture.
   */
  async #start(muted: boolean): Promise<void> {
    const src = this.#model.view.src;
    if (!src || this.phase === 'active') return;
    // Pressed from the keyboard: the play button goes, so focus moves into the player rather than onto <body>.
    // A clicked button has focus too, but not :focus-visible; focus in the controls would keep them from fading.
    this.#moveFocusOn ||= this.shadowRoot?.activeElement?.matches(':focus-visible') === true;
    this.phase = 'active';
    const player = this.#loadPlayer();
    // Handled in #attachPlayer, unless the start is abandoned before it gets there.
    player.catch(() => undefined);
    await this.updateComplete;
    const video = this.#video;
    if (!video || this.phase !== 'active') return;
    if (this.#moveFocusOn) this.renderRoot.querySelector<HTMLElement>('.frame')?.focus();
    // Caption files load now (hidden: we draw the captions), so one that fails takes its button away unpressed.
    for (const track of video.textTracks) track.mode = 'hidden';
    const playing = this.#engine.start(video, src, muted);
    await Promise.race([playing, new Promise((resolve) => setTimeout(resolve, CONTROLS_AT_THE_LATEST_MS))]);
    void this.#attachPlayer(player, video);
    await playing;
  }

  async #attachPlayer(load: Promise<typeof import('./player.js')>, video: HTMLVideoElement): Promise<void> {
    let module: typeof import('./player.js');
    try {
      module = await load;
    } catch (cause) {
      if (this.phase === 'active') this.#fail(new VitrineError('media-network', 'the video player could not be downloaded', { cause }), 'media');
      return;
    }
    // Gone meanwhile (an error, another source, removed from the page): nothing to follow.
    if (this.phase !== 'active' || this.#video !== video) return;
    this.#player ??= new module.Player(this, { model: this.#model, localize: this.#localize, seen: () => this.#viewport.seen && this.phase === 'active' });
    this.#player.attach(video);
    this.requestUpdate();
    this.#restoreFocus();
  }

  #stop(): void {
    this.#engine.stop();
    this.#player?.stop();
  }

  #fail(error: VitrineError, from: 'clip' | 'media'): void {
    // Focus inside the player would fall to <body> with the controls: it goes to "Try again" instead.
    this.#moveFocusOn ||= this.shadowRoot?.activeElement != null;
    this.#stop();
    this.#errorFrom = from;
    this.#failure = asFatal(error, 'media-network');
    this.phase = 'error';
    reportError(this, this.#failure);
    this.#restoreFocus();
  }

  #onRetryClick(): void {
    // The button goes away: focus moves on to the player (or back here if it fails again), never to <body>.
    this.#moveFocusOn = true;
    this.retry();
  }

  #restoreFocus(): void {
    if (!this.#moveFocusOn || this.phase === 'loading' || (this.phase === 'active' && !this.#player)) return;
    this.#moveFocusOn = false;
    void this.updateComplete.then(() => {
      // Failed for good, there is no "Try again": the error message (focusable for this) takes focus.
      const target = ['.retry', '.big-play', '.controls .control', '.error-message'].map((selector) => this.renderRoot.querySelector<HTMLElement>(selector)).find(Boolean);
      (target ?? this.renderRoot.querySelector<HTMLElement>('.frame'))?.focus();
    });
  }

  #maybeAutoplay(): void {
    if (!this.autoplay || this.#autoplayed || this.phase !== 'ready' || !this.#viewport.halfVisible) return;
    this.#autoplayed = true;
    void this.#start(true);
  }

  /** Hover or focus on the play button: fetch the player's code and open the video's connection. */
  readonly #warm = (): void => {
    const src = this.#model.view.src;
    if (!src) return;
    this.#engine.warm(src);
    this.#loadPlayer().catch(() => undefined);
  };

  /** Pointer down or a key held on play: hls.js starts downloading before the click lands. */
  readonly #press = (): void => {
    const src = this.#model.view.src;
    if (src) this.#engine.preload(src);
  };

  #onViewportChange(): void {
    const video = this.phase === 'active' ? this.#video : null;
    if (!this.#viewport.onScreen && !this.keepPlayingOffscreen && video && !video.paused) {
      this.#pausedOffscreen = true;
      video.pause();
    } else if (video && this.#viewport.halfVisible && this.#pausedOffscreen && this.autoplay) {
      // A clip that started by itself starts again by itself; one the viewer started waits for the viewer.
      this.#pausedOffscreen = false;
      void playVideo(video);
    }
    this.#maybeAutoplay();
    this.#player?.syncViews();
  }

  /**
   * A finger cannot see what it would press under faded controls, and brings no pointer move first: a tap on them or
   * on the picture then only brings the controls back. Tags never fade, so a tap on one always counts.
   */
  #wakingTap = false;

  #onPointerDown(event: PointerEvent, player: Player | undefined): void {
    this.#wakingTap = event.pointerType !== 'mouse' && !!player?.idle && !(event.target as Element).closest('.tags');
    player?.wake();
  }

  readonly #swallowWakingTap = {
    capture: true,
    handleEvent: (event: Event): void => {
      if (!this.#wakingTap) return;
      this.#wakingTap = false;
      event.stopPropagation();
      event.preventDefault();
    },
  };

  readonly #togglePlay = (): void => {
    this.#pausedOffscreen = false;
    const video = this.#video;
    if (video?.paused) void playVideo(video);
    else video?.pause();
  };
}
