import { aTimeout, expect } from '@open-wc/testing';
import { initialize } from './engine.js';
import { SUMMER, makeVideo, recorder, requested, watchUncaught } from './test-helpers/engine-recorder.js';

describe('media engine lifecycle', () => {
  it('builds no hls.js for a <video> taken out of the page while hls.js loads', async () => {
    const uncaught = watchUncaught();
    const video = makeVideo();
    const { callbacks, errors } = recorder();
    const starting = initialize(video, SUMMER, callbacks);
    video.remove();
    const engine = await starting;
    await aTimeout(300);
    uncaught.stop();
    engine.teardown();
    expect(engine.kind).to.equal('hls.js');
    expect(video.hasAttribute('src')).to.equal(false);
    expect(requested('summer/index.m3u8')).to.deep.equal([]);
    expect(errors).to.deep.equal([]);
    expect(uncaught.problems).to.deep.equal([]);
  });

  it('still plays a <video> moved in the page while hls.js loads', async () => {
    const video = makeVideo();
    const starting = initialize(video, SUMMER, recorder().callbacks);
    document.body.prepend(video);
    const engine = await starting;
    await video.play();
    expect(video.src).to.match(/^blob:/);
    engine.teardown();
    video.remove();
  });
});
