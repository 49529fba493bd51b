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
  skeleton: 'skeleton',
} as const;

/** The `::part` names each element exposes; a container re-exports its children's parts with `exportparts`. */
export const ProductCardPart = {
  card: 'card',
  image: 'image',
  brand: 'brand',
  title: 'title',
  price: 'price',
  compareAtPrice: 'compare-at-price',
  availability: 'availability',
  cta: 'cta',
  link: 'link',
} as const;

export const CarouselPart = {
  region: 'region',
  track: 'track',
  item: 'item',
  previous: 'previous',
  next: 'next',
} as const;

export const CatalogPart = {
  heading: 'heading',
  grid: 'grid',
  gridItem: 'grid-item',
  carousel: 'carousel',
  status: 'status',
  retry: 'retry',
} as const;

export const CatalogLayout = {
  carousel: 'carousel',
  grid: 'grid',
} as const;
export type CatalogLayout = (typeof CatalogLayout)[keyof typeof CatalogLayout];

/** The `exportparts` value that lets a host style every card part through the container that renders the cards. */
export const cardExportParts = Object.values(ProductCardPart).join(', ');
