import type { TrackDetail } from '@vitrine/core';
import { recordEvents } from './events.js';

/**
 * Listeners added to window and document from now on and not removed since, one line each (`window resize false 3`):
 * an element that was taken out of the page must leave none behind. `once` listeners are not counted.
 */
export function watchListeners(): { left(): string[]; stop(): void } {
  const live = new Set<string>();
  const ids = new WeakMap<object, number>();
  let count = 0;
  const id = (listener: object) => ids.get(listener) ?? (ids.set(listener, ++count), count);
  const capture = (options: unknown) => (typeof options === 'boolean' ? options : !!(options as EventListenerOptions | undefined)?.capture);
  const targets = [['window', window], ['document', document]] as const;
  for (const [name, target] of targets) {
    const { addEventListener: add, removeEventListener: remove } = target;
    target.addEventListener = (type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | AddEventListenerOptions) => {
      if (listener && !(typeof options === 'object' && options.once)) live.add(`${name} ${type} ${capture(options)} ${id(listener)}`);
      add.call(target, type, listener as EventListenerOrEventListenerObject, options);
    };
    target.removeEventListener = (type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | EventListenerOptions) => {
      if (listener) live.delete(`${name} ${type} ${capture(options)} ${id(listener)}`);
      remove.call(target, type, listener as EventListenerOrEventListenerObject, options);
    };
  }
  return {
    left: () => [...live].map((line) => line.split(' ').slice(0, 3).join(' ')),
    stop: () => targets.forEach(([, target]) => (delete (target as Partial<EventTarget>).addEventListener, delete (target as Partial<EventTarget>).removeEventListener)),
  };
}

/**
 * `vitrine-error` and `vitrine-track` events an element dispatches from now on, as one line each. Listened for on the
 * element itself: once it is out of the page its events no longer reach the document, but a framework's listener
 * on the element still hears them.
 */
export function recordOwnEvents(element: EventTarget): { readonly lines: string[]; stop(): void } {
  const errors = recordEvents<{ code: string; path?: string }>(element, 'vitrine-error');
  const tracks = recordEvents<TrackDetail>(element, 'vitrine-track');
  const loads = recordEvents(element, 'vitrine-load');
  return {
    get lines() {
      return [
        ...errors.events.map((event) => `vitrine-error ${event.detail.code} ${event.detail.path ?? ''}`.trim()),
        ...tracks.events.map((event) => `vitrine-track ${event.detail.event}`),
        ...loads.events.map(() => 'vitrine-load'),
      ];
    },
    stop: () => (errors.stop(), tracks.stop(), loads.stop()),
  };
}

/**
 * An element as a framework can leave it: in the page under a tag not yet defined, given `properties` while it is a
 * plain HTMLElement, then upgraded, defined as a subclass of `tag` under `<tag>-lazy` (a tag is defined only once
 * per page). Lit must take the properties set before the upgrade.
 */
export function upgradeLater<T extends HTMLElement>(tag: string, properties: Partial<T>, style = ''): T {
  const host = document.createElement('div');
  host.lang = 'en';
  host.innerHTML = `<${tag}-lazy style="${style}"></${tag}-lazy>`;
  document.body.append(host);
  const lazy = host.firstElementChild as T;
  Object.assign(lazy, properties);
  customElements.define(`${tag}-lazy`, class extends (customElements.get(tag) as unknown as new () => HTMLElement) {});
  return lazy;
}
