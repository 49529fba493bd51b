import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { nextFrames } from '../test/events.js';
import { makeProducts } from '../test/products.js';
import './carousel.js';
import type { VitrineCarousel } from './carousel.js';

async function renderCarousel(count: number, dir: string): Promise<VitrineCarousel> {
  const wrapper = await fixture<HTMLElement>(html`<div dir=${dir} style="inline-size: 50rem"><vitrine-carousel .products=${makeProducts(count)}></vitrine-carousel></div>`);
  const carousel = wrapper.querySelector('vitrine-carousel')!;
  await carousel.updateComplete;
  await nextFrames(3);
  return carousel;
}

/** Which way a button's chevron points, read from what is painted: its tip is drawn at 13 of 20 (or 7, mirrored). */
function chevronPoints(carousel: VitrineCarousel, name: 'previous' | 'next'): 'left' | 'right' | 'nowhere' {
  const svg = carousel.shadowRoot!.querySelector(`[part="${name}"] svg`)!;
  const box = svg.getBoundingClientRect();
  const paintedAt = (x: number) => carousel.shadowRoot!.elementFromPoint(box.left + box.width * x, box.top + box.height / 2)?.localName === 'path';
  if (paintedAt(0.65) && !paintedAt(0.35)) return 'right';
  if (paintedAt(0.35) && !paintedAt(0.65)) return 'left';
  return 'nowhere';
}

describe('<vitrine-carousel> right to left', () => {
  it('points Previous towards the row’s start and Next towards its end, which are mirrored on a right-to-left page', async () => {
    const seen: Record<string, string[]> = {};
    for (const dir of ['ltr', 'rtl']) {
      const carousel = await renderCarousel(10, dir);
      seen[dir] = [chevronPoints(carousel, 'previous'), chevronPoints(carousel, 'next')];
      fixtureCleanup();
    }
    expect(seen).to.deep.equal({ ltr: ['left', 'right'], rtl: ['right', 'left'] });
  });

  it('shows cards across the whole row wherever a 1,000-product row is scrolled to the left', async () => {
    const carousel = await renderCarousel(1000, 'rtl');
    const track = carousel.shadowRoot!.querySelector<HTMLElement>('[part="track"]')!;
    for (const scrolled of [0.1, 0.5, 0.9]) {
      track.scrollLeft = -scrolled * (track.scrollWidth - track.clientWidth);
      await nextFrames(3);
      await carousel.updateComplete;
      const row = track.getBoundingClientRect();
      const cards = [...track.querySelectorAll('vitrine-product-card')].map((card) => card.getBoundingClientRect());
      // Every stretch of the row wider than the gap between two cards has a card in it.
      for (let x = row.left + 24; x < row.right - 24; x += 24) {
        expect(
          cards.some((card) => card.left - 16 <= x && x <= card.right + 16),
          `no card at ${Math.round(x - row.left)}px with the row ${scrolled * 100}% scrolled`,
        ).to.equal(true);
      }
    }
  });
});
