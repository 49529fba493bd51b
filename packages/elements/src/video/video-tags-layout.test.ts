import { aTimeout, expect, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import { JsonFeedSource, TrackedEvent, type TrackDetail } from '@vitrine/core';
import { recordEvents, tracked } from '../test/events.js';
import { TAG_VIEW_DWELL_MS } from './tag-views.js';
import { FEED, PLAYBACK_TIMEOUT, SUMMER_CLIP, SUMMER_STREAM, animationsDone, mediaOf, part, parts, renderVideo, seek, startPlayback, tagOf, text, waitForPart } from './test-helpers/video.js';
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

/** Each visible hotspot dot's centre sits at its cue's x/y in the picture. */
function expectDotsOnTheirSpots(video: VitrineVideo, media: HTMLVideoElement): void {
  const picture = pictureRect(media);
  for (const dot of parts(video, 'hotspot').filter((candidate) => candidate.checkVisibility())) {
    const tag = dot.closest<HTMLElement>('[part~="tag"]')!;
    const [x, y] = centre(dot);
    expect(x - picture.left).to.be.closeTo(((picture.right - picture.left) * Number(tag.dataset.x)) / 100, 1);
    expect(y - picture.top).to.be.closeTo(((picture.bottom - picture.top) * Number(tag.dataset.y)) / 100, 1);
  }
}

/** Rendered, with the tags' entrance animations over. */
async function settled(video: VitrineVideo): Promise<void> {
  await video.updateComplete;
  await Promise.all(parts(video, 'tag').map(animationsDone));
}

/** A player `width` wide, paused at 2.5 s with captions on and `count` tags rendered (the stream's pin among them). */
async function showTagsWithCaptions(cues: readonly object[], width: string, count: number, ratio = '16:9'): Promise<{ video: VitrineVideo; media: HTMLVideoElement }> {
  const video = await renderVideo(html`<vitrine-video clip=${SUMMER_CLIP} aspect-ratio=${ratio} .source=${new JsonFeedSource(FEED)} .cues=${cues} style="inline-size: ${width}"></vitrine-video>`);
  await waitForPart(video, 'play-button');
  const media = await startPlayback(video);
  media.pause();
  await seek(media, 2.5);
  (await waitForPart(video, 'captions-button')).click();
  await waitUntil(() => text(part(video, 'captions')) === 'This linen shirt keeps you cool.', 'no caption', { timeout: PLAYBACK_TIMEOUT });
  await waitUntil(() => parts(video, 'tag').length === count, 'the tags did not show', { timeout: PLAYBACK_TIMEOUT });
  await settled(video);
  return { video, media };
}

/** The visible tags, each checked to be clear of the controls, the captions, the player's edges and one another. */
function expectTagsClear(video: VitrineVideo): DOMRect[] {
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
  return tags;
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
    const { video, media } = await showTagsWithCaptions(cues, '20rem', 5);

    expect(video.getBoundingClientRect().width).to.equal(320);
    const tags = expectTagsClear(video);
    // The newest two; only they count as viewed.
    expect(tags.length).to.equal(2);
    await aTimeout(TAG_VIEW_DWELL_MS + 200);
    events.stop();
    expect(tracked(events.events, TrackedEvent.productViewed).map((detail) => detail.properties.product_id)).to.have.members(['denim-jacket', 'wool-beanie']);

    // Each hotspot's dot still marks its x/y in the picture.
    expect(parts(video, 'hotspot').filter((dot) => dot.checkVisibility()).length).to.equal(2);
    expectDotsOnTheirSpots(video, media);
  });

  it('keeps tags in a 480px player apart, clear of the captions and the controls, showing the newest two', async () => {
    // Three corner tags with the stream's pin (linen-shirt at 2 s), and a hotspot whose card would lie on them.
    const cues = [
      { productId: 'canvas-tote', start: 2.05, end: 5, label: 'Her bag' },
      { productId: 'sunglasses', start: 2.1, end: 5 },
      { productId: 'denim-jacket', start: 2.2, end: 5, x: 30, y: 40, label: 'His jacket' },
    ];
    const events = recordEvents<TrackDetail>(document, 'vitrine-track');
    const { video, media } = await showTagsWithCaptions(cues, '30rem', 4);

    expect(video.getBoundingClientRect().width).to.equal(480);
    const tags = expectTagsClear(video);
    expect(tags.length).to.equal(2);
    expectDotsOnTheirSpots(video, media);
    // The hidden tags do not count as viewed.
    await aTimeout(TAG_VIEW_DWELL_MS + 200);
    events.stop();
    expect(tracked(events.events, TrackedEvent.productViewed).map((detail) => detail.properties.product_id)).to.have.members(['sunglasses', 'denim-jacket']);
  });

  it('stacks at most the newest three corner tags in a wide player, clear of the captions', async () => {
    // Four corner cues with the stream's pin (linen-shirt at 2 s): five corner tags at once.
    const cues = [
      { productId: 'canvas-tote', start: 2.05, end: 5 },
      { productId: 'sunglasses', start: 2.1, end: 5 },
      { productId: 'denim-jacket', start: 2.2, end: 5 },
      { productId: 'wool-beanie', start: 2.3, end: 5 },
    ];
    const events = recordEvents<TrackDetail>(document, 'vitrine-track');
    const { video } = await showTagsWithCaptions(cues, '45rem', 5);

    const tags = expectTagsClear(video);
    expect(tags.length).to.equal(3);
    // One above the other.
    expect(tags[1]!.top).to.be.above(tags[0]!.bottom);
    await aTimeout(TAG_VIEW_DWELL_MS + 200);
    events.stop();
    expect(tracked(events.events, TrackedEvent.productViewed).map((detail) => detail.properties.product_id)).to.have.members(['sunglasses', 'denim-jacket', 'wool-beanie']);
  });

  it('sets corner tags side by side in a wide but short player, where three stacked would reach the captions', async () => {
    const cues = [
      { productId: 'canvas-tote', start: 2.05, end: 5 },
      { productId: 'sunglasses', start: 2.1, end: 5 },
    ];
    // 720 × 309 px: wider than a medium player, too short for a stack.
    const { video } = await showTagsWithCaptions(cues, '45rem', 3, '21:9');

    const tags = expectTagsClear(video);
    expect(tags.length).to.equal(2);
    expect(tags[0]!.top).to.equal(tags[1]!.top);
  });

  it('shows two corner tags side by side around the narrow width: compact below it, full cards above', async () => {
    const cues = [
      { productId: 'canvas-tote', start: 0, end: 5 },
      { productId: 'sunglasses', start: 0, end: 5 },
    ];
    for (const width of [410, 430]) {
      const video = await renderVideo(html`<vitrine-video src=${SUMMER_STREAM} .source=${new JsonFeedSource(FEED)} .cues=${cues} style="inline-size: ${width}px"></vitrine-video>`);
      const media = await startPlayback(video);
      media.pause();
      await waitUntil(() => parts(video, 'tag').length === 2, 'the tags did not show', { timeout: PLAYBACK_TIMEOUT });
      await settled(video);
      const [first, second] = parts(video, 'tag');
      expect(first!.getBoundingClientRect().top, `side by side at ${width}px`).to.equal(second!.getBoundingClientRect().top);
      const frame = part(video, 'frame')!.getBoundingClientRect();
      expect(visibleTags(video).every((tag) => tag.right <= frame.right), `inside the player at ${width}px`).to.equal(true);
      // Compact below 26rem (416px) of the picture, the box the layout measures too.
      const compact = !first!.querySelector('[part~="tag-cta"]')!.checkVisibility();
      expect(compact, `compact at ${width}px`).to.equal(width < 416);
      fixtureCleanup();
    }
  });

  it('places hotspots from the picture’s left on a right-to-left page too, with their cards inside the player', async () => {
    const cues = [
      { productId: 'denim-jacket', start: 0, end: 5, x: 32, y: 40 },
      { productId: 'wool-beanie', start: 0, end: 5, x: 70, y: 60 },
    ];
    const dotsAt: Record<string, string> = {};
    for (const dir of ['ltr', 'rtl']) {
      const video = await renderVideo(html`<div dir=${dir}><vitrine-video src=${SUMMER_STREAM} .source=${new JsonFeedSource(FEED)} .cues=${cues}></vitrine-video></div>`);
      const media = await startPlayback(video);
      media.pause();
      await waitUntil(() => parts(video, 'hotspot').length === 2, 'the hotspots did not show', { timeout: PLAYBACK_TIMEOUT });
      await settled(video);
      expectDotsOnTheirSpots(video, media);
      const frame = part(video, 'frame')!.getBoundingClientRect();
      dotsAt[dir] = parts(video, 'hotspot')
        .map((dot) => centre(dot).map((at, i) => Math.round(at - (i === 0 ? frame.left : frame.top))).join(','))
        .join(' ');
      const inside = (tag: Box) => tag.left >= frame.left && tag.right <= frame.right && tag.top >= frame.top && tag.bottom <= frame.bottom;
      expect(visibleTags(video).every(inside), `a tag overflows the ${dir} player`).to.equal(true);
      // Near the right edge, the card opens to the left of its dot; its text reads in the page's direction.
      const beanie = tagOf(video, 'wool-beanie')!;
      const card = beanie.querySelector('[part~="tag-link"]')!;
      expect(card.getBoundingClientRect().right).to.be.at.most(centre(beanie.querySelector('[part~="hotspot"]')!)[0]);
      expect(getComputedStyle(card).direction).to.equal(dir);
      fixtureCleanup();
    }
    expect(dotsAt.rtl).to.equal(dotsAt.ltr);
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
