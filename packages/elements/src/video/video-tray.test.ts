import { expect, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { TrackedEvent, type TrackDetail } from '@vitrine/core';
import { expectNoAxeViolations } from '../test/axe.js';
import { recordEvents, tracked } from '../test/events.js';
import { PLAYBACK_TIMEOUT, SUMMER_CLIP, part, parts, renderVideo, startPlayback, tagOf, text, waitForPart, withTrayOpen } from './test-helpers/video.js';
import type { VideoProductClickRequestDetail, VitrineVideo } from './video.js';
import './video.js';

/** The summer clip playing, once hls.js has read both in-band pins (the tray lists them in cue order). */
async function playingWithPins(lang = 'en'): Promise<{ video: VitrineVideo; media: HTMLVideoElement }> {
  const video = await renderVideo(html`<vitrine-video clip=${SUMMER_CLIP}></vitrine-video>`, lang);
  await waitForPart(video, 'play-button');
  const media = await startPlayback(video);
  await waitUntil(() => parts(video, 'jump').length === 2, 'the pins did not arrive', { timeout: PLAYBACK_TIMEOUT });
  return { video, media };
}

const active = (video: VitrineVideo) => video.shadowRoot!.activeElement;

describe('<vitrine-video> product tray', () => {
  it('opens from the keyboard with focus inside, lists products in cue order, and Escape returns focus to its button', async () => {
    const { video, media } = await playingWithPins();
    const button = part(video, 'tray-button')!;
    const tray = part(video, 'tray')!;
    expect(text(button.querySelector('.tray-label'))).to.equal('Products (2)');
    expect([button.getAttribute('aria-expanded'), button.getAttribute('aria-controls'), tray.id]).to.deep.equal(['false', 'tray', 'tray']);
    expect(tray.hidden).to.equal(true);

    button.focus();
    await sendKeys({ press: 'Enter' });
    await video.updateComplete;
    expect(tray.hidden).to.equal(false);
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    expect(active(video)?.getAttribute('part')).to.equal('tray');
    expect(tray.getAttribute('role')).to.equal('dialog');
    expect(tray.getAttribute('aria-labelledby')).to.equal('tray-title');
    expect(text(video.shadowRoot!.getElementById('tray-title'))).to.equal('Products in this video');
    expect(parts(video, 'tray-item').map((item) => [text(item.querySelector('[part~="tray-link"] span')), text(item.querySelector('[part~="tray-price"]')), text(item.querySelector('[part~="jump"]'))])).to.deep.equal([
      ['Linen shirt', '€49.00', 'Jump to 0:02'],
      ['Straw sun hat', '€34.00', 'Jump to 0:06'],
    ]);
    // The video plays on behind the tray.
    expect(media.paused).to.equal(false);

    const order: string[] = [];
    for (let i = 0; i < 4; i++) {
      await sendKeys({ press: 'Tab' });
      order.push(active(video)!.getAttribute('part')!);
    }
    expect(order).to.deep.equal(['control tray-close', 'tray-link', 'jump', 'tray-link']);
    await sendKeys({ press: 'Escape' });
    await video.updateComplete;
    expect(tray.hidden).to.equal(true);
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    await waitUntil(() => active(video) === button, 'focus did not return to the tray button');

    button.click();
    await video.updateComplete;
    part(video, 'tray-close')!.click();
    await waitUntil(() => active(video) === button && tray.hidden, 'Close did not close the tray');
  });

  it('slides in from its own edge, the left on a right-to-left page', async () => {
    for (const dir of ['ltr', 'rtl'] as const) {
      const video = await withTrayOpen(dir);
      const tray = part(video, 'tray')!;
      const frame = part(video, 'frame')!.getBoundingClientRect();
      // Held at the entrance's first frame: offset towards the edge it sits on.
      const [entrance] = tray.getAnimations();
      entrance!.pause();
      entrance!.currentTime = 0;
      const start = tray.getBoundingClientRect();
      entrance!.finish();
      const end = tray.getBoundingClientRect();
      if (dir === 'ltr') {
        expect(end.right, 'the tray sits on the right').to.be.closeTo(frame.right, 1);
        expect(start.left).to.be.above(end.left);
      } else {
        expect(end.left, 'the tray sits on the left').to.be.closeTo(frame.left, 1);
        expect(start.left).to.be.below(end.left);
      }
      // Its shadow falls on the picture, not outside the player (the tray itself, focused on opening, has a ring).
      part(video, 'tray-close')!.focus();
      const shadowX = Number.parseFloat(getComputedStyle(tray).boxShadow.split(') ')[1]!);
      expect(Math.sign(shadowX)).to.equal(dir === 'ltr' ? -1 : 1);
      fixtureCleanup();
    }
  });

  it('jumps to a product’s moment and plays from there', async () => {
    const { video, media } = await playingWithPins();
    media.pause();
    part(video, 'tray-button')!.click();
    await video.updateComplete;
    const jump = parts(video, 'jump')[1]!;
    expect(jump.getAttribute('aria-describedby')).to.equal('tray-product-1');
    expect(text(video.shadowRoot!.getElementById('tray-product-1'))).to.equal('Straw sun hat');
    jump.click();
    // The pin's start, as hls.js maps its date onto the media timeline.
    expect(media.currentTime).to.be.closeTo(6, 0.05);
    await waitUntil(() => !media.paused && tagOf(video, 'sun-hat'), 'did not play from the pin with its tag', { timeout: PLAYBACK_TIMEOUT });
    expect(part(video, 'tray')!.hidden).to.equal(true);
  });

  it('counts a click on a tray product as source tray', async () => {
    const { video, media } = await playingWithPins();
    part(video, 'tray-button')!.click();
    await video.updateComplete;
    const tracks = recordEvents<TrackDetail>(document, 'vitrine-track');
    const requests = recordEvents<VideoProductClickRequestDetail>(document, 'vitrine-product-click-request');
    const cancel = (event: Event) => event.preventDefault();
    video.addEventListener('vitrine-product-click-request', cancel);
    const link = parts(video, 'tray-link')[0] as HTMLAnchorElement;
    expect(text(link)).to.equal('Linen shirt (opens in a new tab)');
    link.click();
    video.removeEventListener('vitrine-product-click-request', cancel);
    tracks.stop();
    requests.stop();
    const position = requests.events[0]!.detail.videoPosition as number;
    expect(requests.events[0]!.detail).to.include({ source: 'tray', clipId: 'summer-lookbook', position: 1 });
    expect(position).to.be.closeTo(media.currentTime, 0.3);
    expect(tracked(tracks.events, TrackedEvent.productClicked)[0]!.properties).to.include({ product_id: 'linen-shirt', source: 'tray', video_position: position });
  });

  it('has no axe violations with the tray open, and speaks German', async () => {
    const { video } = await playingWithPins('de');
    const button = part(video, 'tray-button')!;
    expect(text(button.querySelector('.tray-label'))).to.equal('Produkte (2)');
    button.click();
    await video.updateComplete;
    await expectNoAxeViolations(video);
    expect(text(video.shadowRoot!.getElementById('tray-title'))).to.equal('Produkte in diesem Video');
    expect(text(parts(video, 'jump')[0]!)).to.equal('Zu 0:02 springen');
    expect(part(video, 'tray-close')!.getAttribute('aria-label')).to.equal('Schließen');
    expect(part(video, 'play-pause')!.getAttribute('aria-label')).to.equal('Pausieren');
    expect(part(video, 'seek')!.getAttribute('aria-valuetext')).to.match(/^0:0\d von 0:12$/);
  });
});
