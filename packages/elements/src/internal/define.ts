import { VERSION, logOnce } from '@vitrine/core';

const VERSION_KEY = Symbol.for('vitrine.version');

type VitrineConstructor = CustomElementConstructor & { [VERSION_KEY]?: string };

/**
 * Defines a tag unless it already is. A second copy of Vitrine on a page (two script tags, two bundles)
 * must not throw "already defined": the first copy wins and the clash is logged once.
 */
export function defineElement(tag: string, constructor: CustomElementConstructor): void {
  const existing = customElements.get(tag) as VitrineConstructor | undefined;
  if (existing === constructor) return;
  if (existing) {
    const theirs = existing[VERSION_KEY] ?? 'unknown';
    logOnce('warn', `<${tag}> is already defined by another copy of Vitrine (version ${theirs}); this copy (version ${VERSION}) is not used.`);
    return;
  }
  (constructor as VitrineConstructor)[VERSION_KEY] = VERSION;
  customElements.define(tag, constructor);
}
