// Checks every built file of the script-tag distribution against its gzip budget (test/tooling/size-budget.json).
import { readFile, readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const dist = fileURLToPath(new URL('../../packages/embed/dist/', import.meta.url));
const { budgets } = JSON.parse(await readFile(new URL('./size-budget.json', import.meta.url), 'utf8'));

async function listFiles(folder) {
  const entries = await readdir(folder, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.js'))
    .map((entry) => relative(dist, join(entry.parentPath ?? entry.path, entry.name)).split('\\').join('/'));
}

/** `chunks/*-*.js`: one `*` matches any run of characters except a slash. */
function matcher(pattern) {
  const source = pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('[^/]*');
  return new RegExp(`^${source}$`);
}

/** An entry and every chunk it statically imports: what the browser downloads when the tag appears. */
async function importGraph(entry) {
  const seen = new Set();
  const pending = [entry];
  while (pending.length > 0) {
    const file = pending.pop();
    if (seen.has(file)) continue;
    seen.add(file);
    const code = await readFile(join(dist, file), 'utf8');
    // Minified ESM: `import{a as b}from"./x.js"` or `import"./x.js"`; dynamic import() is deliberately not followed.
    for (const [, specifier] of code.matchAll(/(?:\bfrom|\bimport)\s*["'](\.\/[^"']+)["']/g)) {
      pending.push(new URL(specifier, `file:///${file}`).pathname.slice(1));
    }
  }
  return [...seen];
}

const files = await listFiles(dist);
if (!files.includes('vitrine.js')) {
  console.error('size: packages/embed/dist/vitrine.js is missing; run `npm run build` first.');
  process.exit(1);
}
const gzipped = new Map();
for (const file of files) gzipped.set(file, gzipSync(await readFile(join(dist, file)), { level: 9 }).length);

let failed = 0;
const covered = new Set();
const kb = (bytes) => `${(bytes / 1024).toFixed(2)} KB`;
const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
// A file outside the script-tag distribution (the collector's dashboard): `path` from the repository root.
for (const budget of budgets.filter((b) => b.path !== undefined)) {
  const code = await readFile(join(repoRoot, budget.path)).catch(() => undefined);
  if (!code) {
    console.error(`✗ ${budget.name}: ${budget.path} is missing; run \`npm run build\` first.`);
    failed++;
    continue;
  }
  const total = gzipSync(code, { level: 9 }).length;
  const ok = total <= budget.maxGzipBytes;
  if (!ok) failed++;
  console.log(`${ok ? '✓' : '✗'} ${budget.name}: ${kb(total)} gzip (budget ${kb(budget.maxGzipBytes)})`);
}
for (const budget of budgets.filter((b) => b.maxGzipBytes !== undefined && b.path === undefined)) {
  const matchers = (budget.files ?? []).map(matcher);
  const entries = budget.entries ?? (budget.entry ? [budget.entry] : []);
  const matched = entries.length > 0 ? (entries.every((e) => files.includes(e)) ? [...new Set((await Promise.all(entries.map(importGraph))).flat())] : []) : files.filter((file) => matchers.some((m) => m.test(file)));
  if (matched.length === 0) {
    console.error(`✗ ${budget.name}: no file matches ${entries.join(', ') || budget.files.join(', ')}`);
    failed++;
    continue;
  }
  for (const file of matched) covered.add(file);
  const groups = budget.each ? matched.map((file) => [file]) : [matched];
  for (const group of groups) {
    const total = group.reduce((sum, file) => sum + gzipped.get(file), 0);
    const ok = total <= budget.maxGzipBytes;
    if (!ok) failed++;
    const label = budget.each ? `${budget.name}: ${group[0]}` : budget.name;
    console.log(`${ok ? '✓' : '✗'} ${label}: ${kb(total)} gzip (budget ${kb(budget.maxGzipBytes)})`);
  }
}
// A file no budget names could grow unnoticed: every built file must be under at least one.
for (const file of files.filter((name) => !covered.has(name))) {
  console.error(`✗ ${file} is under no budget; add it to test/tooling/size-budget.json`);
  failed++;
}

// Heavy code must stay behind a dynamic import: no statically loaded graph may contain it.
for (const { name, entries, mustNotContain } of budgets.filter((b) => b.mustNotContain)) {
  const graph = [...new Set((await Promise.all((entries ?? []).map(importGraph))).flat())];
  for (const file of graph) {
    const code = await readFile(join(dist, file), 'utf8');
    if (code.includes(mustNotContain)) {
      console.error(`✗ ${name}: ${file} is loaded before playback but contains "${mustNotContain}"`);
      failed++;
    }
  }
}

if (failed > 0) {
  console.error(`size: ${failed} budget(s) exceeded`);
  process.exit(1);
}
