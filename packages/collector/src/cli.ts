#!/usr/bin/env node
import { resolve } from 'node:path';
import { USAGE, UsageError, parseCliOptions, type CliOptions } from './cli-options.js';
import { createCollector, type Collector } from './server.js';

async function main(): Promise<void> {
  let options: CliOptions;
  try {
    options = parseCliOptions(process.argv.slice(2), process.env);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`vitrine-collector: ${error.message}\nRun vitrine-collector --help for the options.`);
    process.exitCode = 2;
    return;
  }
  if (options.help) return void console.log(USAGE);

  let collector: Collector;
  try {
    collector = await createCollector({ dataDir: options.dataDir, allowedOrigins: options.allowedOrigins });
  } catch (error) {
    return fail(`cannot open the database in ${resolve(options.dataDir)}: ${(error as Error).message}`);
  }
  let url: string;
  try {
    ({ url } = await collector.listen(options.port, options.host));
  } catch (error) {
    await collector.close();
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') return fail(`port ${options.port} is already in use on ${options.host}; choose another with --port`);
    return fail(`cannot listen on ${options.host}:${options.port}: ${(error as Error).message}`);
  }
  console.log(`Vitrine collector listening on ${url}`);
  console.log(`  data ${resolve(options.dataDir)}, origins ${options.allowedOrigins.join(' ')}`);

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    // A second Ctrl-C means "now": do not make the user wait for the drain.
    if (stopping) process.exit(130);
    stopping = true;
    console.log(`${signal}: finishing requests in flight, then closing the database`);
    collector.close().then(
      () => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
      },
      (error: unknown) => fail(`closing failed: ${(error as Error).message}`),
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

function fail(message: string): void {
  console.error(`vitrine-collector: ${message}`);
  process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error('vitrine-collector:', error);
  process.exitCode = 1;
});
