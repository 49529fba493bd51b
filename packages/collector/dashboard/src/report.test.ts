import { expect } from '@open-wc/testing';
import { dailyEarnings, eachDay, lastDays, readOrders, readReport, totalsOf } from './report.js';
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
