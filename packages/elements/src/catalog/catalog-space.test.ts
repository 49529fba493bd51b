// The room a catalog takes while it loads and once it has loaded: title lines, skeleton grid, layout shift.
import { aTimeout, expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { applyQuery, type Product, type ProductSource } from '@vitrine/core';
import { expectNoAxeViolations } from '../test/axe.js';
import { nextFrames } from '../test/events.js';
import { makeProducts } from '../test/products.js';
import './catalog.js';
import type { VitrineCatalog } from './catalog.js';

const REM = parseFloat(getComputedStyle(document.documentElement).fontSize);

/** A source that answers only when released, so the loading state can be looked at first. */
function heldSource(products: Product[], title = 'Northwind summer collection'): { source: ProductSource; release(): void } {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const source: ProductSource = {
    list: async (query) => (await released, applyQuery({ catalog: { title }, products, issues: [] }, query)),
    get: async () => ({ catalog: {}, products: [], issues: [] }),
  };
  return { source, release };
}

async function renderIn(widthInRem: number, catalog: ReturnType<typeof html>): Promise<{ catalog: VitrineCatalog; below: HTMLElement }> {
  const wrapper = await fixture<HTMLElement>(html`<div lang="en" style="inline-size: ${widthInRem}rem">${catalog}<p>Below the catalog</p></div>`);
  const element = wrapper.querySelector('vitrine-catalog')!;
  await element.updateComplete;
  await nextFrames(2);
  return { catalog: element, below: wrapper.querySelector('p')! };
}

/** Resolves once the catalog has shown its products and their cards have rendered. */
async function loaded(catalog: VitrineCatalog): Promise<void> {
  await new Promise((resolve) => catalog.addEventListener('vitrine-load', resolve, { once: true }));
  await catalog.updateComplete;
  const cards = [...catalog.shadowRoot!.querySelectorAll('vitrine-product-card')];
  await Promise.all(cards.map((card) => (card as HTMLElement & { updateComplete: Promise<boolean> }).updateComplete));
  await nextFrames(3);
}

const skeletonCount = (catalog: VitrineCatalog) => catalog.shadowRoot!.querySelectorAll('vitrine-product-card[skeleton]').length;
const heading = (catalog: VitrineCatalog) => catalog.shadowRoot!.querySelector<HTMLElement>('.heading')!;

/**
 * The layout shift score of everything that moves from now until `stop()`. Shifts after recent input count
 * too: the test's own viewport resize would otherwise hide them.
 */
function recordLayoutShift(): { stop(): Promise<number> } {
  let score = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as Array<PerformanceEntry & { value: number }>) score += entry.value;
  });
  observer.observe({ type: 'layout-shift' });
  return {
    stop: async () => {
      await aTimeout(100);
      for (const entry of observer.takeRecords() as Array<PerformanceEntry & { value: number }>) score += entry.value;
      observer.disconnect();
      return score;
    },
  };
}

describe('<vitrine-catalog> space', () => {
  describe('title', () => {
    it('shows the whole title on two reserved lines at 320px, with no shift when it arrives', async () => {
      const { source, release } = heldSource(makeProducts(6));
      const { catalog } = await renderIn(20, html`<vitrine-catalog .source=${source}></vitrine-catalog>`);
      const loadingHeight = catalog.getBoundingClientRect().height;
      release();
      await loaded(catalog);
      const title = heading(catalog);
      expect(title.textContent).to.equal('Northwind summer collection');
      expect([title.scrollWidth <= title.clientWidth, title.scrollHeight <= title.clientHeight]).to.deep.equal([true, true]);
      expect(title.getBoundingClientRect().height).to.equal(3.5 * REM);
      // Two 1.75rem title lines, the 0.5rem gap and the 27rem carousel.
      expect([loadingHeight, catalog.getBoundingClientRect().height]).to.deep.equal([31 * REM, 31 * REM]);
      await expectNoAxeViolations(catalog);
    });

    it('keeps one title line in a wide catalog', async () => {
      const { source, release } = heldSource(makeProducts(6));
      const { catalog } = await renderIn(60, html`<vitrine-catalog .source=${source}></vitrine-catalog>`);
      release();
      await loaded(catalog);
      expect([heading(catalog).getBoundingClientRect().height, catalog.getBoundingClientRect().height]).to.deep.equal([1.75 * REM, 29.25 * REM]);
    });

    it('shows a title longer than its reserved lines in full, never cut', async () => {
      const long = 'The Northwind summer collection of linen shirts, canvas bags and everything for long days outside';
      const { source, release } = heldSource(makeProducts(2), long);
      const { catalog } = await renderIn(20, html`<vitrine-catalog .source=${source}></vitrine-catalog>`);
      release();
      await loaded(catalog);
      const title = heading(catalog);
      expect(title.textContent).to.equal(long);
      expect([title.scrollWidth <= title.clientWidth, title.scrollHeight <= title.clientHeight]).to.deep.equal([true, true]);
      expect(title.getBoundingClientRect().height).to.be.above(3.5 * REM);
    });
  });

  describe('grid', () => {
    afterEach(() => setViewport({ width: 800, height: 600 }));

    it('shows as many skeleton cards as the limit asks for, up to 24, and 8 without one', async () => {
      const counts: number[] = [];
      for (const limit of ['3', '12', '100', '']) {
        const { source } = heldSource(makeProducts(30));
        const { catalog } = await renderIn(60, html`<vitrine-catalog layout="grid" limit=${limit} .source=${source}></vitrine-catalog>`);
        counts.push(skeletonCount(catalog));
      }
      expect(counts).to.deep.equal([3, 12, 24, 8]);
    });

    it('shifts nothing when a feed fills its limit', async () => {
      await setViewport({ width: 1200, height: 1600 });
      const { source, release } = heldSource(makeProducts(20));
      const { catalog, below } = await renderIn(60, html`<vitrine-catalog layout="grid" limit="12" .source=${source}></vitrine-catalog>`);
      const belowTop = below.getBoundingClientRect().top;
      // The paragraph below is on screen, so any move of it would count as a shift.
      expect(belowTop).to.be.below(1600);
      const shift = recordLayoutShift();
      release();
      await loaded(catalog);
      expect(catalog.shadowRoot!.querySelectorAll('[part="grid-item"]').length).to.equal(12);
      expect(below.getBoundingClientRect().top).to.equal(belowTop);
      expect(await shift.stop()).to.equal(0);
      await expectNoAxeViolations(catalog);
    });
  });
});
