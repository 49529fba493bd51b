import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../catalog/catalog.js';
import '../video/video.js';
import type { VitrineCatalog } from '../catalog/catalog.js';
import { expectNoAxeViolations } from '../test/axe.js';
import { mediumFontSize } from '../test/font-size.js';
import { makeProducts } from '../test/products.js';
import { pendingSource } from '../test/sources.js';
import { SUMMER_CLIP, part, startPlayback, waitForPart } from '../video/test-helpers/video.js';
import type { VitrineVideo } from '../video/video.js';

/**
 * Every box of every element in the shadow trees under `root`, nested elements' too: its layout size and what `style`
 * reads of its computed style (by default its font size).
 */
function boxes(root: Element, style = (computed: CSSStyleDeclaration) => computed.fontSize, path = root.localName): string[] {
  const found: string[] = [];
  root.shadowRoot?.querySelectorAll('*').forEach((element, index) => {
    const name = `${path} > ${element.localName}[${index}]`;
    if (element instanceof HTMLElement) found.push(`${name}: ${element.offsetWidth}×${element.offsetHeight}, ${style(getComputedStyle(element))}`);
    found.push(...boxes(element, style, name));
  });
  return found;
}

const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));

/** Until what the new root font size changes has been laid out and rendered (virtual windows, container queries). */
async function settle(...elements: Array<{ updateComplete: Promise<boolean> }>): Promise<void> {
  await frame();
  await Promise.all(elements.map((element) => element.updateComplete));
  await frame();
}

/** Cards in a carousel and in a grid, a catalog still loading and one that failed, as a page would show them. */
async function renderCatalogs(): Promise<VitrineCatalog[]> {
  // Widths in px: a wrapper in rem would itself shrink with the root font size.
  const wrapper = await fixture<HTMLElement>(html`
    <div lang="en" style="inline-size: 900px">
      <vitrine-catalog .products=${makeProducts(6)}></vitrine-catalog>
      <vitrine-catalog layout="grid" .products=${makeProducts(3)}></vitrine-catalog>
      <vitrine-catalog .source=${pendingSource}></vitrine-catalog>
      <vitrine-catalog .source=${{ ...pendingSource, list: () => Promise.reject(new Error('down')) }}></vitrine-catalog>
    </div>
  `);
  const catalogs = [...wrapper.querySelectorAll<VitrineCatalog>('vitrine-catalog')];
  await waitUntil(() => catalogs.slice(0, 2).every((catalog) => boxes(catalog).some((box) => box.includes('vitrine-product-card'))), 'no cards rendered');
  await waitUntil(() => catalogs[3]!.shadowRoot!.querySelector('[part="status"]'), 'the failed catalog shows no message');
  await settle(...catalogs);
  return catalogs;
}

/** The summer clip playing, paused, with its tray open and its entrance animations over. */
async function renderPlayingVideo(): Promise<VitrineVideo> {
  const wrapper = await fixture<HTMLElement>(html`<div lang="en" style="inline-size: 640px"><vitrine-video clip=${SUMMER_CLIP}></vitrine-video></div>`);
  const video = wrapper.querySelector<VitrineVideo>('vitrine-video')!;
  await waitForPart(video, 'play-button');
  const media = await startPlayback(video);
  media.pause();
  part(video, 'tray-button')!.click();
  await settle(video);
  await Promise.all(video.shadowRoot!.getAnimations().map((animation) => animation.finished.catch(() => undefined)));
  return video;
}

/** A store theme's body text: Dawn's line height and letter spacing, and what other themes set on a section. */
const THEME_TEXT = {
  lineHeight: '1.8',
  letterSpacing: '0.6px',
  wordSpacing: '3px',
  textAlign: 'center',
  textIndent: '2em',
  textTransform: 'uppercase',
  whiteSpace: 'nowrap',
  fontStyle: 'italic',
  fontWeight: '300',
};

/** The text styles a page could pass down, as computed. */
const textStyles = (computed: CSSStyleDeclaration) => Object.keys(THEME_TEXT).map((property) => computed[property as keyof typeof THEME_TEXT]).join(' ');

