import { aTimeout, expect, html, waitUntil } from '@open-wc/testing';
import { delay, http, HttpResponse } from 'msw';
import { setupWorker } from 'msw/browser';
import { FETCH_TIMEOUT_MS, type Product, type ProductSource } from '@vitrine/core';
import { holdTimer } from '../test/timers.js';
import { watchHostPageInEachTest, type HostPage } from './test-helpers/host-page.js';
import { FEED, SNEAKERS_CLIP, SUMMER_CLIP, SUMMER_STREAM, part, renderVideo, seek, startPlayback, tagOf, text, waitForPart } from './test-helpers/video.js';
import type { VitrineVideo } from './video.js';
import './video.js';

const REM = parseFloat(getComputedStyle(document.documentElement).fontSize);
const worker = setupWorker();
let page: HostPage;

/** The sneakers clip (an MP4 whose cues name running-shoe, chino-shorts and sunglasses), changed by `changes`. */
async function serveClip(path: string, changes: Record<string, unknown>): Promise<void> {
  const clip = { ...(await (await fetch(SNEAKERS_CLIP)).json()), ...changes };
  for (const [key, value] of Object.entries(changes)) if (value === undefined) delete clip[key];
  worker.use(http.get(path, () => HttpResponse.json(clip)));
}

async function feedProduct(id: string): Promise<Product> {
  const feed = (await (await fetch(FEED)).json()) as { products: Product[] };
  return feed.products.find((product) => product.id === id)!;
}

/** A host's own source, answering every query with `answer`. */
function hostSource(answer: unknown): ProductSource {
  return { get: async () => answer, list: async () => answer } as unknown as ProductSource;
}

const lines = (code: string) => page.logged.filter((line) => line.startsWith(`[vitrine] <vitrine-video> ${code}`));

