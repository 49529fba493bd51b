// custom-elements.json for @vitrine/elements, read by editors, Storybook and the README's element table.
export default {
  globs: ['packages/elements/src/**/*.component.ts'],
  exclude: ['**/*.test.ts'],
  outdir: 'packages/elements',
  litelement: true,
};
