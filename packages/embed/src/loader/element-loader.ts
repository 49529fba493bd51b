import { logOnce } from '@vitrine/core';

/** The module each chunk exports: importing it defines its elements; the setters reach the shared stores. */
export interface ElementChunk {
  setLocale(locale: string): void;
  setStrings(strings: Record<string, string>, locale?: string): void;
}

/** Which chunk defines which tag. A chunk also defines the tags it renders inside itself. */
export const CHUNK_FOR_TAG: Readonly<Record<string, string>> = {
  'vitrine-catalog': 'vitrine-catalog.js',
  'vitrine-carousel': 'vitrine-carousel.js',
  'vitrine-product-card': 'vitrine-product-card.js',
  'vitrine-video': 'vitrine-video.js',
};

const SELECTOR = Object.keys(CHUNK_FOR_TAG).join(',');
const CHUNK_COUNT = new Set(Object.values(CHUNK_FOR_TAG)).size;

/**
 * Imports an element's chunk only when its tag first appears in the document:
 * a page with a catalog never downloads the video player.
 */
export class ElementLoader {
  private readonly pending = new Map<string, Promise<ElementChunk | undefined>>();
  private observer: MutationObserver | undefined;

  constructor(
    private readonly chunkBase: string,
    private readonly onChunk: (chunk: ElementChunk) => void,
    /** Each element found in the page, before its chunk is asked for (the loader reserves its space). */
    private readonly onElement: (element: Element) => void = () => undefined,
  ) {}

  start(root: Document = document): void {
    this.scan(root);
    this.observer = new MutationObserver((records) => {
      for (const record of records) {
        for (const node of record.addedNodes) if (node instanceof Element) this.scan(node);
      }
    });
    this.watch(root);
  }

  /** Watching ends once every chunk is loading: nothing is left for later markup to trigger. */
  private watch(root: Node = document): void {
    if (this.pending.size < CHUNK_COUNT) this.observer?.observe(root, { childList: true, subtree: true });
  }

  /** Loads the chunk for `tag` (for elements the scan cannot see, e.g. inside another component's shadow root). */
  load(tag: string): Promise<ElementChunk | undefined> {
    const file = CHUNK_FOR_TAG[tag];
    if (!file) {
      logOnce('warn', `<${tag}> is not a Vitrine element.`);
      return Promise.resolve(undefined);
    }
    let chunk = this.pending.get(file);
    if (!chunk) {
      const url = new URL(file, this.chunkBase).href;
      chunk = (import(/* @vite-ignore */ url) as Promise<ElementChunk>).then(
        (module) => {
          this.onChunk(module);
          return module;
        },
        (error: unknown) => {
          // Forget the failure so the tag's next appearance (or Vitrine.load) tries again.
          this.pending.delete(file);
          this.watch();
          const message = `could not load <${tag}> from ${url} (${error}): check that chunks/ is served next to vitrine.js and allowed by the page's Content-Security-Policy.`;
          logOnce('error', message);
          // The element cannot tell its host itself: it was never defined.
          for (const element of document.querySelectorAll(tag)) {
            element.dispatchEvent(new CustomEvent('vitrine-error', { detail: { code: 'element-unavailable', message, fatal: true }, bubbles: true, composed: true }));
          }
          return undefined;
        },
      );
      this.pending.set(file, chunk);
      if (this.pending.size === CHUNK_COUNT) this.observer?.disconnect();
    }
    return chunk;
  }

  private scan(root: ParentNode & Node): void {
    const found = [...root.querySelectorAll(SELECTOR)];
    if (root instanceof Element && root.matches(SELECTOR)) found.unshift(root);
    for (const element of found) {
      this.onElement(element);
      void this.load(element.localName);
    }
  }
}
