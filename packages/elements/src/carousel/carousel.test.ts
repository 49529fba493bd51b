import { aTimeout, expect, fixture, html, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import { TrackedEvent, type Product, type TrackDetail } from '@vitrine/core';
import type { ErrorDetail } from '../internal/report-error.js';
import type { VitrineProductCard } from '../product-card/product-card.js';
import { expectNoAxeViolations } from '../test/axe.js';
import { captureConsole } from '../test/console.js';
import { nextFrames, recordEvents, resetLocalization, tracked } from '../test/events.js';
import { deepActiveElement, makeProduct, makeProducts } from '../test/products.js';
import './carousel.js';
import type { VitrineCarousel } from './carousel.js';

const REM = parseFloat(getComputedStyle(document.documentElement).fontSize);

function shadow(carousel: VitrineCarousel): ShadowRoot {
  return carousel.shadowRoot!;
}

function track(carousel: VitrineCarousel): HTMLElement {
  return shadow(carousel).querySelector<HTMLElement>('[part="track"]')!;
}

function cards(carousel: VitrineCarousel): VitrineProductCard[] {
  return [...shadow(carousel).querySelectorAll('vitrine-product-card')];
}

function button(carousel: VitrineCarousel, name: 'previous' | 'next'): HTMLButtonElement {
  return shadow(carousel).querySelector<HTMLButtonElement>(`[part="${name}"]`)!;
}

/** The position of the card whose link has keyboard focus. */
function focusedPosition(): number | undefined {
  const link = deepActiveElement();
  const card = (link?.getRootNode() as ShadowRoot | undefined)?.host as VitrineProductCard | undefined;
  return link?.localName === 'a' ? card?.position : undefined;
}

async function settled(carousel: VitrineCarousel): Promise<void> {
  await carousel.updateComplete;
  await nextFrames(3);
  await carousel.updateComplete;
}

async function renderCarousel(count: number, attributes: { dir?: string; lang?: string; label?: string } = {}): Promise<VitrineCarousel> {
  const wrapper = await fixture<HTMLElement>(html`<div dir=${attributes.dir ?? 'ltr'} lang=${attributes.lang ?? 'en'} style="inline-size: 50rem">
    <button id="before">before</button>
    <vitrine-carousel .products=${makeProducts(count)} list-id="summer" label=${attributes.label ?? ''}></vitrine-carousel>
    <button id="after">after</button>
  </div>`);
  const carousel = wrapper.querySelector('vitrine-carousel')!;
  await settled(carousel);
  return carousel;
}

async function waitForScrollEnd(element: HTMLElement): Promise<void> {
  let last = NaN;
  await waitUntil(
    async () => {
      const now = element.scrollLeft;
      const still = now === last;
      last = now;
      await aTimeout(80);
      return still;
    },
    'scrolling never settled',
    { timeout: 4000 },
  );
}

describe('<vitrine-carousel>', () => {
  afterEach(async () => {
    resetLocalization();
    await emulateMedia({ reducedMotion: 'no-preference' });
  });

  describe('structure', () => {
    it('is a labelled carousel region holding a list of cards', async () => {
      const carousel = await renderCarousel(5);
      const region = shadow(carousel).querySelector('[part="region"]')!;
      expect(region.getAttribute('role')).to.equal('region');
      expect(region.getAttribute('aria-roledescription')).to.equal('carousel');
      expect(region.getAttribute('aria-label')).to.equal('Products');
      expect(track(carousel).getAttribute('role')).to.equal('list');
      const items = [...shadow(carousel).querySelectorAll('[part="item"]')];
      expect(items.map((item) => item.getAttribute('role'))).to.deep.equal(Array(5).fill('listitem'));
      expect(items.map((item) => item.getAttribute('aria-label'))).to.deep.equal(['1 of 5', '2 of 5', '3 of 5', '4 of 5', '5 of 5']);
      expect(cards(carousel).map((card) => [card.position, card.listId])).to.deep.equal([
        [1, 'summer'],
        [2, 'summer'],
        [3, 'summer'],
        [4, 'summer'],
        [5, 'summer'],
      ]);
      expect(button(carousel, 'previous').getAttribute('aria-label')).to.equal('Previous');
      expect(button(carousel, 'next').getAttribute('aria-label')).to.equal('Next');
    });

    it('uses its label attribute as the accessible name', async () => {
      const carousel = await renderCarousel(3, { label: 'Summer picks' });
      expect(shadow(carousel).querySelector('[part="region"]')!.getAttribute('aria-label')).to.equal('Summer picks');
    });

    it('is exactly the card height plus its padding: 27rem', async () => {
      const carousel = await renderCarousel(12);
      expect(carousel.getBoundingClientRect().height).to.equal(27 * REM);
      expect(cards(carousel)[0]!.getBoundingClientRect().height).to.equal(25.75 * REM);
    });

    it('hides both buttons when every card fits', async () => {
      const carousel = await renderCarousel(2);
      expect(button(carousel, 'previous').hidden && button(carousel, 'next').hidden).to.equal(true);
    });
  });

  describe('virtualisation', () => {
    it('renders only the visible window of 10,000 products, with the full scroll width', async () => {
      const carousel = await renderCarousel(10_000);
      expect(cards(carousel).length).to.be.within(4, 59);
      const stride = 15 * REM; // 14rem card + 1rem gap
      const expectedWidth = 10_000 * stride - 1 * REM + 2 * 0.625 * REM;
      expect(Math.abs(track(carousel).scrollWidth - expectedWidth)).to.be.below(2);
      track(carousel).scrollLeft = 5_000 * stride;
      await settled(carousel);
      const positions = cards(carousel).map((card) => card.position!);
      expect(positions).to.include(5_001);
      expect(positions.length).to.be.below(60);
      expect(Math.min(...positions)).to.be.above(4_900);
      const first = cards(carousel).find((card) => card.position === 5_001)!;
      const trackBox = track(carousel).getBoundingClientRect();
      expect(Math.round(first.getBoundingClientRect().left - trackBox.left)).to.equal(Math.round(0.625 * REM));
    });

    it('reaches the last of 10,000 products with End and walks back with arrows', async () => {
      const carousel = await renderCarousel(10_000);
      cards(carousel)[0]!.focus();
      await sendKeys({ press: 'End' });
      await waitUntil(() => focusedPosition() === 10_000, 'End did not focus the last card');
      await settled(carousel);
      const lastItem = shadow(carousel).querySelector('[data-index="9999"]')!;
      expect(lastItem.getAttribute('aria-label')).to.equal('10,000 of 10,000');
      expect(button(carousel, 'next').getAttribute('aria-disabled')).to.equal('true');
      await sendKeys({ press: 'ArrowLeft' });
      await waitUntil(() => focusedPosition() === 9_999, 'ArrowLeft did not move back');
      expect(cards(carousel).length).to.be.below(60);
      await sendKeys({ press: 'Home' });
      await waitUntil(() => focusedPosition() === 1, 'Home did not focus the first card');
      await settled(carousel);
      expect(Math.abs(track(carousel).scrollLeft)).to.be.below(1);
    });

    it('keeps the focused card in the DOM when the row is scrolled far away with a pointer', async () => {
      const carousel = await renderCarousel(10_000);
      cards(carousel)[1]!.focus();
      track(carousel).scrollLeft = 3_000 * 15 * REM;
      await settled(carousel);
      expect(focusedPosition()).to.equal(2);
      expect(cards(carousel).some((card) => card.position === 3_001)).to.equal(true);
      await sendKeys({ press: 'ArrowRight' });
      await waitUntil(() => focusedPosition() === 3, 'ArrowRight did not move from the focused card');
      await settled(carousel);
      const box = cards(carousel).find((card) => card.position === 3)!.getBoundingClientRect();
      const trackBox = track(carousel).getBoundingClientRect();
      expect(box.left >= trackBox.left && box.right <= trackBox.right).to.equal(true);
    });
  });

  describe('keyboard', () => {
    it('is one tab stop: Tab enters on a card, arrows move focus, Tab leaves', async () => {
      const carousel = await renderCarousel(12);
      (carousel.parentElement!.querySelector('#before') as HTMLElement).focus();
      await sendKeys({ press: 'Tab' });
      expect(shadow(carousel).activeElement).to.equal(button(carousel, 'previous'));
      await sendKeys({ press: 'Tab' });
      expect(focusedPosition()).to.equal(1);
      await sendKeys({ press: 'ArrowRight' });
      await waitUntil(() => focusedPosition() === 2);
      await sendKeys({ press: 'ArrowRight' });
      await waitUntil(() => focusedPosition() === 3);
      await sendKeys({ press: 'ArrowLeft' });
      await waitUntil(() => focusedPosition() === 2);
      await sendKeys({ press: 'Tab' });
      expect(shadow(carousel).activeElement).to.equal(button(carousel, 'next'));
      await sendKeys({ press: 'Shift+Tab' });
      expect(focusedPosition()).to.equal(2);
    });

    it('scrolls a card that arrows move to fully into view', async () => {
      const carousel = await renderCarousel(12);
      cards(carousel)[0]!.focus();
      for (let i = 0; i < 5; i++) await sendKeys({ press: 'ArrowRight' });
      await waitUntil(() => focusedPosition() === 6);
      await waitForScrollEnd(track(carousel));
      const box = cards(carousel).find((card) => card.position === 6)!.getBoundingClientRect();
      const trackBox = track(carousel).getBoundingClientRect();
      expect(box.left).to.be.at.least(trackBox.left);
      expect(box.right).to.be.at.most(trackBox.right + 0.5);
    });

    it('pages with the buttons and disables them at the ends', async () => {
      const carousel = await renderCarousel(12);
      expect(button(carousel, 'previous').getAttribute('aria-disabled')).to.equal('true');
      expect(button(carousel, 'next').getAttribute('aria-disabled')).to.equal('false');
      button(carousel, 'next').click();
      await waitForScrollEnd(track(carousel));
      await settled(carousel);
      // 50rem wide: three whole 15rem strides fit.
      expect(track(carousel).scrollLeft).to.be.closeTo(3 * 15 * REM, 1);
      expect(button(carousel, 'previous').getAttribute('aria-disabled')).to.equal('false');
      for (let i = 0; i < 4; i++) {
        button(carousel, 'next').click();
        await waitForScrollEnd(track(carousel));
      }
      await settled(carousel);
      expect(button(carousel, 'next').getAttribute('aria-disabled')).to.equal('true');
      button(carousel, 'previous').click();
      await waitForScrollEnd(track(carousel));
      await settled(carousel);
      expect(button(carousel, 'next').getAttribute('aria-disabled')).to.equal('false');
    });

    it('jumps without animation when the shopper prefers reduced motion', async () => {
      await emulateMedia({ reducedMotion: 'reduce' });
      const carousel = await renderCarousel(12);
      button(carousel, 'next').click();
      expect(track(carousel).scrollLeft).to.be.closeTo(3 * 15 * REM, 1);
    });

    it('puts the tab stop on the first visible card after the row was scrolled', async () => {
      const carousel = await renderCarousel(40);
      track(carousel).scrollLeft = 20 * 15 * REM;
      await settled(carousel);
      (carousel.parentElement!.querySelector('#after') as HTMLElement).focus();
      await sendKeys({ press: 'Shift+Tab' });
      await sendKeys({ press: 'Shift+Tab' });
      expect(focusedPosition()).to.equal(21);
    });

    it('keeps the place after paging with the keyboard: Shift+Tab from Next lands on the first visible card', async () => {
      const carousel = await renderCarousel(12);
      button(carousel, 'next').focus();
      for (let i = 0; i < 2; i++) {
        await sendKeys({ press: 'Enter' });
        await waitForScrollEnd(track(carousel));
      }
      await settled(carousel);
      const paged = track(carousel).scrollLeft;
      // 50rem wide: each page moves three 15rem strides, so two pages start at the seventh card.
      expect(paged).to.be.closeTo(6 * 15 * REM, 1);
      await sendKeys({ press: 'Shift+Tab' });
      expect(focusedPosition()).to.equal(7);
      await waitForScrollEnd(track(carousel));
      expect(track(carousel).scrollLeft).to.be.closeTo(paged, 1);
    });

    it('leaves the tab stop on a focused card while the row is scrolled', async () => {
      const carousel = await renderCarousel(40);
      cards(carousel)[1]!.focus();
      track(carousel).scrollLeft = 10 * 15 * REM;
      await settled(carousel);
      expect(focusedPosition()).to.equal(2);
      expect(cards(carousel).find((card) => card.position === 2)!.getAttribute('tabindex')).to.equal(null);
    });
  });

  describe('right-to-left', () => {
    it('mirrors the arrow keys and scrolls towards negative scrollLeft', async () => {
      const carousel = await renderCarousel(10_000, { dir: 'rtl' });
      const first = cards(carousel)[0]!;
      const trackBox = track(carousel).getBoundingClientRect();
      expect(Math.round(trackBox.right - first.getBoundingClientRect().right)).to.equal(Math.round(0.625 * REM));
      first.focus();
      await sendKeys({ press: 'ArrowLeft' });
      await waitUntil(() => focusedPosition() === 2, 'ArrowLeft should move forward in RTL');
      await sendKeys({ press: 'ArrowRight' });
      await waitUntil(() => focusedPosition() === 1, 'ArrowRight should move back in RTL');
      button(carousel, 'next').click();
      await waitForScrollEnd(track(carousel));
      await settled(carousel);
      expect(track(carousel).scrollLeft).to.be.closeTo(-3 * 15 * REM, 1);
      await sendKeys({ press: 'End' });
      await waitUntil(() => focusedPosition() === 10_000, 'End should reach the last card in RTL');
      await settled(carousel);
      expect(cards(carousel).length).to.be.below(60);
      const last = cards(carousel).find((card) => card.position === 10_000)!.getBoundingClientRect();
      expect(last.left).to.be.at.least(track(carousel).getBoundingClientRect().left - 0.5);
    });
  });

  describe('language', () => {
    it('speaks German from the page language', async () => {
      const carousel = await renderCarousel(3, { lang: 'de' });
      const region = shadow(carousel).querySelector('[part="region"]')!;
      expect(region.getAttribute('aria-label')).to.equal('Produkte');
      expect(region.getAttribute('aria-roledescription')).to.equal('Karussell');
      expect(button(carousel, 'next').getAttribute('aria-label')).to.equal('Weiter');
      expect(shadow(carousel).querySelector('[part="item"]')!.getAttribute('aria-label')).to.equal('1 von 3');
      // The cards inside the carousel's shadow root follow the page's lang too.
      expect(cards(carousel)[0]!.shadowRoot!.querySelector('[part="cta"]')!.textContent).to.equal('Zum Produkt');
    });

    it('passes per-instance string overrides on to its cards', async () => {
      const carousel = await renderCarousel(3);
      carousel.strings = { viewProduct: 'Shop now', previous: 'Back' };
      await settled(carousel);
      expect(button(carousel, 'previous').getAttribute('aria-label')).to.equal('Back');
      expect(cards(carousel)[2]!.shadowRoot!.querySelector('[part="cta"]')!.textContent).to.equal('Shop now');
    });
  });

  describe('events', () => {
    it('counts a product as viewed once even when its card is re-created after scrolling away', async () => {
      const events = recordEvents<TrackDetail>(document, 'vitrine-track');
      const carousel = await renderCarousel(1_000);
      await aTimeout(1200);
      track(carousel).scrollLeft = 500 * 15 * REM;
      await settled(carousel);
      expect(cards(carousel).some((card) => card.position === 1)).to.equal(false);
      track(carousel).scrollLeft = 0;
      await settled(carousel);
      await aTimeout(1200);
      events.stop();
      const viewed = tracked(events.events, TrackedEvent.productViewed).map((detail) => detail.properties.product_id);
      expect(viewed.filter((id) => id === 'p1')).to.have.length(1);
      expect(viewed.filter((id) => id === 'p2')).to.have.length(1);
    });
  });

  describe('bad data', () => {
    it('reports products that are not an array and keeps its height, showing no card', async () => {
      const log = captureConsole();
      const errors = recordEvents<ErrorDetail>(document, 'vitrine-error');
      const carousel = await renderCarousel(3);
      const heights: number[] = [];
      for (const products of ['x', {}, null]) {
        carousel.products = products as unknown as Product[];
        await settled(carousel);
        heights.push(carousel.getBoundingClientRect().height);
        const visible = cards(carousel).filter((card) => getComputedStyle(card).visibility !== 'hidden');
        expect(visible).to.have.length(0);
      }
      errors.stop();
      log.stop();
      expect(heights).to.deep.equal([27 * REM, 27 * REM, 27 * REM]);
      const detail = { code: 'invalid-data', message: 'products: expected an array of products', fatal: true, path: 'products' };
      expect(errors.events.map((event) => event.detail)).to.deep.equal([detail, detail, detail]);
      // The same message is logged once per page.
      expect(log.lines).to.deep.equal(['[vitrine] <vitrine-carousel> invalid-data: products: expected an array of products']);
    });

    it('links a product with a relative URL, resolved against the page', async () => {
      const errors = recordEvents<ErrorDetail>(document, 'vitrine-error');
      const carousel = await renderCarousel(1);
      carousel.products = [makeProduct({ url: '/p/relative' })];
      await settled(carousel);
      await cards(carousel)[0]!.updateComplete;
      errors.stop();
      const link = cards(carousel)[0]!.shadowRoot!.querySelector<HTMLAnchorElement>('[part="link"]')!;
      expect(link.getAttribute('href')).to.equal(new URL('/p/relative', document.baseURI).href);
      expect(errors.events).to.have.length(0);
    });
  });

  describe('accessibility', () => {
    it('has no axe violations at the start and in the middle of a virtualised row', async () => {
      const carousel = await renderCarousel(10_000);
      await expectNoAxeViolations(carousel);
      track(carousel).scrollLeft = 5_000 * 15 * REM;
      await settled(carousel);
      await expectNoAxeViolations(carousel);
    });

    it('dims only the chevron of a disabled button, so its focus ring keeps full contrast', async () => {
      const carousel = await renderCarousel(12);
      const previous = button(carousel, 'previous');
      expect(previous.getAttribute('aria-disabled')).to.equal('true');
      (carousel.parentElement!.querySelector('#before') as HTMLElement).focus();
      await sendKeys({ press: 'Tab' });
      expect(shadow(carousel).activeElement?.getAttribute('part')).to.equal('previous');
      const style = getComputedStyle(previous);
      expect([style.opacity, style.outlineStyle, style.outlineWidth, style.outlineColor]).to.deep.equal(['1', 'solid', '3px', 'rgb(26, 86, 219)']);
      expect(Number(getComputedStyle(previous.querySelector('svg')!).opacity)).to.be.below(0.5);
      expect(getComputedStyle(button(carousel, 'next').querySelector('svg')!).opacity).to.equal('1');
    });

    it('shows a disabled button in the system colour for disabled text in forced colors', async () => {
      await emulateMedia({ forcedColors: 'active' });
      try {
        const carousel = await renderCarousel(12);
        const colors = [getComputedStyle(button(carousel, 'previous')).color, getComputedStyle(button(carousel, 'next')).color];
        expect(colors[0]).to.not.equal(colors[1]);
      } finally {
        await emulateMedia({ forcedColors: 'none' });
      }
    });

    it('has no axe violations when empty', async () => {
      const carousel = await renderCarousel(0);
      await expectNoAxeViolations(carousel);
    });
  });
});
