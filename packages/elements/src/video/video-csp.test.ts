import { expect, html } from '@open-wc/testing';
import { setupWorker } from 'msw/browser';
import { watchHostPageInEachTest, type HostPage } from './test-helpers/host-page.js';
import { SUMMER_STREAM, part, renderVideo, startPlayback, waitForPart } from './test-helpers/video.js';
import './video.js';

// A page whose Content-Security-Policy allows media from its own origin only: no `blob:`, which hls.js plays through.
// A policy cannot be taken back once a page has it, so these tests have a page (this file) of their own.
const policy = document.createElement('meta');
policy.httpEquiv = 'Content-Security-Policy';
policy.content = "media-src 'self'";
document.head.append(policy);

const worker = setupWorker();
let page: HostPage;

describe('<vitrine-video> under a policy that refuses its media', () => {
  const currentPage = watchHostPageInEachTest(worker);
  beforeEach(() => (page = currentPage()));

  it('names the policy when a stream cannot play without blob: media, and offers no "Try again"', async () => {
    const video = await renderVideo(html`<vitrine-video src=${SUMMER_STREAM}></vitrine-video>`);
    part(video, 'play-button')!.click();
    const { detail } = await page.errors.next();
    const message = "the page's Content-Security-Policy refuses blob: media (media-src), which HLS streams play through";
    expect(detail).to.deep.equal({ code: 'media-unsupported', message, fatal: true });
    await waitForPart(video, 'status');
    expect(part(video, 'retry')).to.equal(null);
    expect(page.logged).to.deep.equal([`[vitrine] <vitrine-video> media-unsupported: ${message}`]);
  });

  it('names the policy and the file when a video from another origin is refused', async () => {
    // The test server, reached by another name: another origin.
    const src = new URL('/examples/media/sneakers.mp4', location.href.replace('localhost', '127.0.0.1')).href;
    const video = await renderVideo(html`<vitrine-video src=${src}></vitrine-video>`);
    part(video, 'play-button')!.click();
    const { detail } = await page.errors.next();
    expect(detail).to.deep.equal({ code: 'media-unsupported', message: `the page's Content-Security-Policy refuses ${src} (media-src)`, fatal: true });
    expect(page.logged).to.have.length(1);
  });

  it('still plays a video from an origin the policy allows', async () => {
    const video = await renderVideo(html`<vitrine-video src="/examples/media/sneakers.mp4"></vitrine-video>`);
    await startPlayback(video);
    expect(page.errors.pending).to.equal(0);
  });
});
