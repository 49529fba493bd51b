import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { logOnce } from '@vitrine/core';

/** Full screen for the host element (so tags, tray and controls come along), through the Fullscreen API. */
export class FullscreenController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.#host = host;
    host.addController(this);
  }

  /** iOS Safari, and iframes without `allow="fullscreen"`, have no element full screen: no button then. */
  get available(): boolean {
    return document.fullscreenEnabled === true && typeof this.#host.requestFullscreen === 'function';
  }

  get active(): boolean {
    return document.fullscreenElement === this.#host;
  }

  toggle(): void {
    try {
      const request = this.active ? document.exitFullscreen() : this.#host.requestFullscreen();
      request.catch((error: Error) => logOnce('warn', `<${this.#host.localName}> full screen was refused: ${error.message}`));
    } catch (error) {
      logOnce('warn', `<${this.#host.localName}> full screen is not available: ${String(error)}`);
    }
  }

  hostConnected(): void {
    document.addEventListener('fullscreenchange', this.#onChange);
  }

  hostDisconnected(): void {
    document.removeEventListener('fullscreenchange', this.#onChange);
  }

  readonly #onChange = (): void => this.#host.requestUpdate();
}
