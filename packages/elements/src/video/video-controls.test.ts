import { aTimeout, expect, html, waitUntil } from '@open-wc/testing';
import { emulateMedia, executeServerCommand, resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import { IDLE_MS } from './controls.js';
import { PLAYBACK_TIMEOUT, SUMMER_CLIP, SUMMER_STREAM, mediaOf, part, playUntil, renderVideo, seek, startPlayback, text, waitForPart } from './test-helpers/video.js';
import type { VitrineVideo } from './video.js';
import './video.js';

function spinner(video: VitrineVideo): Element | null {
  return video.shadowRoot!.querySelector('.spinner');
}

/** Clicks the middle of `element` with the real mouse, as a shopper would. */
async function mouseClick(element: Element): Promise<void> {
  const box = element.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(box.left + box.width / 2), Math.round(box.top + box.height / 2)] });
}

/** Taps the middle of `element` with a finger: no pointer move comes before it, as on a phone. */
async function tap(element: Element): Promise<void> {
  const box = element.getBoundingClientRect();
  await executeServerCommand('tap', { x: Math.round(box.left + box.width / 2), y: Math.round(box.top + box.height / 2) });
}

describe('<vitrine-video> controls', () => {
  afterEach(() => resetMouse());

  it('shows no spinner over a video that is playing', async () => {
    const video = await renderVideo(html`<vitrine-video clip=${SUMMER_CLIP}></vitrine-video>`);
    await waitForPart(video, 'play-button');
    const media = await startPlayback(video);
    await waitForPart(video, 'controls');
    await playUntil(media, 1);
    await video.updateComplete;
    expect(media.paused).to.equal(false);
    expect(spinner(video) === null).to.equal(true);
  });

  it('shows the spinner while a seek waits for data, and hides it once frames play again', async () => {
    const video = await renderVideo(html`<vitrine-video clip=${SUMMER_CLIP}></vitrine-video>`);
    await waitForPart(video, 'play-button');
    const media = await startPlayback(video);
    await waitForPart(video, 'controls');
    const shown = waitUntil(() => spinner(video), 'no spinner while seeking', { timeout: PLAYBACK_TIMEOUT, interval: 5 });
    await seek(media, 10.5);
    await shown;
    await playUntil(media, 11);
    await waitUntil(() => spinner(video) === null, 'the spinner stayed');
  });

  it('fades the controls while the video plays untouched after a mouse click on Play', async () => {
    const video = await renderVideo(html`<vitrine-video clip=${SUMMER_CLIP}></vitrine-video>`);
    await mouseClick(await waitForPart(video, 'play-button'));
    const controls = await waitForPart(video, 'controls');
    // The pointer rests where the play button was; focus stays out of the controls.
    await waitUntil(() => getComputedStyle(controls).opacity === '0', 'the controls did not fade', { timeout: IDLE_MS + 2000 });
    expect(mediaPaused(video)).to.equal(false);
    expect(part(video, 'frame')!.classList.contains('idle')).to.equal(true);
  });

  it('fades the controls after a mouse click on Mute and on the seek bar, which keep focus', async () => {
    const video = await renderVideo(html`<vitrine-video clip=${SUMMER_CLIP}></vitrine-video>`);
    await mouseClick(await waitForPart(video, 'play-button'));
    const controls = await waitForPart(video, 'controls');
    for (const name of ['mute', 'seek']) {
      await mouseClick(part(video, name)!);
      expect(video.shadowRoot!.activeElement?.getAttribute('part')).to.include(name);
      expect(part(video, 'frame')!.classList.contains('idle')).to.equal(false);
      await waitUntil(() => getComputedStyle(controls).opacity === '0', `the controls did not fade after a click on ${name}`, { timeout: IDLE_MS + 2000 });
    }
    expect(mediaOf(video).muted).to.equal(true);
    expect(mediaPaused(video)).to.equal(false);
  });

  it('brings faded controls back on a tap without acting on what lies under the finger; the next tap does', async () => {
    const video = await renderVideo(html`<vitrine-video clip=${SUMMER_CLIP}></vitrine-video>`);
    await tap(await waitForPart(video, 'play-button'));
    const controls = await waitForPart(video, 'controls');
    const frame = part(video, 'frame')!;
    const faded = () => waitUntil(() => getComputedStyle(controls).opacity === '0', 'the controls did not fade', { timeout: IDLE_MS + 2000 });
    await faded();

    // On the faded Mute button: the controls come back, the sound stays on.
    await tap(part(video, 'mute')!);
    await video.updateComplete;
    expect(frame.classList.contains('idle')).to.equal(false);
    expect(mediaOf(video).muted).to.equal(false);
    await tap(part(video, 'mute')!);
    expect(mediaOf(video).muted).to.equal(true);

    // On the picture: the controls come back and the video plays on; once they show, a tap there pauses.
    await faded();
    await tap(mediaOf(video));
    await video.updateComplete;
    expect(frame.classList.contains('idle')).to.equal(false);
    expect(mediaPaused(video)).to.equal(false);
    await tap(mediaOf(video));
    expect(mediaPaused(video)).to.equal(true);
  });

  it('keeps the controls up while a keyboard user is on them', async () => {
    // No products, so no tag links come before the controls in the tab order.
    const video = await renderVideo(html`<vitrine-video src=${SUMMER_STREAM}></vitrine-video>`);
    await mouseClick(await waitForPart(video, 'play-button'));
    const controls = await waitForPart(video, 'controls');
    part(video, 'frame')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(video.shadowRoot!.activeElement?.getAttribute('part')).to.equal('seek');
    await sendKeys({ press: 'Tab' });
    expect(video.shadowRoot!.activeElement?.getAttribute('part')).to.include('play-pause');
    await waitUntil(() => part(video, 'frame')!.classList.contains('idle'), 'the player did not go idle', { timeout: IDLE_MS + 2000 });
    await aTimeout(500);
    expect(getComputedStyle(controls).opacity).to.equal('1');
    expect(mediaPaused(video)).to.equal(false);
  });

  it('reads the time left to right on a right-to-left page', async () => {
    const video = await renderVideo(html`<div dir="rtl"><vitrine-video clip=${SUMMER_CLIP}></vitrine-video></div>`);
    await waitForPart(video, 'play-button');
    const media = await startPlayback(video);
    media.pause();
    await seek(media, 3.2);
    const time = await waitForPart(video, 'time');
    await waitUntil(() => text(time).startsWith('0:03 / '), 'the time did not show 0:03', { timeout: PLAYBACK_TIMEOUT });
    // The current time is drawn left of the total.
    const [current, , total] = [...time.childNodes]
      .filter((node) => node.nodeType === Node.TEXT_NODE && node.textContent!.trim())
      .map((node) => {
        const range = document.createRange();
        range.selectNodeContents(node);
        return range.getBoundingClientRect().left;
      });
    expect(current).to.be.below(total!);
    expect(getComputedStyle(time).direction).to.equal('ltr');
  });

  it('draws the seek bar’s track, progress, thumb and cue markers in colours that stand out in forced-colors mode', async () => {
    await emulateMedia({ forcedColors: 'active' });
    try {
      const video = await renderVideo(html`<vitrine-video clip=${SUMMER_CLIP}></vitrine-video>`);
      await waitForPart(video, 'play-button');
      const media = await startPlayback(video);
      await waitForPart(video, 'marker');
      media.pause();
      const seekBar = part(video, 'seek')!.parentElement!;
      const rail = seekBar.querySelector('.rail')!;
      const colours = {
        bar: getComputedStyle(part(video, 'controls')!).backgroundColor,
        track: getComputedStyle(seekBar, '::before').backgroundColor,
        progress: getComputedStyle(rail, '::before').backgroundColor,
        thumb: getComputedStyle(rail, '::after').backgroundColor,
        marker: getComputedStyle(part(video, 'marker')!).backgroundColor,
      };
      // Each one drawn, and unlike what it is drawn on.
      for (const colour of Object.values(colours)) expect(alpha(colour)).to.be.above(0.5);
      expect(new Set([colours.bar, colours.track, colours.progress]).size).to.equal(3);
      expect(colours.thumb).to.not.equal(colours.bar);
      expect([colours.bar, colours.track, colours.progress]).to.not.include(colours.marker);
      // The thumb and the progress follow the position.
      expect(parseFloat(getComputedStyle(rail, '::before').width)).to.be.above(0);
      expect(parseFloat(getComputedStyle(rail, '::after').width)).to.be.above(0);
    } finally {
      await emulateMedia({ forcedColors: 'none' });
    }
  });
});

/** The alpha of a computed `rgb()` or `rgba()` colour. */
function alpha(colour: string): number {
  return Number(/^rgba\(.*, ([\d.]+)\)$/.exec(colour)?.[1] ?? 1);
}

function mediaPaused(video: VitrineVideo): boolean {
  return video.shadowRoot!.querySelector('video')!.paused;
}
