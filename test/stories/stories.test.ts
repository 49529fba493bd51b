// Opens every story of the built Storybook (storybook-static/, from `npm run storybook:build`) in Chromium, one after
// the other in one browser, and fails a story on what a person looking at it would see go wrong:
//   - Storybook does not finish rendering it (and running its play function), or reports an error doing so;
//   - it shows no custom element, leaves one undefined, or an element at its top level draws nothing;
//   - an uncaught exception or unhandled rejection, a console error or warning, a 4xx/5xx answer or a failed request,
//     other than what the story provokes on purpose (EXPECTED below, per story; each expected line must appear);
//   - an axe violation inside the story's root (#storybook-root, shadow roots included). No story is exempt.
// `STORIES=<part of an id>` runs only the matching stories.
import assert from 'node:assert/strict';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type axe from 'axe-core';
import { chromium, type Browser, type ConsoleMessage, type Page, type Request, type Response } from 'playwright-core';
// @ts-expect-error: plain ESM scripts without type declarations
import { byteRange } from '../../examples/serve.mjs';
// @ts-expect-error: plain ESM scripts without type declarations
import { chromiumArgs, chromiumPath } from '../tooling/chromium.mjs';

const staticDir = fileURLToPath(new URL('../../storybook-static/', import.meta.url));
const axePath = fileURLToPath(import.meta.resolve('axe-core/axe.min.js'));
const AXE_URL_PATH = '/__test__/axe.min.js';

interface IndexEntry {
  type: 'story' | 'docs';
  id: string;
  title: string;
  name: string;
}
const index = JSON.parse(
  await readFile(join(staticDir, 'index.json'), 'utf8').catch(() => {
    throw new Error('storybook-static/index.json is missing: run `npm run storybook:build` first');
  }),
) as { entries: Record<string, IndexEntry> };
const stories = Object.values(index.entries).filter((entry) => entry.type === 'story' && entry.id.includes(process.env.STORIES ?? ''));

/**
 * What a story provokes on purpose, by story id; anything else fails it. `console`: console errors and warnings, whole
 * lines; each must appear (the story exists to show it). `requests`: failed-request lines (`HTTP 404: /path`,
 * `request failed: /path (…)`) the story may cause. Uncaught errors are never expected.
 */
interface Expected {
  console?: RegExp[];
  requests?: RegExp[];
}
const EXPECTED: Record<string, Expected> = {
  // A product source that rejects as an unreachable feed would: the error state, reported once, as fatal.
  'elements-catalog--error': {
    console: [/^\[vitrine\] <vitrine-catalog> source-unreachable: could not reach the product feed \(storybook demo\)$/],
  },
  // Two broken products (a currency that is not ISO 4217, a javascript: URL): one non-fatal report naming the first.
  'elements-catalog--partly-bad-feed': {
    console: [/^\[vitrine\] <vitrine-catalog> invalid-data: products\[1\]\.price\.currency: expected ISO 4217 code \(and 1 more\)$/],
  },
  // A product whose javascript: URL is refused: the card renders without a link and says why, once.
  'elements-product-card--without-link': {
    console: [/^\[vitrine\] <vitrine-product-card> invalid-data: product "demo-1" url: expected an http\(s\) URL$/],
  },
  // clips/missing.json does not exist: its 404, and the element's fatal report of it.
  'elements-video--clip-error': {
    console: [/^\[vitrine\] <vitrine-video> clip-unreachable: the clip at http:\/\/127\.0\.0\.1:\d+\/clips\/missing\.json answered 404$/],
    requests: [/^HTTP 404: \/clips\/missing\.json$/],
  },
  // media/broken/index.m3u8 lists segments that do not exist: the engine's tries at them, then one fatal report.
  'elements-video--broken-stream': {
    console: [/^\[vitrine\] <vitrine-video> media-network: the stream stopped loading \(fragLoadError, HTTP 404\)$/],
    requests: [/^HTTP 404: \/media\/broken\/missing-\d+\.m2ts$/],
  },
};

