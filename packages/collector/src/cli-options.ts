import { parseArgs } from 'node:util';
import { describeOriginPatternError } from './cors.js';
import { DEFAULT_DATA_DIR } from './server.js';

export interface CliOptions {
  help: boolean;
  port: number;
  host: string;
  dataDir: string;
  /** Unset: the configuration file's origins, or the development defaults. */
  allowedOrigins?: string[];
  /** A JSON configuration file: sites, signing secrets, API keys, commission rules, rate limits. */
  configFile?: string;
  /** PostgreSQL instead of PGlite. */
  databaseUrl?: string;
}

/** A mistake in the command line or environment: printed with the usage hint, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export const USAGE = `Usage: vitrine-collector [--config vitrine.config.json] [--port 8787] [--host 127.0.0.1] [--data .vitrine-data] [--origin <o>]...

  --config <file> sites, signing secrets, API keys, commission rules and rate limits, as JSON; a secret
                  written "env:NAME" is read from the environment. Env VITRINE_CONFIG. Without it any
                  site may send events, and orders and reports are closed.
  --port <n>      port to listen on, 0-65535 (0 picks a free one). Env VITRINE_PORT. Default 8787.
  --host <host>   interface to listen on. Default 127.0.0.1.
  --data <dir>    embedded database folder, created if missing; memory:// keeps nothing on disk.
                  Env VITRINE_DATA_DIR. Default .vitrine-data.
                  Env DATABASE_URL=postgres://user:password@host:5432/db uses PostgreSQL instead.
  --origin <o>    origin whose pages may send events, like https://shop.example, http://localhost:*
                  or https://*.shop.example; repeat for several. Env VITRINE_ALLOWED_ORIGINS
                  (comma-separated). Default: the configuration's allowedOrigins, else
                  http://localhost:* and http://127.0.0.1:*.
  -h, --help      show this help`;

/** Flags win over the environment, which wins over the defaults. */
export function parseCliOptions(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): CliOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        config: { type: 'string' },
        port: { type: 'string' },
        host: { type: 'string' },
        data: { type: 'string' },
        origin: { type: 'string', multiple: true },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const fromEnv = (name: string) => (env[name]?.trim() ? env[name]!.trim() : undefined);
  const envOrigins = fromEnv('VITRINE_ALLOWED_ORIGINS');
  const configFile = values.config !== undefined ? nonEmpty(values.config, '--config') : fromEnv('VITRINE_CONFIG');
  const databaseUrl = fromEnv('DATABASE_URL');
  if (databaseUrl !== undefined && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new UsageError('DATABASE_URL: expected a postgres:// or postgresql:// URL');
  }
  return {
    help: values.help ?? false,
    port: values.port !== undefined ? parsePort(values.port, '--port') : fromEnv('VITRINE_PORT') ? parsePort(fromEnv('VITRINE_PORT')!, 'VITRINE_PORT') : 8787,
    host: nonEmpty(values.host ?? '127.0.0.1', '--host'),
    dataDir: values.data !== undefined ? nonEmpty(values.data, '--data') : (fromEnv('VITRINE_DATA_DIR') ?? DEFAULT_DATA_DIR),
    ...(values.origin
      ? { allowedOrigins: checkOrigins(values.origin, '--origin') }
      : envOrigins && { allowedOrigins: checkOrigins(envOrigins.split(',').map((origin) => origin.trim()).filter(Boolean), 'VITRINE_ALLOWED_ORIGINS') }),
    ...(configFile !== undefined && { configFile }),
    ...(databaseUrl !== undefined && { databaseUrl }),
  };
}

function parsePort(value: string, source: string): number {
  const port = /^\d{1,5}$/.test(value) ? Number(value) : NaN;
  if (!(port <= 65535)) throw new UsageError(`${source}: expected a port from 0 to 65535, got ${JSON.stringify(value)}`);
  return port;
}

function nonEmpty(value: string, source: string): string {
  if (!value.trim()) throw new UsageError(`${source}: expected a value, got an empty string`);
  return value;
}

function checkOrigins(origins: string[], source: string): string[] {
  for (const origin of origins) {
    const problem = describeOriginPatternError(origin);
    if (problem) throw new UsageError(`${source}: ${problem}`);
  }
  return origins;
}
