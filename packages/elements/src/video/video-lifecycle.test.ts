import { aTimeout, expect, html, waitUntil } from '@open-wc/testing';
import { http, HttpResponse, passthrough } from 'msw';
import { setupWorker } from 'msw/browser';
import type { TrackDetail } from '@vitrine/core';
import { recordEvents } from '../test/events.js';
import { recordOwnEvents, upgradeLater, watchListeners } from '../test/lifecycle.js';
import { watchHostPageInEachTest, type HostPage } from './test-helpers/host-page.js';
import { PLAYBACK_TIMEOUT, SUMMER_CLIP, SUMMER_STREAM, part, renderVideo, requested, startPlayback, waitForPart } from './test-helpers/video.js';
import type { VitrineVideo } from './video.js';
import './video.js';

const worker = setupWorker();
let page: HostPage;

/** Answers `path` only when the test says so. */
function holdRequest(path: string, answer: () => Response | ReturnType<typeof passthrough>): () => void {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  worker.use(http.get(path, async () => (await released, answer())));
  return release;
}

/** The AbortSignal of every fetch of `path` until `stop()`. */
function watchFetches(path: string): { signals: AbortSignal[]; stop(): void } {
  const original = window.fetch;
  const signals: AbortSignal[] = [];
  window.fetch = (input, init) => {
    if (String(input instanceof Request ? input.url : input).includes(path)) signals.push(init?.signal ?? new AbortController().signal);
    return original(input, init);
  };
  return { signals, stop: () => (window.fetch = original) };
}

const slowClip = (id: string) => ({ id, src: SUMMER_STREAM, poster: '/examples/media/summer/poster.jpg' });

