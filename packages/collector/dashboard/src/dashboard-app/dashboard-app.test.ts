import { aTimeout, expect, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { http, HttpResponse } from 'msw';
import { lastDays, type Report } from '../report.js';
import { SESSION_KEY } from '../session.js';
import { expectNoAxeViolations } from '../test/axe.js';
import { $, DATA, NO_SALES, describeFocus, focused, inForm, renderDashboard, reportsFor, storeSession, untilLoaded, useDashboardWorker } from '../test/dashboard-page.js';
import { tableRows, textOf } from '../test/fixtures.js';
import { KEY, mockCollector, type MockCollector } from '../test/mock-collector.js';
import type { VitrineEarningsChart } from '../earnings-chart/earnings-chart.js';

describe('<vitrine-dashboard> report', () => {
  const worker = useDashboardWorker();
  let collector: MockCollector;

  it('shows totals, the chart, the top lists and the recent orders', async () => {
    storeSession();
    mockCollector(worker, DATA);
    const dashboard = await renderDashboard();
    await untilLoaded(dashboard);

    expect(textOf($(dashboard, '.scope'))).to.equal('Site demo · Brand view: every creator');
    const totals = [...dashboard.shadowRoot!.querySelectorAll('.total')].map((total) => [textOf(total.querySelector('dt')), textOf(total.querySelector('dd'))]);
    expect(totals).to.deep.equal([
      ['Earnings', '€28.97'],
      ['Pending', '€7.99'],
      ['Revenue', '€289.70'],
      ['Orders', '3'],
      ['Conversion', '15%'],
    ]);

    const chart = $(dashboard, 'vitrine-earnings-chart')!;
    await waitUntil(() => chart.shadowRoot!.querySelector('svg'));
    expect(chart.shadowRoot!.querySelectorAll('svg > g')).to.have.length(30);

    const clips = $(dashboard, 'vitrine-ranking-table[dimension="clips"]')!;
    expect(tableRows(clips.shadowRoot!.querySelector('table')).map((cells) => cells[0])).to.deep.equal(['summer-lookbook', 'city-walk']);
    expect($(dashboard, 'vitrine-ranking-table[dimension="creators"]')).to.not.equal(null);

    const orders = $(dashboard, 'vitrine-recent-orders')!;
    expect(tableRows(orders.shadowRoot!.querySelector('table')).map((cells) => cells[0]!.split(' ')[0])).to.deep.equal(['o-1002', 'o-1001']);

    expect(textOf($(dashboard, '[role="status"]'))).to.equal('Showing the last 30 days in EUR.');
    await expectNoAxeViolations(dashboard);
  });

  it('asks the collector for the last 30 days and the 10 newest orders', async () => {
    storeSession();
    collector = mockCollector(worker, DATA);
    const dashboard = await renderDashboard();
    await untilLoaded(dashboard);
    const { from, to } = lastDays(30);
    const asked = collector.requests.map((request) => new URL(request.url)).map((url) => `${url.pathname}?${url.searchParams}`).sort();
    expect(asked).to.deep.equal([
      `/v1/orders?site=demo&limit=10`,
      ...['clips', 'creators', 'days', 'products'].map((dimension) => `/v1/reports/${dimension}?site=demo&from=${from}&to=${to}`),
    ]);
  });

  it('leaves out the creators list for a creator’s own key', async () => {
    storeSession();
    const scoped = (entry: Report) => ({ ...entry, scope: { role: 'creator' as const, creator: 'mia-outdoors' } });
    const reports = Object.fromEntries(Object.entries(reportsFor()).map(([name, entry]) => [name, scoped(entry)]));
    mockCollector(worker, { ...DATA, reports });
    const dashboard = await renderDashboard();
    await untilLoaded(dashboard);
    expect(textOf($(dashboard, '.scope'))).to.equal('Site demo · Creator view: mia-outdoors');
    // Ids from events are isolated, so a right-to-left override in one cannot reorder the line.
    expect([...dashboard.shadowRoot!.querySelectorAll('.scope bdi')].map((bdi) => bdi.textContent)).to.deep.equal(['demo', 'mia-outdoors']);
    expect($(dashboard, 'vitrine-ranking-table[dimension="creators"]')).to.equal(null);
  });

  it('shows placeholders while loading, and passes axe', async () => {
    storeSession();
    let release = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    worker.use(http.get('/v1/*', async () => (await released, new HttpResponse(null, { status: 500 }))));
    const dashboard = await renderDashboard();
    expect($<VitrineEarningsChart>(dashboard, 'vitrine-earnings-chart')!.loading).to.equal(true);
    expect(textOf($(dashboard, '[role="status"]'))).to.equal('Loading…');
    await expectNoAxeViolations(dashboard);
    release();
  });

  it('explains an empty period', async () => {
    storeSession();
    mockCollector(worker, NO_SALES);
    const dashboard = await renderDashboard();
    await untilLoaded(dashboard);
    expect(textOf($(dashboard, '.empty-period'))).to.equal(
      'No sales yet in this period Earnings appear here once a shopper buys through one of your clips or links. Try a longer period.',
    );
    expect(textOf($(dashboard, '[role="status"]'))).to.equal('No sales in the last 30 days.');
    const totals = [...dashboard.shadowRoot!.querySelectorAll('.total')].map((total) => textOf(total.querySelector('dd')));
    expect(totals).to.deep.equal(['– none', '– none', '– none', '0', '– no clicks']);
    expect($(dashboard, 'fieldset:nth-of-type(2)')).to.equal(null);
    await expectNoAxeViolations(dashboard);

    // With the longest period chosen there is no longer one to suggest.
    $<HTMLInputElement>(dashboard, 'input[name="period"][value="90"]')!.click();
    await untilLoaded(dashboard);
    expect(textOf($(dashboard, '.empty-period .note'))).to.equal('Earnings appear here once a shopper buys through one of your clips or links.');
  });

  it('shows a failure with a way to try again', async () => {
    storeSession();
    worker.use(http.get('/v1/*', () => HttpResponse.error()));
    const dashboard = await renderDashboard();
    await waitUntil(() => $(dashboard, '.failure'), 'no failure shown');
    expect(textOf($(dashboard, '.failure [role="alert"]'))).to.equal('The collector cannot be reached. Check your connection, then try again.');
    await expectNoAxeViolations(dashboard);

    worker.resetHandlers();
    mockCollector(worker, DATA);
    $<HTMLButtonElement>(dashboard, '.failure button')!.click();
    await untilLoaded(dashboard);
    expect($(dashboard, '.failure')).to.equal(null);
    expect(textOf($(dashboard, '.total dd'))).to.equal('€28.97');
  });

  it('keeps keyboard focus through "Try again": on the new "Try again" if it fails again, on the heading once it works', async () => {
    storeSession();
    let asked = 0;
    worker.use(http.get('/v1/*', () => (asked++, HttpResponse.error())));
    const dashboard = await renderDashboard();
    await waitUntil(() => $(dashboard, '.failure'), 'no failure shown');
    $<HTMLButtonElement>(dashboard, '.failure button')!.focus();
    const firstLoad = asked;
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => asked === firstLoad * 2 && $(dashboard, '.failure'), 'the second attempt never failed');
    await dashboard.updateComplete;
    await aTimeout(0);
    expect(describeFocus()).to.equal('button Try again');

    worker.resetHandlers();
    mockCollector(worker, DATA);
    await sendKeys({ press: 'Enter' });
    await untilLoaded(dashboard);
    expect(describeFocus()).to.equal('h1 Earnings dashboard');
  });

  it('names the browser tab after what the page shows: the sign-in, the site, or the failure', async () => {
    const signIn = await renderDashboard();
    expect(document.title).to.equal('Sign in — Vitrine dashboard');
    signIn.remove();

    storeSession();
    worker.use(http.get('/v1/*', () => HttpResponse.error()));
    const dashboard = await renderDashboard();
    await waitUntil(() => $(dashboard, '.failure'), 'no failure shown');
    expect(document.title).to.equal('Could not load — Vitrine dashboard');

    worker.resetHandlers();
    mockCollector(worker, DATA);
    $<HTMLButtonElement>(dashboard, '.failure button')!.click();
    await untilLoaded(dashboard);
    expect(document.title).to.equal('demo — Vitrine dashboard');
  });

  it('sends a key the collector no longer accepts back to the sign-in form, forgotten', async () => {
    storeSession('revoked');
    mockCollector(worker, DATA);
    const dashboard = await renderDashboard();
    await waitUntil(() => $(dashboard, 'vitrine-sign-in-form') && textOf(inForm(dashboard, '[role="alert"]')) !== '');
    expect(textOf(inForm(dashboard, '[role="alert"]'))).to.equal('That key was not accepted. Check the API key and sign in again.');
    expect(sessionStorage.getItem(SESSION_KEY)).to.equal(null);
  });

  it('signs out: the key is forgotten and the form is back with the cursor in it', async () => {
    storeSession();
    mockCollector(worker, DATA);
    const dashboard = await renderDashboard();
    await untilLoaded(dashboard);
    $<HTMLButtonElement>(dashboard, '.top button')!.click();
    await dashboard.updateComplete;
    expect(sessionStorage.getItem(SESSION_KEY)).to.equal(null);
    await waitUntil(() => focused() === inForm(dashboard, '#site'), 'focus did not go to the site field');
    expect(inForm<HTMLInputElement>(dashboard, '#key')!.value).to.equal('');
  });

  it('downloads a table as CSV with the key, through a blob link', async () => {
    storeSession();
    collector = mockCollector(worker, { ...DATA, csv: 'key,orders\nsummer-lookbook,2\n' });
    const dashboard = await renderDashboard();
    await untilLoaded(dashboard);
    const clicked: HTMLAnchorElement[] = [];
    const originalClick = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      clicked.push(this);
    };
    try {
      const clips = $(dashboard, 'vitrine-ranking-table[dimension="clips"]')!;
      clips.shadowRoot!.querySelector<HTMLButtonElement>('.card-head button')!.click();
      await waitUntil(() => clicked.length > 0, 'no download started');
    } finally {
      HTMLAnchorElement.prototype.click = originalClick;
    }
    const { from, to } = lastDays(30);
    expect(clicked[0]!.download).to.equal(`vitrine-demo-clips-${from}-${to}.csv`);
    expect(clicked[0]!.href).to.match(/^blob:/);
    expect(await (await fetch(clicked[0]!.href)).text()).to.equal('key,orders\nsummer-lookbook,2\n');
    const csvRequest = collector.requests.find((request) => new URL(request.url).searchParams.get('format') === 'csv')!;
    expect(new URL(csvRequest.url).pathname).to.equal('/v1/reports/clips');
    expect(csvRequest.headers.get('authorization')).to.equal(`Bearer ${KEY}`);
  });

  it('fits a phone: one column, nothing wider than the screen', async () => {
    await setViewport({ width: 375, height: 800 });
    storeSession();
    mockCollector(worker, { ...DATA, reports: reportsFor(['EUR', 'USD']) });
    const dashboard = await renderDashboard();
    await untilLoaded(dashboard);
    await aTimeout(50);
    expect(document.documentElement.scrollWidth).to.be.at.most(375);
    const boxes = ['vitrine-earnings-chart', 'vitrine-ranking-table[dimension="clips"]', 'vitrine-ranking-table[dimension="products"]', 'vitrine-recent-orders'].map(
      (selector) => $(dashboard, selector)!.getBoundingClientRect(),
    );
    // Stacked: every card starts at the same left edge, each below the one before.
    expect(new Set(boxes.map((box) => Math.round(box.left))).size).to.equal(1);
    for (let i = 1; i < boxes.length; i += 1) expect(boxes[i]!.top).to.be.greaterThan(boxes[i - 1]!.bottom - 1);
    for (const element of dashboard.shadowRoot!.querySelectorAll('vitrine-earnings-chart, vitrine-ranking-table, vitrine-recent-orders')) {
      const card = element.shadowRoot!.querySelector('.card')!;
      expect(card.scrollWidth, element.localName).to.be.at.most(card.clientWidth);
    }
    await expectNoAxeViolations(dashboard);
  });
});
