import { aTimeout, expect, html, waitUntil } from '@open-wc/testing';
import { JsonFeedSource, TrackedEvent, type TrackDetail } from '@vitrine/core';
import { recordEvents, tracked } from '../test/events.js';
import { recordOwnEvents, upgradeLater, watchListeners } from '../test/lifecycle.js';
import { FEEDS, feed, serve, serveLater, watchFetchSignals, renderCatalog, root, cardTitles, watchCatalogsInEachTest, loaded, pending, rawProduct } from './test-helpers/catalog.js';
import type { VitrineCatalog } from './catalog.js';
import './catalog.js';

/** A catalog of its own, appended to the page, as a framework makes one. */
function mount(set: Partial<VitrineCatalog>, parent: HTMLElement = document.body): VitrineCatalog {
  const catalog = document.createElement('vitrine-catalog');
  Object.assign(catalog, set);
  parent.append(catalog);
  return catalog;
}

describe('<vitrine-catalog> lifecycle', () => {
  watchCatalogsInEachTest();

  it('fetches nothing and reports nothing when given a new src while out of the page, and loads it when put back', async () => {
    serve('/first.json', feed(2, { title: 'First' }));
    const catalog = await renderCatalog(html`<vitrine-catalog src="${FEEDS}/first.json"></vitrine-catalog>`);
    await loaded(catalog);
    const parent = catalog.parentElement!;
    const fetches = watchFetchSignals();
    const own = recordOwnEvents(catalog);
    // A router keeps the element and re-configures it before showing it again.
    catalog.remove();
    catalog.src = `${FEEDS}/second.json`;
    serve('/second.json', feed(3, { title: 'Second' }));
    await aTimeout(200);
    own.stop();
    expect(fetches.signals).to.have.length(0);
    expect(own.lines).to.deep.equal([]);
    parent.append(catalog);
    expect((await loaded(catalog)).count).to.equal(3);
    fetches.stop();
    expect(root(catalog).querySelector('[part="heading"]')!.textContent).to.equal('Second');
  });

  it('shows the last of several srcs set while earlier ones load, and reports nothing for the others', async () => {
    const releaseA = serveLater('/a.json', feed(1, { title: 'A' }));
    const releaseB = serveLater('/b.json', feed(2, { title: 'B' }));
    serve('/c.json', feed(3, { title: 'C' }));
    const catalog = await renderCatalog(html`<vitrine-catalog src="${FEEDS}/a.json"></vitrine-catalog>`);
    await aTimeout(20);
    catalog.src = `${FEEDS}/b.json`;
    await aTimeout(20);
    catalog.src = `${FEEDS}/c.json`;
    expect((await loaded(catalog)).count).to.equal(3);
    releaseA();
    releaseB();
    await aTimeout(200);
    expect(pending.loads + pending.errors).to.equal(0);
    expect(root(catalog).querySelector('[part="heading"]')!.textContent).to.equal('C');
  });

  it('two catalogs on one source: removing one mid-load leaves the other its products', async () => {
    const release = serveLater('/shared.json', feed(4));
    const source = new JsonFeedSource(`${FEEDS}/shared.json`);
    const wrapper = document.createElement('div');
    document.body.append(wrapper);
    const first = mount({ source }, wrapper);
    const second = mount({ source }, wrapper);
    await aTimeout(50);
    first.remove();
    await aTimeout(0);
    release();
    expect((await loaded(second)).count).to.equal(4);
    expect(pending.loads + pending.errors).to.equal(0);
    wrapper.remove();
  });

  it('reports Product List Viewed once per load: not again when moved, nor when put back later', async () => {
    serve('/viewed.json', feed(3));
    const events = recordEvents<TrackDetail>(document, 'vitrine-track');
    const catalog = await renderCatalog(html`<vitrine-catalog src="${FEEDS}/viewed.json"></vitrine-catalog>`);
    await loaded(catalog);
    await waitUntil(() => tracked(events.events, TrackedEvent.productListViewed).length === 1, 'no Product List Viewed');
    const parent = catalog.parentElement!;
    parent.prepend(catalog);
    catalog.remove();
    await aTimeout(50);
    parent.append(catalog);
    await aTimeout(1200);
    events.stop();
    expect(tracked(events.events, TrackedEvent.productListViewed)).to.have.length(1);
    expect(cardTitles(catalog)).to.deep.equal(['Item 1', 'Item 2', 'Item 3']);
    expect(pending.loads).to.equal(0);
  });

  it('takes properties set before it is connected, and before it is defined (upgraded later)', async () => {
    const made = mount({ products: [rawProduct(1), rawProduct(2)], layout: 'grid', headingLevel: 0 });
    expect((await loaded(made)).count).to.equal(2);
    expect(root(made).querySelector('[part="grid"]')).to.not.equal(null);
    made.remove();

    const lazy = upgradeLater<VitrineCatalog>('vitrine-catalog', { products: [rawProduct(1)], limit: 1 });
    expect((await loaded(lazy)).count).to.equal(1);
    expect(cardTitles(lazy)).to.deep.equal(['Item 1']);
    lazy.parentElement!.remove();
  });

  it('tells a host that listens before inserting it about an attribute it cannot use', async () => {
    const catalog = document.createElement('vitrine-catalog');
    const own = recordOwnEvents(catalog);
    catalog.setAttribute('layout', 'masonry');
    document.body.append(catalog);
    await catalog.updateComplete;
    own.stop();
    catalog.remove();
    expect(own.lines).to.deep.equal(['vitrine-error invalid-attribute layout']);
  });

  it('leaves no fetch, listener or report behind after 50 mounts and unmounts', async () => {
    const release = serveLater('/churn.json', feed(12));
    const listeners = watchListeners();
    const fetches = watchFetchSignals();
    const own: Array<ReturnType<typeof recordOwnEvents>> = [];
    for (let i = 0; i < 50; i++) {
      const catalog = mount(i % 2 ? { src: `${FEEDS}/churn.json` } : { products: feed(12), layout: i % 4 ? 'carousel' : 'grid' });
      await aTimeout(i % 5 === 0 ? 30 : i % 3);
      catalog.remove();
      own.push(recordOwnEvents(catalog));
    }
    await aTimeout(0);
    fetches.stop();
    release();
    await aTimeout(300);
    listeners.stop();
    own.forEach((record) => record.stop());
    expect(listeners.left()).to.deep.equal([]);
    // The feed is held: every fetch a catalog started must have been aborted with its removal.
    expect(fetches.signals.length).to.be.above(0);
    expect(fetches.signals.filter((signal) => !signal?.aborted)).to.have.length(0);
    expect(own.flatMap((record) => record.lines)).to.deep.equal([]);
    expect(pending.errors).to.equal(0);
  });
});
