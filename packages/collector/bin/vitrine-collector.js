#!/usr/bin/env node
// The `vitrine-collector` command. This file is committed, so npm links the command when it installs, before a
// checkout of the repository has built dist/cli.js, which it runs.
const cli = new URL('../dist/cli.js', import.meta.url);
try {
  await import(cli.href);
} catch (error) {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !String(error.message).includes(cli.pathname)) throw error;
  console.error('vitrine-collector: the collector is not built yet; run `npm run build` first.');
  process.exitCode = 1;
}
