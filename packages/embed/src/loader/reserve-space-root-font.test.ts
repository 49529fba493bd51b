import { expect } from '@open-wc/testing';
import type { ProductSource } from '@vitrine/core';
import { mediumFontSize } from '../../../elements/src/test/font-size.js';
import { makeProducts } from '../../../elements/src/test/products.js';
import { reserveSpace } from './reserve-space.js';
import { height, mismatches, pendingSource, place as placeAt, type Reservation } from './test-helpers/reserved.js';

// A store theme's `html { font-size: 62.5% }` (Shopify's Dawn): the elements do not follow it, so neither may what
// the loader reserves for them.
document.documentElement.style.fontSize = '62.5%';

const EM = mediumFontSize();

const place = (markup: string, widthInEm: number) => placeAt(markup, `${widthInEm * EM}px`);

describe('reserveSpace on a page whose root font size is 62.5%', () => {
  const cases: Reservation[] = [];

  before(async () => {
    reserveSpace(document);
    for (const width of [20, 60]) {
      const catalog = place('<vitrine-catalog></vitrine-catalog>', width);
      (catalog as HTMLElement & { source?: ProductSource }).source = pendingSource;
      cases.push({ name: `catalog at ${width}em`, element: catalog, reserved: height(catalog) });
    }
    // A page's own rule for the element's font size, as plain as such rules come.
    const own = new CSSStyleSheet();
    own.replaceSync('.larger > * { font-size: 20px }');
    document.adoptedStyleSheets = [own, ...document.adoptedStyleSheets];
    const larger = place('<vitrine-catalog></vitrine-catalog>', 60);
    larger.parentElement!.className = 'larger';
    (larger as HTMLElement & { source?: ProductSource }).source = pendingSource;
    cases.push({ name: 'catalog the page sets at 20px', element: larger, reserved: height(larger) });
    const carousel = place('<vitrine-carousel></vitrine-carousel>', 60);
    (carousel as HTMLElement & { products?: unknown }).products = makeProducts(12);
    cases.push({ name: 'carousel', element: carousel, reserved: height(carousel) });
    const card = place('<vitrine-product-card skeleton></vitrine-product-card>', 60);
    cases.push({ name: 'card', element: card, reserved: height(card) });
    await import('@vitrine/elements/catalog.js');
    await Promise.all(cases.map(({ element }) => (element as HTMLElement & { updateComplete: Promise<boolean> }).updateComplete));
  });

  after(() => {
    for (const { element } of cases) element.parentElement!.remove();
    document.documentElement.style.fontSize = '';
  });

  it("reserves in the elements' own size, not the page's rem", () => {
    expect(cases.map(({ name, reserved }) => [name, reserved / EM])).to.deep.equal([
      ['catalog at 20em', 31],
      ['catalog at 60em', 29.25],
      ['catalog the page sets at 20px', (29.25 * 20) / EM],
      ['carousel', 27],
      ['card', 25.75],
    ]);
  });

  it('reserves what each element then renders', () => {
    expect(mismatches(cases)).to.deep.equal([]);
  });
});
