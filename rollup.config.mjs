// Builds every package: ESM + types for core, elements and collector; the script-tag loader (IIFE) and
// the lazily loaded element chunks for embed. Packages build in dependency order: core, elements, embed, collector.
import { rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import nodeResolve from '@rollup/plugin-node-resolve';
import replace from '@rollup/plugin-replace';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';

/**
 * Lit keeps css`` templates verbatim, and so does the loader's css`` (String.raw); collapsing their comments and
 * indentation saves about a third of the style bytes. Only whitespace that cannot matter is removed (never before
 * ':', which would join selectors), the zero before a decimal point and a block's last ';'.
 */
function minifyCssLiterals() {
  const squeeze = (text) =>
    text
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/\s+/g, ' ')
      .replace(/\s*([{};,])\s*/g, '$1')
      .replace(/:\s+/g, ':')
      // `0.5rem` is `.5rem`; only after a space, colon, comma or parenthesis, so `10.5rem` is left whole.
      .replace(/([\s:,(])0\.(\d)/g, '$1.$2')
      // `calc(2 * var(--x))` needs no spaces around its `*`; matched only between a number or `)` and a number or
      // `var(`, never a selector's universal `*`.
      .replace(/(?<=[\d)]) \* (?=[\d.]|var\()/g, '*')
      // The last declaration of a block needs no `;`.
      .replace(/;}/g, '}');
  return {
    name: 'minify-css-literals',
    transform(code, id) {
      if (!/packages[\\/](elements|embed)[\\/]/.test(id) || !code.includes('css')) return null;
      const result = code.replace(/\bcss\s*`([^`]*)`/g, (_, body) => `css\`${body.split(/(\$\{[^}]*\})/).map((part, i) => (i % 2 ? part : squeeze(part))).join('')}\``);
      return { code: result, map: null };
    },
  };
}

/**
 * html`` and svg`` templates are kept verbatim as well: each run of whitespace in their text, mostly indentation,
 * becomes one space, which HTML renders alike everywhere but in <pre> and <textarea> (no template has either) and
 * under a `white-space: pre*` style (whose elements take their text from expressions, which are left alone).
 */
