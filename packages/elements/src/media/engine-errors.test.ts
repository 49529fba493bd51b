import { aTimeout, expect } from '@open-wc/testing';
import { initialize, type MediaEngine } from './engine.js';
import { SEGMENT_RETRIES } from './hls-engine.js';
import { makeVideo, recorder, requested, watchUncaught } from './test-helpers/engine-recorder.js';

const BROKEN = '/examples/media/broken/index.m3u8';

describe('media engine failures', () => {
  let video: HTMLVideoElement;
  let engine: MediaEngine | undefined;

  beforeEach(() => {
    video = makeVideo();
  });

  afterEach(() => {
    engine?.teardown();
    engine = undefined;
    video.remove();
  });

  it('reports a missing playlist as media-not-found, once', async () => {
    const uncaught = watchUncaught();
    const { callbacks, errors, firstError } = recorder();
    engine = await initialize(video, '/examples/media/missing/index.m3u8', callbacks);

    const error = await firstError;
    await aTimeout(300);
    uncaught.stop();
    expect(error.code).to.equal('media-not-found');
    expect(error.fatal).to.equal(true);
    expect(errors).to.have.length(1);
    expect(uncaught.problems).to.deep.equal([]);
  });

  it('gives up on a playlist whose segments 404 after restarting the load once', async () => {
    const uncaught = watchUncaught();
    const { callbacks, errors, pins, firstError } = recorder();
    engine = await initialize(video, BROKEN, callbacks);

    const error = await firstError;
    await aTimeout(300);
    uncaught.stop();
    expect(error.code).to.equal('media-network');
    // hls.js alone asks 1 + SEGMENT_RETRIES times; more means the engine restarted loading before giving up.
    expect(requested('broken/missing-00.m2ts').length).to.be.above(1 + SEGMENT_RETRIES);
    expect(errors).to.have.length(1);
    expect(pins, 'the pins of a playlist without any').to.deep.equal([[]]);
    expect(uncaught.problems).to.deep.equal([]);
  });

  it('gives up on segments that are not media after rebuilding the MediaSource once', async () => {
    // The same module instance the engine imports (the light build, for a playlist like this), so the spy sees its calls.
    const { default: Hls } = await import('hls.js/light');
    const recoverMediaError = Hls.prototype.recoverMediaError;
    let recoveries = 0;
    Hls.prototype.recoverMediaError = function (this: InstanceType<typeof Hls>) {
      recoveries++;
      recoverMediaError.call(this);
    };
    try {
      const { callbacks, errors, firstError } = recorder();
      engine = await initialize(video, '/examples/media/broken/not-video.m3u8', callbacks);
      expect((await firstError).code).to.equal('media-decode');
      expect(recoveries).to.equal(1);
      expect(errors).to.have.length(1);
    } finally {
      Hls.prototype.recoverMediaError = recoverMediaError;
    }
  });

  it('reports a stream locked by DRM as media-unsupported at once, instead of waiting for keys for ever', async () => {
    const { callbacks, errors, firstError } = recorder();
    engine = await initialize(video, '/examples/media/broken/drm.m3u8', callbacks);
    void video.play().catch(() => undefined);

    const error = await firstError;
    expect(error.code).to.equal('media-unsupported');
    expect(error.message).to.contain('protected by DRM (urn:uuid:edef8ba9-79d6-4ace-a3c8-27dcd51d21ed)');
    expect(video.currentTime).to.equal(0);
    expect(errors).to.have.length(1);
  });

  it('reports a missing MP4 as media-not-found and a file that is no video as media-unsupported', async () => {
    const missing = recorder();
    engine = await initialize(video, '/examples/media/missing.mp4', missing.callbacks);
    expect((await missing.firstError).code).to.equal('media-not-found');

    const notVideo = recorder();
    engine = await initialize(video, '/examples/media/summer/captions/en.vtt', notVideo.callbacks);
    expect((await notVideo.firstError).code).to.equal('media-unsupported');
    expect(missing.errors).to.have.length(1);
  });

  it('refuses a src that is not http(s) without touching the video', async () => {
    const { callbacks, firstError } = recorder();
    engine = await initialize(video, 'javascript:alert(1)//.mp4', callbacks);
    expect((await firstError).code).to.equal('media-unsupported');
    expect(video.hasAttribute('src')).to.equal(false);
  });
});