/** Console lines any page may print; none is a story's doing. */
const ALWAYS_EXPECTED: RegExp[] = [
  // Lit's development build says so once per page (the Storybook build normally uses Lit's production build).
  /^Lit is in dev mode\. Not recommended for production!/,
];

/** How long Storybook may take to render a story and run its play function; and then its elements to settle. */
const TIMEOUT = 15_000;
/** Settled means, among other things, no request in flight and none started for this long. */
const QUIET_MS = 150;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.m3u8': 'application/vnd.apple.mpegurl',
  '.m2ts': 'video/mp2t',
  '.mp4': 'video/mp4',
  '.vtt': 'text/vtt; charset=utf-8',
};

/** Serves storybook-static/ as a static host would: content types, validators, byte ranges (media seeks), 404s. */
function serveStorybook(): Promise<{ url: string; server: Server }> {
  const server = createServer(async (request, response) => {
    const { pathname } = new URL(request.url ?? '/', 'http://localhost');
    // axe-core's own file, at a path no Storybook build uses: injected by URL, it is compiled once for the whole run.
    let file = pathname === AXE_URL_PATH ? axePath : normalize(join(staticDir, decodeURIComponent(pathname)));
    try {
      if (!file.startsWith(staticDir) && file !== axePath) throw new Error('outside storybook-static');
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const { size, mtimeMs } = await stat(file);
      const etag = `"${size}-${Math.round(mtimeMs)}"`;
      const headers = {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'accept-ranges': 'bytes',
        etag,
        // Storybook's bundles have content hashes in their names: each page of the run takes them from the cache
        // instead of fetching and compiling a megabyte of script again. Everything else is revalidated every time.
        'cache-control': pathname.startsWith('/assets/') || file === axePath ? 'max-age=31536000, immutable' : 'no-cache',
      };
      if (request.headers['if-none-match'] === etag) {
        response.writeHead(304, headers).end();
        return;
      }
      const range: [number, number] | null | undefined = byteRange(request.headers.range, size);
      if (range === null) {
        response.writeHead(416, { ...headers, 'content-range': `bytes */${size}` }).end();
        return;
      }
      const [start, end] = range ?? [0, size - 1];
      response.writeHead(range ? 206 : 200, { ...headers, 'content-length': end - start + 1, ...(range && { 'content-range': `bytes ${start}-${end}/${size}` }) });
      if (request.method === 'HEAD' || size === 0) response.end();
      else createReadStream(file, { start, end }).pipe(response);
    } catch {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found\n');
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, server }));
  });
}

/**
 * Records what goes wrong on a page: `problems` (uncaught errors, failed requests, Storybook's errors) and
 * `consoleLines` (errors and warnings), one line each; `network` tells when it was last busy.
 */
