import type { Session } from '../api.js';
import { defineOnce } from '../define.js';
import { VitrineSignInForm } from './sign-in-form.component.js';

export * from './sign-in-form.component.js';

defineOnce('vitrine-sign-in-form', VitrineSignInForm);

declare global {
  interface HTMLElementTagNameMap {
    'vitrine-sign-in-form': VitrineSignInForm;
  }
  interface GlobalEventHandlersEventMap {
    'vitrine-sign-in': CustomEvent<Session>;
  }
}
