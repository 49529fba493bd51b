// The built script tag (packages/embed/dist/vitrine.js) in a real page: `npm test` builds before it runs these.
import { expect, waitUntil } from '@open-wc/testing';

const DIST = '/packages/embed/dist/';

function requestedChunks(): string[] {
  return performance
    .getEntriesByType('resource')
    .map((entry) => entry.name)
    .filter((name) => name.includes(`${DIST}chunks/`))
    .map((name) => name.slice(name.indexOf('chunks/')));
}

/** The Vitrine tags defined so far, by name (a failing comparison of element classes would stall the runner). */
function defined(): string[] {
  return ['vitrine-product-card', 'vitrine-carousel', 'vitrine-catalog', 'vitrine-video'].filter((tag) => customElements.get(tag) !== undefined);
}

function loadScript(attributes: Record<string, string> = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = `${DIST}vitrine.js`;
    for (const [name, value] of Object.entries(attributes)) script.setAttribute(name, value);
    script.onload = () => resolve();
    script.onerror = () => reject(new Error('vitrine.js is missing: run `npm run build`'));
    document.head.append(script);
  });
}

describe('vitrine.js', () => {
  const logged: string[] = [];
  const originalWarn = console.warn;
  const originalError = console.error;

  before(async () => {
    console.warn = (...args: unknown[]) => logged.push(`warn ${args.join(' ')}`);
    console.error = (...args: unknown[]) => logged.push(`error ${args.join(' ')}`);
    await loadScript({ 'data-site': 'bad site!', 'data-endpoint': 'javascript:alert(1)', 'data-locale': 'de' });
  });
  after(() => {
    console.warn = originalWarn;
    console.error = originalError;
  });

  it('exposes window.Vitrine and explains bad configuration in one line each, without throwing', () => {
    expect(window.Vitrine?.version).to.equal('0.1.0');
    expect(window.Vitrine?.config.site).to.equal('default');
    expect(window.Vitrine?.config.endpoint).to.equal(undefined);
    expect(logged.filter((line) => line.includes('data-endpoint must be an http(s) URL'))).to.have.length(1);
    expect(logged.filter((line) => line.includes('data-site must be'))).to.have.length(1);
  });

  it('downloads no element code until a tag appears, then only what that element needs', async () => {
    // The tracker's chunk starts loading with the script tag; whether it has arrived yet is a matter of timing.
    expect(requestedChunks().filter((name) => name !== 'chunks/vitrine-tracking.js')).to.deep.equal([]);
    expect(defined()).to.deep.equal([]);
    const card = document.createElement('vitrine-product-card');
    document.body.append(card);
    await customElements.whenDefined('vitrine-product-card');
    expect(requestedChunks().filter((name) => /chunks\/vitrine-(catalog|carousel|video)/.test(name))).to.deep.equal([]);
    expect(defined()).to.deep.equal(['vitrine-product-card']);
    card.remove();

    // A carousel brings the card it renders, and the code it shares with the catalog, but defines no catalog.
    const carousel = document.createElement('vitrine-carousel');
    document.body.append(carousel);
    await customElements.whenDefined('vitrine-carousel');
    expect(defined()).to.deep.equal(['vitrine-product-card', 'vitrine-carousel']);
    expect(requestedChunks().filter((name) => name.includes('vitrine-video'))).to.deep.equal([]);
    carousel.remove();
  });

  it('finds tags added deep inside later markup, reserves their height before they render, and applies data-locale', async () => {
    const wrapper = document.createElement('section');
    wrapper.innerHTML = '<div><vitrine-catalog></vitrine-catalog><vitrine-catalog heading-level="0"></vitrine-catalog></div>';
    document.body.append(wrapper);
    const [titled, untitled] = wrapper.querySelectorAll('vitrine-catalog');
    const reserved = [titled!.getBoundingClientRect().height, untitled!.getBoundingClientRect().height];
    expect(defined()).to.not.include('vitrine-catalog');
    await customElements.whenDefined('vitrine-catalog');
    // With neither src nor products a catalog shows its empty state, in German from data-locale.
    await waitUntil(() => titled!.shadowRoot?.textContent?.includes('Noch keine Produkte'), 'German empty state never rendered');
    await untitled!.updateComplete;
    expect([titled!.getBoundingClientRect().height, untitled!.getBoundingClientRect().height]).to.deep.equal(reserved);
    expect(reserved).to.deep.equal([29.25 * 16, 27 * 16]);
    wrapper.remove();
  });

  it('ignores a second copy with one warning', async () => {
    const api = window.Vitrine;
    logged.length = 0;
    await loadScript();
    expect(window.Vitrine).to.equal(api);
    expect(logged).to.have.length(1);
    expect(logged[0]).to.match(/^warn \[vitrine\] vitrine\.js is included more than once/);
  });
});
