import { fixture, html, waitUntil } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import type { VitrineVideo } from '../video.js';

export const SUMMER_CLIP = '/examples/clips/summer.json';
export const SNEAKERS_CLIP = '/examples/clips/sneakers.json';
export const SUMMER_STREAM = '/examples/media/summer/index.m3u8';
export const SUMMER_POSTER = '/examples/media/summer/poster.jpg';
export const BROKEN_STREAM = '/examples/media/broken/index.m3u8';
export const FEED = '/examples/feeds/demo-catalog.json';

/** Playback in a real browser: generous, but a test that waits this long has failed anyway. */
export const PLAYBACK_TIMEOUT = 10_000;

export async function renderVideo(template: TemplateResult, lang = 'en'): Promise<VitrineVideo> {
  const wrapper = await fixture<HTMLElement>(html`<div lang=${lang} style="inline-size: 40rem">${template}</div>`);
  const video = wrapper.querySelector('vitrine-video')!;
  await video.updateComplete;
  return video;
}

export function part(video: VitrineVideo, name: string): HTMLElement | null {
  return video.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
}

export function parts(video: VitrineVideo, name: string): HTMLElement[] {
  return [...video.shadowRoot!.querySelectorAll<HTMLElement>(`[part~="${name}"]`)];
}

export function text(element: Element | null): string {
  return element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

export function mediaOf(video: VitrineVideo): HTMLVideoElement {
  const media = video.shadowRoot!.querySelector('video');
  if (!media) throw new Error('no <video> rendered');
  return media;
}

/** The tag of a product, if one is showing. */
export function tagOf(video: VitrineVideo, productId: string): HTMLElement | null {
  return video.shadowRoot!.querySelector<HTMLElement>(`[part~="tag"][data-product-id="${productId}"]`);
}

export async function waitForPart(video: VitrineVideo, name: string, message = `no ${name}`): Promise<HTMLElement> {
  await waitUntil(() => part(video, name), message, { timeout: PLAYBACK_TIMEOUT });
  return part(video, name)!;
}

/** Clicks the facade's play button and waits until frames are playing and the player's controls are drawn. */
export async function startPlayback(video: VitrineVideo): Promise<HTMLVideoElement> {
  part(video, 'play-button')!.click();
  await waitUntil(() => video.shadowRoot!.querySelector('video')?.paused === false, 'the video did not start', { timeout: PLAYBACK_TIMEOUT });
  const media = mediaOf(video);
  await waitUntil(() => media.currentTime > 0, 'no frame played', { timeout: PLAYBACK_TIMEOUT });
  // The player's code arrives beside the stream; on a busy machine the first frames can come first.
  await waitForPart(video, 'controls', 'the controls were never drawn');
  return media;
}

/** The summer clip playing on a page of direction `dir`, with its product tray open. */
export async function withTrayOpen(dir: 'ltr' | 'rtl'): Promise<VitrineVideo> {
  const video = await renderVideo(html`<div dir=${dir}><vitrine-video clip=${SUMMER_CLIP}></vitrine-video></div>`);
  await waitForPart(video, 'play-button');
  await startPlayback(video);
  part(video, 'tray-button')!.click();
  await video.updateComplete;
  return video;
}

/** Until an element's own entrance animation is over: half faded in, its text would read as too faint. */
export async function animationsDone(element: Element): Promise<void> {
  await Promise.all(element.getAnimations().map((animation) => animation.finished.catch(() => undefined)));
}

export async function playUntil(media: HTMLVideoElement, time: number): Promise<void> {
  await waitUntil(() => media.currentTime >= time || media.ended, `playback did not reach ${time}s`, { timeout: PLAYBACK_TIMEOUT, interval: 20 });
}

/** Seeks and waits until the browser has the frame there. */
export async function seek(media: HTMLVideoElement, time: number): Promise<void> {
  const seeked = new Promise((resolve) => media.addEventListener('seeked', resolve, { once: true }));
  media.currentTime = time;
  await seeked;
}

/**
 * The media time at which a product's tag entered and left the DOM, read in the mutation callback itself, so the
 * measurement says how late the tag was, not how late the test looked.
 */
export function watchTag(video: VitrineVideo, productId: string): { shownAt: number | undefined; hiddenAt: number | undefined; stop(): void } {
  const record: { shownAt: number | undefined; hiddenAt: number | undefined; stop(): void } = { shownAt: undefined, hiddenAt: undefined, stop: () => observer.disconnect() };
  let shown = tagOf(video, productId) !== null;
  const observer = new MutationObserver(() => {
    const now = tagOf(video, productId) !== null;
    if (now === shown) return;
    shown = now;
    const time = video.shadowRoot!.querySelector('video')?.currentTime;
    if (now && record.shownAt === undefined) record.shownAt = time;
    if (!now && record.shownAt !== undefined && record.hiddenAt === undefined) record.hiddenAt = time;
  });
  observer.observe(video.shadowRoot!, { childList: true, subtree: true });
  return record;
}

// The browser keeps 250 resource timings by default; the test runner serves every module as its own file, so the
// list would be full before playback starts and the requests that matter would go unrecorded.
performance.setResourceTimingBufferSize(10_000);

/** Every resource the page has requested whose URL contains one of `needles`. */
export function requested(...needles: string[]): string[] {
  return performance
    .getEntriesByType('resource')
    .map((entry) => entry.name)
    .filter((name) => needles.some((needle) => name.includes(needle)));
}
