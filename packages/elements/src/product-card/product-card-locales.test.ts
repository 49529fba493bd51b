import { expect, fixture, html } from '@open-wc/testing';
import { makeProduct } from '../test/products.js';
import './product-card.js';
import type { VitrineProductCard } from './product-card.js';

async function priceIn(locale: string, amount: number, currency: string): Promise<string> {
  const card = await fixture<VitrineProductCard>(html`<vitrine-product-card locale=${locale} .product=${makeProduct({ price: { amount, currency } })}></vitrine-product-card>`);
  await card.updateComplete;
  return card.shadowRoot!.querySelector('[part~="price"]')!.textContent!.trim();
}

describe('<vitrine-product-card> prices by locale', () => {
  it('writes a price as the shopper’s locale does, in the currency’s own minor units', async () => {
    // Yen have no minor units: 4900 is ¥4,900. Dinars have three: 12345 is 12.345.
    expect(await priceIn('ja-JP', 4900, 'JPY')).to.match(/^￥4,900$/);
    expect(await priceIn('en', 12345, 'KWD')).to.match(/^KWD\s12\.345$/);
    // Egyptian Arabic writes Arabic-Indic digits: ٤٩٫٠٠ is 49.00.
    expect(await priceIn('ar-EG', 4900, 'EGP')).to.include('٤٩٫٠٠');
    // French groups thousands with a narrow no-break space and keeps the amount and € together.
    expect(await priceIn('fr-FR', 123456, 'EUR')).to.equal('1\u202f234,56\u00a0€');
    // A language tag no browser formats for falls back to the browser's own format, whole.
    expect(await priceIn('tlh', 4900, 'EUR')).to.match(/49[.,]00/);
  });
});
