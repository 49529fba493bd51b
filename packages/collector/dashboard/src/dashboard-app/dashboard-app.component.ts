import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { ApiError, CollectorApi, type DashboardApi, type Session } from '../api.js';
import { saveBlob } from '../download.js';
import type { CsvRequestDetail } from '../events.js';
import { resolveLocale } from '../format.js';
import { lastDays, mainCurrency, totalsOf } from '../report.js';
import { clearSession, readSession, saveSession } from '../session.js';
import { strings, t } from '../strings.js';
import { sharedStyles } from '../styles.js';
import '../earnings-chart/earnings-chart.js';
import '../ranking-table/ranking-table.js';
import '../recent-orders/recent-orders.js';
import '../sign-in-form/sign-in-form.js';
import type { SignInField } from '../sign-in-form/sign-in-form.js';
import { dashboardAppStyles } from './dashboard-app.styles.js';
import { hasNoSales, loadDashboard, type DashboardData } from './dashboard-data.js';
import { choiceGroup, totalsList } from './parts.js';

export const PERIODS = [7, 30, 90] as const;
export type PeriodDays = (typeof PERIODS)[number];
const LONGEST_PERIOD = PERIODS[PERIODS.length - 1];

/**
 * The whole dashboard page: sign-in, period and currency, totals, the earnings chart, top lists and recent orders.
 *
 * @tag vitrine-dashboard
 */
export class VitrineDashboard extends LitElement {
  static override styles = [sharedStyles, dashboardAppStyles];
  static override properties = {
    connect: { attribute: false },
    locale: { reflect: true },
  };

  /** Builds the client for a session; stories hand in a fake collector. */
  connect: (session: Session) => DashboardApi = (session) => new CollectorApi(session);

  locale?: string;

  #session: Session | undefined;
  #api: DashboardApi | undefined;
  /** False while a freshly typed key is being tried: the form stays up until the collector accepts it. */
  #verified = false;
  #signInError = '';
  #signInErrorField: SignInField | undefined;
  #period: PeriodDays = 30;
  #currency = '';
  #currencies: string[] = [];
  #data: DashboardData | undefined;
  #loading = false;
  #loadError = '';
  #downloadError = '';
  #status = '';
  #load: AbortController | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    const stored = this.#session ? undefined : readSession();
    if (stored) this.#start(stored, true);
    // Back in the page after a load was cut short by leaving it.
    else if (this.#session && !this.#data) void this.#reload();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#load?.abort();
  }

  protected override updated(): void {
    // The tab's title says which page this is: what a screen reader announces first, and what a tab list shows.
    const state = !this.#session || !this.#verified ? strings.signIn : this.#loadError ? strings.loadFailedTitle : this.#session.site;
    document.title = t('documentTitle', { state });
  }

  protected override render(): TemplateResult {
    return html`<main>
      ${this.#session && this.#verified ? this.#renderDashboard() : this.#renderSignIn()}
      <p class="visually-hidden" role="status">${this.#status}</p>
    </main>`;
  }

