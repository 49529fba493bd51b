// Unit and component tests in Debian's Chromium. Workspace packages resolve to their TypeScript sources,
// so tests never depend on a stale build; msw's worker is served from node_modules.
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { chromiumArgs, chromiumPath } from './tooling/chromium.mjs';
import { touchCommandPlugin } from './tooling/touch-command.mjs';

const rootDir = fileURLToPath(new URL('..', import.meta.url));


const workspaceSources = {
  '@vitrine/core': '/packages/core/src/index.ts',
  '@vitrine/elements': '/packages/elements/src/index.ts',
};

/** `@vitrine/core` → its src/index.ts, `@vitrine/elements/catalog.js` → src/catalog/catalog.ts, and so on. */
const resolveWorkspaceSources = {
  name: 'resolve-workspace-sources',
  resolveImport({ source }) {
    if (source in workspaceSources) return workspaceSources[source];
    const match = /^@vitrine\/elements\/([\w-]+)\.js$/.exec(source);
    if (match) return match[1] === 'config' ? '/packages/elements/src/config.ts' : `/packages/elements/src/${match[1]}/${match[1]}.ts`;
    return undefined;
  },
};

/** msw 2 needs its service worker at the site root; npm 11 no longer copies it there on install. */
const serveMswWorker = async (context, next) => {
  if (context.path === '/mockServiceWorker.js') context.path = '/node_modules/msw/lib/mockServiceWorker.js';
  return next();
};

export default {
  rootDir,
  files: ['packages/*/src/**/*.test.ts', 'test/browser/**/*.test.ts', 'packages/collector/dashboard/src/**/*.test.ts'],
  nodeResolve: { exportConditions: ['browser', 'development'] },
  middleware: [serveMswWorker],
  plugins: [
    resolveWorkspaceSources,
    touchCommandPlugin(),
    esbuildPlugin({
      ts: true,
      target: 'es2022',
      tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)),
      define: { 'process.env.NODE_ENV': '"development"' },
    }),
  ],
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: { executablePath: chromiumPath, args: chromiumArgs },
    }),
  ],
  // Lit's one-time dev-mode notice is expected in tests and says nothing about them.
  filterBrowserLogs: ({ args }) => !String(args[0]).startsWith('Lit is in dev mode'),
  concurrency: 2,
  testFramework: { config: { timeout: 15000 } },
  testsFinishTimeout: 300000,
};
