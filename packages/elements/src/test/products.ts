import type { Product } from '@vitrine/core';

/** Product pages live on a shop that is never reached (tests cancel navigation); images come from the test server. */
export const TEST_ORIGIN = 'https://shop.example';
export const IMAGE_URL = new URL('/packages/elements/src/test/product.svg', location.href).href;

export function makeProduct(overrides: Partial<Product> = {}, index = 1): Product {
  return {
    id: `p${index}`,
    title: `Product ${index}`,
    url: `${TEST_ORIGIN}/products/p${index}`,
    images: [{ url: IMAGE_URL, alt: `Picture of product ${index}` }],
    price: { amount: 1999, currency: 'EUR' },
    availability: 'in_stock',
    variants: [],
    ...overrides,
  };
}

export function makeProducts(count: number): Product[] {
  return Array.from({ length: count }, (_, i) => makeProduct({ price: { amount: 1000 + i, currency: 'EUR' } }, i + 1));
}

/** The deepest active element, through shadow roots. */
export function deepActiveElement(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}
