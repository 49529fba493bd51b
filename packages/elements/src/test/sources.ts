import type { ProductSource } from '@vitrine/core';

/** Never answers: a catalog given it stays in its loading state, the first thing it renders. */
export const pendingSource: ProductSource = {
  list: () => new Promise(() => {}),
  get: () => new Promise(() => {}),
};
