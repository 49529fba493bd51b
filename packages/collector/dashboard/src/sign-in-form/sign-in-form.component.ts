import { LitElement, html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Session } from '../api.js';
import { strings } from '../strings.js';
import { sharedStyles } from '../styles.js';
import { signInFormStyles } from './sign-in-form.styles.js';

/** The collector's own rule for site ids. */
export const SITE_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

export const SIGN_IN = 'vitrine-sign-in';

export type SignInField = 'site' | 'key';

/**
 * Site and API key, checked for shape here; whether the key is accepted is the page's question to the collector.
 *
 * @tag vitrine-sign-in-form
 * @fires {Session} vitrine-sign-in - A well-formed site and key were submitted.
 */
export class VitrineSignInForm extends LitElement {
  static override styles = [sharedStyles, signInFormStyles];
  static override properties = {
    error: {},
    errorField: { attribute: false },
    busy: { type: Boolean, reflect: true },
  };

  /** The collector's answer to the last attempt, announced as soon as it is set. */
  error = '';

  /** The field that answer names; none when the collector failed rather than refused (it is down, or busy). */
  errorField?: SignInField;

  /** The key is being checked: the button says so and further submits wait. */
  busy = false;

  #siteError = '';
  #keyError = '';

  /** Puts the cursor in the first field that needs attention; after a failure no field is to blame, so on the button. */
  override focus(): void {
    const site = this.#siteError || this.errorField === 'site';
    const key = this.#keyError || this.errorField === 'key';
    const target = site || (!key && !this.error) ? this.#field('site') : key ? this.#field('key') : this.renderRoot.querySelector('button');
    target?.focus();
  }

  protected override render(): TemplateResult {
    return html`
      <section class="card" aria-labelledby="title">
        <h1 id="title">${strings.signInTitle}</h1>
        <p class="note">${strings.signInIntro}</p>
        <form novalidate @submit=${this.#onSubmit}>
          <label for="site">${strings.site}</label>
          <input
            id="site"
            name="site"
            autocomplete="off"
            autocapitalize="none"
            spellcheck="false"
            maxlength="64"
            aria-invalid=${this.#siteError || this.errorField === 'site' ? 'true' : 'false'}
            aria-describedby=${ifDefined(this.#siteError ? 'site-error' : this.errorField === 'site' ? 'form-error' : undefined)}
          />
          <p class="field-error" id="site-error">${this.#siteError}</p>
          <label for="key">${strings.apiKey}</label>
          <input
            id="key"
            name="key"
            type="password"
            autocomplete="off"
            spellcheck="false"
            aria-invalid=${this.#keyError || this.errorField === 'key' ? 'true' : 'false'}
            aria-describedby=${ifDefined(this.#keyError ? 'key-error' : this.errorField === 'key' ? 'form-error' : undefined)}
          />
          <p class="field-error" id="key-error">${this.#keyError}</p>
          <p class="form-error" id="form-error" role="alert">${this.error}</p>
          <button class="button primary" type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>
            ${this.busy ? strings.signingIn : strings.signIn}
          </button>
        </form>
      </section>
    `;
  }

  #field(id: 'site' | 'key'): HTMLInputElement | null {
    return this.renderRoot.querySelector<HTMLInputElement>(`#${id}`);
  }

  #onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    if (this.busy) return;
    const site = this.#field('site')?.value.trim() ?? '';
    const apiKey = this.#field('key')?.value.trim() ?? '';
    this.#siteError = SITE_ID.test(site) ? '' : strings.siteInvalid;
    this.#keyError = apiKey ? '' : strings.apiKeyMissing;
    this.requestUpdate();
    if (this.#siteError || this.#keyError) {
      void this.updateComplete.then(() => this.focus());
      return;
    }
    this.dispatchEvent(new CustomEvent<Session>(SIGN_IN, { detail: { site, apiKey }, bubbles: true, composed: true }));
  }
}
