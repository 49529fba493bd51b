export { createCollector, DEFAULT_ALLOWED_ORIGINS, type Collector, type CollectorOptions, type ListeningAddress } from './server.js';
export type { Queryable, QueryResult } from './database.js';
export type { LogSink } from './log.js';
export { ConfigError, loadConfigFile, parseConfig, type CollectorConfig } from './config.js';
export { signatureHeader, SIGNATURE_HEADER } from './orders/signature.js';