function collapseHtmlWhitespace() {
  const templatesIn = (node, found = []) => {
    if (!node || typeof node.type !== 'string') return found;
    if (node.type === 'TaggedTemplateExpression' && node.tag.type === 'Identifier' && /^(html|svg)$/.test(node.tag.name)) found.push(...node.quasi.quasis);
    for (const value of Object.values(node)) {
      for (const child of Array.isArray(value) ? value : [value]) if (child && typeof child === 'object') templatesIn(child, found);
    }
    return found;
  };
  return {
    name: 'collapse-html-whitespace',
    transform(code, id) {
      if (!/packages[\\/]elements[\\/]/.test(id) || !/\b(html|svg)\s*`/.test(code)) return null;
      let result = code;
      // From the end, so the offsets of the text still to edit stay right.
      for (const text of templatesIn(this.parse(code)).sort((a, b) => b.start - a.start)) {
        result = result.slice(0, text.start) + code.slice(text.start, text.end).replace(/\s+/g, ' ') + result.slice(text.end);
      }
      return { code: result, map: null };
    },
  };
}

// Stale chunks with old hashes would be served and counted by the size budgets: start every build clean.
for (const name of ['core', 'elements', 'embed', 'collector']) rmSync(`packages/${name}/dist`, { recursive: true, force: true });

const production = replace({ preventAssignment: true, values: { 'process.env.NODE_ENV': JSON.stringify('production') } });
const minify = terser({ ecma: 2020, module: true, compress: { passes: 2 }, format: { comments: false } });

/** A package's own modules, one output file per source module, with its dependencies left as imports. */
function library(name, input, external) {
  return {
    input,
    external,
    plugins: [typescript({ tsconfig: `packages/${name}/tsconfig.json`, outputToFilesystem: true })],
    output: { dir: `packages/${name}/dist`, format: 'es', preserveModules: true, preserveModulesRoot: `packages/${name}/src`, sourcemap: true },
    onwarn,
  };
}

// tslib holds the decorator helpers @rollup/plugin-typescript imports; a dependency, so it is not copied into dist.
const isDependency = (id) => /^(lit|@lit|nanostores|tslib|hls\.js|@vitrine)(\/|$)/.test(id);
const isNodeBuiltin = (id) => id.startsWith('node:') || builtinModules.includes(id) || /^(@electric-sql\/|pg$)/.test(id) || id.startsWith('@vitrine/');

function onwarn(warning, warn) {
  // Lit's decorators compile to `this` at module scope in some helpers; that is harmless in ESM.
  if (warning.code === 'THIS_IS_UNDEFINED') return;
  warn(warning);
}

/**
 * Fewer, larger chunks: each file is gzipped on its own, so a page pays for every file it loads (the catalog came to
 * 22.1 KB in eight files, and is 20.5 KB in four). Lit and the code every element uses share one file; the catalog
 * and the carousel travel together, the card stays light on its own. A chunk also takes in what its modules import
 * that no other chunk claims: naming the video's component gathers its code before play, while the player, behind a
 * dynamic import, stays apart. `catalog/catalog.js`, which defines <vitrine-catalog>, stays in its entry, so a page
 * with only a carousel does not define a catalog.
 */
function elementChunk(id) {
  const path = id.split('\\').join('/');
  if (/\/elements\/dist\/product-card\//.test(path)) return 'vitrine-product-card';
  // The carousel's metrics are styles only the catalog and the carousel use: a video page need not load them.
  if (/\/elements\/dist\/(carousel\/|catalog\/(?!catalog\.js$)|styles\/carousel-metrics\.js$)/.test(path)) return 'vitrine-catalog';
  // The clip model is the video's alone, but core's index imports it: named here, or the shared file would take it.
  if (/\/elements\/dist\/video\/video\.component\.js$|\/core\/dist\/model\/clip\.js$/.test(path)) return 'vitrine-video';
  if (/\/node_modules\/(lit|lit-html|lit-element|@lit\/reactive-element|nanostores)\//.test(path)) return 'shared';
  if (/\/core\/dist\/|\/elements\/dist\/(internal|styles)\//.test(path)) return 'shared';
  return undefined;
}

const elementEntries = {
  index: 'packages/elements/src/index.ts',
  'product-card/product-card': 'packages/elements/src/product-card/product-card.ts',
  'carousel/carousel': 'packages/elements/src/carousel/carousel.ts',
  'catalog/catalog': 'packages/elements/src/catalog/catalog.ts',
  'video/video': 'packages/elements/src/video/video.ts',
  config: 'packages/elements/src/config.ts',
};

export default [
  library('core', 'packages/core/src/index.ts', isDependency),
  library('elements', elementEntries, isDependency),

  // The chunks vitrine.js imports when a tag first appears: everything bundled, shared code split out once.
  {
    input: {
      'vitrine-catalog': 'packages/embed/src/chunks/vitrine-catalog.ts',
      'vitrine-carousel': 'packages/embed/src/chunks/vitrine-carousel.ts',
      'vitrine-product-card': 'packages/embed/src/chunks/vitrine-product-card.ts',
      'vitrine-video': 'packages/embed/src/chunks/vitrine-video.ts',
    },
    plugins: [nodeResolve({ browser: true }), production, minifyCssLiterals(), collapseHtmlWhitespace(), typescript({ tsconfig: 'packages/embed/tsconfig.json', declaration: false, outDir: 'packages/embed/dist/chunks' }), minify],
    output: { dir: 'packages/embed/dist/chunks', format: 'es', entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js', sourcemap: true, manualChunks: elementChunk },
    onwarn,
  },

  // The tracking chunk stands alone: bundled with the elements' shared chunks it could end up importing Lit.
  {
    input: { 'vitrine-tracking': 'packages/embed/src/chunks/vitrine-tracking.ts' },
    // The entry may also export what its lazy parts (purchase, destinations) share with it: no facade chunk in between.
    preserveEntrySignatures: 'allow-extension',
    plugins: [nodeResolve({ browser: true }), production, typescript({ tsconfig: 'packages/embed/tsconfig.json', declaration: false, outDir: 'packages/embed/dist/chunks' }), minify],
    output: { dir: 'packages/embed/dist/chunks', format: 'es', entryFileNames: '[name].js', sourcemap: true },
    onwarn,
  },

  // The script tag itself: a classic script, so it must be one self-contained IIFE.
  {
    input: 'packages/embed/src/loader/index.ts',
    plugins: [nodeResolve({ browser: true }), production, minifyCssLiterals(), typescript({ tsconfig: 'packages/embed/tsconfig.json', declaration: false }), minify],
    output: { file: 'packages/embed/dist/vitrine.js', format: 'iife', sourcemap: true },
    onwarn,
  },

  library('collector', { index: 'packages/collector/src/index.ts', cli: 'packages/collector/src/cli.ts' }, isNodeBuiltin),

  // The collector's /dashboard page: one self-contained module beside its HTML shell and page stylesheet.
  {
    input: { dashboard: 'packages/collector/dashboard/src/dashboard.ts' },
    plugins: [
      nodeResolve({ browser: true }),
      production,
      typescript({ tsconfig: 'packages/collector/dashboard/tsconfig.json' }),
      minify,
      {
        name: 'dashboard-shell',
        async generateBundle() {
          const { readFile } = await import('node:fs/promises');
          for (const fileName of ['index.html', 'dashboard.css']) {
            const path = `packages/collector/dashboard/${fileName}`;
            this.addWatchFile(path);
            this.emitFile({ type: 'asset', fileName, source: await readFile(path, 'utf8') });
          }
        },
      },
    ],
    output: { dir: 'packages/collector/dist/dashboard', format: 'es', entryFileNames: '[name].js', sourcemap: true },
    onwarn,
  },
];
