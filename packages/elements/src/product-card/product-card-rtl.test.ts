import { expect, fixture, html } from '@open-wc/testing';
import type { Product } from '@vitrine/core';
import { makeProduct } from '../test/products.js';
import './product-card.js';
import type { VitrineProductCard } from './product-card.js';

function part(card: VitrineProductCard, name: string): HTMLElement {
  return card.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`)!;
}

/** The on-screen box of the first or (`-1`) the last character of an element's own text. */
function charBox(element: Element, index: 0 | -1): DOMRect {
  const node = [...element.childNodes].find((child): child is Text => child instanceof Text && child.data.trim() !== '')!;
  const content = node.data.trimEnd();
  const at = index < 0 ? content.length - 1 : content.length - content.trimStart().length;
  const range = document.createRange();
  range.setStart(node, at);
  range.setEnd(node, at + 1);
  return range.getBoundingClientRect();
}

async function renderCard(dir: string, lang: string, product: Partial<Product>): Promise<VitrineProductCard> {
  const wrapper = await fixture<HTMLElement>(html`<div dir=${dir} lang=${lang}><vitrine-product-card .product=${makeProduct(product)}></vitrine-product-card></div>`);
  const card = wrapper.querySelector('vitrine-product-card')!;
  await card.updateComplete;
  return card;
}

describe('<vitrine-product-card> with names in another direction than the page', () => {
  it('reads a Latin title on an Arabic page, and a Hebrew one on an English page, with their punctuation last', async () => {
    const latin = part(await renderCard('rtl', 'ar', { title: 'Linen shirt, size M!' }), 'link');
    expect(charBox(latin, -1).left, '“!” ends the Latin title, on its right').to.be.above(charBox(latin, 0).right);
    const hebrew = part(await renderCard('ltr', 'en', { title: 'חולצת פשתן!' }), 'link');
    expect(charBox(hebrew, -1).right, '“!” ends the Hebrew title, on its left').to.be.below(charBox(hebrew, 0).left);
  });

  it('cuts a long Latin brand at its end on an Arabic page, so its first letters show', async () => {
    const card = await renderCard('rtl', 'ar', { brand: 'Rindfleischetikettierungsueberwachung', title: 'قميص كتان' });
    const brand = part(card, 'brand');
    expect(brand.scrollWidth, 'the brand is cut').to.be.above(brand.clientWidth);
    const box = brand.getBoundingClientRect();
    const first = charBox(brand, 0);
    expect(first.left, 'its first letter shows').to.be.at.least(box.left - 0.5);
    expect(first.right).to.be.at.most(box.right + 0.5);
  });
});