  #renderSignIn(): TemplateResult {
    return html`<vitrine-sign-in-form .error=${this.#signInError} .errorField=${this.#signInErrorField} ?busy=${this.#session !== undefined} @vitrine-sign-in=${this.#onSignIn}></vitrine-sign-in-form>`;
  }

  #renderDashboard(): TemplateResult {
    const locale = resolveLocale(this.locale);
    const data = this.#loading ? undefined : this.#data;
    const scope = this.#data?.days.scope;
    // Ids come from events: <bdi> keeps a right-to-left mark in one from reordering the words around it.
    const scopeText = scope ? (scope.role === 'creator' ? html` · ${strings.creatorScope}: <bdi>${scope.creator}</bdi>` : ` · ${strings.brandScope}`) : '';
    return html`
      <header class="top">
        <div>
          <h1 tabindex="-1">${strings.pageTitle}</h1>
          <p class="note scope">${strings.signedInAs} <strong><bdi>${this.#session!.site}</bdi></strong>${scopeText}</p>
        </div>
        <button class="button" type="button" @click=${() => this.#signOut('')}>${strings.signOut}</button>
      </header>
      <div class="controls">
        ${choiceGroup(strings.period, 'period', PERIODS.map((days) => ({ value: String(days), label: t('lastDays', { n: days }) })), String(this.#period), (value) => this.#onPeriod(value))}
        ${this.#currencies.length > 1
          ? choiceGroup(strings.currency, 'currency', this.#currencies.map((code) => ({ value: code, label: code })), this.#currency, (value) => this.#onCurrency(value))
          : nothing}
      </div>
      ${this.#downloadError ? html`<p class="notice" role="alert">${this.#downloadError}</p>` : nothing}
      ${this.#loadError ? this.#renderLoadError() : this.#renderReports(data, locale)}
    `;
  }

  #renderLoadError(): TemplateResult {
    return html`<div class="card failure">
      <p role="alert">${this.#loadError}</p>
      <button class="button primary" type="button" @click=${() => this.#retry()}>${strings.retry}</button>
    </div>`;
  }

  #renderReports(data: DashboardData | undefined, locale: string): TemplateResult {
    const currency = this.#currency;
    const loading = data === undefined;
    return html`
      ${totalsList(data ? totalsOf(data.days, currency) : undefined, currency, locale)}
      ${data && hasNoSales(data)
        ? html`<div class="card empty-period">
            <h2>${strings.emptyTitle}</h2>
            <p class="note">${strings.emptyBody}${this.#period < LONGEST_PERIOD ? ` ${strings.tryLongerPeriod}` : ''}</p>
          </div>`
        : nothing}
      <div class="reports" @vitrine-csv-request=${this.#onCsvRequest}>
        <vitrine-earnings-chart class="span" .report=${data?.days} currency=${currency} locale=${locale} ?loading=${loading}></vitrine-earnings-chart>
        <vitrine-ranking-table dimension="clips" .report=${data?.clips} currency=${currency} locale=${locale} ?loading=${loading}></vitrine-ranking-table>
        <vitrine-ranking-table dimension="products" .report=${data?.products} currency=${currency} locale=${locale} ?loading=${loading}></vitrine-ranking-table>
        ${data?.creators || (loading && this.#data?.creators)
          ? html`<vitrine-ranking-table dimension="creators" .report=${data?.creators} currency=${currency} locale=${locale} ?loading=${loading}></vitrine-ranking-table>`
          : nothing}
        <vitrine-recent-orders class="span" .orders=${this.#data?.orders} locale=${locale} ?loading=${this.#data === undefined}></vitrine-recent-orders>
      </div>
    `;
  }

  #start(session: Session, verified: boolean): void {
    this.#session = session;
    this.#api = this.connect(session);
    this.#verified = verified;
    this.#signInError = '';
    this.#signInErrorField = undefined;
    void this.#reload();
  }

  /** "Try again" takes the focus along: to the heading while loading, then to the new "Try again" if it fails again. */
  async #retry(): Promise<void> {
    const heading = this.renderRoot.querySelector<HTMLElement>('h1');
    heading?.focus();
    await this.#reload();
    await this.updateComplete;
    if (this.#loadError && this.shadowRoot?.activeElement === heading) this.renderRoot.querySelector<HTMLElement>('.failure button')?.focus();
  }

  async #reload(): Promise<void> {
    const api = this.#api;
    if (!api) return;
    this.#load?.abort();
    const load = (this.#load = new AbortController());
    this.#loading = true;
    this.#loadError = '';
    this.#downloadError = '';
    this.#status = strings.loading;
    this.requestUpdate();
    try {
      const data = await loadDashboard(api, lastDays(this.#period), load.signal);
      if (load.signal.aborted) return;
      this.#show(data);
    } catch (error) {
      if (load.signal.aborted) return;
      this.#onLoadFailed(error);
    } finally {
      if (this.#load === load) {
        this.#loading = false;
        this.requestUpdate();
      }
    }
  }

  #show(data: DashboardData): void {
    const firstShow = !this.#verified;
    this.#data = data;
    this.#currencies = data.days.currencies;
    if (!this.#currencies.includes(this.#currency)) this.#currency = mainCurrency(data.days, data.orders);
    this.#announceLoaded();
    this.requestUpdate();
    if (firstShow) {
      this.#verified = true;
      saveSession(this.#session!);
      // Focus leaves the vanished form for the page's heading, so keyboard and screen-reader users land on the report.
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('h1')?.focus());
    }
  }

  #onLoadFailed(error: unknown): void {
    const apiError = error instanceof ApiError ? error : undefined;
    if (!apiError) console.error('[vitrine] dashboard:', error);
    const message = apiError?.message ?? strings.serverError;
    // An unverified key, or one the collector no longer accepts, sends the person back to the form with the reason.
    if (!this.#verified || apiError?.code === 'unauthorized' || apiError?.code === 'forbidden') {
      this.#signOut(message, apiError?.code === 'unauthorized' ? 'key' : apiError?.code === 'forbidden' ? 'site' : undefined);
      return;
    }
    this.#loadError = message;
    this.#status = '';
  }

  #announceLoaded(): void {
    const data = this.#data;
    if (!data) return;
    this.#status = hasNoSales(data) ? t('loadedNoSales', { n: this.#period }) : t('loaded', { n: this.#period, currency: this.#currency });
  }

  /** Back to the form, with the reason and the field it names, if any. */
  #signOut(reason: string, field?: SignInField): void {
    this.#load?.abort();
    clearSession();
    this.#session = undefined;
    this.#api = undefined;
    this.#verified = false;
    this.#data = undefined;
    this.#currencies = [];
    this.#loading = false;
    this.#loadError = '';
    this.#downloadError = '';
    this.#signInError = reason;
    this.#signInErrorField = field;
    this.#status = '';
    this.requestUpdate();
    // To the field the reason names, to the button when the collector failed, else to the top of a fresh form.
    void this.updateComplete.then(() => this.renderRoot.querySelector('vitrine-sign-in-form')?.focus());
  }

  #onSignIn(event: CustomEvent<Session>): void {
    if (this.#session) return;
    this.#start(event.detail, false);
  }

  #onPeriod(value: string): void {
    this.#period = Number(value) as PeriodDays;
    void this.#reload();
  }

  #onCurrency(value: string): void {
    this.#currency = value;
    this.#announceLoaded();
    this.requestUpdate();
  }

  async #onCsvRequest(event: CustomEvent<CsvRequestDetail>): Promise<void> {
    const { dimension } = event.detail;
    const api = this.#api;
    const data = this.#data;
    const site = this.#session?.site;
    if (!api || !data || !site) return;
    this.#downloadError = '';
    this.requestUpdate();
    try {
      const blob = await api.csv(dimension, data.range);
      saveBlob(blob, `vitrine-${site}-${dimension}-${data.range.from}-${data.range.to}.csv`, this.renderRoot);
    } catch (error) {
      this.#downloadError = `${strings.downloadFailed}: ${error instanceof ApiError ? error.message : strings.serverError}`;
      this.requestUpdate();
    }
  }
}
