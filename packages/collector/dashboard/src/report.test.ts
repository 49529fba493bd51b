import { expect } from '@open-wc/testing';
import { dailyEarnings, eachDay, lastDays, mainCurrency, readOrders, readReport, topRows, totalsOf } from './report.js';
import { money, order, report, row, WEEK } from './test/fixtures.js';

describe('report data', () => {
  it('fills the days the collector leaves out with zero', () => {
    const days = dailyEarnings(WEEK, 'EUR');
    expect(days.map((day) => [day.day, day.earnings])).to.deep.equal([
      ['2026-11-16', 500],
      ['2026-11-17', 0],
      ['2026-11-18', 2397],
      ['2026-11-19', 0],
      ['2026-11-20', 1200],
      ['2026-11-21', 200],
      ['2026-11-22', 250],
    ]);
  });

  it('counts days across a month end and a leap day, and stops after a year', () => {
    expect(eachDay('2028-02-27', '2028-03-01')).to.deep.equal(['2028-02-27', '2028-02-28', '2028-02-29', '2028-03-01']);
    expect(eachDay('2026-11-22', '2026-11-21')).to.deep.equal([]);
    expect(eachDay('1990-01-01', '2026-11-22')).to.have.length(366);
  });

  it('takes the last N UTC days, today included', () => {
    expect(lastDays(7, new Date('2026-11-22T23:30:00-05:00'))).to.deep.equal({ from: '2026-11-17', to: '2026-11-23' });
    expect(lastDays(30, new Date('2026-03-01T00:00:00Z'))).to.deep.equal({ from: '2026-01-31', to: '2026-03-01' });
  });

  it('totals a currency: earnings are confirmed plus pending less reversed', () => {
    const totals = totalsOf(report('days', [row('2026-11-20', { EUR: money(1000, 300, 9000, 200), USD: money(5000) }, { clicks: 8, orders: 2 })]), 'EUR');
    expect(totals).to.deep.include({ earnings: 1100, commissionPending: 300, revenue: 9000, orders: 2, clicks: 8, conversionRate: 0.25 });
    expect(totalsOf(report('days', []), 'EUR').conversionRate).to.equal(null);
    // Orders and clicks are counted across currencies: the totals say when that is more than the money shown.
    expect(totals.mixedCurrencies).to.equal(true);
    expect(totalsOf(WEEK, 'EUR').mixedCurrencies).to.equal(false);
  });

  it('ranks top rows by earnings net of refunds, then revenue, then key', () => {
    const clips = report('clips', [
      row('refunded', { EUR: money(5000, 0, 60000, 4500) }),
      row('pending', { EUR: money(0, 1000, 10000) }),
      row('b-confirmed', { EUR: money(1000, 0, 20000) }),
      row('a-confirmed', { EUR: money(1000, 0, 20000) }),
    ]);
    expect(topRows(clips, 'EUR', 3).map((entry) => entry.key)).to.deep.equal(['a-confirmed', 'b-confirmed', 'pending']);
  });

  it('picks the currency most orders in the period were paid in, else the one most rows have revenue in', () => {
    const days = report('days', [row('2026-11-20', { BHD: money(100), EUR: money(100), USD: money(100) }), row('2026-11-21', { USD: money(100) })]);
    const inPeriod = (currency: string) => order({ currency, placedAt: '2026-11-20T10:00:00.000Z' });
    expect(mainCurrency(days, [inPeriod('EUR'), inPeriod('BHD'), inPeriod('EUR')])).to.equal('EUR');
    expect(mainCurrency(days, [order({ currency: 'EUR', placedAt: '2026-10-01T10:00:00.000Z' })])).to.equal('USD');
    expect(mainCurrency(report('days', [row('2026-11-20', { EUR: money(100), USD: money(100) })]), [])).to.equal('EUR');
    expect(mainCurrency(report('days', []), [])).to.equal('');
  });

  it('reads the collector’s answers and refuses malformed ones', () => {
    expect(readReport(JSON.parse(JSON.stringify(WEEK)))).to.deep.equal(WEEK);
    expect(readOrders({ orders: [order()] })).to.deep.equal([order()]);
    // The collector lists orders no creator brought too, with creatorId null.
    expect(readOrders({ orders: [order({ creatorId: null, clipId: null })] })).to.deep.equal([order({ creatorId: null, clipId: null })]);
    const broken: Array<[unknown, string]> = [
      [{ ...WEEK, rows: 'nope' }, 'rows: expected an array'],
      [{ ...WEEK, from: '22/11/2026' }, 'from: expected a string like'],
      [{ ...WEEK, rows: [{ ...WEEK.rows[0], money: { EUR: { ...money(1), revenue: 1.5 } } }] }, 'rows[0].money.EUR.revenue: expected an integer'],
      [{ ...WEEK, currencies: ['euro'] }, 'currencies[0]: expected a string like'],
      [{ ...WEEK, scope: { role: 'admin' } }, 'scope.role'],
    ];
    for (const [value, message] of broken) expect(() => readReport(value)).to.throw(message);
    expect(() => readOrders({ orders: [{ ...order(), status: 'lost' }] })).to.throw('orders[0].status');
    expect(() => readOrders({ orders: [{ ...order(), creatorId: 7 }] })).to.throw('orders[0].creatorId');
  });
});
