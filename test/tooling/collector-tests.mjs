// Runs the collector's tests on PGlite, then again on PostgreSQL when DATABASE_URL is set.
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const TEST_DIR = 'packages/collector/test';
const files = readdirSync(TEST_DIR)
  .filter((name) => name.endsWith('.test.ts'))
  .sort()
  .map((name) => join(TEST_DIR, name));

const databaseUrl = process.env.DATABASE_URL?.trim();
const runs = [{ name: 'PGlite (embedded)', env: { DATABASE_URL: '' } }];
if (databaseUrl) runs.push({ name: `PostgreSQL at ${redact(databaseUrl)}`, env: { DATABASE_URL: databaseUrl } });

let failed = [];
for (const run of runs) {
  console.log(`\n# collector tests on ${run.name}`);
  const code = await new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--test', ...process.argv.slice(2), ...files], {
      stdio: 'inherit',
      env: { ...process.env, ...run.env },
    });
    child.on('exit', (exitCode, signal) => resolve(signal ? 1 : exitCode));
  });
  if (code !== 0) failed.push(run.name);
}
if (!databaseUrl) console.log('\n# PostgreSQL run skipped: set DATABASE_URL=postgres://user:password@host:5432/database to run the same tests on it');
if (failed.length) {
  console.error(`\n# collector tests failed on ${failed.join(' and ')}`);
  process.exitCode = 1;
} else {
  console.log(`\n# collector tests passed on ${runs.map((run) => run.name).join(' and ')}`);
}

function redact(url) {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'DATABASE_URL';
  }
}
