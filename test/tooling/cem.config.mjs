// custom-elements.json for @vitrine/elements, read by editors, Storybook and the README's element table.

/** Lit's internal state (`static properties = { x: { state: true } }`) is private: it is no attribute. */
function dropPrivateState() {
  return {
    name: 'drop-private-state',
    packageLinkPhase({ customElementsManifest }) {
      for (const declaration of customElementsManifest.modules.flatMap((m) => m.declarations ?? [])) {
        const hidden = new Set((declaration.members ?? []).filter((m) => m.privacy === 'private').map((m) => m.name));
        if (declaration.attributes) declaration.attributes = declaration.attributes.filter((a) => !hidden.has(a.fieldName));
      }
    },
  };
}

export default {
  globs: ['packages/elements/src/**/*.component.ts'],
  exclude: ['**/*.test.ts'],
  outdir: 'packages/elements',
  litelement: true,
  plugins: [dropPrivateState()],
};
