import { aTimeout, expect, html, waitUntil } from '@open-wc/testing';
import { JsonFeedSource, TrackedEvent, type TrackDetail } from '@vitrine/core';
import { recordEvents, tracked } from '../test/events.js';
import { TAG_VIEW_DWELL_MS } from './tag-views.js';
import { FEED, PLAYBACK_TIMEOUT, SUMMER_CLIP, SUMMER_STREAM, mediaOf, part, parts, renderVideo, seek, startPlayback, text, waitForPart } from './test-helpers/video.js';
import type { VitrineVideo } from './video.js';
import './video.js';

type Box = Pick<DOMRect, 'left' | 'top' | 'right' | 'bottom'>;

function intersects(a: Box, b: Box): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

/** The tags a viewer can see, each as its box. */
function visibleTags(video: VitrineVideo): DOMRect[] {
  return parts(video, 'tag')
    .filter((tag) => tag.checkVisibility())
    .map((tag) => tag.getBoundingClientRect());
}

/** Where `object-fit: contain` draws the picture inside the `<video>` element's box. */
function pictureRect(media: HTMLVideoElement): Box {
  const box = media.getBoundingClientRect();
  const scale = Math.min(box.width / media.videoWidth, box.height / media.videoHeight);
  const [width, height] = [media.videoWidth * scale, media.videoHeight * scale];
  const left = box.left + (box.width - width) / 2;
  const top = box.top + (box.height - height) / 2;
  return { left, top, right: left + width, bottom: top + height };
}

function centre(element: Element): [number, number] {
  const box = element.getBoundingClientRect();
  return [box.left + box.width / 2, box.top + box.height / 2];
}

/** Rendered, with the tags' entrance animations over. */
async function settled(video: VitrineVideo): Promise<void> {
  await video.updateComplete;
  await Promise.all(parts(video, 'tag').flatMap((tag) => tag.getAnimations().map((animation) => animation.finished)));
}

describe('<vitrine-video> tags over the picture', () => {
  it('keeps tags in a 320px player apart, clear of the captions and the controls, with dots on their products', async () => {
    // Five at once with the stream's pin (linen-shirt at 2 s); the newest two are hotspots low in the picture,
    // where the control bar is.
    const cues = [
      { productId: 'canvas-tote', start: 2.05, end: 5 },
      { productId: 'sunglasses', start: 2.1, end: 5 },
      { productId: 'denim-jacket', start: 2.2, end: 5, x: 25, y: 85 },
      { productId: 'wool-beanie', start: 2.3, end: 5, x: 75, y: 80 },
    ];
    const events = recordEvents<TrackDetail>(document, 'vitrine-track');
    const video = await renderVideo(html`<vitrine-video clip=${SUMMER_CLIP} .source=${new JsonFeedSource(FEED)} .cues=${cues} style="inline-size: 20rem"></vitrine-video>`);
    await waitForPart(video, 'play-button');
    const media = await startPlayback(video);
    media.pause();
    await seek(media, 2.5);
    (await waitForPart(video, 'captions-button')).click();
    await waitUntil(() => text(part(video, 'captions')) === 'This linen shirt keeps you cool.', 'no caption', { timeout: PLAYBACK_TIMEOUT });
    await waitUntil(() => parts(video, 'tag').length === 5, 'the tags did not show', { timeout: PLAYBACK_TIMEOUT });
    await settled(video);

    expect(video.getBoundingClientRect().width).to.equal(320);
    const tags = visibleTags(video);
    const controls = part(video, 'controls')!.getBoundingClientRect();
    const captions = part(video, 'captions')!.getBoundingClientRect();
    const frame = part(video, 'frame')!.getBoundingClientRect();
    tags.forEach((tag, i) => {
      expect(intersects(tag, controls), 'a tag runs under the controls').to.equal(false);
      expect(intersects(tag, captions), 'a tag hides the captions').to.equal(false);
      expect(tag.left >= frame.left && tag.right <= frame.right && tag.top >= frame.top, 'a tag overflows the player').to.equal(true);
      for (const other of tags.slice(i + 1)) expect(intersects(tag, other), 'two tags overlap').to.equal(false);
    });
    // The newest two; only they count as viewed.
    expect(tags.length).to.equal(2);
    await aTimeout(TAG_VIEW_DWELL_MS + 200);
    events.stop();
    expect(tracked(events.events, TrackedEvent.productViewed).map((detail) => detail.properties.product_id)).to.have.members(['denim-jacket', 'wool-beanie']);

    // Each hotspot's dot still marks its x/y in the picture.
    const picture = pictureRect(media);
    const dots = parts(video, 'hotspot').filter((dot) => dot.checkVisibility());
    expect(dots.length).to.equal(2);
    for (const dot of dots) {
      const tag = dot.closest<HTMLElement>('[part~="tag"]')!;
      const [x, y] = centre(dot);
      expect(x - picture.left).to.be.closeTo(((picture.right - picture.left) * Number(tag.dataset.x)) / 100, 1);
      expect(y - picture.top).to.be.closeTo(((picture.bottom - picture.top) * Number(tag.dataset.y)) / 100, 1);
    }
  });

  it('puts a hotspot on its spot in the picture when the box is 9:16 and the video 16:9', async () => {
    const cues = [{ productId: 'denim-jacket', start: 0, end: 5, x: 30, y: 40 }];
    const video = await renderVideo(html`<vitrine-video src=${SUMMER_STREAM} aspect-ratio="9:16" .source=${new JsonFeedSource(FEED)} .cues=${cues}></vitrine-video>`);
    const media = await startPlayback(video);
    media.pause();
    const dot = await waitForPart(video, 'hotspot');
    await settled(video);
    const box = mediaOf(video).getBoundingClientRect();
    expect(box.height / box.width).to.be.closeTo(16 / 9, 0.01);
    // The picture is letterboxed: its own 16:9 rectangle in the middle of the box.
    const picture = pictureRect(media);
    expect(picture.top - box.top).to.be.above(100);
    const [x, y] = centre(dot);
    expect(x - picture.left).to.be.closeTo((picture.right - picture.left) * 0.3, 1);
    expect(y - picture.top).to.be.closeTo((picture.bottom - picture.top) * 0.4, 1);
    // The tags layer covers the picture, not the box.
    const tags = part(video, 'tags')!.getBoundingClientRect();
    expect(tags.top).to.be.closeTo(picture.top, 1);
    expect(tags.bottom).to.be.closeTo(picture.bottom, 1);
  });
});
