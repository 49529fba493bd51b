import { expect, fixture, html } from '@open-wc/testing';
import type { ErrorDetail } from './report-error.js';
import { recordEvents } from '../test/events.js';
import { makeProduct } from '../test/products.js';
import '../product-card/product-card.js';
import type { VitrineProductCard } from '../product-card/product-card.js';

/** What went into the console through `console[level]` while `work` ran. */
async function consoleLines(level: 'warn' | 'error', work: () => Promise<void>): Promise<string[]> {
  const lines: string[] = [];
  const original = console[level];
  console[level] = (...args: unknown[]) => void lines.push(args.join(' '));
  try {
    await work();
  } finally {
    console[level] = original;
  }
  return lines;
}

describe('localized strings', () => {
  it('ignores an element’s own string override that is not a string, and draws the built-in one', async () => {
    const failures = recordEvents<ErrorEvent>(window, 'error');
    const card = await fixture<VitrineProductCard>(html`<vitrine-product-card lang="en" .product=${makeProduct({ availability: 'out_of_stock' })}></vitrine-product-card>`);
    card.strings = { soldOut: 42, viewProduct: null } as unknown as VitrineProductCard['strings'];
    await card.updateComplete;
    failures.stop();
    expect(failures.events.length).to.equal(0);
    expect(card.shadowRoot!.querySelector('[part~="availability"]')!.textContent!.trim()).to.equal('Sold out');
    expect(card.shadowRoot!.querySelector('[part~="cta"]')!.textContent!.trim()).to.equal('View product');
  });

  it('reports a locale no browser knows once, as a non-fatal invalid-attribute, and speaks the page’s language', async () => {
    const errors = recordEvents<ErrorDetail>(document, 'vitrine-error');
    let card!: VitrineProductCard;
    const warnings = await consoleLines('warn', async () => {
      const wrapper = await fixture<HTMLElement>(html`<div lang="de"><vitrine-product-card locale="!!" .product=${makeProduct({ availability: 'out_of_stock' })}></vitrine-product-card></div>`);
      card = wrapper.querySelector('vitrine-product-card')!;
      await card.updateComplete;
      card.position = 3;
      await card.updateComplete;
    });
    errors.stop();
    expect(errors.events.map((event) => event.detail)).to.deep.equal([
      { code: 'invalid-attribute', message: 'locale: expected a language tag such as de or en-GB, got "!!"; the page\'s language is used', fatal: false, path: 'locale' },
    ]);
    expect(warnings.filter((line) => line.includes('[vitrine]'))).to.have.length(1);
    expect(card.shadowRoot!.querySelector('[part~="availability"]')!.textContent!.trim()).to.equal('Ausverkauft');
  });
});
