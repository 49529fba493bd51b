import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { nextFrames } from '../test/events.js';
import { makeProducts } from '../test/products.js';
import './carousel.js';
import type { VitrineCarousel } from './carousel.js';

const REM = parseFloat(getComputedStyle(document.documentElement).fontSize);

function countComments(root: Node): number {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_COMMENT);
  let count = 0;
  while (walker.nextNode()) count++;
  return count;
}

/** A 50rem carousel of `count` products, measured and drawn, with its scrolling track. */
async function renderRow(count: number): Promise<{ carousel: VitrineCarousel; track: HTMLElement }> {
  const wrapper = await fixture<HTMLElement>(html`<div lang="en" style="inline-size: 50rem">
    <vitrine-carousel .products=${makeProducts(count)}></vitrine-carousel>
  </div>`);
  const carousel = wrapper.querySelector<VitrineCarousel>('vitrine-carousel')!;
  await carousel.updateComplete;
  await nextFrames(3);
  return { carousel, track: carousel.shadowRoot!.querySelector<HTMLElement>('[part="track"]')! };
}

describe('<vitrine-carousel> at scale', () => {
  it('moves its window through 10,000 products by adding and removing cards: the spacers are resized, not replaced', async () => {
    const { carousel, track } = await renderRow(10_000);
    const added: Element[] = [];
    const observer = new MutationObserver((records) => records.forEach((record) => added.push(...[...record.addedNodes].filter((node) => node instanceof Element))));
    observer.observe(track, { childList: true });
    const stride = 15 * REM; // 14rem card + 1rem gap
    for (let card = 1; card <= 40; card++) {
      track.scrollLeft = card * stride;
      await nextFrames(2);
      await carousel.updateComplete;
    }
    observer.disconnect();
    // Cards come and go; one spacer appears, before the window, when the row leaves its start, and from then on the
    // spacers only change size.
    expect(added.filter((node) => !node.classList.contains('item')).map((node) => node.className)).to.deep.equal(['spacer']);
    const first = track.querySelector<HTMLElement>('.item')!;
    expect(Number(first.dataset.index)).to.be.above(30);
    expect(Math.round(first.getBoundingClientRect().left - track.getBoundingClientRect().left + track.scrollLeft)).to.equal(
      Math.round(Number(first.dataset.index) * stride + 0.625 * REM),
    );
  });

  it('leaves nothing behind in the row when scrolled there and back: its DOM stays the same size', async () => {
    const { carousel, track } = await renderRow(2_000);
    // Comments too: Lit's markers are nodes the page keeps and walks, like any other.
    const nodes = () => track.querySelectorAll('*').length + countComments(track);
    const atStart = nodes();
    const stride = 15 * REM;
    for (let round = 0; round < 2; round++) {
      for (const card of [200, 400, 600, 0]) {
        track.scrollLeft = card * stride;
        await nextFrames(2);
        await carousel.updateComplete;
      }
    }
    // The window is back where it began, so the row holds what it held then (once the last scroll has been rendered).
    await waitUntil(() => nodes() === atStart, 'the row did not come back to the size it had at the start', { timeout: 3000 });
  });
});
