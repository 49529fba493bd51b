import { expect, html, waitUntil } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { setupWorker } from 'msw/browser';
import { PLAYBACK_TIMEOUT, SUMMER_CLIP, animationsDone, part, renderVideo, seek, startPlayback, tagOf, text, waitForPart } from './test-helpers/video.js';
import './video.js';

const worker = setupWorker();

/** The box the text of `element` is drawn in (not the element's own box, which its text may overflow). */
function textBox(element: Element): DOMRect {
  const range = document.createRange();
  range.selectNodeContents(element);
  return range.getBoundingClientRect();
}

function expectInside(inner: DOMRect, outer: DOMRect, what: string): void {
  expect(inner.left >= outer.left - 0.5 && inner.right <= outer.right + 0.5, `${what} runs out sideways`).to.equal(true);
  expect(inner.top >= outer.top - 0.5 && inner.bottom <= outer.bottom + 0.5, `${what} runs out of its box`).to.equal(true);
}

describe('<vitrine-video> with long unbroken text', () => {
  before(() => worker.start({ quiet: true, onUnhandledRequest: 'bypass' }));
  after(() => worker.stop());
  afterEach(() => worker.resetHandlers());

  it('keeps a long title in the tray, a long cue label in its tag and a long caption word over the picture', async () => {
    // The summer clip (HLS: the MP4 does not seek through msw's service worker), its one product's title too long.
    const clip = await (await fetch(SUMMER_CLIP)).json();
    Object.assign(clip, {
      products: [{ ...clip.products[0], title: 'W'.repeat(290) }],
      cues: [{ productId: 'linen-shirt', start: 2, end: 5, label: 'L'.repeat(100) }],
      captions: [{ src: '/examples/media/long.vtt', lang: 'en' }],
    });
    worker.use(
      http.get('/examples/clips/long-text.json', () => HttpResponse.json(clip)),
      http.get('/examples/media/long.vtt', () => new HttpResponse(`WEBVTT\n\n00:00:00.000 --> 00:00:09.000\n${'C'.repeat(200)}\n`, { headers: { 'content-type': 'text/vtt' } })),
    );
    const video = await renderVideo(html`<vitrine-video clip="/examples/clips/long-text.json"></vitrine-video>`);
    await waitForPart(video, 'play-button');
    const media = await startPlayback(video);
    media.pause();
    await seek(media, 2.5);
    (await waitForPart(video, 'captions-button')).click();
    await waitUntil(() => text(part(video, 'captions')).startsWith('CCC'), 'no caption', { timeout: PLAYBACK_TIMEOUT });
    await waitUntil(() => tagOf(video, 'linen-shirt'), 'no tag');
    await animationsDone(tagOf(video, 'linen-shirt')!);
    part(video, 'tray-button')!.click();
    await video.updateComplete;
    await animationsDone(part(video, 'tray')!);

    const tray = part(video, 'tray')!.getBoundingClientRect();
    expect(tray.width).to.equal(320);
    expectInside(textBox(part(video, 'tray-link')!.querySelector('span')!), part(video, 'tray-item')!.getBoundingClientRect(), 'the tray title');
    const card = part(video, 'tag-link')!.getBoundingClientRect();
    expectInside(textBox(part(video, 'tag-label')!), card, 'the cue label');
    expect(part(video, 'tag-title')!.getBoundingClientRect().right).to.be.at.most(card.right);
    const picture = video.shadowRoot!.querySelector('.picture')!.getBoundingClientRect();
    expectInside(textBox(part(video, 'captions')!), part(video, 'captions')!.getBoundingClientRect(), 'the caption');
    expectInside(part(video, 'captions')!.getBoundingClientRect(), picture, 'the captions');
  });
});
