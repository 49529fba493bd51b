#!/usr/bin/env node
import { resolve } from 'node:path';
import { USAGE, UsageError, parseCliOptions, type CliOptions } from './cli-options.js';
import { ConfigError, loadConfigFile, type CollectorConfig } from './config.js';
import { IN_MEMORY } from './database.js';
import { DEFAULT_ALLOWED_ORIGINS, createCollector, type Collector } from './server.js';

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

  let config: CollectorConfig | undefined;
  if (options.configFile !== undefined) {
    try {
      config = await loadConfigFile(options.configFile, process.env);
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      console.error(`vitrine-collector: ${options.configFile}: ${error.message}`);
      process.exitCode = 2;
      return;
    }
  }
  const pglite = options.dataDir.startsWith(IN_MEMORY) ? 'PGlite in memory (kept until it stops)' : `PGlite in ${resolve(options.dataDir)}`;
  const database = options.databaseUrl ? `PostgreSQL at ${redactedUrl(options.databaseUrl)}` : pglite;
  let collector: Collector;
  try {
    collector = await createCollector({
      dataDir: options.dataDir,
      ...(options.databaseUrl && { databaseUrl: options.databaseUrl }),
      ...(options.allowedOrigins && { allowedOrigins: options.allowedOrigins }),
      ...(config && { config }),
    });
  } catch (error) {
    return fail(`cannot open ${database}: ${(error as Error).message}`);
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
  // Stopping is graceful from the moment the start is announced: a supervisor may signal as soon as it reads it.
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

  console.log(`Vitrine collector listening on ${url}`);
  const origins = options.allowedOrigins ?? config?.allowedOrigins ?? DEFAULT_ALLOWED_ORIGINS;
  const sites = config?.sites ? Object.keys(config.sites).join(', ') : 'any (no --config)';
  console.log(`  database ${database}; sites ${sites}; origins ${origins.join(' ')}`);
}

/** The URL without its password, for the start-up line. */
function redactedUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'the DATABASE_URL given';
  }
}

function fail(message: string): void {
  console.error(`vitrine-collector: ${message}`);
  process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error('vitrine-collector:', error);
  process.exitCode = 1;
});