describe('Elements on a page with its own root font size and text styles', () => {
  afterEach(() => {
    document.documentElement.style.fontSize = '';
    document.body.removeAttribute('style');
  });

  it("keeps cards, carousels and catalogs as they are when the page sets html's font size to 62.5% (Shopify's Dawn)", async () => {
    const catalogs = await renderCatalogs();
    const before = catalogs.flatMap((catalog) => boxes(catalog));

    document.documentElement.style.fontSize = '62.5%';
    await settle(...catalogs);

    expect(catalogs.flatMap((catalog) => boxes(catalog))).to.deep.equal(before);
    const card = catalogs[0]!.shadowRoot!.querySelector('vitrine-carousel')!.shadowRoot!.querySelector('vitrine-product-card')!;
    expect(card.offsetWidth).to.equal(14 * mediumFontSize());
  });

  it('keeps the playing video, its controls, tags and tray as they are when the page sets a 10px root font size', async () => {
    const video = await renderPlayingVideo();
    const before = boxes(video);

    document.documentElement.style.fontSize = '10px';
    await settle(video);

    expect(boxes(video)).to.deep.equal(before);
  });

  it("lays out cards, catalogs' messages and the video's tray alike under a theme's line height, spacing, alignment and case", async () => {
    const catalogs = await renderCatalogs();
    const video = await renderPlayingVideo();
    const layout = () => [...catalogs, video].flatMap((element) => boxes(element, textStyles));
    const before = layout();

    Object.assign(document.body.style, THEME_TEXT);
    await settle(...catalogs, video);

    expect(layout()).to.deep.equal(before);
  });

  it("writes the catalog's title and messages in the page's text color, on a dark section too, and cards in their own", async () => {
      const wrapper = await fixture<HTMLElement>(html`
      <section lang="en" style="inline-size: 900px; background: #111; color: #eee">
        <vitrine-catalog .source=${{ ...pendingSource, list: async () => ({ catalog: { title: 'Summer' }, products: makeProducts(2) }) }}></vitrine-catalog>
        <vitrine-catalog .source=${pendingSource}></vitrine-catalog>
        <vitrine-catalog .products=${[]}></vitrine-catalog>
      </section>
    `);
    const [loaded, loading, empty] = [...wrapper.querySelectorAll<VitrineCatalog>('vitrine-catalog')];
    await waitUntil(() => loaded!.shadowRoot!.querySelector('vitrine-carousel')?.shadowRoot?.querySelector('vitrine-product-card:not([skeleton])'), 'no cards rendered');
    await waitUntil(() => empty!.shadowRoot!.querySelector('[part="status"]'), 'the empty catalog says nothing');
    await settle(loaded!, loading!, empty!);
    const color = (element: Element | null | undefined) => (element ? getComputedStyle(element).color : 'missing');
    const light = 'rgb(238, 238, 238)';
    expect(color(loaded!.shadowRoot!.querySelector('[part="heading"]'))).to.equal(light);
    expect(color(empty!.shadowRoot!.querySelector('[part="status"]'))).to.equal(light);
    expect(color(loading!.shadowRoot!.querySelector('[role="status"]'))).to.equal(light);
    const card = loaded!.shadowRoot!.querySelector('vitrine-carousel')!.shadowRoot!.querySelector('vitrine-product-card')!;
    expect(color(card.shadowRoot!.querySelector('[part="title"]'))).to.equal('rgb(26, 26, 26)');
    await expectNoAxeViolations(wrapper);
  });

  it('scales every element with --vitrine-font-size, the one size a page sets for all of them', async () => {
    const wrapper = await fixture<HTMLElement>(html`
      <div lang="en" style="inline-size: 900px; --vitrine-font-size: 20px">
        <vitrine-catalog .products=${makeProducts(3)}></vitrine-catalog>
      </div>
    `);
    const catalog = wrapper.querySelector<VitrineCatalog>('vitrine-catalog')!;
    await waitUntil(() => catalog.shadowRoot!.querySelector('vitrine-carousel')?.shadowRoot?.querySelector('vitrine-product-card'), 'no cards rendered');
    await settle(catalog);
    const card = catalog.shadowRoot!.querySelector('vitrine-carousel')!.shadowRoot!.querySelector('vitrine-product-card')!;
    const title = card.shadowRoot!.querySelector('[part="title"]')!;
    // 14em wide, with 0.9375em titles: 280px and 18.75px at 20px.
    expect(card.offsetWidth).to.equal(280);
    expect(getComputedStyle(title).fontSize).to.equal('18.75px');
  });

  it("scales a catalog's cards with a font size set on the catalog element itself", async () => {
    const wrapper = await fixture<HTMLElement>(html`
      <div lang="en" style="inline-size: 900px">
        <vitrine-catalog style="font-size: 20px" .products=${makeProducts(3)}></vitrine-catalog>
        <vitrine-catalog style="font-size: 20px" layout="grid" .products=${makeProducts(3)}></vitrine-catalog>
      </div>
    `);
    const [carousel, grid] = [...wrapper.querySelectorAll<VitrineCatalog>('vitrine-catalog')];
    const firstCard = (catalog: VitrineCatalog) =>
      catalog.shadowRoot!.querySelector('vitrine-carousel')?.shadowRoot?.querySelector<HTMLElement>('vitrine-product-card') ??
      catalog.shadowRoot!.querySelector<HTMLElement>('vitrine-product-card:not([skeleton])');
    await waitUntil(() => firstCard(carousel!) && firstCard(grid!), 'no cards rendered');
    await settle(carousel!, grid!);
    expect([firstCard(carousel!)!.offsetWidth, getComputedStyle(firstCard(grid!)!).fontSize]).to.deep.equal([280, '20px']);
  });
});