describe('<vitrine-video> with bad data', () => {
  const currentPage = watchHostPageInEachTest(worker);
  beforeEach(() => (page = currentPage()));

  describe("a host's product source", () => {
    it('is validated like a feed: a bad product is reported by its path, the good ones (without images too) are tags', async () => {
      const { images, ...shortsWithoutImages } = await feedProduct('chino-shorts');
      expect(images).to.have.length(1);
      const source = hostSource({ products: [await feedProduct('running-shoe'), { id: 'sunglasses', title: 'Raw', url: 'javascript:alert(1)' }, shortsWithoutImages] });
      // The sneakers clip's cues over the summer stream (the MP4 does not seek through msw's service worker).
      const video = await renderVideo(html`<vitrine-video clip=${SNEAKERS_CLIP} src=${SUMMER_STREAM} .source=${source}></vitrine-video>`);
      expect((await page.errors.next()).detail).to.deep.equal({ code: 'invalid-data', message: 'products[1].price: expected an object', fatal: false, path: 'products[1].price' });
      expect((await page.errors.next()).detail).to.include({ code: 'invalid-data', fatal: false, path: 'cues[2].productId' });
      await waitUntil(() => text(part(video, 'badge')) === '2 products', 'the products did not arrive');

      const media = await startPlayback(video);
      media.pause();
      await seek(media, 3);
      await waitUntil(() => tagOf(video, 'running-shoe') && tagOf(video, 'chino-shorts'), 'no tags');
      expect(text(tagOf(video, 'chino-shorts')!.querySelector('[part~="tag-title"]'))).to.equal('Chino shorts');
      expect(tagOf(video, 'chino-shorts')!.querySelector('img') === null).to.equal(true);
      expect(part(video, 'tray-button') !== null).to.equal(true);
      expect(page.errors.pending).to.equal(0);
      expect(lines('invalid-data')).to.have.length(2);
    });

    it('that answers without a product list is reported as such; the clip plays without tags', async () => {
      const video = await renderVideo(html`<vitrine-video clip=${SNEAKERS_CLIP} .source=${hostSource({})}></vitrine-video>`);
      const message = 'products: expected an array of products';
      expect((await page.errors.next()).detail).to.deep.equal({ code: 'source-invalid-feed', message, fatal: false, path: 'products' });
      expect(page.logged).to.deep.equal([`[vitrine] <vitrine-video> source-invalid-feed: ${message}`]);
      await startPlayback(video);
      expect(part(video, 'tray-button') === null).to.equal(true);
    });
  });

  describe('a clip file', () => {
    it('with bad optional fields plays without them, reported in one non-fatal error', async () => {
      await serveClip('/examples/clips/bad-fields.json', {
        id: undefined,
        poster: 'javascript:alert(1)',
        aspectRatio: '0:0',
        captions: [{ src: 'javascript:alert(1)', lang: 'en' }],
        products: 42,
      });
      const video = await renderVideo(html`<vitrine-video clip="/examples/clips/bad-fields.json" clip-id="drop"></vitrine-video>`);
      await waitForPart(video, 'play-button');
      expect((await page.errors.next()).detail).to.deep.equal({
        code: 'invalid-data',
        message: 'aspectRatio: expected a width/height ratio such as 16:9 or 1.78 (and 3 more)',
        fatal: false,
        path: 'aspectRatio',
      });
      expect(lines('invalid-data')).to.have.length(1);
      expect(part(video, 'poster') === null).to.equal(true);
      expect(part(video, 'badge') === null).to.equal(true);
      expect(video.getBoundingClientRect().height).to.equal(22.5 * REM);
      const media = await startPlayback(video);
      expect(media.currentTime).to.be.above(0);
      expect(part(video, 'captions-button') === null).to.equal(true);
      expect(part(video, 'tray-button') === null).to.equal(true);
      expect(page.errors.pending).to.equal(0);
    });

    it('names each bad optional field by its path, and shows the clip without it', async () => {
      const cases: Array<[Record<string, unknown>, string, string]> = [
        [{ poster: 'javascript:alert(1)' }, 'poster', 'poster: expected an http(s) URL'],
        [{ poster: 'data:image/png;base64,AAAA' }, 'poster', 'poster: expected an http(s) URL'],
        [{ captions: [{ src: 'javascript:alert(1)' }] }, 'captions[0].src', 'captions[0].src: expected an http(s) URL'],
        [{ aspectRatio: '0:0' }, 'aspectRatio', 'aspectRatio: expected a width/height ratio such as 16:9 or 1.78'],
        [{ products: 42 }, 'products', 'products: expected a feed URL or an array of products'],
        [{ id: undefined }, 'id', 'id: expected a string; without it or clip-id, clicks cannot name the clip'],
      ];
      for (const [index, [changes, path, message]] of cases.entries()) {
        await serveClip(`/examples/clips/bad-${index}.json`, changes);
        const video = await renderVideo(html`<vitrine-video clip=${`/examples/clips/bad-${index}.json`}></vitrine-video>`);
        expect((await page.errors.next()).detail, path).to.deep.equal({ code: 'invalid-data', message, fatal: false, path });
        await waitForPart(video, 'play-button');
        expect(part(video, 'poster') !== null, path).to.equal(path !== 'poster');
        if (path !== 'products') await waitUntil(() => text(part(video, 'badge')) === '3 products', `${path}: the products did not arrive`);
        expect(page.errors.pending, path).to.equal(0);
      }
      // The same message is logged once per page.
      expect(page.logged).to.have.length(5);
    });

    it('without an id is named by clip-id without a word', async () => {
      await serveClip('/examples/clips/no-id.json', { id: undefined });
      const video = await renderVideo(html`<vitrine-video clip="/examples/clips/no-id.json" clip-id="drop"></vitrine-video>`);
      await waitUntil(() => text(part(video, 'badge')) === '3 products', 'the products did not arrive');
      expect(page.errors.pending).to.equal(0);
      expect(page.logged).to.deep.equal([]);
    });

    it('that never answers ends in the error state, clip-unreachable, after FETCH_TIMEOUT_MS', async () => {
      worker.use(http.get('/examples/clips/hang.json', () => delay('infinite')));
      const timeout = holdTimer(FETCH_TIMEOUT_MS);
      try {
        const video = await renderVideo(html`<vitrine-video clip="/examples/clips/hang.json"></vitrine-video>`);
        await aTimeout(100);
        expect(text(video.shadowRoot!.querySelector('[role="status"]'))).to.equal('Loading video…');
        timeout.fire();
        const message = `the clip at ${new URL('/examples/clips/hang.json', location.href).href} did not answer within 15 s`;
        expect((await page.errors.next()).detail).to.deep.equal({ code: 'clip-unreachable', message, fatal: true });
        await waitForPart(video, 'retry');
        expect(lines('clip-unreachable')).to.have.length(1);
      } finally {
        timeout.restore();
      }
    });
  });

  it('reports invalid inline products once, before and after the clip file arrives', async () => {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const clip = await (await fetch(SUMMER_CLIP)).json();
    worker.use(http.get('/examples/clips/later.json', async () => (await released, HttpResponse.json(clip))));
    const video: VitrineVideo = await renderVideo(html`<vitrine-video clip="/examples/clips/later.json" .products=${'x'}></vitrine-video>`);
    const message = 'feed: expected an object with a products array, or an array of products';
    expect((await page.errors.next()).detail).to.deep.equal({ code: 'source-invalid-feed', message, fatal: false, path: 'feed' });
    release();
    await waitForPart(video, 'play-button');
    await aTimeout(200);
    expect(page.errors.pending).to.equal(0);
    expect(part(video, 'badge') === null).to.equal(true);
  });

  it('reports captions that cannot be loaded, and offers no captions button', async () => {
    const clip = await (await fetch(SUMMER_CLIP)).json();
    clip.captions = [{ src: '../media/summer/captions/missing.vtt', lang: 'en' }];
    worker.use(
      http.get('/examples/clips/no-captions.json', () => HttpResponse.json(clip)),
      http.get('/examples/media/summer/captions/missing.vtt', () => new HttpResponse(null, { status: 404 })),
    );
    const video = await renderVideo(html`<vitrine-video clip="/examples/clips/no-captions.json"></vitrine-video>`);
    await waitForPart(video, 'play-button');
    await startPlayback(video);
    const url = new URL('/examples/media/summer/captions/missing.vtt', location.href).href;
    expect((await page.errors.next()).detail).to.deep.equal({ code: 'media-not-found', message: `the captions at ${url} could not be loaded`, fatal: false });
    await waitUntil(() => part(video, 'captions-button') === null, 'the captions button stayed');
    expect(part(video, 'controls') !== null).to.equal(true);
  });
});
