import { aTimeout, expect, waitUntil } from '@open-wc/testing';
import { http, HttpResponse, passthrough } from 'msw';
import { setupWorker } from 'msw/browser';
import { initialize, type MediaEngine } from './engine.js';
import { SUMMER, makeVideo, recorder, requested } from './test-helpers/engine-recorder.js';

// hls.js's own requests, and the page's requests for hls.js itself, go through msw's service worker.
const worker = setupWorker();

/** A master playlist whose audio is a rendition of its own: only hls.js's full build plays its sound. */
const ALTERNATE_AUDIO = '/examples/media/summer/alternate-audio.m3u8';
const alternateAudioPlaylist = `#EXTM3U
#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID="audio",NAME="English",LANGUAGE="en",DEFAULT=YES,AUTOSELECT=YES,URI="index.m3u8"
#EXT-X-STREAM-INF:BANDWIDTH=400000,AUDIO="audio"
index.m3u8
`;

/** The same master over a stream locked by DRM. */
const ALTERNATE_AUDIO_DRM = '/examples/media/broken/alternate-audio.m3u8';

const lightBuild = () => requested('hls.js/dist/hls.light.mjs');
const fullBuild = () => requested('hls.js/dist/hls.mjs');

describe('media engine: which hls.js build a stream downloads', () => {
  let video: HTMLVideoElement;
  let engine: MediaEngine | undefined;

  before(() => worker.start({ quiet: true, onUnhandledRequest: 'bypass' }));
  after(() => worker.stop());

  beforeEach(() => {
    video = makeVideo();
    worker.use(
      http.get(`*${ALTERNATE_AUDIO}`, () => HttpResponse.text(alternateAudioPlaylist)),
      http.get(`*${ALTERNATE_AUDIO_DRM}`, () => HttpResponse.text(alternateAudioPlaylist.replaceAll('index.m3u8', 'drm.m3u8'))),
    );
  });

  afterEach(() => {
    worker.resetHandlers();
    engine?.teardown();
    engine = undefined;
    video.remove();
  });

  // In this order: once a build is imported the page never requests it again.
  it('plays a stream with its sound in the same segments through the light build alone', async () => {
    const { callbacks, errors } = recorder();
    engine = await initialize(video, SUMMER, callbacks);
    await video.play();
    await waitUntil(() => video.currentTime > 1, 'currentTime never passed 1 s', { timeout: 10_000 });

    expect(lightBuild()).to.have.length(1);
    expect(fullBuild()).to.deep.equal([]);
    expect(errors).to.deep.equal([]);
  });

  it('does not play a stream stopped while the full build it needs downloads', async () => {
    let releaseFullBuild!: () => void;
    const held = new Promise<void>((resolve) => (releaseFullBuild = resolve));
    let fullBuildAsked = false;
    worker.use(http.get('*/hls.js/dist/hls.mjs', async () => ((fullBuildAsked = true), await held, passthrough())));
    const { callbacks, errors } = recorder();
    engine = await initialize(video, ALTERNATE_AUDIO, callbacks);
    void video.play().catch(() => undefined);
    await waitUntil(() => fullBuildAsked, 'the full build was never asked for', { timeout: 10_000 });

    engine.teardown();
    releaseFullBuild();
    await waitUntil(() => fullBuild().length === 1, 'the full build never arrived');
    await aTimeout(500);

    expect(video.getAttribute('src'), 'no MediaSource attached after the stop').to.equal(null);
    expect(video.currentTime).to.equal(0);
    expect(errors).to.deep.equal([]);
  });

  it('plays a stream whose audio is a rendition of its own through the full build, resuming the playback asked for', async () => {
    const { callbacks, errors, pins } = recorder();
    engine = await initialize(video, ALTERNATE_AUDIO, callbacks);
    // Not awaited: the light build's load is replaced under it, and the engine resumes playback itself.
    void video.play().catch(() => undefined);
    await waitUntil(() => video.currentTime > 1, 'playback did not resume on the full build', { timeout: 10_000 });

    expect(fullBuild()).to.have.length(1);
    expect(video.paused).to.equal(false);
    expect(video.src).to.match(/^blob:/);
    expect(errors).to.deep.equal([]);
    // The full build reads the in-band pins as the light build does.
    expect(pins.at(-1)?.map((cue) => cue.productId)).to.deep.equal(['linen-shirt', 'sun-hat']);
  });

  it('reports a stream locked by DRM as media-unsupported through the full build too', async () => {
    const { callbacks, errors, firstError } = recorder();
    engine = await initialize(video, ALTERNATE_AUDIO_DRM, callbacks);
    void video.play().catch(() => undefined);

    const error = await firstError;
    expect(error.code).to.equal('media-unsupported');
    expect(error.message).to.contain('protected by DRM (urn:uuid:edef8ba9-79d6-4ace-a3c8-27dcd51d21ed)');
    expect(errors).to.have.length(1);
  });
});