function watch(page: Page) {
  const problems: string[] = [];
  const consoleLines: string[] = [];
  const network = { inFlight: 0, lastActivity: Date.now() };
  const activity = (delta: number) => {
    network.inFlight += delta;
    network.lastActivity = Date.now();
  };
  const onPageError = (error: Error) => problems.push(`uncaught: ${error.message}`);
  const onConsole = (message: ConsoleMessage) => {
    const type = message.type();
    // A failed request is reported below with its URL; the console's copy of it says less.
    if ((type === 'error' || type === 'warning') && !message.text().startsWith('Failed to load resource')) {
      // An error's stack: its first frame says where; the rest is Storybook's.
      const [line, frame] = message.text().split('\n');
      consoleLines.push(`console.${type === 'warning' ? 'warn' : 'error'}: ${line}${frame ? `\n${frame}` : ''}`);
    }
  };
  const onRequest = () => activity(1);
  const onRequestFinished = () => activity(-1);
  const onResponse = (response: Response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${new URL(response.url()).pathname}`);
  };
  const onRequestFailed = (request: Request) => {
    activity(-1);
    problems.push(`request failed: ${new URL(request.url()).pathname} (${request.failure()?.errorText})`);
  };
  page.on('pageerror', onPageError).on('console', onConsole).on('request', onRequest).on('requestfinished', onRequestFinished);
  page.on('response', onResponse).on('requestfailed', onRequestFailed);
  const stop = () => {
    page.off('pageerror', onPageError).off('console', onConsole).off('request', onRequest).off('requestfinished', onRequestFinished);
    page.off('response', onResponse).off('requestfailed', onRequestFailed);
  };
  return { problems, consoleLines, network, stop };
}

/** One of Storybook's channel events, as `recordChannel` keeps them. */
interface ChannelEvent {
  type: string;
  args: unknown[];
}

/** Runs in the page before Storybook: takes the channel the moment Storybook creates it and keeps its verdicts. */
function recordChannel() {
  const events: ChannelEvent[] = [];
  let channel: { on(type: string, listener: (...args: unknown[]) => void): void } | undefined;
  Object.defineProperty(globalThis, '__STORYBOOK_ADDONS_CHANNEL__', {
    configurable: true,
    get: () => channel,
    set: (value) => {
      channel = value;
      for (const type of ['storyFinished', 'storyErrored', 'storyThrewException', 'storyMissing', 'playFunctionThrewException', 'unhandledErrorsWhilePlaying']) {
        value.on(type, (...args: unknown[]) => events.push({ type, args: JSON.parse(JSON.stringify(args)) }));
      }
    },
  });
  Object.assign(globalThis, { __storyEvents: events });
}

/** Storybook's events once it has finished the story (rendered it, run its play function) or said why it could not. */
function storyVerdict(id: string): ChannelEvent[] | false {
  const events = (globalThis as unknown as { __storyEvents: ChannelEvent[] }).__storyEvents;
  const finished = events.some((event) => event.type === 'storyFinished' && (event.args[0] as { storyId: string }).storyId === id);
  const failed = events.some((event) => ['storyErrored', 'storyThrewException', 'storyMissing', 'playFunctionThrewException'].includes(event.type));
  return (finished || failed) && events;
}

function describeEvent(event: ChannelEvent): string {
  if (event.type === 'storyFinished') return `storybook storyFinished: status ${(event.args[0] as { status: string }).status}`;
  const [first] = event.args as [{ name?: string; message?: string; title?: string; description?: string } | string | undefined];
  const detail = typeof first === 'object' ? [first.name ?? first.title, first.message ?? first.description].filter(Boolean).join(': ') : JSON.stringify(event.args);
  return `storybook ${event.type}: ${detail.split('\n')[0]}`;
}

/** Custom elements the story left undefined, once every defined one in it (shadow roots too) has finished updating. */
function settleElements(): Promise<string[]> {
  const all = (root: ParentNode): Element[] => [...root.querySelectorAll('*')].flatMap((element) => [element, ...(element.shadowRoot ? all(element.shadowRoot) : [])]);
  const custom = all(document.querySelector('#storybook-root')!).filter((element) => element.localName.includes('-'));
  const undefinedNames = [...new Set(custom.filter((element) => !customElements.get(element.localName)).map((element) => element.localName))];
  return Promise.all(custom.map((element) => (element as Element & { updateComplete?: Promise<unknown> }).updateComplete)).then(() => undefinedNames);
}

/** The story's own custom elements (light DOM) whose shadow root is empty; a marker when it shows none at all. */
function emptyElements(): string[] {
  const custom = [...document.querySelectorAll('#storybook-root *')].filter((element) => element.localName.includes('-'));
  if (!custom.length) return ['(the story shows no custom element)'];
  return custom.filter((element) => element.shadowRoot && !element.shadowRoot.childElementCount).map((element) => `<${element.localName}> is empty`);
}

async function axeViolations(): Promise<string[]> {
  const result = await (window as unknown as { axe: typeof axe }).axe.run('#storybook-root', { resultTypes: ['violations'] });
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help}: ${v.nodes.map((node) => JSON.stringify(node.target)).join(', ')}`);
}

