import { expect } from '@open-wc/testing';
import type { ProductSource } from '@vitrine/core';
import { makeProducts } from '../../../elements/src/test/products.js';
import { reserveSpace } from './reserve-space.js';
import { height, mismatches, pendingSource, place as placeAt, type Reservation } from './test-helpers/reserved.js';

const REM = parseFloat(getComputedStyle(document.documentElement).fontSize);

const CATALOGS: Record<string, string> = {
  'carousel': '<vitrine-catalog></vitrine-catalog>',
  'carousel without title': '<vitrine-catalog heading-level="0"></vitrine-catalog>',
};
const WIDTHS_IN_REM = [20, 30, 31, 45, 60, 90];

const place = (markup: string, widthInRem: number) => placeAt(markup, `${widthInRem}rem`);

describe('reserveSpace', () => {
  const cases: Reservation[] = [];

  before(async () => {
    reserveSpace(document);
    for (const width of WIDTHS_IN_REM) {
      for (const [name, markup] of Object.entries(CATALOGS)) {
        const element = place(markup, width);
        (element as HTMLElement & { source?: ProductSource }).source = pendingSource;
        cases.push({ name: `${name} at ${width}rem`, element, reserved: height(element) });
      }
    }
    const carousel = place('<vitrine-carousel></vitrine-carousel>', 60);
    (carousel as HTMLElement & { products?: unknown }).products = makeProducts(12);
    cases.push({ name: 'carousel element', element: carousel, reserved: height(carousel) });
    const card = place('<vitrine-product-card skeleton></vitrine-product-card>', 60);
    cases.push({ name: 'card', element: card, reserved: height(card) });
    await import('@vitrine/elements/catalog.js');
    await Promise.all(cases.map(({ element }) => (element as HTMLElement & { updateComplete: Promise<boolean> }).updateComplete));
  });

  after(() => {
    for (const { element } of cases) element.parentElement!.remove();
  });

  it('reserves the carousel catalog: title line and row, two title lines up to 30rem wide, no title line at level 0', () => {
    const reserved = (name: string) => cases.find((c) => c.name === name)!.reserved / REM;
    expect([reserved('carousel at 60rem'), reserved('carousel at 31rem'), reserved('carousel at 30rem'), reserved('carousel at 20rem')]).to.deep.equal([
      29.25, 29.25, 31, 31,
    ]);
    expect([reserved('carousel without title at 60rem'), reserved('carousel without title at 20rem')]).to.deep.equal([27, 27]);
  });

  it('reserves nothing for a grid, whose height depends on its width and feed', () => {
    const grid = place('<vitrine-catalog layout="grid" limit="4"></vitrine-catalog>', 60);
    expect(height(grid)).to.equal(0);
    grid.parentElement!.remove();
  });

  it('reserves what each element first renders, at every width', () => {
    expect(mismatches(cases)).to.deep.equal([]);
  });
});

describe('reserveSpace for <vitrine-video>', () => {
  const SHAPES = { 'no aspect-ratio': undefined, '9:16': '9:16', '4 / 5': '4 / 5', '1.5': '1.5', 'one refused ("wide")': 'wide' };
  const videos: Reservation[] = [];

  before(async () => {
    const reserve = reserveSpace(document);
    for (const [name, shape] of Object.entries(SHAPES)) {
      const element = place(shape === undefined ? '<vitrine-video></vitrine-video>' : `<vitrine-video aspect-ratio="${shape}"></vitrine-video>`, 20);
      reserve(element);
      videos.push({ name, element, reserved: height(element) });
    }
    await import('@vitrine/elements/video.js');
    await Promise.all(videos.map(({ element }) => (element as HTMLElement & { updateComplete: Promise<boolean> }).updateComplete));
  });

  after(() => {
    for (const { element } of videos) element.parentElement!.remove();
  });

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
