import { expect, html } from '@open-wc/testing';
import { SUMMER_CLIP, renderVideo, part, waitForPart } from './test-helpers/video.js';
import './video.js';

it('debug failing element compare', async () => {
  const video = await renderVideo(html`<vitrine-video clip=${SUMMER_CLIP}></vitrine-video>`);
  await waitForPart(video, 'play-button');
  expect(part(video, 'badge')).to.equal(part(video, 'frame'));
});
