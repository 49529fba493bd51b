import { expect, waitUntil } from '@open-wc/testing';
import { http, HttpResponse, passthrough } from 'msw';
import { setupWorker } from 'msw/browser';
import { initialize, type MediaEngine } from './engine.js';
import { SUMMER, makeVideo, recorder } from './test-helpers/engine-recorder.js';

// The network is mocked at the boundary: hls.js's requests go through msw's service worker.
const worker = setupWorker();

describe('media engine on a flaky network', () => {
  let video: HTMLVideoElement;
  let engine: MediaEngine | undefined;

  before(() => worker.start({ quiet: true, onUnhandledRequest: 'bypass' }));
  after(() => worker.stop());

  beforeEach(() => {
    video = makeVideo();
  });

  afterEach(() => {
    worker.resetHandlers();
    engine?.teardown();
    engine = undefined;
    video.remove();
  });

  it('retries a segment that failed once and plays on without reporting anything', async () => {
    let answers = 0;
    worker.use(http.get('*/examples/media/summer/segment-01.m2ts', () => (answers++ === 0 ? new HttpResponse(null, { status: 503 }) : passthrough())));
    const { callbacks, errors } = recorder();
    engine = await initialize(video, SUMMER, callbacks);
    await video.play();
    await waitUntil(() => video.currentTime > 4.2, 'playback never got past the segment that failed', { timeout: 10_000 });

    expect(answers).to.be.at.least(2);
    expect(errors).to.deep.equal([]);
  });

  it('asks again for a playlist that keeps failing, then reports media-network', async () => {
    let requests = 0;
    worker.use(http.get('*/examples/media/flaky/index.m3u8', () => (requests++, new HttpResponse(null, { status: 500 }))));
    const { callbacks, errors, firstError } = recorder();
    engine = await initialize(video, '/examples/media/flaky/index.m3u8', callbacks);

    expect((await firstError).code).to.equal('media-network');
    // hls.js alone asks twice (one retry); more means the engine reloaded the source before giving up.
    expect(requests).to.be.above(2);
    expect(errors).to.have.length(1);
  });
});
