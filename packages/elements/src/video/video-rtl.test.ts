import { expect, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { PLAYBACK_TIMEOUT, SUMMER_CLIP, part, parts, renderVideo, seek, startPlayback, text, waitForPart, withTrayOpen } from './test-helpers/video.js';
import type { VitrineVideo } from './video.js';
import './video.js';

/** Where the seek bar's drawn thumb is centred on screen (the range input itself is invisible). */
function thumbX(video: VitrineVideo): number {
  const rail = video.shadowRoot!.querySelector('.rail')!;
  const thumb = getComputedStyle(rail, '::after');
  return rail.getBoundingClientRect().left + parseFloat(thumb.left) + parseFloat(thumb.width) / 2;
}

const SNEAKERS_VIDEO = '/examples/media/sneakers.mp4';

function centreX(element: Element): number {
  const box = element.getBoundingClientRect();
  return box.left + box.width / 2;
}

/** The on-screen box of the character at `index` (negative: from the end) of an element's text. */
function charBox(element: Element, index: number): DOMRect {
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  while (walker.nextNode()) if (walker.currentNode.textContent!.trim()) nodes.push(walker.currentNode as Text);
  const node = index < 0 ? nodes.at(-1)! : nodes[0]!;
  const content = node.textContent!.trimEnd();
  const at = index < 0 ? content.length + index : content.length - content.trimStart().length + index;
  const range = document.createRange();
  range.setStart(node, at);
  range.setEnd(node, at + 1);
  return range.getBoundingClientRect();
}

/** A product with a Latin name, shown for the whole of the sneakers clip's MP4 (which carries no pins of its own). */
const SUNGLASSES = {
  id: 'sunglasses',
  title: 'Polarised wraparound sunglasses for long summer days!',
  url: 'https://shop.example/p/sunglasses',
  price: { amount: 6900, currency: 'EUR' },
};

describe('<vitrine-video> on a right-to-left page', () => {
  it('moves the seek bar’s thumb the way of the arrow pressed, and puts it on a cue’s marker when seeking to the cue', async () => {
    const video = await renderVideo(html`<div dir="rtl" lang="ar"><vitrine-video clip=${SUMMER_CLIP}></vitrine-video></div>`);
    await waitForPart(video, 'play-button');
    const media = await startPlayback(video);
    media.pause();
    await waitUntil(() => parts(video, 'marker').length === 2, 'no cue markers', { timeout: PLAYBACK_TIMEOUT });
    // The bar runs from the right, as the range input under it does.
    for (const marker of parts(video, 'marker')) {
      await seek(media, Number(marker.dataset.at) * media.duration);
      // The thumb follows the video's next time update, which a busy machine delivers a little later.
      await waitUntil(() => Math.abs(thumbX(video) - centreX(marker)) <= 1, `the thumb is not on the marker at ${marker.dataset.at}`, { timeout: PLAYBACK_TIMEOUT });
    }
    expect(centreX(parts(video, 'marker')[1]!)).to.be.below(centreX(parts(video, 'marker')[0]!));

    part(video, 'seek')!.focus();
    await seek(media, 6);
    // The cue at 6 s marks where the thumb is at 6 s; read each time, as the controls may fade and move meanwhile.
    const at6 = () => centreX(parts(video, 'marker')[1]!);
    const settled = { timeout: PLAYBACK_TIMEOUT };
    await sendKeys({ press: 'ArrowLeft' });
    expect(media.currentTime).to.equal(11);
    await waitUntil(() => thumbX(video) < at6() - 100, 'the thumb did not move left', settled);
    await sendKeys({ press: 'ArrowRight' });
    expect(media.currentTime).to.equal(6);
    await waitUntil(() => Math.abs(thumbX(video) - at6()) <= 1, 'the thumb did not move back right', settled);
  });

  it('keeps the tray’s title as far from the edge it starts at as on a left-to-right page', async () => {
    const gaps: Record<string, number> = {};
    for (const dir of ['ltr', 'rtl'] as const) {
      const video = await withTrayOpen(dir);
      const tray = part(video, 'tray')!.getBoundingClientRect();
      const title = video.shadowRoot!.querySelector('.tray-title')!.getBoundingClientRect();
      gaps[dir] = Math.round(dir === 'ltr' ? title.left - tray.left : tray.right - title.right);
      fixtureCleanup();
    }
    expect(gaps.rtl).to.equal(gaps.ltr);
    expect(gaps.ltr).to.be.above(10);
  });

  it('pads a narrow player’s tag card more on its text side, whichever side that is', async () => {
    const paddings: Record<string, string> = {};
    for (const dir of ['ltr', 'rtl'] as const) {
      const video = await renderVideo(
        html`<div dir=${dir} style="inline-size: 20rem"><vitrine-video src=${SNEAKERS_VIDEO} .products=${[SUNGLASSES]} .cues=${[{ productId: 'sunglasses', start: 0, end: 12 }]}></vitrine-video></div>`,
      );
      const media = await startPlayback(video);
      media.pause();
      const style = getComputedStyle(await waitForPart(video, 'tag-link'));
      paddings[dir] = `${style.paddingLeft} ${style.paddingRight}`;
      fixtureCleanup();
    }
    expect(paddings).to.deep.equal({ ltr: '4px 8px', rtl: '8px 4px' });
  });

  it('reads an English caption with its full stop last', async () => {
    const video = await renderVideo(html`<div dir="rtl" lang="ar"><vitrine-video clip=${SUMMER_CLIP}></vitrine-video></div>`);
    await waitForPart(video, 'play-button');
    await startPlayback(video);
    part(video, 'captions-button')!.click();
    await waitUntil(() => text(part(video, 'captions')) === 'Summer is here.', 'no caption', { timeout: PLAYBACK_TIMEOUT });
    const captions = part(video, 'captions')!;
    expect(charBox(captions, -1).left, 'the full stop ends the line').to.be.above(charBox(captions, 0).right);
  });

  it('cuts a Latin product name at its end, not its start, and keeps its punctuation last, in its tag and in the tray', async () => {
    const video = await renderVideo(
      html`<div dir="rtl" lang="ar"><vitrine-video src=${SNEAKERS_VIDEO} .products=${[SUNGLASSES]} .cues=${[{ productId: 'sunglasses', start: 0, end: 12 }]}></vitrine-video></div>`,
    );
    const media = await startPlayback(video);
    media.pause();
    const title = await waitForPart(video, 'tag-title');
    const box = title.getBoundingClientRect();
    expect(title.scrollWidth, 'the name is cut').to.be.above(title.clientWidth);
    const first = charBox(title, 0);
    expect(first.left, 'its first letter shows').to.be.at.least(box.left - 0.5);
    expect(first.right).to.be.at.most(box.right + 0.5);

    part(video, 'tray-button')!.click();
    await video.updateComplete;
    const link = part(video, 'tray-link')!;
    const name = link.querySelector('span')!;
    const lines = document.createRange();
    lines.selectNodeContents(name);
    const [firstLine, ...otherLines] = lines.getClientRects();
    expect(otherLines.length, 'the name wraps').to.be.above(0);
    expect(charBox(name, -1).left, 'the exclamation mark ends the name').to.be.above(charBox(name, 0).right);
    // Aligned with the page: its lines end on the right, beside the picture.
    expect(link.getBoundingClientRect().right - firstLine!.right).to.be.below(1);
  });
});
