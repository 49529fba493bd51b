import { defineOnce } from '../define.js';
import { VitrineDashboard } from './dashboard-app.component.js';

export * from './dashboard-app.component.js';

defineOnce('vitrine-dashboard', VitrineDashboard);

declare global {
  interface HTMLElementTagNameMap {
    'vitrine-dashboard': VitrineDashboard;
  }
}
