import type { Session } from './api.js';

/** sessionStorage, not localStorage: a shared computer forgets the key when the tab closes. */
export const SESSION_KEY = 'vitrine-dashboard-session';

export function readSession(): Session | undefined {
  try {
    const value = JSON.parse(sessionStorage.getItem(SESSION_KEY) ?? 'null') as Partial<Session> | null;
    return typeof value?.site === 'string' && typeof value.apiKey === 'string' ? { site: value.site, apiKey: value.apiKey } : undefined;
  } catch {
    return undefined;
  }
}

/** Storage can be full or disabled; the session then lasts as long as the page. */
export function saveSession(session: Session): void {
  try {
    sessionStorage.setItem(SESSION_KEY, JSON.stringify(session));
  } catch {
    // Kept in memory only.
  }
}

export function clearSession(): void {
  try {
    sessionStorage.removeItem(SESSION_KEY);
  } catch {
    // Nothing was stored.
  }
}
