import { expect, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { http, HttpResponse } from 'msw';
import { setupWorker } from 'msw/browser';
import type { ProductSource } from '@vitrine/core';
import type { ErrorDetail } from '../internal/report-error.js';
import { expectNoAxeViolations } from '../test/axe.js';
import { deepActiveElement } from '../test/products.js';
import { watchHostPageInEachTest, type HostPage } from './test-helpers/host-page.js';
import { BROKEN_STREAM, SUMMER_CLIP, SUMMER_STREAM, SUMMER_POSTER, part, renderVideo, requested, seek, startPlayback, tagOf, text, waitForPart } from './test-helpers/video.js';
import type { VitrineVideo } from './video.js';
import './video.js';

const REM = parseFloat(getComputedStyle(document.documentElement).fontSize);
const worker = setupWorker();

let page: HostPage;

/** The next `vitrine-error`, once the element shows its error state. */
async function failed(video: VitrineVideo): Promise<ErrorDetail> {
  const event = await page.errors.next();
  expect(event.target === video).to.equal(true);
  await waitForPart(video, 'status', 'no error state');
  return event.detail;
}

/** "Try again" is offered only where it can help: not for a clip file or a video that is wrong as it is. */
function expectErrorState(video: VitrineVideo, poster: boolean, retry = true): void {
  expect(text(video.shadowRoot!.querySelector('[role="alert"]'))).to.equal("This video can't be played right now.");
  expect(part(video, 'retry') === null ? undefined : text(part(video, 'retry'))).to.equal(retry ? 'Try again' : undefined);
  expect(video.shadowRoot!.querySelector('video') === null).to.equal(true);
  expect(part(video, 'poster') !== null).to.equal(poster);
  expect(video.getBoundingClientRect().height).to.equal(22.5 * REM);
}

describe('<vitrine-video> failures', () => {
  const currentPage = watchHostPageInEachTest(worker);
  beforeEach(() => (page = currentPage()));

  it('a clip file that 404s: error state, clip-unreachable, one [vitrine] line', async () => {
    const video = await renderVideo(html`<vitrine-video clip="/examples/clips/missing.json"></vitrine-video>`);
    expect(await failed(video)).to.deep.equal({
      code: 'clip-unreachable',
      message: `the clip at ${new URL('/examples/clips/missing.json', location.href).href} answered 404`,
      fatal: true,
    });
    expectErrorState(video, false);
    expect(page.logged.filter((line) => line.startsWith('[vitrine] <vitrine-video> clip-unreachable'))).to.have.length(1);
    await expectNoAxeViolations(video);
  });

  it('a clip file that is not a clip: invalid-data naming the field', async () => {
    worker.use(http.get('/examples/clips/bad.json', () => HttpResponse.json({ id: 'bad', src: 'javascript:alert(1)' })));
    const video = await renderVideo(html`<vitrine-video clip="/examples/clips/bad.json"></vitrine-video>`);
    expect(await failed(video)).to.deep.equal({ code: 'invalid-data', message: 'src: expected an http(s) URL', fatal: true, path: 'src' });
    expectErrorState(video, false, false);
  });

  it('retries a clip file that failed, and moves focus on to the play button', async () => {
    let calls = 0;
    const clip = await (await fetch(SUMMER_CLIP)).json();
    worker.use(http.get('/examples/clips/flaky.json', () => (++calls === 1 ? new HttpResponse(null, { status: 503 }) : HttpResponse.json(clip))));
    const video = await renderVideo(html`<vitrine-video clip="/examples/clips/flaky.json"></vitrine-video>`);
    expect((await failed(video)).code).to.equal('clip-unreachable');
    part(video, 'retry')!.focus();
    part(video, 'retry')!.click();
    await waitUntil(() => deepActiveElement() === part(video, 'play-button'), 'focus did not move to the play button');
    expect(calls).to.equal(2);
    expect(page.errors.pending).to.equal(0);
  });

  it('a playlist that 404s: the poster stays, media-not-found, and Try again builds a new player', async () => {
    const video = await renderVideo(html`<vitrine-video src="/examples/media/missing/index.m3u8" poster=${SUMMER_POSTER}></vitrine-video>`);
    part(video, 'play-button')!.click();
    const error = await failed(video);
    expect(error).to.include({ code: 'media-not-found', fatal: true });
    expectErrorState(video, true);
    expect(page.logged.filter((line) => line.startsWith('[vitrine] <vitrine-video> media-not-found'))).to.have.length(1);
    await expectNoAxeViolations(video);

    const playlistRequests = () => requested('/examples/media/missing/index.m3u8').length;
    const before = playlistRequests();
    part(video, 'retry')!.focus();
    part(video, 'retry')!.click();
    expect((await failed(video)).code).to.equal('media-not-found');
    expect(playlistRequests()).to.be.above(before);
    await waitUntil(() => deepActiveElement() === part(video, 'retry'), 'focus was lost');
  });

  it('a stream whose segments fail for good ends in the error state', async () => {
    const video = await renderVideo(html`<vitrine-video src=${BROKEN_STREAM}></vitrine-video>`);
    part(video, 'play-button')!.click();
    const event = await Promise.race([page.errors.next(), new Promise<never>((_, reject) => setTimeout(() => reject(new Error('no error within 12 s')), 12_000))]);
    expect(event.detail).to.include({ code: 'media-network', fatal: true });
    await waitForPart(video, 'retry');
    expectErrorState(video, false);
  });

  it('a file the browser cannot decode: media-unsupported, no "Try again", focus on the player from the keyboard', async () => {
    const video = await renderVideo(html`<vitrine-video src=${SUMMER_POSTER}></vitrine-video>`);
    part(video, 'play-button')!.focus();
    await sendKeys({ press: 'Enter' });
    expect(await failed(video)).to.include({ code: 'media-unsupported', fatal: true });
    expectErrorState(video, false, false);
    await waitUntil(() => deepActiveElement()?.getAttribute('part') === 'status', 'focus fell out of the player');
  });

  it('still plays when the products cannot be loaded, and says so without a fatal error', async () => {
    const source = {
      list: () => Promise.reject(new TypeError('boom')),
      get: () => {
        throw new TypeError('boom');
      },
    } as unknown as ProductSource;
    const cues = [{ productId: 'sun-hat', start: 1, end: 2 }];
    const video = await renderVideo(html`<vitrine-video src=${SUMMER_STREAM} .source=${source} .cues=${cues}></vitrine-video>`);
    const event = await page.errors.next();
    expect(event.detail).to.deep.equal({ code: 'source-unreachable', message: 'the product source failed: boom', fatal: false });
    expect(part(video, 'play-button') !== null).to.equal(true);
    expect(part(video, 'badge') === null).to.equal(true);
  });

  it('plays a clip whose cue names an unknown product, and says so once, naming the cue', async () => {
    const clip = await (await fetch(SUMMER_CLIP)).json();
    // Not in time order: the error names the cue by its place in the file.
    clip.cues = [
      { productId: 'linen-shirt', start: 2, end: 5 },
      { productId: 'sun-hat', start: 0.5, end: 1 },
      { productId: 'beach-towel', start: 1, end: 3 },
    ];
    worker.use(http.get('/examples/clips/unknown-product.json', () => HttpResponse.json(clip)));
    const video = await renderVideo(html`<vitrine-video clip="/examples/clips/unknown-product.json"></vitrine-video>`);
    await waitUntil(() => text(part(video, 'badge')) === '2 products', 'the products did not arrive');
    expect(page.errors.pending).to.equal(1);
    expect((await page.errors.next()).detail).to.deep.equal({
      code: 'invalid-data',
      message: 'cues[2].productId: expected one of the clip\'s products, got "beach-towel"',
      fatal: false,
      path: 'cues[2].productId',
    });
    expect(page.logged.filter((line) => line.startsWith('[vitrine] <vitrine-video> invalid-data: cues[2].productId'))).to.have.length(1);
    // The rest plays: the known product's tag at its time, and no second report when the stream's pins arrive.
    const media = await startPlayback(video);
    await seek(media, 2.2);
    await waitUntil(() => tagOf(video, 'linen-shirt'), 'no tag for the known product');
    expect(tagOf(video, 'beach-towel') === null).to.equal(true);
    expect(page.errors.pending).to.equal(0);
  });

  it('speaks German in the error state', async () => {
    const video = await renderVideo(html`<vitrine-video clip="/examples/clips/missing.json"></vitrine-video>`, 'de');
    await failed(video);
    expect(text(video.shadowRoot!.querySelector('[role="alert"]'))).to.equal('Dieses Video kann gerade nicht abgespielt werden.');
    expect(text(part(video, 'retry'))).to.equal('Erneut versuchen');
  });
});
