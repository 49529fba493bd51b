// `npm run bench` (video part): time from a click on play to the first decoded frame, <vitrine-video> beside a
// bare page that attaches hls.js to a <video>, on the same fixture stream, in one browser, alternating runs.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { chromium, type Page } from 'playwright-core';
// @ts-expect-error: plain ESM scripts without type declarations
import { startExamples } from '../../examples/serve.mjs';
// @ts-expect-error: plain ESM scripts without type declarations
import { chromiumArgs, chromiumPath } from '../tooling/chromium.mjs';

const RUNS = 15;
const STREAM = '/examples/media/summer/index.m3u8';
const POSTER = '/examples/media/summer/poster.jpg';
const hlsSource = await readFile(createRequire(import.meta.url).resolve('hls.js/dist/hls.min.mjs'), 'utf8');

const vitrinePage = `<!doctype html><html lang="en"><head><script src="/dist/vitrine.js" async></script></head>
  <body><vitrine-video src="${STREAM}" poster="${POSTER}" style="display:block;width:640px"></vitrine-video></body></html>`;

/** The baseline a developer would write by hand: hls.js loaded with the page, attached on click. */
const barePage = `<!doctype html><html lang="en"><head><script type="module" src="/bench/bare.js"></script></head>
  <body><video playsinline muted width="640" poster="${POSTER}"></video><button id="play">Play</button></body></html>`;
const bareScript = `import Hls from '/bench/hls.mjs';
  document.getElementById('play').addEventListener('click', () => {
    const video = document.querySelector('video');
    const hls = new Hls();
    hls.loadSource('${STREAM}');
    hls.attachMedia(video);
    video.play();
  });
  window.__ready = true;`;

/** The same page written to load hls.js only on click, as <vitrine-video> does: the cost of its own code alone. */
const lazyBarePage = barePage.replace('/bench/bare.js', '/bench/lazy-bare.js');
const lazyBareScript = `document.getElementById('play').addEventListener('click', async () => {
    const video = document.querySelector('video');
    const { default: Hls } = await import('/bench/hls.mjs');
    const hls = new Hls();
    hls.loadSource('${STREAM}');
    hls.attachMedia(video);
    video.play();
  });
  window.__ready = true;`;

/** Clicks play in page time and resolves with ms until the first frame is presented. */
const CLICK_TO_FIRST_FRAME = (playSelector: string) => `(async () => {
  const deep = (root, selector) => {
    const hit = root.querySelector(selector);
    if (hit) return hit;
    for (const el of root.querySelectorAll('*')) {
      const inner = el.shadowRoot && deep(el.shadowRoot, selector);
      if (inner) return inner;
    }
    return null;
  };
  const button = deep(document, ${JSON.stringify(playSelector)});
  // Every player calls play(); watching it catches the <video> before its first frame, even one made after the click.
  const played = new Promise((resolve) => {
    const play = HTMLMediaElement.prototype.play;
    HTMLMediaElement.prototype.play = function () {
      resolve(this);
      return play.call(this);
    };
  });
  const start = performance.now();
  button.click();
  const video = await played;
  const presented = await new Promise((resolve) => video.requestVideoFrameCallback((now) => resolve(now)));
  return presented - start;
})()`;

async function run(page: Page, url: string, ready: string, playSelector: string): Promise<number> {
  await page.goto(url);
  await page.waitForFunction(ready);
  return Math.round((await page.evaluate(CLICK_TO_FIRST_FRAME(playSelector))) as number);
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const examples = await startExamples({ port: 0, collectorPort: 0, dataDir: 'memory://', log: false });
const origin = new URL(examples.examplesUrl).origin;
const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
try {
  const context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
  await context.route(`${origin}/bench/**`, (route) => {
    const { pathname } = new URL(route.request().url());
    if (pathname.endsWith('hls.mjs')) return route.fulfill({ body: hlsSource, contentType: 'text/javascript' });
    if (pathname.endsWith('lazy-bare.js')) return route.fulfill({ body: lazyBareScript, contentType: 'text/javascript' });
    if (pathname.endsWith('bare.js')) return route.fulfill({ body: bareScript, contentType: 'text/javascript' });
    if (pathname.endsWith('lazy-bare.html')) return route.fulfill({ body: lazyBarePage, contentType: 'text/html' });
    return route.fulfill({ body: pathname.endsWith('bare.html') ? barePage : vitrinePage, contentType: 'text/html' });
  });
  const page = await context.newPage();
  const timings = { vitrine: [] as number[], bare: [] as number[], lazyBare: [] as number[] };
  // The first pair warms the browser and HTTP caches for both sides equally; it is not counted.
  for (let i = 0; i <= RUNS; i++) {
    const vitrine = await run(page, `${origin}/bench/vitrine.html`, "customElements.get('vitrine-video')", '[part~="play-button"]');
    const bare = await run(page, `${origin}/bench/bare.html`, 'window.__ready === true', '#play');
    const lazyBare = await run(page, `${origin}/bench/lazy-bare.html`, 'window.__ready === true', '#play');
    if (i > 0) {
      timings.vitrine.push(vitrine);
      timings.bare.push(bare);
      timings.lazyBare.push(lazyBare);
    }
  }
  console.log(`\nClick to first frame, ${RUNS} alternating runs each (ms):\n`);
  console.table({
    '<vitrine-video> (hls.js loaded on click)': { median: median(timings.vitrine), runs: timings.vitrine.join(' ') },
    'bare <video> + hls.js loaded on click': { median: median(timings.lazyBare), runs: timings.lazyBare.join(' ') },
    'bare <video> + hls.js loaded with the page': { median: median(timings.bare), runs: timings.bare.join(' ') },
  });
  const ratio = (other: number[]) => (median(timings.vitrine) / median(other)).toFixed(2);
  console.log(`ratio vitrine / bare, both loading hls.js on click: ${ratio(timings.lazyBare)} (goal ≤ 1.10)`);
  console.log(`ratio vitrine / bare with hls.js already loaded:  ${ratio(timings.bare)} (what loading hls.js only on play costs)`);
} finally {
  await browser.close();
  await examples.close();
}
