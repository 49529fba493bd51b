// Storybook for the web components, built by Vite. Workspace packages resolve to their TypeScript sources,
// like in the browser tests, so stories never show a stale build.
import { fileURLToPath } from 'node:url';
import type { StorybookConfig } from '@storybook/web-components-vite';

const source = (path: string) => fileURLToPath(new URL(`../packages/${path}`, import.meta.url));

const config: StorybookConfig = {
  framework: { name: '@storybook/web-components-vite', options: {} },
  stories: ['../stories/**/*.stories.ts'],
  // Product images and a demo feed, served over http like a shop's own (core accepts only http(s) URLs);
  // the fixture streams and clip files of the examples for the video stories.
  staticDirs: [
    './public',
    { from: '../examples/media', to: '/media' },
    { from: '../examples/clips', to: '/clips' },
    { from: '../examples/images', to: '/examples/images' },
  ],
  core: { disableTelemetry: true },
  async viteFinal(viteConfig, { configType }) {
    const { mergeConfig } = await import('vite');
    return mergeConfig(viteConfig, {
      resolve: {
        alias: [
          { find: /^@vitrine\/core$/, replacement: source('core/src/index.ts') },
          { find: /^@vitrine\/elements$/, replacement: source('elements/src/index.ts') },
          { find: /^@vitrine\/elements\/config\.js$/, replacement: source('elements/src/config.ts') },
          { find: /^@vitrine\/elements\/([\w-]+)\.js$/, replacement: `${source('elements/src')}/$1/$1.ts` },
        ],
      },
      // nanostores reads process.env.NODE_ENV.
      define: { 'process.env.NODE_ENV': JSON.stringify(configType === 'PRODUCTION' ? 'production' : 'development') },
    });
  },
};

export default config;
