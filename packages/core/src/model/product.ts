import { readMoney, type Money } from './money.js';
import { readUrl, toSafeUrl } from './url.js';
import { invalid, readArray, readId, readObject, readOneOf, readOptionalText, readText, type Json } from './validate.js';

export const AVAILABILITIES = ['in_stock', 'out_of_stock', 'preorder', 'backorder'] as const;
export type Availability = (typeof AVAILABILITIES)[number];

export interface ProductImage {
  url: string;
  alt?: string;
  width?: number;
  height?: number;
}

export interface Variant {
  id: string;
  title: string;
  options: Record<string, string>;
  price: Money;
  availability: Availability;
  image?: ProductImage;
}

export interface Product {
  id: string;
  title: string;
  url: string;
  images: ProductImage[];
  price: Money;
  compareAtPrice?: Money;
  availability: Availability;
  brand?: string;
  variants: Variant[];
}

/** Reads one product, resolving relative URLs against `base` (the feed's own URL). Unknown fields are ignored. */
export function readProduct(value: Json, path: string, base?: string): Product {
  const input = readObject(value, path);
  const price = readMoney(input.price, `${path}.price`);
  const product: Product = {
    id: readId(input.id, `${path}.id`),
    title: readText(input.title, `${path}.title`, 300),
    url: readUrl(input.url, `${path}.url`, base),
    images: readImages(input.images, `${path}.images`, base),
    price,
    availability: input.availability === undefined ? 'in_stock' : readOneOf(input.availability, `${path}.availability`, AVAILABILITIES),
    variants: input.variants === undefined ? [] : readArray(input.variants, `${path}.variants`).map((v, i) => readVariant(v, `${path}.variants[${i}]`, base)),
  };
  const brand = readOptionalText(input.brand, `${path}.brand`, 200);
  if (brand !== undefined) product.brand = brand;
  if (input.compareAtPrice !== undefined && input.compareAtPrice !== null) {
    const compareAt = readMoney(input.compareAtPrice, `${path}.compareAtPrice`);
    if (compareAt.currency !== price.currency) throw invalid(`${path}.compareAtPrice.currency`, `the price's currency ${price.currency}`);
    // A compare-at price only means something when it is higher; otherwise it is dropped, not shown.
    if (compareAt.amount > price.amount) product.compareAtPrice = compareAt;
  }
  return product;
}

function readVariant(value: Json, path: string, base?: string): Variant {
  const input = readObject(value, path);
  const options: Record<string, string> = {};
  if (input.options !== undefined) {
    for (const [name, optionValue] of Object.entries(readObject(input.options, `${path}.options`))) {
      options[readText(name, `${path}.options`, 100)] = readText(optionValue, `${path}.options.${name}`, 200);
    }
  }
  const variant: Variant = {
    id: readId(input.id, `${path}.id`),
    title: readText(input.title, `${path}.title`, 300),
    options,
    price: readMoney(input.price, `${path}.price`),
    availability: input.availability === undefined ? 'in_stock' : readOneOf(input.availability, `${path}.availability`, AVAILABILITIES),
  };
  if (input.image !== undefined) variant.image = readImage(input.image, `${path}.image`, base);
  return variant;
}

function readImages(value: Json, path: string, base?: string): ProductImage[] {
  if (value === undefined) return [];
  return readArray(value, path).map((image, i) => readImage(image, `${path}[${i}]`, base));
}

/** An image is a URL string or `{url, alt?, width?, height?}`. */
function readImage(value: Json, path: string, base?: string): ProductImage {
  if (typeof value === 'string') return { url: readUrl(value, path, base) };
  const input = readObject(value, path);
  const image: ProductImage = { url: readUrl(input.url, `${path}.url`, base) };
  const alt = readOptionalText(input.alt, `${path}.alt`, 300);
  if (alt !== undefined) image.alt = alt;
  if (isPositiveInteger(input.width) && isPositiveInteger(input.height)) {
    image.width = input.width;
    image.height = input.height;
  }
  return image;
}

function isPositiveInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value > 0;
}

export function isPurchasable(product: Pick<Product, 'availability'>): boolean {
  return product.availability !== 'out_of_stock';
}

export { toSafeUrl };
