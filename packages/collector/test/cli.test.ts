import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { test } from 'node:test';
import { parseCliOptions } from '../src/cli-options.js';
import { createCollector } from '../src/index.js';
import { batchOf, trackMessage } from './helpers.js';

const REPO_ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const CLI = fileURLToPath(new URL('../src/cli.ts', import.meta.url));

test('without flags or environment the CLI uses the documented defaults', () => {
  // Origins are left to the configuration file, then to the collector's development defaults.
  assert.deepEqual(parseCliOptions([], {}), {
    help: false,
    port: 8787,
    host: '127.0.0.1',
    dataDir: '.vitrine-data',
  });
});

test('--config and VITRINE_CONFIG name the configuration file; DATABASE_URL selects PostgreSQL', () => {
  assert.equal(parseCliOptions([], { VITRINE_CONFIG: 'site.json' }).configFile, 'site.json');
  assert.equal(parseCliOptions(['--config', 'flag.json'], { VITRINE_CONFIG: 'site.json' }).configFile, 'flag.json');
  assert.equal(parseCliOptions([], { DATABASE_URL: 'postgres://u:p@db:5432/vitrine' }).databaseUrl, 'postgres://u:p@db:5432/vitrine');
  assert.throws(() => parseCliOptions([], { DATABASE_URL: 'mysql://db/vitrine' }), { name: 'UsageError', message: 'DATABASE_URL: expected a postgres:// or postgresql:// URL' });
});

test('flags win over the environment, which wins over the defaults', () => {
  const env = { VITRINE_PORT: '9000', VITRINE_DATA_DIR: '/var/lib/vitrine', VITRINE_ALLOWED_ORIGINS: 'https://a.example, https://*.b.example,' };

  assert.deepEqual(parseCliOptions([], env), {
    help: false,
    port: 9000,
    host: '127.0.0.1',
    dataDir: '/var/lib/vitrine',
    allowedOrigins: ['https://a.example', 'https://*.b.example'],
  });
  assert.deepEqual(parseCliOptions(['--port', '0', '--host=0.0.0.0', '--data', 'here', '--origin', 'https://c.example', '--origin', 'http://localhost:*'], env), {
    help: false,
    port: 0,
    host: '0.0.0.0',
    dataDir: 'here',
    allowedOrigins: ['https://c.example', 'http://localhost:*'],
  });
});

test('bad arguments are refused with a message naming them', () => {
  const cases: Array<[string[], Record<string, string>, RegExp]> = [
    [['--port', 'abc'], {}, /^--port: expected a port from 0 to 65535, got "abc"$/],
    [['--port', '65536'], {}, /^--port: expected a port/],
    [['--port', '-1'], {}, /--port/],
    [[], { VITRINE_PORT: '80a' }, /^VITRINE_PORT: expected a port from 0 to 65535, got "80a"$/],
    [['--origin', 'shop.example'], {}, /^--origin: "shop.example" is not an origin like/],
    [[], { VITRINE_ALLOWED_ORIGINS: 'https://ok.example,ftp://x' }, /^VITRINE_ALLOWED_ORIGINS: "ftp:\/\/x" is not an origin/],
    [['--data', ''], {}, /^--data: expected a value/],
    [['--verbose'], {}, /Unknown option '--verbose'/],
    [['serve'], {}, /Unexpected argument 'serve'/],
  ];
  for (const [argv, env, message] of cases) {
    assert.throws(() => parseCliOptions(argv, env), { name: 'UsageError', message }, argv.join(' ') || JSON.stringify(env));
  }
});

