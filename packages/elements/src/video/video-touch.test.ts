import { expect, html, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { recordEvents } from '../test/events.js';
import { IDLE_MS } from './controls.js';
import { SNEAKERS_CLIP, SUMMER_CLIP, mediaOf, part, parts, renderVideo, waitForPart } from './test-helpers/video.js';
import type { VideoProductClickRequestDetail, VitrineVideo } from './video.js';
import './video.js';

/** Taps `element` with a finger at a fraction of its width (the middle by default), as on a phone. */
async function tap(element: Element, across = 0.5): Promise<void> {
  const box = element.getBoundingClientRect();
  await executeServerCommand('tap', { x: Math.round(box.left + box.width * across), y: Math.round(box.top + box.height / 2) });
}

/** A player as wide as a phone's page (360px less the page's margins), started with a tap. */
async function playingOnAPhone(clip: string): Promise<VitrineVideo> {
  const video = await renderVideo(html`<div style="inline-size: 19.5rem"><vitrine-video clip=${clip}></vitrine-video></div>`);
  await tap(await waitForPart(video, 'play-button'));
  await waitForPart(video, 'controls');
  await waitUntil(() => mediaOf(video).currentTime > 0, 'the video did not start', { timeout: 10_000 });
  return video;
}

describe('<vitrine-video> on a phone', () => {
  it('brings the faded seek bar back on a tap without jumping in the video; the next tap seeks', async () => {
    const video = await playingOnAPhone(SUMMER_CLIP);
    const media = mediaOf(video);
    const frame = part(video, 'frame')!;
    await waitUntil(() => frame.classList.contains('idle'), 'the controls did not fade', { timeout: IDLE_MS + 2000 });
    const before = media.currentTime;

    // The finger lands near the end of a bar it cannot see.
    await tap(part(video, 'seek')!, 0.9);
    await video.updateComplete;
    expect(frame.classList.contains('idle'), 'the controls did not come back').to.equal(false);
    expect(media.currentTime, 'the tap seeked').to.be.below(before + 1);

    await tap(part(video, 'seek')!, 0.9);
    expect(media.currentTime, 'the second tap did not seek').to.be.above(media.duration * 0.8);
  });

  it('seeks by dragging a finger along the seek bar', async () => {
    const video = await playingOnAPhone(SUMMER_CLIP);
    const media = mediaOf(video);
    media.pause();
    const bar = part(video, 'seek')!.getBoundingClientRect();
    const y = Math.round(bar.top + bar.height / 2);
    await executeServerCommand('swipe', { from: [Math.round(bar.left + bar.width * 0.1), y], to: [Math.round(bar.left + bar.width * 0.6), y] });
    expect(media.currentTime).to.be.closeTo(media.duration * 0.6, media.duration * 0.05);
  });

  it('opens a product from the tray with a tap on its picture, once', async () => {
    const video = await playingOnAPhone(SNEAKERS_CLIP);
    await tap(part(video, 'tray-button')!);
    await video.updateComplete;
    const requests = recordEvents<VideoProductClickRequestDetail>(document, 'vitrine-product-click-request');
    const cancel = (event: Event) => event.preventDefault();
    video.addEventListener('vitrine-product-click-request', cancel);
    await tap(parts(video, 'tray-image')[0]!);
    video.removeEventListener('vitrine-product-click-request', cancel);
    requests.stop();
    expect(requests.events.map((event) => [event.detail.product.id, event.detail.source])).to.deep.equal([['running-shoe', 'tray']]);
  });

  it('jumps with a tap on Jump, not opening the product around it', async () => {
    const video = await playingOnAPhone(SNEAKERS_CLIP);
    await tap(part(video, 'tray-button')!);
    await video.updateComplete;
    const requests = recordEvents<VideoProductClickRequestDetail>(document, 'vitrine-product-click-request');
    const jump = parts(video, 'jump')[1]!;
    jump.scrollIntoView({ block: 'nearest' });
    await tap(jump);
    requests.stop();
    expect(requests.events).to.have.length(0);
    expect(mediaOf(video).currentTime).to.be.closeTo(2.5, 0.3);
    expect(part(video, 'tray')!.hidden).to.equal(true);
  });

  describe('on a touch screen', () => {
    before(() => executeServerCommand('touch-screen', { enabled: true }));
    after(() => executeServerCommand('touch-screen', { enabled: false }));

    it('leaves no control lit after a tap, as a hover would', async () => {
      const video = await playingOnAPhone(SUMMER_CLIP);
      const mute = part(video, 'mute')!;
      const unlit = getComputedStyle(mute).backgroundColor;
      await tap(mute);
      await video.updateComplete;

      expect(mute.matches(':hover'), 'the tap leaves the finger "hovering" there').to.equal(true);
      expect(getComputedStyle(mute).backgroundColor).to.equal(unlit);
    });

    it('never lets quick taps on the player zoom the page', async () => {
      const video = await renderVideo(html`<vitrine-video clip=${SUMMER_CLIP}></vitrine-video>`);
      expect(getComputedStyle(part(video, 'frame')!).touchAction).to.equal('manipulation');
    });
  });
});
