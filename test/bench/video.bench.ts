// `npm run bench` (video part): time from a click on play to the first decoded frame, <vitrine-video> beside a
// bare page that attaches hls.js to a <video>, on the same fixture stream, in one browser, alternating runs. The real
// mouse clicks at once, and as a person does (resting on the button, then holding it down a moment), which is when
// <vitrine-video>'s preloading on hover and press can help; then as a person does on a first visit over a phone's
// network, where every byte of hls.js costs time.
import { readFile } from 'node:fs/promises';
import { createServer, request, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { createGzip } from 'node:zlib';
import { createRequire } from 'node:module';
import { chromium, type Page } from 'playwright-core';
// @ts-expect-error: plain ESM scripts without type declarations
import { startExamples } from '../../examples/serve.mjs';
// @ts-expect-error: plain ESM scripts without type declarations
import { chromiumArgs, chromiumPath } from '../tooling/chromium.mjs';

const RUNS = 15;
const STREAM = '/examples/media/summer/index.m3u8';
const POSTER = '/examples/media/summer/poster.jpg';
const resolve = createRequire(import.meta.url).resolve;
const hlsSource = await readFile(resolve('hls.js/dist/hls.min.mjs'), 'utf8');
const hlsLightSource = await readFile(resolve('hls.js/dist/hls.light.min.mjs'), 'utf8');

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

/**
 * The same page written to load hls.js only on click, and its light build, as <vitrine-video> does for a stream like
 * this one: the cost of vitrine's own code alone.
 */
const lazyBarePage = barePage.replace('/bench/bare.js', '/bench/lazy-bare.js');
const lazyBareScript = `document.getElementById('play').addEventListener('click', async () => {
    const video = document.querySelector('video');
    const { default: Hls } = await import('/bench/hls.light.mjs');
    const hls = new Hls();
    hls.loadSource('${STREAM}');
    hls.attachMedia(video);
    video.play();
  });
  window.__ready = true;`;

/** How a person clicks: the pointer rests on the button, then the button is held down for a moment. */
const HOVER_MS = 300;
/** Nobody clicks the moment a page loads; without this pause the page that parses hls.js up front is still busy. */
const SETTLE_MS = 500;
const PRESS_MS = 80;

/**
 * Arms the page: the first click starts the clock, the first frame presented after it stops it (read later from
 * `window.__firstFrame`). Returns the centre of the play button, for the mouse.
 */
const ARM = (playSelector: string) => `(() => {
  const deep = (root, selector) => {
    const hit = root.querySelector(selector);
    if (hit) return hit;
    for (const el of root.querySelectorAll('*')) {
      const inner = el.shadowRoot && deep(el.shadowRoot, selector);
      if (inner) return inner;
    }
    return null;
  };
  // Every player calls play(); watching it catches the <video> before its first frame, even one made after the click.
  const played = new Promise((resolve) => {
    const play = HTMLMediaElement.prototype.play;
    HTMLMediaElement.prototype.play = function () {
      resolve(this);
      return play.call(this);
    };
  });
  let clickedAt;
  addEventListener('click', () => (clickedAt = performance.now()), { capture: true, once: true });
  window.__firstFrame = played.then((video) => new Promise((resolve) => video.requestVideoFrameCallback((now) => resolve(now - clickedAt))));
  const box = deep(document, ${JSON.stringify(playSelector)}).getBoundingClientRect();
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
})()`;

type Gesture = 'click' | 'press';

/** Opens `url`, clicks play with the real mouse and resolves with ms from the click to the first frame. */
async function run(page: Page, url: string, ready: string, playSelector: string, gesture: Gesture): Promise<number> {
  await page.goto(url);
  await page.waitForFunction(ready);
  await page.waitForTimeout(SETTLE_MS);
  const { x, y } = (await page.evaluate(ARM(playSelector))) as { x: number; y: number };
  if (gesture === 'click') {
    await page.mouse.click(x, y);
  } else {
    await page.mouse.move(x, y);
    await page.waitForTimeout(HOVER_MS);
    await page.mouse.down();
    await page.waitForTimeout(PRESS_MS);
    await page.mouse.up();
  }
  return Math.round((await page.evaluate('window.__firstFrame')) as number);
}

/** A phone on 4G: Chromium throttles every request of the page to this, with the HTTP cache off (a first visit). */
const PHONE_NETWORK = { offline: false, latency: 60, downloadThroughput: 9_000_000 / 8, uploadThroughput: 1_500_000 / 8 };
const OPEN_NETWORK = { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 };

/** Text a server or CDN would gzip; media segments and images go as they are. */
const COMPRESSIBLE = /javascript|html|json|mpegurl|css|vtt/;

/**
 * The bench pages and hls.js, served over real HTTP beside the examples (everything else is passed on to them), so
 * that the browser's network throttling applies to every byte of every side alike; text is gzipped, as any real
 * server would send it.
 */
async function startBenchServer(examplesOrigin: string): Promise<{ origin: string; server: Server }> {
  const files: Record<string, [string, string]> = {
    '/bench/vitrine.html': [vitrinePage, 'text/html'],
    '/bench/bare.html': [barePage, 'text/html'],
    '/bench/lazy-bare.html': [lazyBarePage, 'text/html'],
    '/bench/bare.js': [bareScript, 'text/javascript'],
    '/bench/lazy-bare.js': [lazyBareScript, 'text/javascript'],
    '/bench/hls.mjs': [hlsSource, 'text/javascript'],
    '/bench/hls.light.mjs': [hlsLightSource, 'text/javascript'],
  };
  const send = (res: ServerResponse, status: number, headers: IncomingHttpHeaders, body: Readable) => {
    if (!COMPRESSIBLE.test(String(headers['content-type']))) return void body.pipe(res.writeHead(status, headers));
    const { 'content-length': _length, ...rest } = headers;
    body.pipe(createGzip()).pipe(res.writeHead(status, { ...rest, 'content-encoding': 'gzip' }));
  };
  const server = createServer((req, res) => {
    const file = files[new URL(req.url ?? '/', 'http://bench').pathname];
    if (file) return send(res, 200, { 'content-type': file[1] }, Readable.from([file[0]]));
    const { 'accept-encoding': _encoding, ...headers } = req.headers;
    const upstream = request(new URL(req.url ?? '/', examplesOrigin), { method: req.method, headers }, (answer) => send(res, answer.statusCode ?? 502, answer.headers, answer));
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const examples = await startExamples({ port: 0, collectorPort: 0, dataDir: 'memory://', log: false });
const { origin, server } = await startBenchServer(new URL(examples.examplesUrl).origin);
const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
try {
  const context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
  const page = await context.newPage();
  const devtools = await context.newCDPSession(page);
  await devtools.send('Network.enable');
  const sides = {
    '<vitrine-video> (hls.js loaded on intent)': [`${origin}/bench/vitrine.html`, "customElements.get('vitrine-video')", '[part~="play-button"]'],
    'bare <video> + hls.js light loaded on click': [`${origin}/bench/lazy-bare.html`, 'window.__ready === true', '#play'],
    'bare <video> + hls.js loaded with the page': [`${origin}/bench/bare.html`, 'window.__ready === true', '#play'],
  } as const;
  type Side = keyof typeof sides;
  const [vitrine, lazyBare, bare] = Object.keys(sides) as Side[];
  const personsClick = `a person's click (pointer resting ${HOVER_MS} ms on the button, held down ${PRESS_MS} ms)`;
  const scenarios: { title: string; gesture: Gesture; phone: boolean }[] = [
    { title: 'an instant click (pointer moved, pressed and released at once)', gesture: 'click', phone: false },
    { title: personsClick, gesture: 'press', phone: false },
    { title: `${personsClick}, on a first visit over 4G (9 Mbit/s, 60 ms round trip, no HTTP cache)`, gesture: 'press', phone: true },
  ];
  for (const { title, gesture, phone } of scenarios) {
    await devtools.send('Network.emulateNetworkConditions', phone ? PHONE_NETWORK : OPEN_NETWORK);
    await devtools.send('Network.setCacheDisabled', { cacheDisabled: phone });
    const timings = Object.fromEntries(Object.keys(sides).map((side) => [side, [] as number[]])) as Record<Side, number[]>;
    // The first round warms the browser (and, on the open network, the HTTP cache) for every side equally; it is not counted.
    for (let i = 0; i <= RUNS; i++) {
      for (const side of Object.keys(sides) as Side[]) {
        const [url, ready, playSelector] = sides[side];
        const time = await run(page, url, ready, playSelector, gesture);
        if (i > 0) timings[side].push(time);
      }
    }
    console.log(`\nClick to first frame after ${title}, ${RUNS} alternating runs each (ms):\n`);
    console.table(Object.fromEntries(Object.entries(timings).map(([side, runs]) => [side, { median: median(runs), runs: runs.join(' ') }])));
    const ratio = (other: Side) => (median(timings[vitrine]) / median(timings[other])).toFixed(2);
    console.log(`ratio vitrine / bare with hls.js loaded with the page: ${ratio(bare)} (goal ≤ 1.10)`);
    console.log(`ratio vitrine / bare loading hls.js light on click:   ${ratio(lazyBare)} (the cost of vitrine's own code)`);
  }
} finally {
  await browser.close();
  server.closeAllConnections();
  server.close();
  await examples.close();
}
