import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';

// The published bin against the built dist, as `npx vitrine` runs it.
const BIN = fileURLToPath(new URL('../../packages/core/bin/vitrine.js', import.meta.url));

function vitrine(...args: string[]) {
  const run = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 10_000 });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

function assertNoStackTrace(text: string): void {
  assert.doesNotMatch(text, /^\s+at /m, 'no stack trace');
}

describe('npx vitrine link', () => {
  it('prints the link with the creator, the clip and a click id, keeping the query and the hash', () => {
    const run = vitrine('link', 'https://shop.example/p/42?utm_source=ig&q=a%20b&vt_c=someone-else#reviews', '--creator', 'ana', '--clip', 'summer');
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stderr, '');
    assert.match(run.stdout, /^[^\n]+\n$/, 'one line');
    const link = new URL(run.stdout.trim());
    assert.equal(link.origin + link.pathname, 'https://shop.example/p/42');
    assert.equal(link.hash, '#reviews');
    assert.match(link.search, /^\?utm_source=ig&q=a%20b&/, 'the shop parameters come through byte for byte');
    assert.deepEqual(link.searchParams.getAll('vt_c'), ['ana']);
    assert.equal(link.searchParams.get('vt_k'), 'summer');
    assert.match(link.searchParams.get('vt_id') ?? '', /^[\w-]{8,64}$/);
  });

  it('makes a fresh click id every time, and leaves vt_k out without --clip', () => {
    const first = new URL(vitrine('link', 'https://shop.example/', '--creator=ana').stdout.trim());
    const second = new URL(vitrine('link', 'https://shop.example/', '--creator=ana').stdout.trim());
    assert.notEqual(first.searchParams.get('vt_id'), second.searchParams.get('vt_id'));
    assert.equal(first.searchParams.has('vt_k'), false);
  });

  it('prints the usage on --help', () => {
    const run = vitrine('--help');
    assert.equal(run.code, 0);
    assert.match(run.stdout, /^Usage: vitrine link <url> --creator <id> \[--clip <id>\]/);
  });

  for (const [problem, args, said] of [
    ['no command', [], /a command is needed/],
    ['an unknown command', ['links', 'https://shop.example/'], /unknown command "links"/],
    ['no URL', ['link', '--creator', 'ana'], /the URL is missing/],
    ['no --creator', ['link', 'https://shop.example/'], /--creator is required/],
    ['--creator without a value', ['link', 'https://shop.example/', '--creator'], /--creator/],
    ['an unknown option', ['link', 'https://shop.example/', '--creator', 'ana', '--campaign', 'x'], /--campaign/],
    ['an extra argument', ['link', 'https://shop.example/', 'https://other.example/', '--creator', 'ana'], /unexpected argument/],
  ] as const) {
    it(`exits 2 with the usage for ${problem}`, () => {
      const run = vitrine(...args);
      assert.equal(run.code, 2);
      assert.equal(run.stdout, '');
      assert.match(run.stderr, said);
      assert.match(run.stderr, /Usage: vitrine link/);
      assertNoStackTrace(run.stderr);
    });
  }

  for (const [problem, args, said] of [
    ['a javascript: URL', ['link', 'javascript:alert(1)', '--creator', 'ana'], 'vitrine: url: expected an absolute http(s) URL'],
    ['a relative URL', ['link', '/p/42', '--creator', 'ana'], 'vitrine: url: expected an absolute http(s) URL'],
    ['a creator id with a space', ['link', 'https://shop.example/', '--creator', 'ana smith'], 'vitrine: creator: expected 1 to 64 letters, digits, "-" or "_"'],
    ['a clip id with markup', ['link', 'https://shop.example/', '--creator', 'ana', '--clip', '<b>'], 'vitrine: clip: expected 1 to 64 letters, digits, "-" or "_"'],
  ] as const) {
    it(`exits 1 with one line naming the problem for ${problem}`, () => {
      const run = vitrine(...args);
      assert.equal(run.code, 1);
      assert.equal(run.stdout, '');
      assert.equal(run.stderr, `${said}\n`);
    });
  }
});
