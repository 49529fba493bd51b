import { fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { setupWorker, type SetupWorker } from 'msw/browser';
import '../dashboard-app/dashboard-app.js';
import type { VitrineDashboard } from '../dashboard-app/dashboard-app.js';
import type { VitrineEarningsChart } from '../earnings-chart/earnings-chart.js';
import { SESSION_KEY } from '../session.js';
import type { VitrineSignInForm } from '../sign-in-form/sign-in-form.js';
import { money, order, report, row } from './fixtures.js';
import { KEY, SITE, type MockData } from './mock-collector.js';

/** One msw worker per test file, started before its tests; storage and viewport reset around each test. */
export function useDashboardWorker(): SetupWorker {
  const worker = setupWorker();
  before(() => worker.start({ quiet: true, onUnhandledRequest: 'bypass' }));
  after(() => worker.stop());
  beforeEach(() => {
    sessionStorage.clear();
    localStorage.clear();
  });
  afterEach(async () => {
    worker.resetHandlers();
    sessionStorage.clear();
    await setViewport({ width: 800, height: 600 });
  });
  return worker;
}

/** A day `n` days before today (UTC), inside every period the page offers. */
export const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

/** Reports in the given currencies; each further currency doubles, triples... the amounts so they are told apart. */
export function reportsFor(currencies: string[] = ['EUR']): MockData['reports'] {
  const perCurrency = (confirmed: number, pending = 0) => Object.fromEntries(currencies.map((code, i) => [code, money(confirmed * (i + 1), pending * (i + 1))]));
  return {
    days: report('days', [row(daysAgo(3), perCurrency(1598, 799), { clicks: 14, orders: 2 }), row(daysAgo(1), perCurrency(500), { clicks: 6, orders: 1 })]),
    clips: report('clips', [row('city-walk', perCurrency(500)), row('summer-lookbook', perCurrency(1598, 799))]),
    products: report('products', [row('linen-shirt', perCurrency(2098, 799))]),
    creators: report('creators', [row('mia-outdoors', perCurrency(2098, 799))]),
  };
}

export const DATA: MockData = { reports: reportsFor(), orders: [order({ orderId: 'o-1002', status: 'confirmed', placedAt: `${daysAgo(1)}T09:00:00.000Z` }), order()] };
export const NO_SALES: MockData = { reports: { days: report('days', []), clips: report('clips', []), products: report('products', []), creators: report('creators', []) }, orders: [] };

export async function renderDashboard(): Promise<VitrineDashboard> {
  const dashboard = await fixture<VitrineDashboard>(html`<vitrine-dashboard locale="en-GB"></vitrine-dashboard>`);
  await dashboard.updateComplete;
  return dashboard;
}

export const $ = <T extends Element = HTMLElement>(dashboard: VitrineDashboard, selector: string) => dashboard.shadowRoot!.querySelector<T>(selector);
export const form = (dashboard: VitrineDashboard) => $<VitrineSignInForm>(dashboard, 'vitrine-sign-in-form')!;
export const inForm = <T extends Element = HTMLElement>(dashboard: VitrineDashboard, selector: string) => form(dashboard).shadowRoot!.querySelector<T>(selector);

/** The element that has focus, looking through shadow roots. */
export function focused(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** The focused element as a person would name it: "button Sign out", "radio 30", "input key". */
export function describeFocus(): string {
  const element = focused();
  if (!element) return 'nothing';
  if (element instanceof HTMLInputElement && element.type === 'radio') return `radio ${element.value}`;
  return `${element.localName} ${element.textContent?.replace(/\s+/g, ' ').trim() || element.id}`;
}

/** Types into the form and presses Enter, as a person would. */
export async function signIn(dashboard: VitrineDashboard, site = SITE, key = KEY): Promise<void> {
  inForm<HTMLInputElement>(dashboard, '#site')!.focus();
  await sendKeys({ type: site });
  await sendKeys({ press: 'Tab' });
  await sendKeys({ type: key });
  await sendKeys({ press: 'Enter' });
}

export async function untilLoaded(dashboard: VitrineDashboard): Promise<void> {
  // First the render that starts loading, so an earlier finished load is not mistaken for this one.
  await dashboard.updateComplete;
  await waitUntil(() => $(dashboard, 'vitrine-recent-orders') && !$<VitrineEarningsChart>(dashboard, 'vitrine-earnings-chart')?.loading, 'the dashboard never finished loading', { timeout: 5000 });
  await dashboard.updateComplete;
}

export function storeSession(apiKey = KEY): void {
  sessionStorage.setItem(SESSION_KEY, JSON.stringify({ site: SITE, apiKey }));
}
