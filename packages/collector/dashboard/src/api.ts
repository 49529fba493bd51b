import { readOrders, readReport, type DayRange, type Dimension, type Order, type Report } from './report.js';
import { strings } from './strings.js';

export type ApiErrorCode = 'unauthorized' | 'forbidden' | 'unreachable' | 'timeout' | 'rate-limited' | 'server' | 'not-supported' | 'bad-response' | 'rejected';

/** A failed call, with the sentence to show the person reading the dashboard. */
export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface Session {
  site: string;
  apiKey: string;
}

/** What the page needs from a collector; stories and tests may hand in their own. */
export interface DashboardApi {
  report(dimension: Dimension, range: DayRange, signal?: AbortSignal): Promise<Report>;
  orders(limit: number, signal?: AbortSignal): Promise<Order[]>;
  csv(dimension: Dimension, range: DayRange, signal?: AbortSignal): Promise<Blob>;
}

export const TIMEOUT_MS = 20_000;

/** The collector that served this page: same origin, the key as a Bearer token. */
export class CollectorApi implements DashboardApi {
  readonly #session: Session;
  readonly #base: string;

  constructor(session: Session, base = '') {
    this.#session = session;
    this.#base = base;
  }

  async report(dimension: Dimension, range: DayRange, signal?: AbortSignal): Promise<Report> {
    const response = await this.#get(`/v1/reports/${dimension}`, { from: range.from, to: range.to }, signal);
    return parse(response, readReport);
  }

  async orders(limit: number, signal?: AbortSignal): Promise<Order[]> {
    const response = await this.#get('/v1/orders', { limit: String(limit) }, signal);
    return parse(response, readOrders);
  }

  async csv(dimension: Dimension, range: DayRange, signal?: AbortSignal): Promise<Blob> {
    const response = await this.#get(`/v1/reports/${dimension}`, { from: range.from, to: range.to, format: 'csv' }, signal);
    const body = await response.text().catch(() => Promise.reject(new ApiError('unreachable', strings.unreachable)));
    return new Blob([body], { type: 'text/csv;charset=utf-8' });
  }

  async #get(path: string, query: Record<string, string>, signal?: AbortSignal): Promise<Response> {
    const params = new URLSearchParams({ site: this.#session.site, ...query });
    const timeout = AbortSignal.timeout(TIMEOUT_MS);
    let response: Response;
    try {
      response = await fetch(`${this.#base}${path}?${params}`, {
        headers: { Authorization: `Bearer ${this.#session.apiKey}` },
        signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
        credentials: 'omit',
        cache: 'no-store',
      });
    } catch (error) {
      // The caller's own abort (a newer request replaced this one) is not a failure to show.
      if (signal?.aborted) throw error;
      throw timeout.aborted ? new ApiError('timeout', strings.timeout) : new ApiError('unreachable', strings.unreachable);
    }
    if (!response.ok) throw await errorOf(response);
    return response;
  }
}

async function parse<T>(response: Response, read: (json: unknown) => T): Promise<T> {
  try {
    return read(await response.json());
  } catch {
    throw new ApiError('bad-response', strings.badResponse, response.status);
  }
}

async function errorOf(response: Response): Promise<ApiError> {
  const { status } = response;
  if (status === 401) return new ApiError('unauthorized', strings.unauthorized, status);
  if (status === 403) return new ApiError('forbidden', strings.forbidden, status);
  if (status === 404) return new ApiError('not-supported', strings.notSupported, status);
  if (status === 429) return new ApiError('rate-limited', strings.rateLimited, status);
  if (status >= 400 && status < 500) {
    const detail = await serverMessage(response);
    return new ApiError('rejected', detail ? `${strings.rejected}: ${detail}` : `${strings.rejected} (${status}).`, status);
  }
  return new ApiError('server', strings.serverError, status);
}

/** The collector's own explanation of a refusal (`{error: {message}}`), shortened; shown as text only. */
async function serverMessage(response: Response): Promise<string | undefined> {
  try {
    const body = (await response.json()) as { error?: { message?: unknown } };
    const message = body?.error?.message;
    return typeof message === 'string' && message !== '' ? message.slice(0, 200) : undefined;
  } catch {
    return undefined;
  }
}
