// `npm start`: serves the examples and the built SDK, and runs the collector they report to.
// Also used by the end-to-end tests, which start it on free ports.
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const DEFAULT_COLLECTOR = 'http://127.0.0.1:8787';

/** URL prefix → folder. Nothing outside these folders is ever served. */
const MOUNTS = [
  ['/examples/', join(repoRoot, 'examples')],
  ['/dist/', join(repoRoot, 'packages/embed/dist')],
];

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.map': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.m3u8': 'application/vnd.apple.mpegurl',
  '.m2ts': 'video/mp2t',
  '.mp4': 'video/mp4',
  '.vtt': 'text/vtt; charset=utf-8',
};

/** The examples run under a strict Content-Security-Policy, so anything the SDK does that CSP forbids shows up here. */
function contentSecurityPolicy(collectorOrigin) {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' https: data:",
    `connect-src 'self' ${collectorOrigin}`,
    "media-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

function resolvePath(urlPath) {
  for (const [prefix, folder] of MOUNTS) {
    if (!urlPath.startsWith(prefix)) continue;
    const file = normalize(join(folder, decodeURIComponent(urlPath.slice(prefix.length))));
    return file === folder || file.startsWith(folder + sep) ? file : undefined;
  }
  return undefined;
}

/**
 * The one byte range of a `Range: bytes=…` header, as `[start, end]` (inclusive); `null` when it cannot be served
 * (416); `undefined` when there is no single range to honour, so the whole file goes out. Media elements ask for
 * ranges to seek: without them an MP4 plays but every seek starts it over.
 */
export function byteRange(header, size) {
  const match = /^bytes=(\d*)-(\d*)$/.exec(header?.trim() ?? '');
  if (!match || (match[1] === '' && match[2] === '')) return undefined;
  const [start, end] =
    match[1] === '' ? [Math.max(0, size - Number(match[2])), size - 1] : [Number(match[1]), match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1)];
  return start <= end && start < size ? [start, end] : null;
}

function createStaticServer({ collectorOrigin }) {
  const csp = contentSecurityPolicy(collectorOrigin);
  return createServer(async (request, response) => {
    const { pathname } = new URL(request.url ?? '/', 'http://localhost');
    if (pathname === '/') {
      response.writeHead(302, { location: '/examples/' }).end();
      return;
    }
    let file = resolvePath(pathname);
    try {
      if (!file) throw new Error('outside the served folders');
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const type = TYPES[extname(file)] ?? 'application/octet-stream';
      const isHtml = type.startsWith('text/html');
      // The pages name the default collector; point them at the one this server actually started.
      const body = isHtml ? Buffer.from((await readFile(file, 'utf8')).replaceAll(DEFAULT_COLLECTOR, collectorOrigin)) : undefined;
      const size = body?.length ?? (await stat(file)).size;
      const range = body ? undefined : byteRange(request.headers.range, size);
      const headers = {
        'content-type': type,
        'cache-control': 'no-cache',
        'x-content-type-options': 'nosniff',
        // Element chunks are imported from pages on other origins too (a CDN setup); allow it like a CDN would.
        'access-control-allow-origin': '*',
        ...(isHtml ? { 'content-security-policy': csp } : { 'accept-ranges': 'bytes' }),
      };
      if (range === null) {
        response.writeHead(416, { ...headers, 'content-range': `bytes */${size}` }).end();
        return;
      }
      const [start, end] = range ?? [0, size - 1];
      response.writeHead(range ? 206 : 200, { ...headers, 'content-length': end - start + 1, ...(range && { 'content-range': `bytes ${start}-${end}/${size}` }) });
      if (request.method === 'HEAD') response.end();
      else if (body) response.end(body);
      else createReadStream(file, size > 0 ? { start, end } : {}).pipe(response);
    } catch {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found\n');
    }
  });
}

function listen(server, port, host) {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server.address().port));
  });
}

/** Starts the collector and the static server; resolves with their URLs and a `close()`. */
export async function startExamples({ port = 8080, collectorPort = 8787, host = '127.0.0.1', dataDir = join(repoRoot, '.vitrine-data'), log } = {}) {
  const { createCollector, loadConfigFile } = await import(pathToFileURL(join(repoRoot, 'packages/collector/dist/index.js')).href);
  // Local-only secrets and keys: the demo's orders can be confirmed and its dashboard opened without any set-up.
  const config = await loadConfigFile(join(repoRoot, 'examples/collector.config.json'), process.env);
  const collector = await createCollector({ dataDir, config, ...(log === undefined ? {} : { log }) });
  const collectorUrl = (await collector.listen(collectorPort, host)).url.replace(/\/$/, '');
  const server = createStaticServer({ collectorOrigin: collectorUrl });
  const actualPort = await listen(server, port, host);
  return {
    examplesUrl: `http://${host === '0.0.0.0' ? 'localhost' : host}:${actualPort}/examples/`,
    collectorUrl,
    async close() {
      server.closeAllConnections?.();
      await new Promise((resolve) => server.close(resolve));
      await collector.close();
    },
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const port = Number(process.env.PORT ?? 8080);
  const collectorPort = Number(process.env.COLLECTOR_PORT ?? 8787);
  // The collector's own variable for its data folder: a second `npm start` beside a running one needs another.
  const dataDir = process.env.VITRINE_DATA_DIR;
  startExamples({ port, collectorPort, ...(dataDir && { dataDir }) }).then(
    ({ examplesUrl, collectorUrl, close }) => {
      console.log(`
  Vitrine examples   ${examplesUrl}
    brand catalog    ${examplesUrl}brand-catalog/
    showcase (de)    ${examplesUrl}brand-catalog/showcase.html
    store theme      ${examplesUrl}brand-catalog/theme.html
    creator clips    ${examplesUrl}creator-clip/
    checkout         ${examplesUrl}checkout/
  Collector          ${collectorUrl}
    dashboard        ${collectorUrl}/dashboard  (site demo, key demo-brand-key-for-local-use-only)
    events (demo)    curl -H 'Authorization: Bearer demo-brand-key-for-local-use-only' '${collectorUrl}/v1/events?site=demo'
    health           ${collectorUrl}/healthz

  Press Ctrl+C to stop.
`);
      const stop = () => close().then(() => process.exit(0));
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    },
    (error) => {
      const busy = error?.code === 'EADDRINUSE';
      const which = error?.port === collectorPort ? 'COLLECTOR_PORT for the collector' : 'PORT for the examples';
      console.error(busy ? `Port ${error.port} is already in use: stop the other server or set ${which}.` : `npm start: ${error?.message ?? error}`);
      process.exit(1);
    },
  );
}
