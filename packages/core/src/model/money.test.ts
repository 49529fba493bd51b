import { expect } from '@open-wc/testing';
import { formatMoney, readMoney, toDecimalString } from '@vitrine/core';

describe('money', () => {
  it('formats integer minor units exactly for the locale and currency', () => {
    expect(formatMoney({ amount: 1999, currency: 'EUR' }, 'de-DE')).to.equal('19,99\u00a0€');
    expect(formatMoney({ amount: 1999, currency: 'USD' }, 'en-US')).to.equal('$19.99');
    expect(formatMoney({ amount: 1500, currency: 'JPY' }, 'ja-JP')).to.equal('￥1,500');
    expect(formatMoney({ amount: 1234, currency: 'KWD' }, 'en-US')).to.equal('KWD\u00a01.234');
  });

  it('keeps amounts beyond float precision exact', () => {
    expect(toDecimalString({ amount: 9007199254740991, currency: 'EUR' })).to.equal('90071992547409.91');
    expect(toDecimalString({ amount: 5, currency: 'EUR' })).to.equal('0.05');
  });

  it('makes one number format per locale and currency, however many prices it formats (a grid of thousands)', () => {
    const NumberFormat = Intl.NumberFormat;
    const made: string[] = [];
    Intl.NumberFormat = new Proxy(NumberFormat, {
      construct: (target, args: ConstructorParameters<typeof Intl.NumberFormat>) => (made.push(`${String(args[0])} ${args[1]?.currency}`), new target(...args)),
    });
    try {
      for (let amount = 0; amount < 500; amount++) formatMoney({ amount, currency: 'CHF' }, 'de-CH');
      for (let amount = 0; amount < 500; amount++) toDecimalString({ amount, currency: 'BHD' });
    } finally {
      Intl.NumberFormat = NumberFormat;
    }
    expect(made).to.deep.equal(['de-CH CHF', 'en CHF', 'en BHD']);
  });

  it('names the field that is wrong', () => {
    expect(() => readMoney({ amount: 19.99, currency: 'EUR' }, 'price')).to.throw('price.amount: expected an integer');
    expect(() => readMoney({ amount: 1999, currency: 'EURO' }, 'products[3].price')).to.throw('products[3].price.currency: expected ISO 4217 code');
  });
});