describe('<vitrine-video> lifecycle', () => {
  const currentPage = watchHostPageInEachTest(worker);
  beforeEach(() => (page = currentPage()));

  // First in this file: once hls.js is imported, the page never downloads it again.
  it('builds no hls.js and requests no playlist when removed while hls.js downloads', async () => {
    const release = holdRequest('*/hls.js/dist/*', () => passthrough());
    const video = await renderVideo(html`<vitrine-video src=${SUMMER_STREAM}></vitrine-video>`);
    const blobs = watchBlobUrls();
    part(video, 'play-button')!.click();
    await aTimeout(100);
    expect(requested('summer/index.m3u8'), 'hls.js was held').to.deep.equal([]);
    const on = recordOwnEvents(video);
    video.remove();
    await aTimeout(0);
    release();
    await aTimeout(1000);
    on.stop();
    blobs.stop();
    expect(requested('summer/index.m3u8')).to.deep.equal([]);
    expect(blobs.created).to.equal(0);
    expect(on.lines).to.deep.equal([]);
  });

  it('aborts a pending clip file when removed, reports nothing, and loads it when put back', async () => {
    const release = holdRequest('/examples/clips/slow.json', () => new HttpResponse(null, { status: 503 }));
    const fetches = watchFetches('/examples/clips/slow.json');
    const video = await renderVideo(html`<vitrine-video clip="/examples/clips/slow.json"></vitrine-video>`);
    const parent = video.parentElement!;
    await aTimeout(50);
    const on = recordOwnEvents(video);
    video.remove();
    await aTimeout(0);
    expect(fetches.signals.map((signal) => signal.aborted)).to.deep.equal([true]);
    release();
    await aTimeout(200);
    on.stop();
    expect(on.lines).to.deep.equal([]);
    worker.use(http.get('/examples/clips/slow.json', () => HttpResponse.json(slowClip('slow'))));
    parent.append(video);
    await waitForPart(video, 'play-button');
    fetches.stop();
    expect(fetches.signals).to.have.length(2);
    expect(page.errors.pending).to.equal(0);
  });

  it('fetches nothing when given a new clip while out of the page, and loads it when put back', async () => {
    worker.use(http.get('/examples/clips/later.json', () => HttpResponse.json(slowClip('later'))));
    const video = await renderVideo(html`<vitrine-video clip=${SUMMER_CLIP}></vitrine-video>`);
    await waitForPart(video, 'play-button');
    const parent = video.parentElement!;
    video.remove();
    await aTimeout(0);
    const fetches = watchFetches('/examples/clips/later.json');
    // A router keeps the element and re-configures it before showing it again.
    video.clip = '/examples/clips/later.json';
    await video.updateComplete;
    await aTimeout(100);
    expect(fetches.signals.filter((signal) => !signal.aborted)).to.have.length(0);
    parent.append(video);
    await waitForPart(video, 'play-button');
    fetches.stop();
    expect(fetches.signals.filter((signal) => !signal.aborted)).to.have.length(1);
    expect(page.errors.pending).to.equal(0);
  });

  it('plays again when put back after a while', async () => {
    const video = await renderVideo(html`<vitrine-video clip=${SUMMER_CLIP}></vitrine-video>`);
    await waitForPart(video, 'play-button');
    await startPlayback(video);
    const parent = video.parentElement!;
    video.remove();
    await aTimeout(200);
    parent.append(video);
    await waitForPart(video, 'play-button');
    const events = recordEvents<TrackDetail>(document, 'vitrine-track');
    await startPlayback(video);
    events.stop();
    expect(events.events.map((event) => event.detail.event)).to.include('Video Playback Started');
  });

  it('ends on the last clip when the clip changes while one is loading, with no error', async () => {
    const releaseA = holdRequest('/examples/clips/a.json', () => HttpResponse.json({ ...slowClip('a'), poster: '/examples/media/sneakers.jpg' }));
    worker.use(http.get('/examples/clips/b.json', () => HttpResponse.json(slowClip('b'))));
    const video = await renderVideo(html`<vitrine-video clip="/examples/clips/a.json"></vitrine-video>`);
    video.clip = '/examples/clips/b.json';
    await waitForPart(video, 'play-button');
    releaseA();
    await aTimeout(200);
    expect((part(video, 'poster') as HTMLImageElement).src).to.contain('summer/poster.jpg');
    expect(page.errors.pending).to.equal(0);
  });

  it('switching a playing video to another src shows the new one and plays it', async () => {
    const video = await renderVideo(html`<vitrine-video clip=${SUMMER_CLIP}></vitrine-video>`);
    await waitForPart(video, 'play-button');
    const media = await startPlayback(video);
    video.src = '/examples/media/sneakers.mp4';
    await video.updateComplete;
    await aTimeout(50);
    expect(media.hasAttribute('src')).to.equal(false);
    const next = await startPlayback(video);
    expect(next.src).to.contain('sneakers.mp4');
    expect(page.errors.pending).to.equal(0);
  });

  it('reports nothing after removal when the products it was loading arrive with problems', async () => {
    const release = holdRequest('/examples/feeds/late.json', () => HttpResponse.json({ products: [{ id: 'broken' }] }));
    worker.use(http.get('/examples/clips/late.json', () => HttpResponse.json({ ...slowClip('late'), products: '../feeds/late.json', cues: [{ productId: 'ghost', start: 0, end: 2 }] })));
    const video = await renderVideo(html`<vitrine-video clip="/examples/clips/late.json"></vitrine-video>`);
    await waitForPart(video, 'play-button');
    const on = recordOwnEvents(video);
    video.remove();
    await aTimeout(0);
    release();
    await aTimeout(300);
    on.stop();
    expect(on.lines).to.deep.equal([]);
  });

  it('two players of one clip share its feed: removing one mid-load leaves the other its products', async () => {
    const release = holdRequest('/examples/feeds/shared.json', () => passthrough());
    worker.use(http.get('/examples/feeds/shared.json', () => passthrough()));
    const wrapper = document.createElement('div');
    wrapper.innerHTML = '<vitrine-video clip="/examples/clips/sneakers.json"></vitrine-video><vitrine-video clip="/examples/clips/sneakers.json"></vitrine-video>';
    document.body.append(wrapper);
    const [first, second] = [...wrapper.querySelectorAll('vitrine-video')] as VitrineVideo[];
    await waitForPart(first!, 'play-button');
    first!.remove();
    release();
    await waitUntil(() => part(second!, 'badge')?.textContent === '3 products', 'the second player got no products', { timeout: PLAYBACK_TIMEOUT });
    await startPlayback(second!);
    wrapper.remove();
    expect(page.errors.pending).to.equal(0);
  });

  it('takes properties set before it is connected, and before it is defined (upgraded later)', async () => {
    const products = [{ id: 'p1', title: 'Hat', url: 'https://shop.example/p1', images: [], price: { amount: 100, currency: 'EUR' } }];
    const made = document.createElement('vitrine-video');
    Object.assign(made, { src: SUMMER_STREAM, products, cues: [{ productId: 'p1', start: 0, end: 5 }], autoplay: false });
    document.body.append(made);
    await waitUntil(() => part(made, 'badge')?.textContent === '1 product', 'the products set before connecting were not used');
    made.remove();

    const lazy = upgradeLater<VitrineVideo>('vitrine-video', { src: SUMMER_STREAM, products, cues: [{ productId: 'p1', start: 0, end: 5 }] });
    await waitUntil(() => part(lazy, 'badge')?.textContent === '1 product', 'the products set before the upgrade were not used');
    expect(lazy.src).to.equal(SUMMER_STREAM);
    await startPlayback(lazy);
    lazy.parentElement!.remove();
  });

  it('reports nothing when removed while playing', async () => {
    const video = await renderVideo(html`<vitrine-video clip=${SUMMER_CLIP}></vitrine-video>`);
    await waitForPart(video, 'play-button');
    await startPlayback(video);
    const on = recordOwnEvents(video);
    video.remove();
    await aTimeout(500);
    on.stop();
    expect(on.lines).to.deep.equal([]);
  });

  it('leaves no hls.js, MediaSource, <video> source or window/document listener behind after 50 mounts and unmounts', async () => {
    const listeners = watchListeners();
    const blobs = watchBlobUrls();
    const sources = watchMediaSources();
    for (let i = 0; i < 50; i++) {
      const video = document.createElement('vitrine-video');
      video.src = SUMMER_STREAM;
      document.body.append(video);
      await video.updateComplete;
      if (i % 2 === 0) part(video, 'play-button')!.click();
      await aTimeout(i % 5 === 0 ? 150 : i % 3);
      video.remove();
    }
    await aTimeout(1500);
    listeners.stop();
    blobs.stop();
    sources.stop();
    expect(listeners.left()).to.deep.equal([]);
    expect(blobs.created - blobs.revoked).to.equal(0);
    expect(sources.holding()).to.equal(0);
    expect(page.errors.pending).to.equal(0);
  });
});

function watchBlobUrls(): { created: number; revoked: number; stop(): void } {
  const { createObjectURL, revokeObjectURL } = URL;
  const record = { created: 0, revoked: 0, stop: () => Object.assign(URL, { createObjectURL, revokeObjectURL }) };
  URL.createObjectURL = (object) => (record.created++, createObjectURL(object));
  URL.revokeObjectURL = (url) => (record.revoked++, revokeObjectURL(url));
  return record;
}

function watchMediaSources(): { holding(): number; stop(): void } {
  const descriptor = Object.getOwnPropertyDescriptor(HTMLMediaElement.prototype, 'src')!;
  const media = new Set<HTMLMediaElement>();
  Object.defineProperty(HTMLMediaElement.prototype, 'src', {
    ...descriptor,
    set(value: string) {
      media.add(this as HTMLMediaElement);
      descriptor.set!.call(this, value);
    },
  });
  return {
    holding: () => [...media].filter((element) => element.hasAttribute('src')).length,
    stop: () => Object.defineProperty(HTMLMediaElement.prototype, 'src', descriptor),
  };
}