describe('every story renders in Chromium without errors and passes axe', () => {
  let browser: Browser;
  let page: Page;
  let server: Server;
  let baseUrl: string;
  before(async () => {
    ({ url: baseUrl, server } = await serveStorybook());
    browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
    // "StorybookTestRunner" in the user agent is how Storybook knows it is under test: it then stops CSS animations at
    // their end instead of waiting for them to end, which is quicker and steadier for axe (as its own test runner does).
    const probe = await browser.newPage();
    const userAgent = await probe.evaluate(() => navigator.userAgent);
    await probe.close();
    const context = await browser.newContext({ userAgent: `${userAgent} StorybookTestRunner` });
    // tsx compiles this file with esbuild's keepNames, which wraps named functions in `__name(…)` calls; the functions
    // handed to the page (init script, evaluate) carry those calls along, so the page needs its own `__name`.
    await context.addInitScript({ content: 'globalThis.__name = (target) => target;' });
    await context.addInitScript(recordChannel);
    // One tab for every story, each in a new document: reusing the tab (its renderer, its compiled Storybook) halves
    // the run; nothing of a story outlives the navigation away from it except storage, which is cleared.
    page = await context.newPage();
  });
  after(async () => {
    await browser?.close();
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
  });

  for (const story of stories) {
    it(`${story.title} / ${story.name} (${story.id})`, async () => {
      const expected = EXPECTED[story.id] ?? {};
      const expectedConsole = [...ALWAYS_EXPECTED, ...(expected.console ?? [])];
      const { problems, consoleLines, network, stop } = watch(page);
      const text = (line: string) => line.replace(/^console\.\w+: /, '');
      const unexpected = () => [
        ...problems.filter((line) => !(expected.requests ?? []).some((pattern) => pattern.test(line))),
        ...consoleLines.filter((line) => !expectedConsole.some((pattern) => pattern.test(text(line)))),
      ];
      try {
        await page.goto(`${baseUrl}iframe.html?id=${encodeURIComponent(story.id)}&viewMode=story`, { waitUntil: 'commit' });
        const events = await page
          .waitForFunction(storyVerdict, story.id, { timeout: TIMEOUT, polling: 50 })
          .then((handle) => handle.jsonValue() as Promise<ChannelEvent[]>)
          .catch((error: Error) => {
            const errors = unexpected();
            assert.fail(`${story.id}: Storybook did not finish the story within ${TIMEOUT} ms (${error.message.split('\n')[0]})${errors.length ? `; meanwhile:\n${errors.join('\n')}` : ''}`);
          });
        problems.push(...events.filter((event) => !(event.type === 'storyFinished' && (event.args[0] as { status: string }).status === 'success')).map(describeEvent));
        assert.deepEqual(unexpected(), [], `${story.id}: errors while rendering`);
        assert.deepEqual(await page.evaluate(emptyElements), [], `${story.id}: renders nothing`);

        // Settled: elements updated, no request in flight for a moment (fixtures, images, media), every expected line logged.
        const deadline = Date.now() + TIMEOUT;
        assert.deepEqual(await page.evaluate(settleElements), [], `${story.id}: custom elements never defined`);
        const missing = () => (expected.console ?? []).filter((pattern) => !consoleLines.some((line) => pattern.test(text(line))));
        while (network.inFlight > 0 || Date.now() - network.lastActivity < QUIET_MS || missing().length) {
          if (Date.now() > deadline) {
            assert.fail(`${story.id}: not settled after ${TIMEOUT} ms: ${network.inFlight} requests in flight; expected lines not logged: ${missing().join(', ') || 'none'}`);
          }
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        await page.evaluate(settleElements);

        await page.addScriptTag({ url: AXE_URL_PATH });
        const violations = await page.evaluate(axeViolations);
        assert.deepEqual(unexpected(), [], `${story.id}: errors while rendering`);
        assert.deepEqual(violations, [], `${story.id}: axe violations`);
      } finally {
        stop();
        await page.evaluate(() => (sessionStorage.clear(), localStorage.clear())).catch(() => {});
        await page.goto('about:blank');
      }
    });
  }
});
