import { expect } from '@open-wc/testing';
import { PIN_CLASS, pinCues, sameCues, type DateRangeLike } from './date-range-cues.js';

function range(id: string, startTime: number, duration: number | null, attr: Record<string, unknown> = {}, cls = PIN_CLASS): DateRangeLike {
  return { id, class: cls, startTime, duration, attr };
}

describe('pinCues', () => {
  it('keeps only product pins, sorted by start, with their end from DURATION', () => {
    const cues = pinCues({
      b: range('b', 6, 3, { 'X-PRODUCT-ID': 'sun-hat' }),
      ad: range('ad', 1, 10, { 'X-PRODUCT-ID': 'linen-shirt' }, 'com.example.ad'),
      noProduct: range('noProduct', 3, 1),
      blank: range('blank', 3, 1, { 'X-PRODUCT-ID': '  ' }),
      unmapped: range('unmapped', Number.NaN, 1, { 'X-PRODUCT-ID': 'linen-shirt' }),
      a: range('a', 2, 3, { 'X-PRODUCT-ID': ' linen-shirt ' }),
      gone: undefined,
    });
    expect(cues).to.deep.equal([
      { id: 'a', productId: 'linen-shirt', start: 2, end: 5 },
      { id: 'b', productId: 'sun-hat', start: 6, end: 9 },
    ]);
  });

  it('ends an open pin where the next one starts, and the last one never (a live host pins until further notice)', () => {
    const cues = pinCues({
      first: range('first', 100, null, { 'X-PRODUCT-ID': 'linen-shirt' }),
      second: range('second', 130, null, { 'X-PRODUCT-ID': 'sun-hat' }),
    });
    expect(cues.map((cue) => [cue.start, cue.end])).to.deep.equal([
      [100, 130],
      [130, Number.POSITIVE_INFINITY],
    ]);
  });
});

describe('sameCues', () => {
  const cue = { id: 'a', productId: 'linen-shirt', start: 2, end: 5 };

  it('ignores sub-millisecond re-mapping but not a real move or a new pin', () => {
    expect(sameCues([cue], [{ ...cue, start: 2.0002 }])).to.equal(true);
    expect(sameCues([cue], [{ ...cue, start: 2.1 }])).to.equal(false);
    expect(sameCues([cue], [cue, { ...cue, id: 'b' }])).to.equal(false);
    expect(sameCues([{ ...cue, end: Infinity }], [{ ...cue, end: Infinity }])).to.equal(true);
  });
});
