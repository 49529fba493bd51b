// Demo products for the stories. Image and product URLs are relative, like in a real feed: core resolves them
// against the page, so they are http(s) URLs served from .storybook/public.
import { readProduct, type Product } from '@vitrine/core';

const IMAGES = ['mug', 'tote', 'lamp', 'sneaker', 'plant', 'watch'];
const NAMES = ['Stoneware mug', 'Canvas tote bag', 'Brass desk lamp', 'Everyday sneaker', 'Potted fern', 'Field watch'];

export interface RawProduct {
  id: string;
  title: string;
  url: string;
  images: Array<{ url: string; width: number; height: number }>;
  price: { amount: number; currency: string };
  compareAtPrice?: { amount: number; currency: string };
  availability?: string;
  brand?: string;
}

export function rawProducts(count: number, currency = 'EUR'): RawProduct[] {
  return Array.from({ length: count }, (_, i) => {
    const kind = i % IMAGES.length;
    const product: RawProduct = {
      id: `demo-${i + 1}`,
      title: count > IMAGES.length ? `${NAMES[kind]} no. ${i + 1}` : NAMES[kind]!,
      url: `products/demo-${i + 1}`,
      images: [{ url: `images/${IMAGES[kind]}.svg`, width: 200, height: 200 }],
      price: { amount: 1900 + ((i * 700) % 9000), currency },
      brand: i % 3 === 2 ? undefined : 'Northwind',
    };
    if (i % 5 === 1) product.compareAtPrice = { amount: product.price.amount + 1500, currency };
    if (i % 7 === 3) product.availability = 'out_of_stock';
    return product;
  });
}

/** A validated product, as the catalog would hand it to a card. */
export function demoProduct(overrides: Partial<RawProduct> = {}, index = 0): Product {
  return readProduct({ ...rawProducts(6)[index % 6], ...overrides }, 'product', document.baseURI);
}

export function demoProducts(count: number): Product[] {
  return rawProducts(count).map((raw) => readProduct(raw, 'product', document.baseURI));
}
