import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { test, type TestContext } from 'node:test';
import { createDashboardHandler, DASHBOARD_CSP } from '../src/dashboard-route.js';
import { HttpError, sendError } from '../src/http.js';
import type { CollectorContext } from '../src/routes.js';

const PAGE = '<!doctype html><title>Dashboard</title><script type="module" src="/dashboard/dashboard.js"></script>';
const SCRIPT = 'console.log("dashboard");';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A built dashboard in a temporary folder, with a secret beside it that must never be served. */
async function builtDashboard(t: TestContext): Promise<URL> {
  const root = await mkdtemp(join(tmpdir(), 'vitrine-dashboard-'));
  t.after(() => rm(root, { recursive: true, force: true }));
  const dir = join(root, 'dashboard');
  await mkdir(join(dir, 'nested'), { recursive: true });
  await writeFile(join(dir, 'index.html'), PAGE);
  await writeFile(join(dir, 'dashboard.js'), SCRIPT);
  await writeFile(join(dir, 'dashboard.css'), 'body{margin:0}');
  await writeFile(join(dir, '.env'), 'KEY=TOP-SECRET');
  await writeFile(join(dir, 'notes.ts'), 'TOP-SECRET source');
  await writeFile(join(dir, 'nested', 'inner.js'), 'inner');
  await writeFile(join(root, 'secret.js'), 'TOP-SECRET');
  return pathToFileURL(`${dir}/`);
}

/** The handler behind a bare server that, like the collector's dispatch, turns an HttpError into its JSON answer. */
async function serve(t: TestContext, dir: URL): Promise<(path: string, headers?: Record<string, string>) => Promise<Answer>> {
  const handler = createDashboardHandler(dir);
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://collector.invalid');
    handler({} as CollectorContext, req, res, url).catch((error: unknown) => {
      if (error instanceof HttpError) sendError(res, error);
      else res.writeHead(500).end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const { port } = server.address() as AddressInfo;
  // node:http sends the path exactly as written: fetch would clean up "..", which is the point of some tests.
  return (path, headers = {}) =>
    new Promise((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path, headers }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      });
      req.on('error', reject);
      req.end();
    });
}

test('GET /dashboard and /dashboard/ answer the page with a strict Content-Security-Policy', async (t) => {
  const get = await serve(t, await builtDashboard(t));

  for (const path of ['/dashboard', '/dashboard/', '/dashboard/index.html']) {
    const answer = await get(path);
    assert.equal(answer.status, 200, path);
    assert.equal(answer.body, PAGE);
    assert.equal(answer.headers['content-type'], 'text/html; charset=utf-8');
    assert.equal(answer.headers['x-content-type-options'], 'nosniff');
    assert.equal(answer.headers['cache-control'], 'no-cache');
    assert.equal(answer.headers['content-security-policy'], DASHBOARD_CSP);
  }
  const policy = new Map(DASHBOARD_CSP.split('; ').map((directive) => [directive.split(' ')[0], directive.split(' ').slice(1).join(' ')]));
  assert.equal(policy.get('default-src'), "'none'");
  assert.equal(policy.get('script-src'), "'self'");
  assert.equal(policy.get('style-src'), "'self'");
  assert.equal(policy.get('connect-src'), "'self'");
  assert.equal(policy.get('frame-ancestors'), "'none'");
  assert.equal(policy.get('base-uri'), "'none'");
  assert.equal(policy.get('form-action'), "'none'");
  assert.ok(!DASHBOARD_CSP.includes('unsafe'), 'no unsafe-inline or unsafe-eval');
});

test('built files are served with their own content type', async (t) => {
  const get = await serve(t, await builtDashboard(t));

  const script = await get('/dashboard/dashboard.js');
  assert.equal(script.status, 200);
  assert.equal(script.body, SCRIPT);
  assert.equal(script.headers['content-type'], 'text/javascript; charset=utf-8');
  assert.equal(script.headers['content-length'], String(SCRIPT.length));
  assert.equal(script.headers['x-content-type-options'], 'nosniff');
  assert.equal(script.headers['content-security-policy'], DASHBOARD_CSP);

  const styles = await get('/dashboard/dashboard.css');
  assert.equal(styles.status, 200);
  assert.equal(styles.headers['content-type'], 'text/css; charset=utf-8');
});

test('an unchanged file revalidates to 304 by its ETag', async (t) => {
  const get = await serve(t, await builtDashboard(t));

  const first = await get('/dashboard/dashboard.js');
  const etag = first.headers.etag as string;
  assert.match(etag, /^W\/"[\da-z]+-[\da-z]+"$/);

  const again = await get('/dashboard/dashboard.js', { 'If-None-Match': etag });
  assert.equal(again.status, 304);
  assert.equal(again.body, '');
  assert.equal(again.headers['content-security-policy'], DASHBOARD_CSP);
});

test('unknown files, dot files, other types, folders and traversal attempts answer 404', async (t) => {
  const get = await serve(t, await builtDashboard(t));

  const paths = [
    '/dashboard/missing.js',
    '/dashboard/.env',
    '/dashboard/notes.ts',
    '/dashboard/nested/inner.js',
    '/dashboard/nested',
    '/dashboard/../secret.js',
    '/dashboard/..%2fsecret.js',
    '/dashboard/%2e%2e/secret.js',
    '/dashboard/%2E%2E%2Fsecret.js',
    '/dashboard/..',
    '/dashboard/...',
    '/dashboard//etc/passwd',
    '/dashboard/dashboard.js%00.html',
    '/dashboardx',
    '/secret.js',
  ];
  for (const path of paths) {
    const answer = await get(path);
    assert.equal(answer.status, 404, path);
    assert.equal(answer.headers['content-type'], 'application/json; charset=utf-8', path);
    assert.equal((JSON.parse(answer.body) as { error: { code: string } }).error.code, 'not_found', path);
    assert.ok(!answer.body.includes('TOP-SECRET'), path);
  }
});

test('without a build the page answers 503 and says how to build it', async (t) => {
  const root = await mkdtemp(join(tmpdir(), 'vitrine-dashboard-'));
  t.after(() => rm(root, { recursive: true, force: true }));
  const get = await serve(t, pathToFileURL(`${join(root, 'dashboard')}/`));

  for (const path of ['/dashboard', '/dashboard/dashboard.js']) {
    const answer = await get(path);
    assert.equal(answer.status, 503, path);
    assert.deepEqual(JSON.parse(answer.body), {
      error: { code: 'dashboard_not_built', message: 'the dashboard has not been built: run npm run build' },
    });
  }
});
