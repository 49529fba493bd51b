import { VERSION, logOnce } from '@vitrine/core';
import type { startTracking } from '../tracking/tracking.js';
import { createApi, type VitrineApi } from './api.js';
import { readConfig, type EmbedConfig } from './config.js';
import { ElementLoader } from './element-loader.js';
import { reserveSpace } from './reserve-space.js';
import { TrackingProxy, stubbedCalls } from './tracking-proxy.js';

declare global {
  interface Window {
    /** The API (before vitrine.js runs, possibly the inline stub: `{q: [...]}` of waiting calls). */
    Vitrine?: VitrineApi;
  }
}

function start(): void {
  const existing: unknown = window.Vitrine;
  if (existing && typeof existing === 'object' && 'version' in existing) {
    // Two script tags (or a theme and an app both adding one): the first copy keeps working, this one steps aside.
    logOnce('warn', `vitrine.js is included more than once (version ${String(existing.version)} is running; this copy, version ${VERSION}, does nothing).`);
    return;
  }
  const config = readConfig(document.currentScript as HTMLScriptElement | null);
  const reserve = reserveSpace();

  const tracking = new TrackingProxy(stubbedCalls(existing));
  void loadTracking(config, tracking);

  // The callback runs only after a chunk's import resolves, by which time `built` exists.
  const loader = new ElementLoader(config.chunkBase, (chunk) => built.attach(chunk), reserve);
  const built = createApi(config, loader, tracking);
  window.Vitrine = built.api;
  loader.start();
}

/** The tracker is a chunk of its own, so the script tag stays small; calls made meanwhile wait in the proxy. */
async function loadTracking(config: EmbedConfig, proxy: TrackingProxy): Promise<void> {
  const url = new URL('vitrine-tracking.js', config.chunkBase).href;
  try {
    const chunk = (await import(/* @vite-ignore */ url)) as { startTracking: typeof startTracking };
    proxy.ready(chunk.startTracking(config));
  } catch (error) {
    logOnce('error', `could not start tracking from ${url} (${error instanceof Error ? error.message : String(error)}); events stay in this page only.`);
  }
}

try {
  start();
} catch (error) {
  // Whatever happens here, the host page's own scripts keep running.
  logOnce('error', `vitrine.js could not start: ${error instanceof Error ? error.message : String(error)}`);
}
