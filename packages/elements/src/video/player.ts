import { adoptStyles, html, nothing, type LitElement, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { LocalizeController } from '../internal/i18n.js';
import type { ClipModel } from './clip-model.js';
import { IdleController, placeMarkers, renderControls } from './controls.js';
import type { TimedCue } from './cue-timeline.js';
import { FullscreenController } from './fullscreen-controller.js';
import { PlaybackAnalytics } from './playback-analytics.js';
import { PlaybackController } from './playback-controller.js';
import { controlsStyles } from './controls.styles.js';
import { playerStyles } from './player.styles.js';
import { placeTags, renderTags, type ProductLinkContext } from './product-tags.js';
import { ShoppingController } from './shopping-controller.js';
import { TrayController, renderTray } from './tray.js';
import { SEEK_STEP, keyAction } from './video-keys.js';

export type PlayerHost = ReactiveControllerHost & LitElement & { target?: string };

/** What the player needs from the element that loaded it. */
export interface PlayerContext {
  model: ClipModel;
  localize: LocalizeController;
  /** At least half of the player is on screen, in a visible page. */
  seen(): boolean;
}

/**
 * Everything that exists only once playback is wanted: the controls, product tags and hotspots, captions, the tray,
 * clicks and playback analytics. Fetched on intent (a hover, focus, click or autoplay) beside the engine, so the
 * facade costs none of it; attached once the first frame is up.
 */
export class Player {
  readonly playback: PlaybackController;
  readonly #host: PlayerHost;
  readonly #context: PlayerContext;
  readonly #shopping: ShoppingController;
  readonly #tray: TrayController;
  readonly #idle: IdleController;
  readonly #fullscreen: FullscreenController;
  /** The tags a screen reader was last told about, and what it was told. */
  #announced = new Set<string>();
  #announcement = '';

  constructor(host: PlayerHost, context: PlayerContext) {
    this.#host = host;
    this.#context = context;
    const { model } = context;
    // The player's styles join the element's own only now.
    adoptStyles(host.renderRoot as ShadowRoot, [...(host.constructor as typeof LitElement).elementStyles, controlsStyles, playerStyles]);
    this.playback = new PlaybackController(host, model.timeline, new PlaybackAnalytics(host, () => model.view));
    this.#shopping = new ShoppingController(host, model, this.playback, context.seen);
    this.#tray = new TrayController(host);
    this.#idle = new IdleController(host, () => !this.playback.paused && !this.#tray.open);
    this.#fullscreen = new FullscreenController(host);
  }

  get idle(): boolean {
    return this.#idle.idle;
  }

  /** A pointer move, a key or focus inside the player. */
  readonly wake = (): void => this.#idle.wake();

  /** The host's focusout: when the focused tag goes with its cue, focus stays in the player rather than on <body>. */
  readonly onFocusOut = (event: FocusEvent): void => {
    const target = event.target as Element;
    if (event.relatedTarget || !target.closest('.tags')) return;
    const root = this.#host.renderRoot as ShadowRoot;
    // Removed, not left: the shopper clicking elsewhere leaves the tag in place.
    queueMicrotask(() => !target.isConnected && !root.activeElement && root.querySelector<HTMLElement>('.frame')?.focus());
  };

  /** Follows the `<video>` the engine plays. */
  attach(video: HTMLVideoElement): void {
    this.playback.attach(video);
    // The click that started playback came before the controls: they fade unless touched from now on.
    this.#idle.wake();
  }

  /** Lets go of the `<video>`; the tray closes with it. */
  stop(): void {
    this.playback.stop();
    this.#tray.reset();
  }

  /** A new clip: its tags may count as viewed again. */
  forgetViews(): void {
    this.#shopping.forgetViews();
  }

  syncViews(): void {
    this.#shopping.syncViews();
  }

  /** Call from the host's `updated`: positions through CSSOM (a strict CSP blocks style attributes). */
  updated(): void {
    placeTags(this.#host.renderRoot, this.playback.video);
    placeMarkers(this.#host.renderRoot);
    this.playback.syncSeekBar();
  }

  /** Over the `<video>`, inside the picture: the captions we draw and the product tags. */
  renderPicture(): TemplateResult {
    const playback = this.playback;
    return html`${playback.captionsOn && playback.caption ? html`<div part="captions" class="captions">${playback.caption}</div>` : nothing}
    ${renderTags(playback.active, this.#context.model.products, this.#linkContext())}`;
  }

  /** Over the picture: the spinner while waiting, the controls and the tray. */
  renderOverlay(togglePlay: () => void): TemplateResult {
    const { model, localize } = this.#context;
    const { t, locale } = localize;
    const playback = this.playback;
    const items = model.trayItems();
    const duration = playback.duration;
    const cues = model.timeline.cues.filter((cue) => model.products.has(cue.productId));
    const controls = renderControls(
      {
        paused: playback.paused,
        muted: playback.muted,
        second: playback.second,
        duration,
        markers: duration > 0 ? cues.map((cue) => Math.min(cue.start / duration, 1)) : [],
        hasCaptions: model.view.captions.length > 0,
        captionsOn: playback.captionsOn,
        canFullscreen: this.#fullscreen.available,
        fullscreen: this.#fullscreen.active,
        productCount: items.length,
        trayOpen: this.#tray.open,
      },
      {
        togglePlay,
        toggleMute: () => playback.toggleMute(),
        seek: (event) => playback.seekTo(Number((event.target as HTMLInputElement).value)),
        scrub: (on) => (playback.scrubbing = on),
        toggleCaptions: () => playback.toggleCaptions(locale.split('-')[0]!),
        toggleFullscreen: () => this.#fullscreen.toggle(),
        toggleTray: () => this.#tray.toggle(),
      },
      t,
    );
    const tray = renderTray(items, { ...this.#linkContext(), open: this.#tray.open, onJump: (cue) => this.#jump(cue), onClose: () => this.#tray.close() });
    return html`${playback.waiting && !playback.paused ? html`<span class="spinner" aria-hidden="true"></span>` : nothing}${controls}${tray}
      <span class="visually-hidden" role="status">${this.#announce()}</span>`;
  }

  /**
   * What a screen reader hears as tags appear over the picture, which it would not otherwise notice: the products
   * just shown. A tag that stays, or goes, changes nothing, so nothing is read twice.
   */
  #announce(): string {
    const { products } = this.#context.model;
    const shown = this.playback.active.filter((cue) => products.has(cue.productId));
    const fresh = shown.filter((cue) => !this.#announced.has(cue.key));
    this.#announced = new Set(shown.map((cue) => cue.key));
    if (fresh.length > 0) {
      this.#announcement = this.#context.localize.t('inTheVideo', { products: fresh.map((cue) => products.get(cue.productId)!.title).join(', ') });
    }
    return this.#announcement;
  }

  /** Space or K, M, arrows and Escape while focus is inside the player. */
  onKeydown(event: KeyboardEvent, togglePlay: () => void): void {
    // The CSS direction, which the range input follows: a stylesheet's `direction: rtl` counts as well as dir="rtl".
    const action = keyAction(event, this.#tray.open, getComputedStyle(this.#host).direction === 'rtl');
    if (!action) return;
    event.preventDefault();
    const playback = this.playback;
    if (action === 'toggle-play') togglePlay();
    else if (action === 'toggle-mute') playback.toggleMute();
    else if (action === 'close-tray') this.#tray.close();
    else playback.seekTo((playback.video?.currentTime ?? 0) + (action === 'back' ? -SEEK_STEP : SEEK_STEP));
  }

  #linkContext(): ProductLinkContext {
    const { t, locale } = this.#context.localize;
    return { t, locale, target: this.#shopping.target, onClick: this.#shopping.onClick };
  }

  #jump(cue: TimedCue): void {
    this.playback.seekTo(cue.start);
    this.#tray.close();
    void this.playback.play();
  }
}
