import { expect } from '@open-wc/testing';
import { makeProducts } from '../../../elements/src/test/products.js';
import { pendingSource } from '../../../elements/src/test/sources.js';
import { reserveSpace } from './reserve-space.js';
import { mismatches, removeReserved, renderReserved, reserved as reserve, type Reservation } from './test-helpers/reserved.js';

const REM = parseFloat(getComputedStyle(document.documentElement).fontSize);

const CATALOGS: Record<string, string> = {
  'carousel': '<vitrine-catalog></vitrine-catalog>',
  'carousel without title': '<vitrine-catalog heading-level="0"></vitrine-catalog>',
};
const WIDTHS_IN_REM = [20, 30, 31, 45, 60, 90];

describe('reserveSpace', () => {
  const cases: Reservation[] = [];

  before(async () => {
    reserveSpace(document);
    for (const width of WIDTHS_IN_REM) {
      for (const [name, markup] of Object.entries(CATALOGS)) {
        cases.push(reserve(`${name} at ${width}rem`, markup, `${width}rem`, (element) => Object.assign(element, { source: pendingSource })));
      }
    }
    cases.push(reserve('carousel element', '<vitrine-carousel></vitrine-carousel>', '60rem', (element) => Object.assign(element, { products: makeProducts(12) })));
    cases.push(reserve('card', '<vitrine-product-card skeleton></vitrine-product-card>', '60rem'));
    await renderReserved(cases, () => import('@vitrine/elements/catalog.js'));
  });

  after(() => removeReserved(cases));

  it('reserves the carousel catalog: title line and row, two title lines up to 30rem wide, no title line at level 0', () => {
    const reserved = (name: string) => cases.find((c) => c.name === name)!.reserved / REM;
    expect([reserved('carousel at 60rem'), reserved('carousel at 31rem'), reserved('carousel at 30rem'), reserved('carousel at 20rem')]).to.deep.equal([
      29.25, 29.25, 31, 31,
    ]);
    expect([reserved('carousel without title at 60rem'), reserved('carousel without title at 20rem')]).to.deep.equal([27, 27]);
  });

  it('reserves nothing for a grid, whose height depends on its width and feed', () => {
    const grid = reserve('grid', '<vitrine-catalog layout="grid" limit="4"></vitrine-catalog>', '60rem');
    expect(grid.reserved).to.equal(0);
    removeReserved([grid]);
  });

  it('reserves what each element first renders, at every width', () => {
    expect(mismatches(cases)).to.deep.equal([]);
  });
});

describe('reserveSpace for <vitrine-video>', () => {
  const SHAPES = { 'no aspect-ratio': undefined, '9:16': '9:16', '4 / 5': '4 / 5', '1.5': '1.5', 'one refused ("wide")': 'wide' };
  const videos: Reservation[] = [];

  before(async () => {
    const reserveShape = reserveSpace(document);
    for (const [name, shape] of Object.entries(SHAPES)) {
      const markup = shape === undefined ? '<vitrine-video></vitrine-video>' : `<vitrine-video aspect-ratio="${shape}"></vitrine-video>`;
      videos.push(reserve(name, markup, '20rem', reserveShape));
    }
    await renderReserved(videos, () => import('@vitrine/elements/video.js'));
  });

  after(() => removeReserved(videos));

  it("holds a video's own aspect-ratio before its code arrives, and 16:9 without one or for one it refuses", () => {
    expect(videos.map(({ name, reserved }) => [name, Math.round((reserved / REM) * 100) / 100])).to.deep.equal([
      ['no aspect-ratio', 11.25],
      ['9:16', 35.55],
      ['4 / 5', 25],
      ['1.5', 13.33],
      ['one refused ("wide")', 11.25],
    ]);
  });

  it('reserves what each video then renders', () => {
    expect(mismatches(videos, { allowNone: true })).to.deep.equal([]);
  });
});
