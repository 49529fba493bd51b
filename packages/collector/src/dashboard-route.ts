import { readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HttpError } from './http.js';
import type { CollectorContext } from './routes.js';

/** The built page, beside src/ under tsx and beside the compiled files in dist/. */
export const DASHBOARD_DIR = new URL('../dist/dashboard/', import.meta.url);

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.png': 'image/png',
};

/**
 * Only this origin's own script and styles, no inline code, no framing. Lit's styles are adopted stylesheets, which
 * style-src does not govern; its templates go through the `lit-html` Trusted Types policy.
 */
export const DASHBOARD_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "require-trusted-types-for 'script'",
  'trusted-types lit-html',
].join('; ');

const FILE_NAME = /^[\w.-]+$/;

type Handler = (context: CollectorContext, req: IncomingMessage, res: ServerResponse, url: URL) => Promise<void>;

/** Serves `/dashboard` (the page) and `/dashboard/<file>` (its build) from `dir`; nothing else, nothing below it. */
export function createDashboardHandler(dir: URL): Handler {
  return async (_context, req, res, url) => {
    const name = fileNameOf(url.pathname);
    const type = name === undefined ? undefined : CONTENT_TYPES[extensionOf(name)];
    if (name === undefined || type === undefined) throw notFound(url.pathname);
    const file = new URL(name, dir);
    const info = await stat(file).catch(() => undefined);
    if (!info?.isFile()) {
      if (await isBuilt(dir)) throw notFound(url.pathname);
      throw new HttpError(503, 'dashboard_not_built', 'the dashboard has not been built: run npm run build');
    }
    // Names carry no hash, so every use revalidates; an unchanged file costs a 304.
    const etag = `W/"${info.size.toString(36)}-${Math.floor(info.mtimeMs).toString(36)}"`;
    const headers = {
      'Content-Type': type,
      'Cache-Control': 'no-cache',
      ETag: etag,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Content-Security-Policy': DASHBOARD_CSP,
    };
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, headers);
      res.end();
      return;
    }
    const body = await readFile(file);
    res.writeHead(200, { ...headers, 'Content-Length': body.length });
    res.end(body);
  };
}

export const handleDashboard: Handler = createDashboardHandler(DASHBOARD_DIR);

/** `/dashboard` and `/dashboard/` → index.html, `/dashboard/x.js` → x.js; anything else (dot files, folders) → none. */
function fileNameOf(pathname: string): string | undefined {
  if (pathname === '/dashboard' || pathname === '/dashboard/') return 'index.html';
  const match = /^\/dashboard\/([^/]+)$/.exec(pathname);
  const name = match?.[1];
  return name && FILE_NAME.test(name) && !name.startsWith('.') ? name : undefined;
}

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot) : '';
}

async function isBuilt(dir: URL): Promise<boolean> {
  return (await stat(new URL('index.html', dir)).catch(() => undefined))?.isFile() === true;
}

function notFound(pathname: string): HttpError {
  return new HttpError(404, 'not_found', `no dashboard file at ${pathname.slice(0, 200)}`);
}
