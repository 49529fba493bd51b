import assert from 'node:assert/strict';
import { readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import axe from 'axe-core';
import { startHarness, watchProblems, type Harness } from './harness.js';

const examplesDir = fileURLToPath(new URL('../../examples/', import.meta.url));
const pages = (await readdir(examplesDir, { recursive: true }))
  .filter((file) => file.endsWith('.html'))
  .map((file) => relative(examplesDir, join(examplesDir, file)).split('\\').join('/'))
  .sort();

describe('every example page', () => {
  let harness: Harness;
  before(async () => {
    harness = await startHarness();
  });
  after(() => harness?.close());

  for (const path of pages) {
    it(`${path}: loads without errors, defines and renders every element, passes axe`, async () => {
      // CSP is bypassed only so axe's script can be injected; the page itself runs under its strict policy elsewhere.
      const context = await harness.browser.newContext({ bypassCSP: true });
      const page = await context.newPage();
      const problems = watchProblems(page);
      await page.goto(`${harness.examplesUrl}${path}`);
      await page.waitForLoadState('networkidle');
      const undefinedTags = await page.evaluate(() => [...document.querySelectorAll(':not(:defined)')].map((e) => e.localName));
      assert.deepEqual(undefinedTags, []);
      const emptyElements = await page.evaluate(() =>
        // <vitrine-conversion> reports an order and shows nothing, by design.
        [...document.querySelectorAll('*')]
          .filter((e) => e.localName.startsWith('vitrine-') && e.localName !== 'vitrine-conversion' && !e.shadowRoot?.childElementCount)
          .map((e) => e.localName),
      );
      assert.deepEqual(emptyElements, []);
      await page.addScriptTag({ content: axe.source });
      const violations = await page.evaluate(async () => {
        const result = await (window as unknown as { axe: typeof axe }).axe.run(document, { resultTypes: ['violations'] });
        return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      });
      assert.deepEqual(violations, []);
      assert.deepEqual(problems, []);
      await context.close();
    });
  }
});
