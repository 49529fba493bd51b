/** Every tag, event and attribute name an element exposes, in one place. */

export const Tag = {
  productCard: 'vitrine-product-card',
  carousel: 'vitrine-carousel',
  catalog: 'vitrine-catalog',
  video: 'vitrine-video',
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
  clip: 'clip',
  poster: 'poster',
  aspectRatio: 'aspect-ratio',
  clipId: 'clip-id',
  creatorId: 'creator-id',
  autoplay: 'autoplay',
  keepPlayingOffscreen: 'keep-playing-offscreen',
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

export const VideoPart = {
  frame: 'frame',
  poster: 'poster',
  video: 'video',
  playButton: 'play-button',
  badge: 'badge',
  status: 'status',
  retry: 'retry',
  tags: 'tags',
  tag: 'tag',
  hotspot: 'hotspot',
  tagLink: 'tag-link',
  tagImage: 'tag-image',
  tagLabel: 'tag-label',
  tagTitle: 'tag-title',
  tagPrice: 'tag-price',
  tagCta: 'tag-cta',
  captions: 'captions',
  controls: 'controls',
  seek: 'seek',
  marker: 'marker',
  time: 'time',
  control: 'control',
  playPause: 'play-pause',
  mute: 'mute',
  captionsButton: 'captions-button',
  trayButton: 'tray-button',
  fullscreen: 'fullscreen',
  tray: 'tray',
  trayClose: 'tray-close',
  trayItem: 'tray-item',
  trayImage: 'tray-image',
  trayLink: 'tray-link',
  trayPrice: 'tray-price',
  jump: 'jump',
} as const;

/** Where a product click inside a video came from: a timed tag over the picture or the product tray. */
export const ClickSource = {
  tag: 'tag',
  tray: 'tray',
} as const;
export type ClickSource = (typeof ClickSource)[keyof typeof ClickSource];

export const CatalogLayout = {
  carousel: 'carousel',
  grid: 'grid',
} as const;
export type CatalogLayout = (typeof CatalogLayout)[keyof typeof CatalogLayout];

/** The `exportparts` value that lets a host style every card part through the container that renders the cards. */
export const cardExportParts = Object.values(ProductCardPart).join(', ');
