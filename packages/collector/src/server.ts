import { createServer } from 'node:http';
import { createClientAddress } from './client-address.js';
import { parseConfig, type CollectorConfig } from './config.js';
import { compileOrigins } from './cors.js';
import { openDatabase, type Queryable } from './database.js';
import { HttpError, sendError } from './http.js';
import { createLog, type LogSink } from './log.js';
import { migrate } from './migrations.js';
import { storeBatches } from './ingest.js';
import { createRateLimiter } from './rate-limit.js';
import { createWriteQueue } from './write-queue.js';
import { createKeyRing } from './reports/api-keys.js';
import { dispatch, type CollectorContext } from './routes.js';

export interface CollectorOptions {
  /** PGlite data folder, created if missing; `memory://` keeps the database in memory. Default `.vitrine-data` in the cwd. */
  dataDir?: string;
  /** `postgres://user:password@host:5432/database`: store in PostgreSQL instead of PGlite (`dataDir` is then unused). */
  databaseUrl?: string;
  /** Schema holding the collector's tables, created if missing (default: the connection's search_path). */
  databaseSchema?: string;
  /** Origins whose pages may post events: exact (`https://shop.example`) or `http://localhost:*`, `https://*.shop.example`. */
  allowedOrigins?: readonly string[];
  /** Largest request body, in bytes (default 512 KB); larger is refused with 413. */
  maxBodyBytes?: number;
  /** Largest single event, as JSON bytes (default 32 KB); larger events are rejected one by one. */
  maxEventBytes?: number;
  /** Receives one line per batch and per server error; `false` for silence. Default `console.log`. */
  log?: LogSink | false;
  /**
   * Sites, signing secrets, API keys, commission rules and rate limits (see config.ts, or `--config` on the command
   * line). Without it any site may send events, and orders and reports are closed.
   */
  config?: CollectorConfig;
  /** The clock ledger entries are dated by and signatures are checked against; for tests. */
  now?: () => Date;
}

export interface ListeningAddress {
  url: string;
  port: number;
}

export interface Collector {
  /** Starts serving (default 127.0.0.1:8787; port 0 picks a free port). */
  listen(port?: number, host?: string): Promise<ListeningAddress>;
  /** Stops accepting, lets requests in flight finish (stored and answered), then closes the database. */
  close(): Promise<void>;
  /** The collector's database, for reports and tests. Do not close it: `close()` does. */
  readonly db: Queryable;
}

export const DEFAULT_ALLOWED_ORIGINS: readonly string[] = ['http://localhost:*', 'http://127.0.0.1:*'];
export const DEFAULT_DATA_DIR = '.vitrine-data';
const DEFAULT_PORT = 8787;
const DEFAULT_HOST = '127.0.0.1';
// A request that takes longer is stuck or hostile; the tracker's batches take milliseconds.
const REQUEST_TIMEOUT_MS = 30_000;
const HEADERS_TIMEOUT_MS = 10_000;
// Transactions of grouped batches in flight at once on PostgreSQL: enough to keep it busy while one commits.
const WRITERS_ON_POSTGRES = 4;
// How long close() waits for requests in flight before cutting their connections.
const DRAIN_TIMEOUT_MS = 10_000;

/** Opens the database, applies migrations, and returns a collector ready to `listen`. */
export async function createCollector(options: CollectorOptions = {}): Promise<Collector> {
  const maxBodyBytes = positiveInteger(options.maxBodyBytes ?? 512 * 1024, 'maxBodyBytes');
  const maxEventBytes = positiveInteger(options.maxEventBytes ?? 32 * 1024, 'maxEventBytes');
  const config = options.config ?? parseConfig({});
  const isAllowedOrigin = compileOrigins(options.allowedOrigins ?? config.allowedOrigins ?? DEFAULT_ALLOWED_ORIGINS);
  const db = await openDatabase({ databaseUrl: options.databaseUrl, dataDir: options.dataDir ?? DEFAULT_DATA_DIR, schema: options.databaseSchema });
  try {
    await migrate(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  const context: CollectorContext = {
    db,
    config,
    isAllowedOrigin,
    keyRing: createKeyRing(config.apiKeys),
    maxBodyBytes,
    maxEventBytes,
    log: createLog(options.log),
    now: options.now ?? (() => new Date()),
    clientAddress: createClientAddress(config.trustedProxies),
    limitCaller: createRateLimiter(config.rateLimits.perIp),
    limitSite: createRateLimiter(config.rateLimits.perSite),
    storeBatch: createWriteQueue(db, storeBatches, { parallel: options.databaseUrl ? WRITERS_ON_POSTGRES : 1 }),
  };

  let closing: Promise<void> | undefined;
  let inFlight = 0;
  let onDrained: (() => void) | undefined;

  const server = createServer((req, res) => {
    if (closing) {
      // A new request on a kept-alive connection during shutdown: the tracker retries a 503 later.
      sendError(res, new HttpError(503, 'shutting_down', 'the collector is shutting down; try again', { Connection: 'close' }));
      return;
    }
    inFlight += 1;
    res.once('close', () => {
      inFlight -= 1;
      if (inFlight === 0) onDrained?.();
    });
    void dispatch(context, req, res);
  });
  server.requestTimeout = REQUEST_TIMEOUT_MS;
  server.headersTimeout = HEADERS_TIMEOUT_MS;

  async function shutdown(): Promise<void> {
    const stopped = server.listening ? new Promise<void>((resolve) => server.close(() => resolve())) : Promise.resolve();
    // server.close() stops accepting and ends idle connections; requests in flight still get stored and answered.
    if (inFlight > 0) {
      await new Promise<void>((resolve) => {
        onDrained = resolve;
        setTimeout(resolve, DRAIN_TIMEOUT_MS).unref();
      });
    }
    server.closeAllConnections();
    await stopped;
    await db.close();
  }

  return {
    db,
    async listen(port = DEFAULT_PORT, host = DEFAULT_HOST) {
      if (closing) throw new Error('[collector] listen() after close()');
      if (server.listening) throw new Error('[collector] listen() called twice');
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          resolve();
        });
      });
      const address = server.address();
      const boundPort = typeof address === 'object' && address ? address.port : port;
      return { url: `http://${host.includes(':') ? `[${host}]` : host}:${boundPort}`, port: boundPort };
    },
    close() {
      closing ??= shutdown();
      return closing;
    },
  };
}

function positiveInteger(value: number, name: string): number {
  if (!Number.isSafeInteger(value) || value <= 0) throw new TypeError(`[collector] ${name}: expected a positive integer of bytes, got ${value}`);
  return value;
}
