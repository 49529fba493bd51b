import { aTimeout, expect, waitUntil } from '@open-wc/testing';
import { initialize, isHlsUrl, warmConnection, type MediaEngine } from './engine.js';
import { SNEAKERS, SUMMER, makeVideo, recorder, requested, watchUncaught } from './test-helpers/engine-recorder.js';

describe('media engine', () => {
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

  // First in this file: once hls.js is imported the module is cached and the page never requests it again.
  it('does not download hls.js until an HLS source is initialized', async () => {
    expect(requested().length, 'the request log is complete').to.be.below(250);
    warmConnection(SUMMER);
    expect(isHlsUrl(SUMMER)).to.equal(true);
    expect(requested('hls.js/dist')).to.deep.equal([]);

    engine = await initialize(video, SUMMER, recorder().callbacks);

    expect(engine.kind).to.equal('hls.js');
    expect(requested('hls.js/dist')).to.have.length(1);
  });

  it('plays the HLS fixture through hls.js', async () => {
    const { callbacks, errors } = recorder();
    engine = await initialize(video, SUMMER, callbacks);
    await video.play();
    await waitUntil(() => video.currentTime > 1, 'currentTime never passed 1 s', { timeout: 10_000 });

    expect(engine.kind).to.equal('hls.js');
    expect(video.src).to.match(/^blob:/);
    expect(errors).to.deep.equal([]);
  });

  it('reports the playlist DATERANGE pins as cues in media time', async () => {
    const { callbacks, pins } = recorder();
    engine = await initialize(video, SUMMER, callbacks);
    await waitUntil(() => pins.length > 0, 'no pins reported');

    const cues = pins[0]!;
    expect(cues.map((cue) => [cue.id, cue.productId])).to.deep.equal([
      ['pin-linen-shirt', 'linen-shirt'],
      ['pin-sun-hat', 'sun-hat'],
    ]);
    const times = cues.map((cue) => [cue.start, cue.end]);
    [[2, 5], [6, 9]].forEach(([start, end], i) => {
      expect(times[i]![0]).to.be.closeTo(start!, 0.1);
      expect(times[i]![1]).to.be.closeTo(end!, 0.1);
    });

    // Real timestamps arriving while it plays must not move the pins.
    await video.play();
    await waitUntil(() => video.currentTime > 2.5, 'playback never reached the first pin', { timeout: 10_000 });
    const latest = pins.at(-1)!;
    expect(latest[0]!.start).to.be.closeTo(2, 0.1);
    expect(latest[1]!.end).to.be.closeTo(9, 0.1);
  });

  it('plays an MP4 progressively and reports no pins', async () => {
    const { callbacks, errors, pins } = recorder();
    engine = await initialize(video, SNEAKERS, callbacks);
    await video.play();
    await waitUntil(() => video.currentTime > 0.5, 'currentTime never passed 0.5 s', { timeout: 10_000 });

    expect(engine.kind).to.equal('progressive');
    expect(new URL(video.src).pathname).to.equal(SNEAKERS);
    expect(errors).to.deep.equal([]);
    expect(pins).to.deep.equal([]);

    engine.teardown();
    engine.teardown();
    expect(video.hasAttribute('src')).to.equal(false);
    expect(video.paused).to.equal(true);
    // load() without a source settles on EMPTY (no resource, decoder freed) a moment later.
    await waitUntil(() => video.networkState === HTMLMediaElement.NETWORK_EMPTY, 'the video kept its resource');
  });

  it('teardown removes the src, stops loading and reports nothing more, even from inside a callback', async () => {
    const uncaught = watchUncaught();
    const { callbacks, pins, errors } = recorder();
    let tornDownAt = -1;
    engine = await initialize(video, SUMMER, {
      ...callbacks,
      // Tear down as soon as the playlist is known, long before hls.js could have fetched all six segments.
      onDateRanges: (cues) => {
        callbacks.onDateRanges!(cues);
        engine!.teardown();
        tornDownAt = requested('summer/segment-').length;
      },
    });
    await waitUntil(() => tornDownAt >= 0, 'the playlist never loaded');
    engine.teardown();
    await aTimeout(1000);
    uncaught.stop();

    expect(uncaught.problems).to.deep.equal([]);
    expect(video.hasAttribute('src')).to.equal(false);
    expect(video.networkState).to.equal(HTMLMediaElement.NETWORK_EMPTY);
    expect(requested('summer/segment-').length, 'segments requested after teardown').to.be.at.most(Math.max(tornDownAt, 1));
    expect(pins).to.have.length(1);
    expect(errors).to.deep.equal([]);
  });

  it('a newer initialize on the same video wins over one still loading hls.js', async () => {
    performance.clearResourceTimings();
    const first = initialize(video, SUMMER, recorder().callbacks);
    engine = await initialize(video, SNEAKERS, recorder().callbacks);
    (await first).teardown();
    await video.play();

    expect(engine.kind).to.equal('progressive');
    expect(new URL(video.src).pathname).to.equal(SNEAKERS);
    expect(requested('summer/index.m3u8')).to.deep.equal([]);
  });

  it('plays HLS natively, without pins, where MediaSource is missing', async () => {
    const descriptor = Object.getOwnPropertyDescriptor(window, 'MediaSource')!;
    delete (window as { MediaSource?: unknown }).MediaSource;
    try {
      const { callbacks, pins, errors } = recorder();
      engine = await initialize(video, SUMMER, callbacks);
      expect(engine.kind).to.equal('native');
      expect(new URL(video.src).pathname).to.equal(SUMMER);
      await video.play();
      await waitUntil(() => video.currentTime > 0.5, 'native HLS never played', { timeout: 10_000 });
      expect(pins).to.deep.equal([]);
      expect(errors).to.deep.equal([]);
    } finally {
      Object.defineProperty(window, 'MediaSource', descriptor);
    }
  });
});

describe('isHlsUrl', () => {
  it('recognises playlists by their path, whatever the case, query or hash', () => {
    expect(['/a/index.m3u8', 'https://cdn.test/x/Master.M3U8?token=1', 'clip.m3u8#t=3'].map(isHlsUrl)).to.deep.equal([true, true, true]);
    expect(['/a/clip.mp4', 'https://cdn.test/m3u8/clip.mp4', 'https://cdn.test/clip.mp4?f=.m3u8', 'http://[bad'].map(isHlsUrl)).to.deep.equal([false, false, false, false]);
  });
});

describe('warmConnection', () => {
  const preconnects = () => Array.from(document.querySelectorAll<HTMLLinkElement>('link[rel="preconnect"]'));
  afterEach(() => preconnects().forEach((link) => link.remove()));

  it('adds one preconnect per origin, with CORS for HLS, and none for the page itself', () => {
    warmConnection('https://streams.vitrine.test/a/index.m3u8');
    warmConnection('https://streams.vitrine.test/b/index.m3u8');
    warmConnection('https://files.vitrine.test/clip.mp4');
    warmConnection('https://files.vitrine.test/other.mp4');
    warmConnection(SUMMER);
    warmConnection('javascript:alert(1)');

    expect(preconnects().map((link) => [link.href, link.crossOrigin])).to.deep.equal([
      ['https://streams.vitrine.test/', 'anonymous'],
      ['https://files.vitrine.test/', null],
    ]);
  });
});
