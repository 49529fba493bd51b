import { expect } from '@open-wc/testing';
import type { SetupWorker } from 'msw/browser';
import type { ErrorDetail } from '../../internal/report-error.js';
import { eventQueue } from '../../test/events.js';

/** What reaches the host page: `vitrine-error` events, console warnings and errors, uncaught errors and rejections. */
export interface HostPage {
  errors: ReturnType<typeof eventQueue<ErrorDetail>>;
  /** One string per console line. */
  logged: string[];
  uncaught: unknown[];
  stop(): void;
}

export function watchHostPage(): HostPage {
  const errors = eventQueue<ErrorDetail>(document, 'vitrine-error');
  const logged: string[] = [];
  const uncaught: unknown[] = [];
  const { error, warn } = console;
  console.error = console.warn = (...args: unknown[]) => logged.push(args.map(String).join(' '));
  const onError = (event: ErrorEvent) => uncaught.push(event.error ?? event.message);
  const onRejection = (event: PromiseRejectionEvent) => uncaught.push(event.reason);
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  return {
    errors,
    logged,
    uncaught,
    stop() {
      errors.stop();
      Object.assign(console, { error, warn });
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
    },
  };
}

/**
 * Holds the next timer of exactly `ms` that the code under test sets, until the test calls `fire()`: a long timeout
 * is tested without the wait. Other timers run as usual.
 */
export function holdTimer(ms: number): { fire(): void; restore(): void } {
  const original = window.setTimeout;
  let held: (() => void) | undefined;
  const restore = () => void (window.setTimeout = original);
  window.setTimeout = ((handler: TimerHandler, delay?: number, ...args: unknown[]) => {
    if (delay !== ms || held) return original(handler, delay, ...args);
    held = () => (handler as (...values: unknown[]) => void)(...args);
    restore();
    return 0;
  }) as typeof window.setTimeout;
  return {
    fire() {
      restore();
      if (!held) throw new Error(`no timer of ${ms} ms was set`);
      held();
    },
    restore,
  };
}

/**
 * Mocha hooks for a suite that mocks the network with `worker` and watches the host page in each test, which must
 * end with nothing uncaught. Returns the current test's page.
 */
export function watchHostPageInEachTest(worker: SetupWorker): () => HostPage {
  let page: HostPage;
  before(() => worker.start({ quiet: true, onUnhandledRequest: 'bypass' }));
  after(() => worker.stop());
  beforeEach(() => (page = watchHostPage()));
  afterEach(() => {
    page.stop();
    worker.resetHandlers();
    expect(page.uncaught).to.deep.equal([]);
  });
  return () => page;
}
