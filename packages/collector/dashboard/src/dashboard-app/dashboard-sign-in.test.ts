import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { http, HttpResponse } from 'msw';
import { SESSION_KEY } from '../session.js';
import { expectNoAxeViolations } from '../test/axe.js';
import { $, DATA, describeFocus, form, inForm, renderDashboard, signIn, untilLoaded, useDashboardWorker } from '../test/dashboard-page.js';
import { textOf } from '../test/fixtures.js';
import { KEY, SITE, mockCollector, type MockCollector } from '../test/mock-collector.js';

describe('<vitrine-dashboard> sign-in', () => {
  const worker = useDashboardWorker();
  let collector: MockCollector;

  it('asks for the site and a hidden, unremembered key, with labels', async () => {
    const dashboard = await renderDashboard();
    expect(textOf(inForm(dashboard, 'h1'))).to.equal('Sign in to your earnings');
    const site = inForm<HTMLInputElement>(dashboard, '#site')!;
    const key = inForm<HTMLInputElement>(dashboard, '#key')!;
    expect(textOf(inForm(dashboard, 'label[for="site"]'))).to.equal('Site');
    expect(textOf(inForm(dashboard, 'label[for="key"]'))).to.equal('API key');
    expect(key.type).to.equal('password');
    expect(key.getAttribute('autocomplete')).to.equal('off');
    expect(site.labels?.length).to.equal(1);
    await expectNoAxeViolations(dashboard);
  });

  it('moves from site to key to the button with Tab, and submits with Enter', async () => {
    collector = mockCollector(worker, DATA);
    const dashboard = await renderDashboard();
    inForm<HTMLInputElement>(dashboard, '#site')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(describeFocus()).to.equal('input key');
    await sendKeys({ press: 'Tab' });
    expect(describeFocus()).to.equal('button Sign in');

    await signIn(dashboard);
    await untilLoaded(dashboard);
    expect(textOf($(dashboard, 'h1'))).to.equal('Earnings dashboard');
    // Focus follows the form's disappearance to the page heading.
    expect(describeFocus()).to.equal('h1 Earnings dashboard');
    expect(collector.requests.every((request) => request.headers.get('authorization') === `Bearer ${KEY}`)).to.equal(true);
  });

  it('keeps the key for this tab only: sessionStorage, never localStorage', async () => {
    mockCollector(worker, DATA);
    const dashboard = await renderDashboard();
    await signIn(dashboard);
    await untilLoaded(dashboard);
    expect(JSON.parse(sessionStorage.getItem(SESSION_KEY)!)).to.deep.equal({ site: SITE, apiKey: KEY });
    expect(localStorage.length).to.equal(0);
  });

  it('says "That key was not accepted" for a 401, stores nothing and keeps what was typed', async () => {
    mockCollector(worker, DATA);
    const dashboard = await renderDashboard();
    await signIn(dashboard, SITE, 'wrong-key');
    await waitUntil(() => textOf(inForm(dashboard, '[role="alert"]')) !== '', 'no error was shown');
    expect(textOf(inForm(dashboard, '[role="alert"]'))).to.equal('That key was not accepted. Check the API key and sign in again.');
    expect(inForm(dashboard, '#key')!.getAttribute('aria-invalid')).to.equal('true');
    expect(inForm(dashboard, '#site')!.getAttribute('aria-invalid')).to.equal('false');
    expect(describeFocus()).to.equal('input key');
    expect(inForm<HTMLInputElement>(dashboard, '#site')!.value).to.equal(SITE);
    expect(sessionStorage.getItem(SESSION_KEY)).to.equal(null);
    expect(textOf(inForm(dashboard, 'button'))).to.equal('Sign in');
    await expectNoAxeViolations(dashboard);
  });

  it('says when the key belongs to another site, and marks and focuses the site field it names', async () => {
    mockCollector(worker, DATA);
    const dashboard = await renderDashboard();
    await signIn(dashboard, 'other-site');
    await waitUntil(() => textOf(inForm(dashboard, '[role="alert"]')) !== '');
    expect(textOf(inForm(dashboard, '[role="alert"]'))).to.equal('That key is not for this site. Check the site id.');
    expect(inForm(dashboard, '#site')!.getAttribute('aria-invalid')).to.equal('true');
    expect(inForm(dashboard, '#site')!.getAttribute('aria-describedby')).to.equal('form-error');
    expect(inForm(dashboard, '#key')!.getAttribute('aria-invalid')).to.equal('false');
    expect(describeFocus()).to.equal('input site');
    await expectNoAxeViolations(dashboard);
  });

  it('says the collector cannot be reached when the network is down', async () => {
    worker.use(http.get('/v1/*', () => HttpResponse.error()));
    const dashboard = await renderDashboard();
    await signIn(dashboard);
    await waitUntil(() => textOf(inForm(dashboard, '[role="alert"]')) !== '');
    expect(textOf(inForm(dashboard, '[role="alert"]'))).to.equal('The collector cannot be reached. Check your connection, then try again.');
  });

  it('blames no field when the collector is down, fails or is busy, and leaves the cursor on "Sign in"', async () => {
    const failures: Array<[string, () => Response]> = [
      ['down', () => HttpResponse.error()],
      ['500', () => new HttpResponse(null, { status: 500 })],
      ['429', () => new HttpResponse(null, { status: 429 })],
    ];
    for (const [name, answer] of failures) {
      worker.resetHandlers(http.get('/v1/*', answer));
      const dashboard = await renderDashboard();
      await signIn(dashboard);
      await waitUntil(() => textOf(inForm(dashboard, '[role="alert"]')) !== '' && !form(dashboard).busy, `${name}: no error was shown`);
      await form(dashboard).updateComplete;
      expect([inForm(dashboard, '#site')!.getAttribute('aria-invalid'), inForm(dashboard, '#key')!.getAttribute('aria-invalid')], name).to.deep.equal(['false', 'false']);
      expect(inForm(dashboard, '#key')!.hasAttribute('aria-describedby'), name).to.equal(false);
      expect(describeFocus(), name).to.equal('button Sign in');
    }
  });

  it('checks the fields before asking the collector, and puts the cursor where the problem is', async () => {
    collector = mockCollector(worker, DATA);
    const dashboard = await renderDashboard();
    inForm<HTMLButtonElement>(dashboard, 'button')!.click();
    await form(dashboard).updateComplete;
    await dashboard.updateComplete;
    expect(textOf(inForm(dashboard, '#site-error'))).to.equal('Enter a site id: 1 to 64 letters, digits, “_” or “-”.');
    expect(textOf(inForm(dashboard, '#key-error'))).to.equal('Enter your API key.');
    expect(inForm(dashboard, '#site')!.getAttribute('aria-describedby')).to.equal('site-error');
    expect(describeFocus()).to.equal('input site');
    expect(collector.requests).to.have.length(0);
    await expectNoAxeViolations(dashboard);
  });

  it('shows the sign-in form across a phone screen', async () => {
    await setViewport({ width: 375, height: 800 });
    const dashboard = await renderDashboard();
    // The whole width of the page's column, inside its 1rem padding.
    expect(form(dashboard).getBoundingClientRect().width).to.equal($(dashboard, 'main')!.clientWidth - 32);
    expect(inForm(dashboard, '#key')!.getBoundingClientRect().width).to.be.greaterThan(250);
    expect(document.documentElement.scrollWidth).to.be.at.most(375);
  });
});