test('the CLI serves, prints its URL and closes gracefully on SIGTERM', async (t) => {
  const root = await mkdtemp(join(tmpdir(), 'vitrine-cli-'));
  t.after(() => rm(root, { recursive: true, force: true }));
  const dataDir = join(root, 'data');
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, '--port', '0', '--data', dataDir, '--origin', 'https://shop.example'], {
    cwd: REPO_ROOT,
    env: { ...process.env, VITRINE_PORT: '', DATABASE_URL: '' }, // this test is about the data folder
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  t.after(() => child.kill('SIGKILL'));
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL printed; stdout: ${stdout} stderr: ${stderr}`)), 20_000);
    child.stdout.on('data', () => {
      const match = /^Vitrine collector listening on (http:\/\/127\.0\.0\.1:\d+)$/m.exec(stdout);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
  });
  const message = trackMessage();
  const response = await fetch(`${url}/v1/batch`, {
    method: 'POST',
    headers: { 'content-type': 'text/plain;charset=UTF-8', origin: 'https://shop.example' },
    body: JSON.stringify(batchOf([message])),
  });
  assert.equal(response.status, 200);
  assert.equal(response.headers.get('access-control-allow-origin'), 'https://shop.example');

  child.kill('SIGTERM');
  assert.equal(await exited, 0, stderr);
  assert.match(stdout, /\[collector\] demo: 1 event \(Product Viewed\)/);

  const reopened = await createCollector({ dataDir, log: false });
  t.after(() => reopened.close());
  const { rows } = await reopened.db.query<{ message_id: string }>('SELECT message_id FROM events');
  assert.deepEqual(rows, [{ message_id: message.messageId }]);
});

test('the CLI exits with code 2 and a clear message on a bad argument', async () => {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, '--port', 'eighty'], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));

  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));

  assert.equal(code, 2);
  assert.match(stderr, /^vitrine-collector: --port: expected a port from 0 to 65535, got "eighty"\nRun vitrine-collector --help/);
});

test('a configuration mistake stops the CLI at start with exit code 2, naming the setting and never the secret', async (t) => {
  const root = await mkdtemp(join(tmpdir(), 'vitrine-cli-config-'));
  t.after(() => rm(root, { recursive: true, force: true }));
  const configFile = join(root, 'vitrine.config.json');
  await writeFile(configFile, JSON.stringify({ sites: { demo: { signingSecrets: ['env:DEMO_SECRET'], commission: [{ rate: 0.1 }, { brand: 'acme', rate: 12 }] } } }));
  const run = (env: Record<string, string>) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CLI, '--config', configFile, '--port', '0', '--data', join(root, 'data')], {
      cwd: REPO_ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    return new Promise<{ code: number | null; stderr: string }>((resolve) => child.once('exit', (code) => resolve({ code, stderr })));
  };

  const unset = await run({ DEMO_SECRET: '' });
  assert.equal(unset.code, 2);
  assert.match(unset.stderr, /sites\.demo\.signingSecrets\[0\]: the environment variable DEMO_SECRET is not set/);

  const badRate = await run({ DEMO_SECRET: 'a-secret-of-enough-length' });
  assert.equal(badRate.code, 2);
  assert.match(badRate.stderr, /sites\.demo\.commission\[1\]\.rate: expected a fraction of the price paid from 0 to 1/);
  assert.doesNotMatch(badRate.stderr, /a-secret-of-enough-length/);
});

test('--data memory:// keeps the database in memory, says so, and makes no folder', async (t) => {
  const cwd = await mkdtemp(join(tmpdir(), 'vitrine-cli-memory-'));
  t.after(() => rm(cwd, { recursive: true, force: true }));
  // Run from an empty folder, where `--import tsx` would not find tsx: it is named by its path.
  const tsx = import.meta.resolve('tsx');
  const child = spawn(process.execPath, ['--import', tsx, CLI, '--port', '0', '--data', 'memory://'], {
    cwd,
    env: { ...process.env, VITRINE_PORT: '', DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  t.after(() => child.kill('SIGKILL'));
  let stdout = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no start line; stdout: ${stdout}`)), 20_000);
    child.stdout.on('data', () => /database PGlite/.test(stdout) && (clearTimeout(timer), resolve()));
  });
  child.kill('SIGTERM');
  assert.equal(await exited, 0);
  assert.match(stdout, /database PGlite in memory \(kept until it stops\);/);
  assert.deepEqual(await readdir(cwd), []);
});

test('`npx vitrine-collector` runs the built collector here: npm linked the committed bin when it installed', async () => {
  const { stdout } = await promisify(execFile)(join(REPO_ROOT, 'node_modules/.bin/vitrine-collector'), ['--help'], { cwd: REPO_ROOT });
  assert.match(stdout, /^Usage: vitrine-collector /);
});
