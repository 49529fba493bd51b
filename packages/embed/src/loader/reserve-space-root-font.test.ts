import { expect } from '@open-wc/testing';
import { mediumFontSize } from '../../../elements/src/test/font-size.js';
import { makeProducts } from '../../../elements/src/test/products.js';
import { pendingSource } from '../../../elements/src/test/sources.js';
import { reserveSpace } from './reserve-space.js';
import { mismatches, removeReserved, renderReserved, reserved as reserve, type Reservation } from './test-helpers/reserved.js';

// A store theme's `html { font-size: 62.5% }` (Shopify's Dawn): the elements do not follow it, so neither may what
// the loader reserves for them.
document.documentElement.style.fontSize = '62.5%';

const EM = mediumFontSize();
const pending = (element: HTMLElement) => Object.assign(element, { source: pendingSource });

describe('reserveSpace on a page whose root font size is 62.5%', () => {
  const cases: Reservation[] = [];

  before(async () => {
    reserveSpace(document);
    // A page's own rule for the element's font size, as plain as such rules come.
    const own = new CSSStyleSheet();
    own.replaceSync('vitrine-catalog.larger { font-size: 20px }');
    document.adoptedStyleSheets = [own, ...document.adoptedStyleSheets];
    cases.push(
      reserve('catalog at 20em', '<vitrine-catalog></vitrine-catalog>', `${20 * EM}px`, pending),
      reserve('catalog at 60em', '<vitrine-catalog></vitrine-catalog>', `${60 * EM}px`, pending),
      reserve('catalog the page sets at 20px', '<vitrine-catalog class="larger"></vitrine-catalog>', `${60 * EM}px`, pending),
      reserve('carousel', '<vitrine-carousel></vitrine-carousel>', `${60 * EM}px`, (element) => Object.assign(element, { products: makeProducts(12) })),
      reserve('card', '<vitrine-product-card skeleton></vitrine-product-card>', `${60 * EM}px`),
    );
    await renderReserved(cases, () => import('@vitrine/elements/catalog.js'));
  });

  after(() => {
    removeReserved(cases);
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
