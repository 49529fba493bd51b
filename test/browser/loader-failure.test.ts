// The built script tag when an element's chunk cannot be fetched (a deploy that forgot chunks/, a flaky CDN):
// one [vitrine] line, nothing thrown into the page, and the tag's next appearance tries again.
import { expect, waitUntil } from '@open-wc/testing';
import { http, HttpResponse, passthrough } from 'msw';
import { setupWorker } from 'msw/browser';

const CARD_CHUNK = '*/packages/embed/dist/chunks/vitrine-product-card.js';
const worker = setupWorker();

function loadScript(): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = '/packages/embed/dist/vitrine.js';
    script.onload = () => resolve();
    script.onerror = () => reject(new Error('vitrine.js is missing: run `npm run build`'));
    document.head.append(script);
  });
}

describe('vitrine.js when a chunk cannot be fetched', () => {
  const logged: string[] = [];
  const uncaught: string[] = [];
  const originalError = console.error;
  const onError = (event: ErrorEvent) => uncaught.push(String(event.message));
  const onRejection = (event: PromiseRejectionEvent) => uncaught.push(String(event.reason));
  let answered = 0;

  before(async () => {
    await worker.start({ quiet: true, onUnhandledRequest: 'bypass' });
    // The first request for the card's chunk fails as a server in trouble would; later ones reach the real file.
    worker.use(http.get(CARD_CHUNK, () => (answered++ === 0 ? new HttpResponse('unavailable', { status: 503 }) : passthrough())));
    console.error = (...args: unknown[]) => logged.push(args.join(' '));
    addEventListener('error', onError);
    addEventListener('unhandledrejection', onRejection);
    await loadScript();
  });
  after(() => {
    console.error = originalError;
    removeEventListener('error', onError);
    removeEventListener('unhandledrejection', onRejection);
    worker.stop();
  });

  it('logs one line and throws nothing, then loads the chunk when the tag appears again', async () => {
    const failedLoad = () => logged.filter((line) => line.startsWith('[vitrine] could not load <vitrine-product-card>'));
    const errors: Array<{ target: EventTarget | null; detail: Record<string, unknown> }> = [];
    const onVitrineError = (event: Event) => errors.push({ target: event.target, detail: (event as CustomEvent).detail });
    document.addEventListener('vitrine-error', onVitrineError);
    const first = document.createElement('vitrine-product-card');
    document.body.append(first);
    await waitUntil(() => failedLoad().length === 1, 'the failed load was not logged');
    document.removeEventListener('vitrine-error', onVitrineError);
    expect(failedLoad()[0]).to.include("check that chunks/ is served next to vitrine.js and allowed by the page's Content-Security-Policy");
    // The host hears of it on the element, as of any failure that leaves it without content.
    expect(errors.map(({ target, detail }) => [target === first, detail.code, detail.fatal, detail.message === failedLoad()[0]!.slice('[vitrine] '.length)])).to.deep.equal([[true, 'element-unavailable', true, true]]);
    expect(customElements.get('vitrine-product-card') === undefined).to.equal(true);
    first.remove();

    const second = document.createElement('vitrine-product-card');
    document.body.append(second);
    await customElements.whenDefined('vitrine-product-card');
    expect(answered).to.equal(2);
    expect(failedLoad()).to.have.length(1);
    expect(uncaught).to.deep.equal([]);
    second.remove();
  });
});
