import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startHarness, waitForEvents, watchProblems, type Harness } from './harness.js';

describe('examples/creator-clip', () => {
  let harness: Harness;
  before(async () => {
    harness = await startHarness();
  });
  after(() => harness?.close());

  it('plays the HLS clip, shows its in-band pin, and a click on the tag reaches the collector with the creator', async () => {
    const context = await harness.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const problems = watchProblems(page);
    const hlsRequests: string[] = [];
    page.on('request', (request) => {
      if (/\/chunks\/hls[.-][\w.-]+\.js$/.test(request.url())) hlsRequests.push(request.url());
    });
    await page.goto(`${harness.examplesUrl}creator-clip/`);
    const player = page.locator('vitrine-video').first();
    await player.locator('[part~="play-button"]').waitFor();
    await page.waitForLoadState('networkidle');
    assert.deepEqual(hlsRequests, [], 'hls.js must not load before playback is wanted');

    await player.locator('[part~="play-button"]').click();
    // The linen shirt is pinned in the playlist from 2 s to 5 s.
    const tag = player.locator('[part~="tag"][data-product-id="linen-shirt"]');
    await tag.waitFor({ timeout: 15_000 });
    // hls.js's light build and its wiring, once each: the stream needs nothing of the full build.
    assert.deepEqual(hlsRequests.map((url) => /\/chunks\/(hls-engine|hls\.light|hls)-/.exec(url)![1]).sort(), ['hls-engine', 'hls.light']);
    const [popup] = await Promise.all([context.waitForEvent('page'), tag.locator('[part~="tag-link"]').click()]);
    assert.match(popup.url(), /product\.html\?id=linen-shirt/);

    const events = await waitForEvents(harness.collectorUrl, (all) =>
      all.some((e) => e.event === 'Product Clicked' && e.properties.clip_id === 'summer-lookbook'),
    );
    const click = events.find((e) => e.event === 'Product Clicked' && e.properties.clip_id === 'summer-lookbook')!;
    assert.equal(click.properties.product_id, 'linen-shirt');
    assert.equal(click.properties.creator_id, 'mia-outdoors');
    assert.equal(click.properties.source, 'tag');
    const position = click.properties.video_position as number;
    assert.ok(position >= 2 && position <= 5.5, `clicked at ${position} s, inside the pin`);
    await waitForEvents(harness.collectorUrl, (all) => all.some((e) => e.event === 'Video Playback Started' && e.properties.clip_id === 'summer-lookbook'));
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('seeks in the MP4 clip: the server answers byte ranges, so a seek does not start the video over', async () => {
    const media = `${harness.examplesUrl}media/sneakers.mp4`;
    const ranged = await fetch(media, { headers: { range: 'bytes=100-199' } });
    assert.equal(ranged.status, 206);
    assert.equal((await ranged.arrayBuffer()).byteLength, 100);
    assert.match(ranged.headers.get('content-range') ?? '', /^bytes 100-199\/\d+$/);
    assert.equal((await fetch(media, { headers: { range: 'bytes=999999999-' } })).status, 416);

    const context = await harness.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const problems = watchProblems(page);
    await page.goto(`${harness.examplesUrl}creator-clip/`);
    const player = page.locator('vitrine-video').nth(1);
    await player.locator('[part~="play-button"]').click();
    const video = player.locator('video');
    await page.waitForFunction((element) => (element as HTMLVideoElement).currentTime > 0.2, await video.elementHandle());
    const seekedTo = await video.evaluate(
      (element: HTMLVideoElement) =>
        new Promise<number>((resolve) => {
          element.addEventListener('seeked', () => resolve(element.currentTime), { once: true });
          element.currentTime = 6;
        }),
    );
    assert.ok(seekedTo >= 5.9, `seeked to ${seekedTo} s`);
    assert.deepEqual(problems, []);
    await context.close();
  });
});
