import { CollectorTransport, Tracker, VERSION, logOnce } from '@vitrine/core';
import { createApi, type VitrineApi } from './api.js';
import { readConfig } from './config.js';
import { ElementLoader } from './element-loader.js';
import { reserveSpace } from './reserve-space.js';

declare global {
  interface Window {
    Vitrine?: VitrineApi;
  }
}

function start(): void {
  const existing = window.Vitrine;
  if (existing) {
    // Two script tags (or a theme and an app both adding one): the first copy keeps working, this one steps aside.
    logOnce('warn', `vitrine.js is included more than once (version ${existing.version} is running; this copy, version ${VERSION}, does nothing).`);
    return;
  }
  const config = readConfig(document.currentScript as HTMLScriptElement | null);
  reserveSpace();

  const tracker = config.endpoint ? new Tracker({ transports: [new CollectorTransport({ endpoint: config.endpoint, site: config.site })] }) : undefined;
  tracker?.connect(window);

  // The callback runs only after a chunk's import resolves, by which time `built` exists.
  const loader = new ElementLoader(config.chunkBase, (chunk) => built.attach(chunk));
  const built = createApi(config, loader, tracker);
  window.Vitrine = built.api;
  loader.start();
}

try {
  start();
} catch (error) {
  // Whatever happens here, the host page's own scripts keep running.
  logOnce('error', `vitrine.js could not start: ${error instanceof Error ? error.message : String(error)}`);
}
