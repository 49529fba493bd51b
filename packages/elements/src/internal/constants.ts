/** Every tag, event and attribute name an element exposes, in one place. */

export const Tag = {
  productCard: 'vitrine-product-card',
  carousel: 'vitrine-carousel',
  catalog: 'vitrine-catalog',
} as const;

export const VitrineEvent = {
  /** Cancelable: the host takes over what a product click does (its own product page, quick view...). */
  productClickRequest: 'vitrine-product-click-request',
  /** The element could not show (all of) its content. */
  error: 'vitrine-error',
  /** A catalog finished loading its products. */
  load: 'vitrine-load',
} as const;

export const Attribute = {
  src: 'src',
  layout: 'layout',
  label: 'label',
  locale: 'locale',
  target: 'target',
  headingLevel: 'heading-level',
  search: 'search',
  sort: 'sort',
  limit: 'limit',
  listId: 'list-id',
  position: 'position',
} as const;
