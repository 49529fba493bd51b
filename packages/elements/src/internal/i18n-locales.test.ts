import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../catalog/catalog.js';
import type { VitrineCatalog } from '../catalog/catalog.js';

/** An empty catalog's message ("No products to show yet."), in a page of `lang` and `dir`. */
async function emptyMessage(lang: string, dir: string): Promise<HTMLElement> {
  const wrapper = await fixture<HTMLElement>(html`<div lang=${lang} dir=${dir}><vitrine-catalog heading-level="0" .products=${[]}></vitrine-catalog></div>`);
  const catalog = wrapper.querySelector<VitrineCatalog>('vitrine-catalog')!;
  await waitUntil(() => catalog.shadowRoot!.querySelector('[part~="status"]'), 'no message');
  return catalog.shadowRoot!.querySelector<HTMLElement>('[part~="status"]')!;
}

/** The on-screen box of the first letter and of the full stop of a message. */
function ends(message: HTMLElement): { first: DOMRect; stop: DOMRect } {
  const node = [...message.childNodes].find((child): child is Text => child instanceof Text && child.data.trim() !== '')!;
  const box = (at: number) => {
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + 1);
    return range.getBoundingClientRect();
  };
  return { first: box(node.data.indexOf('N')), stop: box(node.data.lastIndexOf('.')) };
}

describe('strings in a language Vitrine has none for', () => {
  it('speaks English, and on a right-to-left page still ends a sentence with its full stop', async () => {
    for (const [lang, dir] of [
      ['ar', 'rtl'],
      ['he', 'rtl'],
      ['tlh', 'ltr'],
    ]) {
      const message = await emptyMessage(lang!, dir!);
      expect(message.textContent!.replace(/[\u2068\u2069]/g, '').trim()).to.equal('No products to show yet.');
      const { first, stop } = ends(message);
      expect(stop.left, `the full stop ends the sentence (${lang})`).to.be.above(first.right);
    }
  });
});
