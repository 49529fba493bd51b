/** Raw feed entries as a brand would publish them (before validation). */
export function rawProduct(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'sku-1',
    title: 'Linen shirt',
    url: 'https://shop.example/p/sku-1',
    images: ['https://shop.example/img/sku-1.jpg'],
    price: { amount: 4900, currency: 'EUR' },
    availability: 'in_stock',
    brand: 'Northwind',
    ...overrides,
  };
}

export function rawFeed(count: number): Record<string, unknown> {
  return {
    id: 'summer',
    brand: 'Northwind',
    title: 'Summer collection',
    products: Array.from({ length: count }, (_, i) =>
      rawProduct({ id: `sku-${i + 1}`, title: `Product ${i + 1}`, url: `https://shop.example/p/${i + 1}`, price: { amount: 1000 + i * 100, currency: 'EUR' } }),
    ),
  };
}
