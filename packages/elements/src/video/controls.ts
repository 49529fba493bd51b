import { html, nothing, svg, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { Translate } from './product-tags.js';
import { formatTime } from './time.js';
import { TRAY_ID } from './tray.js';

export interface ControlsState {
  paused: boolean;
  muted: boolean;
  /** Whole seconds played; the bar itself moves every frame without a render. */
  second: number;
  duration: number;
  /** Where the cues start, as fractions of the duration. */
  markers: readonly number[];
  hasCaptions: boolean;
  captionsOn: boolean;
  canFullscreen: boolean;
  fullscreen: boolean;
  productCount: number;
  trayOpen: boolean;
}

export interface ControlsActions {
  togglePlay(): void;
  toggleMute(): void;
  seek(event: Event): void;
  scrub(active: boolean): void;
  toggleCaptions(): void;
  toggleFullscreen(): void;
  toggleTray(): void;
}

const icons = {
  play: svg`<path d="M6 4v12l10-6z" fill="currentColor" />`,
  pause: svg`<path d="M5 4h3v12H5zm7 0h3v12h-3z" fill="currentColor" />`,
  sound: svg`<path d="M3 8h3l4-4v12l-4-4H3z" fill="currentColor" /><path d="M13 7a4 4 0 0 1 0 6" fill="none" stroke="currentColor" stroke-width="2" />`,
  muted: svg`<path d="M3 8h3l4-4v12l-4-4H3z" fill="currentColor" /><path d="m13 8 4 4m0-4-4 4" fill="none" stroke="currentColor" stroke-width="2" />`,
  captions: svg`<rect x="2" y="4" width="16" height="12" rx="2" fill="none" stroke="currentColor" stroke-width="1.6" /><path d="M9 8.4a2 2 0 1 0 0 3.2m6-3.2a2 2 0 1 0 0 3.2" fill="none" stroke="currentColor" stroke-width="1.6" />`,
  enter: svg`<path d="M3 8V3h5m4 0h5v5m0 4v5h-5m-4 0H3v-5" fill="none" stroke="currentColor" stroke-width="2" stroke-linejoin="round" />`,
  exit: svg`<path d="M8 3v5H3m14 0h-5V3m0 14v-5h5M3 12h5v5" fill="none" stroke="currentColor" stroke-width="2" stroke-linejoin="round" />`,
  bag: svg`<path d="M4 7h12l-1 10H5zm3 0V5.5a3 3 0 0 1 6 0V7" fill="none" stroke="currentColor" stroke-width="2" stroke-linejoin="round" />`,
};

function icon(shape: TemplateResult): TemplateResult {
  return html`<svg viewBox="0 0 20 20" aria-hidden="true">${shape}</svg>`;
}

/** The player's own controls: every one a real button (or range input) with a label, reachable by Tab. */
export function renderControls(state: ControlsState, actions: ControlsActions, t: Translate): TemplateResult {
  const time = formatTime(state.second);
  const total = formatTime(state.duration);
  // The time is dir="ltr": on a right-to-left page it would otherwise read "0:10 / 0:03".
  return html`<div part="controls" class="controls">
    <div
      class="seek"
      @pointerdown=${(event: Event) => {
        // Faded, the bar lets presses through to here (controls.styles.ts): a tap only wakes it, and without its
        // mousedown the range input under the lifting finger does not jump there either.
        if (!(event.target instanceof HTMLInputElement)) event.preventDefault();
        actions.scrub(true);
      }}
      @pointerup=${() => actions.scrub(false)}
      @pointercancel=${() => actions.scrub(false)}
    >
      <input
        part="seek"
        class="seek-input"
        type="range"
        min="0"
        max=${state.duration > 0 ? state.duration : 0}
        step="any"
        aria-label=${t('seek')}
        aria-valuetext=${t('timeOf', { time, total })}
        @input=${actions.seek}
      />
      <div class="rail" aria-hidden="true"></div>
      <div class="rail-marks" aria-hidden="true">${state.markers.map((at) => html`<span part="marker" class="marker" data-at=${at}></span>`)}</div>
    </div>
    <div class="buttons">
      <button part="control play-pause" class="control" type="button" aria-label=${t(state.paused ? 'play' : 'pause')} @click=${actions.togglePlay}>
        ${icon(state.paused ? icons.play : icons.pause)}
      </button>
      <button part="control mute" class="control" type="button" aria-label=${t(state.muted ? 'unmute' : 'mute')} @click=${actions.toggleMute}>
        ${icon(state.muted ? icons.muted : icons.sound)}
      </button>
      <span part="time" class="time" dir="ltr">${time} / ${total}</span>
      <span class="spacer"></span>
      ${state.hasCaptions
        ? html`<button
            part="control captions-button"
            class="control"
            type="button"
            aria-label=${t('captions')}
            aria-pressed=${state.captionsOn ? 'true' : 'false'}
            @click=${actions.toggleCaptions}
          >
            ${icon(icons.captions)}
          </button>`
        : nothing}
      ${state.productCount > 0
        ? html`<button
            part="control tray-button"
            class="control tray-button"
            type="button"
            aria-expanded=${state.trayOpen ? 'true' : 'false'}
            aria-controls=${TRAY_ID}
            @click=${actions.toggleTray}
          >
            ${icon(icons.bag)}<span class="tray-label">${t('productsButton', { count: state.productCount })}</span
            ><span class="tray-count" aria-hidden="true">${state.productCount}</span>
          </button>`
        : nothing}
      ${state.canFullscreen
        ? html`<button
            part="control fullscreen"
            class="control"
            type="button"
            aria-label=${t(state.fullscreen ? 'exitFullscreen' : 'fullscreen')}
            @click=${actions.toggleFullscreen}
          >
            ${icon(state.fullscreen ? icons.exit : icons.enter)}
          </button>`
        : nothing}
    </div>
  </div>`;
}

/** Controls fade after this long without a pointer move, key or focus while the video plays. */
export const IDLE_MS = 2500;

/** Whether the controls may fade: the video plays and nobody has touched the player for a while. */
export class IdleController implements ReactiveController {
  idle = false;
  readonly #host: ReactiveControllerHost;
  readonly #mayFade: () => boolean;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(host: ReactiveControllerHost, mayFade: () => boolean) {
    this.#host = host;
    this.#mayFade = mayFade;
    host.addController(this);
  }

  /** A pointer move, a key or focus: show the controls, and start counting again. */
  readonly wake = (): void => {
    clearTimeout(this.#timer);
    this.#set(false);
    this.#timer = setTimeout(() => this.#set(this.#mayFade()), IDLE_MS);
  };

  hostDisconnected(): void {
    clearTimeout(this.#timer);
  }

  #set(idle: boolean): void {
    if (idle === this.idle) return;
    this.idle = idle;
    this.#host.requestUpdate();
  }
}

/** Places the cue markers along the seek bar (through CSSOM: a strict CSP blocks style attributes). */
export function placeMarkers(root: ParentNode): void {
  for (const marker of root.querySelectorAll<HTMLElement>('[data-at]')) marker.style.setProperty('--_at', marker.dataset.at!);
}
