import { aTimeout, expect, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { delay, http, HttpResponse, passthrough } from 'msw';
import { setupWorker } from 'msw/browser';
import { JsonFeedSource } from '@vitrine/core';
import { setLocale } from '../config.js';
import type { ErrorDetail } from '../internal/report-error.js';
import { expectNoAxeViolations } from '../test/axe.js';
import { eventQueue, resetLocalization } from '../test/events.js';
import { deepActiveElement } from '../test/products.js';
import { FEED, SUMMER_CLIP, SUMMER_POSTER, SUMMER_STREAM, mediaOf, part, renderVideo, requested, startPlayback, text, waitForPart } from './test-helpers/video.js';
import './video.js';

const REM = parseFloat(getComputedStyle(document.documentElement).fontSize);
const worker = setupWorker();

/** The heavy parts of playback: the player library and the stream. None of them may load before play. */
const PLAYBACK_RESOURCES = ['/node_modules/hls.js/', '.m3u8', '.m2ts'];

describe('<vitrine-video> facade', () => {
  before(() => worker.start({ quiet: true, onUnhandledRequest: 'bypass' }));
  after(() => worker.stop());
  afterEach(() => {
    worker.resetHandlers();
    resetLocalization();
  });

  // First in this file: the page has loaded no player code yet.
  it('shows poster, play button and product count, and loads no player or stream until play', async () => {
    expect(requested(...PLAYBACK_RESOURCES)).to.deep.equal([]);
    const video = await renderVideo(html`<vitrine-video clip=${SUMMER_CLIP}></vitrine-video>`);
    const play = await waitForPart(video, 'play-button');
    expect(play.getAttribute('aria-label')).to.equal('Play video');
    expect((part(video, 'poster') as HTMLImageElement).src).to.equal(new URL(SUMMER_POSTER, location.href).href);
    await waitUntil(() => part(video, 'badge'), 'no product count');
    expect(text(part(video, 'badge'))).to.equal('2 products');
    expect(play.getAttribute('aria-describedby')).to.equal('badge');
    expect(video.shadowRoot!.querySelector('video') === null).to.equal(true);
    play.dispatchEvent(new PointerEvent('pointerenter'));
    play.focus();
    await aTimeout(300);
    expect(requested(...PLAYBACK_RESOURCES)).to.deep.equal([]);

    // The press that begins the click fetches hls.js; the stream waits for the click itself.
    play.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true }));
    await waitUntil(() => requested('/node_modules/hls.js/').length > 0, 'hls.js was not fetched on the press');
    await aTimeout(100);
    expect(requested('.m3u8', '.m2ts')).to.deep.equal([]);

    await startPlayback(video);
    const loaded = requested(...PLAYBACK_RESOURCES);
    expect(loaded.some((url) => url.includes('/node_modules/hls.js/'))).to.equal(true);
    expect(loaded.some((url) => url.endsWith('/summer/index.m3u8'))).to.equal(true);
    expect(loaded.some((url) => url.endsWith('.m2ts'))).to.equal(true);
  });

  it('reserves the aspect ratio’s box while the clip loads, and keeps it', async () => {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const clip = await (await fetch(SUMMER_CLIP)).json();
    worker.use(http.get('/examples/clips/slow.json', async () => (await released, HttpResponse.json(clip))));
    const video = await renderVideo(html`<vitrine-video clip="/examples/clips/slow.json"></vitrine-video>`);
    await aTimeout(50);
    expect(text(video.shadowRoot!.querySelector('[role="status"]'))).to.equal('Loading video…');
    expect(part(video, 'poster') === null).to.equal(true);
    const loading = video.getBoundingClientRect();
    expect([loading.width, loading.height]).to.deep.equal([40 * REM, 22.5 * REM]);
    expect(getComputedStyle(part(video, 'frame')!).backgroundColor).to.equal('rgb(17, 17, 17)');
    await expectNoAxeViolations(video);
    release();
    await waitForPart(video, 'play-button');
    expect(video.getBoundingClientRect().height).to.equal(loading.height);
  });

  it('works from attributes and properties alone: src, poster, aspect-ratio, a product source and cues', async () => {
    const cues = [
      { productId: 'sun-hat', start: 6, end: 9 },
      { productId: 'linen-shirt', start: 2, end: 5 },
      { productId: 'linen-shirt', start: 10, end: 11 },
      { productId: 'not-in-the-feed', start: 1, end: 2 },
    ];
    const errors = eventQueue<ErrorDetail>(document, 'vitrine-error');
    const video = await renderVideo(html`<vitrine-video
      src=${SUMMER_STREAM}
      poster=${SUMMER_POSTER}
      aspect-ratio="9:16"
      .source=${new JsonFeedSource(FEED)}
      .cues=${cues}
    ></vitrine-video>`);
    await waitUntil(() => part(video, 'badge'), 'no product count');
    expect(text(part(video, 'badge'))).to.equal('2 products');
    errors.stop();
    expect(errors.pending).to.equal(1);
    expect((await errors.next()).detail).to.include({ code: 'invalid-data', fatal: false, path: 'cues[3].productId' });
    const box = video.getBoundingClientRect();
    expect(box.height).to.be.closeTo((box.width * 16) / 9, 0.5);
    expect(requested(FEED)).to.have.length.above(0);
  });

  it('reserves the box of a decimal aspect-ratio such as 1.78', async () => {
    const errors = eventQueue<ErrorDetail>(document, 'vitrine-error');
    for (const ratio of [2.35, 1.78]) {
      const video = await renderVideo(html`<vitrine-video src=${SUMMER_STREAM} aspect-ratio=${String(ratio)}></vitrine-video>`);
      const box = video.getBoundingClientRect();
      expect(box.height).to.be.closeTo(box.width / ratio, 0.5);
    }
    errors.stop();
    expect(errors.pending).to.equal(0);
  });

  it('says when there is no video, and ignores invalid attributes with a warning', async () => {
    const errors = eventQueue<ErrorDetail>(document, 'vitrine-error');
    const video = await renderVideo(html`<vitrine-video aspect-ratio="wide" poster="javascript:alert(1)"></vitrine-video>`);
    errors.stop();
    expect(text(part(video, 'status'))).to.equal('No video to show.');
    expect(part(video, 'play-button') === null).to.equal(true);
    expect(video.getBoundingClientRect().height).to.equal(22.5 * REM);
    const details = [(await errors.next()).detail, (await errors.next()).detail];
    expect(details.map((detail) => [detail.code, detail.fatal, detail.path]).sort()).to.deep.equal([
      ['invalid-attribute', false, 'aspect-ratio'],
      ['invalid-attribute', false, 'poster'],
    ]);
    await expectNoAxeViolations(video);
  });

  it('opens a connection to another origin on hover, before the click', async () => {
    const video = await renderVideo(html`<vitrine-video src="https://media.example/summer/index.m3u8"></vitrine-video>`);
    const preconnects = () => [...document.head.querySelectorAll<HTMLLinkElement>('link[rel="preconnect"]')].filter((link) => link.href.startsWith('https://media.example'));
    expect(preconnects()).to.have.length(0);
    part(video, 'play-button')!.dispatchEvent(new PointerEvent('pointerenter'));
    await waitUntil(() => preconnects().length === 1, 'no preconnect');
    preconnects().forEach((link) => link.remove());
  });

  it('moves focus from the play button into the player, and on to its play/pause button', async () => {
    const video = await renderVideo(html`<vitrine-video clip=${SUMMER_CLIP}></vitrine-video>`);
    (await waitForPart(video, 'play-button')).focus();
    await sendKeys({ press: 'Enter' });
    let leftThePlayer = false;
    await waitUntil(
      () => {
        const focused = deepActiveElement();
        leftThePlayer ||= focused === null || !video.shadowRoot!.contains(focused);
        return focused?.matches('[part~="play-pause"]');
      },
      'focus did not reach the play/pause button',
      { timeout: 10_000, interval: 5 },
    );
    expect(leftThePlayer, 'focus fell out of the player on the way').to.equal(false);
    expect(mediaOf(video).paused).to.equal(false);
  });

  it('shows the controls of a stream that is slow to start before its first frame', async () => {
    worker.use(http.get('*/summer/segment-00.m2ts', async () => (await delay(3000), passthrough())));
    const video = await renderVideo(html`<vitrine-video src=${SUMMER_STREAM}></vitrine-video>`);
    (await waitForPart(video, 'play-button')).click();
    const mute = await waitForPart(video, 'mute');
    // HAVE_CURRENT_DATA (2) would mean a frame is there to show.
    expect(mediaOf(video).readyState).to.be.below(2);
    mute.click();
    expect(mediaOf(video).muted).to.equal(true);
  });

  it('speaks German', async () => {
    const video = await renderVideo(html`<vitrine-video clip=${SUMMER_CLIP}></vitrine-video>`, 'de-DE');
    await waitUntil(() => part(video, 'badge'), 'no product count');
    expect(part(video, 'play-button')!.getAttribute('aria-label')).to.equal('Video abspielen');
    expect(text(part(video, 'badge'))).to.equal('2 Produkte');
    expect(part(video, 'frame')!.getAttribute('aria-label')).to.equal('Videoplayer');
    setLocale('en');
    await video.updateComplete;
    expect(text(part(video, 'badge'))).to.equal('2 products');
    video.strings = { playVideo: 'Watch the lookbook' };
    await video.updateComplete;
    expect(part(video, 'play-button')!.getAttribute('aria-label')).to.equal('Watch the lookbook');
  });

  it('has no axe violations in the facade', async () => {
    const video = await renderVideo(html`<vitrine-video clip=${SUMMER_CLIP}></vitrine-video>`);
    await waitUntil(() => part(video, 'badge'), 'no product count');
    await expectNoAxeViolations(video);
  });
});
