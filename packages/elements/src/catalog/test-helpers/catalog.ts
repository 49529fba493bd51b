import { expect, fixture, html } from '@open-wc/testing';
import { http, HttpResponse, type JsonBodyType } from 'msw';
import { setupWorker } from 'msw/browser';
import type { ProductSource } from '@vitrine/core';
import type { VitrineCarousel } from '../../carousel/carousel.js';
import type { ErrorDetail } from '../../internal/report-error.js';
import type { VitrineProductCard } from '../../product-card/product-card.js';
import { eventQueue, nextFrames, resetLocalization } from '../../test/events.js';
import { IMAGE_URL } from '../../test/products.js';
import type { LoadDetail, VitrineCatalog } from '../catalog.js';

export const REM = parseFloat(getComputedStyle(document.documentElement).fontSize);
export const FEEDS = 'https://feeds.example';
export const worker = setupWorker();

export function rawProduct(index: number, overrides: Record<string, unknown> = {}) {
  return {
    id: `sku-${index}`,
    title: `Item ${index}`,
    brand: 'Northwind',
    url: `https://shop.example/p/${index}`,
    images: [{ url: IMAGE_URL, width: 40, height: 40 }],
    price: { amount: 1000 + index * 100, currency: 'EUR' },
    ...overrides,
  };
}

export function feed(count: number, extra: Record<string, unknown> = {}) {
  return { id: 'summer', title: 'Summer collection', products: Array.from({ length: count }, (_, i) => rawProduct(i + 1)), ...extra };
}

export function serve(path: string, body: JsonBodyType): void {
  worker.use(http.get(`${FEEDS}${path}`, () => HttpResponse.json(body)));
}

/** A feed answered only when the test says so, to look at the loading state. */
export function serveLater(path: string, body: JsonBodyType): () => void {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  worker.use(http.get(`${FEEDS}${path}`, async () => (await released, HttpResponse.json(body))));
  return release;
}

/** The AbortSignal of every fetch the page makes until `stop()`. */
export function watchFetchSignals(): { signals: Array<AbortSignal | undefined>; stop(): void } {
  const original = window.fetch;
  const signals: Array<AbortSignal | undefined> = [];
  window.fetch = (input, init) => {
    signals.push(init?.signal ?? undefined);
    return original(input, init);
  };
  return { signals, stop: () => (window.fetch = original) };
}

export async function renderCatalog(template: ReturnType<typeof html>): Promise<VitrineCatalog> {
  const wrapper = await fixture<HTMLElement>(html`<div lang="en" style="inline-size: 60rem">${template}</div>`);
  return wrapper.querySelector('vitrine-catalog')!;
}

export const root = (catalog: VitrineCatalog) => catalog.shadowRoot!;
export const carousel = (catalog: VitrineCatalog) => root(catalog).querySelector<VitrineCarousel>('vitrine-carousel');

/** Every card the shopper can see, through the carousel's shadow root when there is one. */
export function cards(catalog: VitrineCatalog): VitrineProductCard[] {
  const inner = carousel(catalog)?.shadowRoot ?? root(catalog);
  return [...inner.querySelectorAll<VitrineProductCard>('vitrine-product-card:not([skeleton])')];
}

export const cardTitles = (catalog: VitrineCatalog) => cards(catalog).map((card) => card.shadowRoot!.querySelector('[part="title"]')!.textContent!.trim());
export const statusText = (catalog: VitrineCatalog) => root(catalog).querySelector('[role="status"]')!.textContent!.trim();
export const messageText = (catalog: VitrineCatalog) => root(catalog).querySelector('[part="status"]')?.textContent!.replace(/\s+/g, ' ').trim();
export const headingText = (catalog: VitrineCatalog) => root(catalog).querySelector('[part="heading"]')?.textContent;

/** A source of the host's own, answering every query with `answer`. */
export function hostSource(answer: unknown): ProductSource {
  return { list: async () => answer, get: async () => answer } as unknown as ProductSource;
}

let loads: ReturnType<typeof eventQueue<LoadDetail>>;
let errors: ReturnType<typeof eventQueue<ErrorDetail>>;

/** How many `vitrine-load` and `vitrine-error` events came that no `loaded` or `failed` has taken yet. */
export const pending = {
  get loads(): number {
    return loads.pending;
  },
  get errors(): number {
    return errors.pending;
  },
};

/** The msw worker, the event queues `loaded` and `failed` read, and a clean slate after each test. */
export function watchCatalogsInEachTest(): void {
  before(() => worker.start({ quiet: true, onUnhandledRequest: 'bypass' }));
  after(() => worker.stop());
  beforeEach(() => {
    loads = eventQueue<LoadDetail>(document, 'vitrine-load');
    errors = eventQueue<ErrorDetail>(document, 'vitrine-error');
  });
  afterEach(() => {
    loads.stop();
    errors.stop();
    worker.resetHandlers();
    resetLocalization();
  });
}

/** The next `vitrine-load` (counted from the start of the test), once the cards inside have rendered. */
export async function loaded(catalog: VitrineCatalog): Promise<LoadDetail> {
  const event = await loads.next();
  expect(event.target).to.equal(catalog);
  await catalog.updateComplete;
  await carousel(catalog)?.updateComplete;
  await nextFrames(2);
  await Promise.all(cards(catalog).map((card) => card.updateComplete));
  return event.detail;
}

export async function failed(catalog: VitrineCatalog): Promise<ErrorDetail> {
  const event = await errors.next();
  expect(event.target).to.equal(catalog);
  await catalog.updateComplete;
  return event.detail;
}
