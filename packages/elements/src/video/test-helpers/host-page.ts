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
