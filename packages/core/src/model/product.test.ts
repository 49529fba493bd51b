import { expect } from '@open-wc/testing';
import { readCatalogFeed, readProduct, VitrineError } from '@vitrine/core';
import { rawProduct } from '../test-helpers/products.js';

describe('readProduct', () => {
  it('reads a product, resolving relative URLs against the feed URL and ignoring unknown fields', () => {
    const product = readProduct(
      rawProduct({ url: '/p/sku-1', images: [{ url: 'img/1.jpg', alt: 'Front', width: 600, height: 800 }], tracking: 'x' }),
      'products[0]',
      'https://cdn.example/feeds/summer.json',
    );
    expect(product.url).to.equal('https://cdn.example/p/sku-1');
    expect(product.images).to.deep.equal([{ url: 'https://cdn.example/feeds/img/1.jpg', alt: 'Front', width: 600, height: 800 }]);
    expect(product).to.not.have.property('tracking');
  });

  it('refuses javascript:, data: and malformed URLs', () => {
    for (const url of ['javascript:alert(1)', ' JavaScript:alert(1)', 'data:text/html,<b>x</b>', 'http://', 'blob:https://x/y']) {
      expect(() => readProduct(rawProduct({ url }), 'p', 'https://shop.example/')).to.throw('p.url: expected an http(s) URL');
    }
    expect(() => readProduct(rawProduct({ images: ['javascript:alert(1)'] }), 'p')).to.throw('p.images[0]: expected an http(s) URL');
  });

  it('keeps a compare-at price only when it is higher, and only in the same currency', () => {
    expect(readProduct(rawProduct({ compareAtPrice: { amount: 5900, currency: 'EUR' } }), 'p').compareAtPrice).to.deep.equal({ amount: 5900, currency: 'EUR' });
    expect(readProduct(rawProduct({ compareAtPrice: { amount: 100, currency: 'EUR' } }), 'p').compareAtPrice).to.equal(undefined);
    expect(() => readProduct(rawProduct({ compareAtPrice: { amount: 5900, currency: 'USD' } }), 'p')).to.throw('p.compareAtPrice.currency');
  });

  it('reads variants with their options', () => {
    const product = readProduct(
      rawProduct({ variants: [{ id: 'v1', title: 'M / Blue', options: { Size: 'M', Color: 'Blue' }, price: { amount: 4900, currency: 'EUR' }, availability: 'backorder' }] }),
      'p',
    );
    expect(product.variants[0]).to.deep.include({ id: 'v1', options: { Size: 'M', Color: 'Blue' }, availability: 'backorder' });
  });
});

describe('readCatalogFeed', () => {
  it('keeps the valid products of a partly bad feed and names the first bad field of each bad one', () => {
    const list = readCatalogFeed({
      title: 'Summer',
      products: [rawProduct({ id: 'a' }), rawProduct({ id: 'b', price: { amount: 100, currency: 'EURO' } }), rawProduct({ id: 'c' }), rawProduct({ id: 'a' })],
    });
    expect(list.products.map((p) => p.id)).to.deep.equal(['a', 'c']);
    expect(list.issues.map((i) => i.message)).to.deep.equal([
      'products[1].price.currency: expected ISO 4217 code',
      'products[3].id: duplicate product id "a"',
    ]);
    expect(list.catalog).to.deep.equal({ title: 'Summer' });
  });

  it('skips a bad id, brand or title of the feed and names it, keeping every product', () => {
    const list = readCatalogFeed({ id: 42, brand: 'Northwind', title: 'x'.repeat(301), products: [rawProduct({ id: 'a' })] });
    expect(list.products.map((p) => p.id)).to.deep.equal(['a']);
    expect(list.catalog).to.deep.equal({ brand: 'Northwind' });
    expect(list.issues).to.deep.equal([
      { path: 'id', message: 'id: expected a string' },
      { path: 'title', message: 'title: expected at most 300 characters' },
    ]);
    expect(readCatalogFeed({ brand: { name: 'Northwind' }, title: 'Summer', products: [] }).issues.map((i) => i.path)).to.deep.equal(['brand']);
  });

  it('accepts a bare array and rejects a feed without products', () => {
    expect(readCatalogFeed([rawProduct()]).products).to.have.length(1);
    const error = (() => {
      try {
        readCatalogFeed({ items: [] });
      } catch (e) {
        return e as VitrineError;
      }
      return undefined;
    })();
    expect(error?.code).to.equal('source-invalid-feed');
    expect(error?.message).to.equal('products: expected an array of products');
  });

  it('keeps hostile text as plain text, bounded', () => {
    const title = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>';
    expect(readProduct(rawProduct({ title }), 'p').title).to.equal(title);
    expect(() => readProduct(rawProduct({ title: 'x'.repeat(301) }), 'p')).to.throw('p.title: expected at most 300 characters');
  });
});
