import { aTimeout, expect, fixture, html, oneEvent } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { TrackedEvent, type Product, type TrackDetail } from '@vitrine/core';
import { setLocale, setStrings } from '../config.js';
import type { ErrorDetail } from '../internal/report-error.js';
import { expectNoAxeViolations } from '../test/axe.js';
import { captureConsole } from '../test/console.js';
import { recordEvents, resetLocalization, tracked } from '../test/events.js';
import { IMAGE_URL, makeProduct } from '../test/products.js';
import './product-card.js';
import type { ProductClickRequestDetail, VitrineProductCard } from './product-card.js';

const REM = parseFloat(getComputedStyle(document.documentElement).fontSize);

function part(card: VitrineProductCard, name: string): HTMLElement | null {
  return card.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
}

function text(card: VitrineProductCard, name: string): string {
  return part(card, name)?.textContent?.replace(/[ \n\t]+/g, ' ').trim() ?? '';
}

async function renderCard(product = makeProduct(), attributes = html``): Promise<VitrineProductCard> {
  const wrapper = await fixture<HTMLElement>(html`<div lang="en-US">
    <vitrine-product-card .product=${product} position="3" list-id="summer"></vitrine-product-card>${attributes}
  </div>`);
  const card = wrapper.querySelector('vitrine-product-card')!;
  await card.updateComplete;
  return card;
}

/** Stops the test page from following a product link, after the card has had its say. */
function holdNavigation(): { prevented: () => boolean; stop(): void } {
  let defaultPrevented: boolean | undefined;
  const listener = (event: Event) => {
    defaultPrevented = event.defaultPrevented;
    event.preventDefault();
  };
  document.addEventListener('click', listener);
  return { prevented: () => defaultPrevented === true, stop: () => document.removeEventListener('click', listener) };
}

describe('<vitrine-product-card>', () => {
  afterEach(resetLocalization);

  describe('rendering', () => {
    it('shows image, brand, title, price, availability and call to action', async () => {
      const card = await renderCard(makeProduct({ brand: 'Northwind', title: 'Linen shirt', price: { amount: 4900, currency: 'USD' } }));
      expect(text(card, 'brand')).to.equal('Northwind');
      expect(text(card, 'title')).to.equal('Linen shirt');
      expect(text(card, 'price')).to.equal('$49.00');
      expect(text(card, 'availability')).to.equal('In stock');
      expect(text(card, 'cta')).to.equal('View product');
      expect(part(card, 'compare-at-price')).to.equal(null);
      const image = part(card, 'image') as HTMLImageElement;
      expect(image.getAttribute('src')).to.equal(IMAGE_URL);
      expect(image.getAttribute('alt')).to.equal('');
      expect(image.loading).to.equal('lazy');
      expect(image.decoding).to.equal('async');
    });

    it('is one link to the product page that covers the card', async () => {
      const card = await renderCard(makeProduct({ url: 'https://shop.example/p/linen' }));
      const links = card.shadowRoot!.querySelectorAll('a');
      expect(links.length).to.equal(1);
      const link = part(card, 'link') as HTMLAnchorElement;
      expect(link.href).to.equal('https://shop.example/p/linen');
      expect(link.hasAttribute('target')).to.equal(false);
      const box = card.getBoundingClientRect();
      // A click in the image area lands on the link's stretched box.
      const hit = card.shadowRoot!.elementFromPoint(box.left + box.width / 2, box.top + 20);
      expect(hit).to.equal(link);
    });

    it('formats prices for the locale: en-US and de-DE', async () => {
      const product = makeProduct({ price: { amount: 1999, currency: 'EUR' } });
      const english = await renderCard(product);
      expect(text(english, 'price')).to.equal('€19.99');
      const german = await fixture<VitrineProductCard>(html`<vitrine-product-card locale="de-DE" .product=${product}></vitrine-product-card>`);
      expect(text(german, 'price')).to.equal('19,99\u00a0€');
    });

    it('strikes the original price through and says which price is which', async () => {
      const card = await renderCard(makeProduct({ price: { amount: 8900, currency: 'EUR' }, compareAtPrice: { amount: 11900, currency: 'EUR' } }));
      const compareAt = part(card, 'compare-at-price')!;
      expect(compareAt.localName).to.equal('s');
      expect(compareAt.textContent!.replace(/[ \n\t]+/g, ' ').trim()).to.equal('Original price: €119.00');
      expect(text(card, 'price')).to.equal('Sale price: €89.00 Original price: €119.00');
      const hidden = [...card.shadowRoot!.querySelectorAll('.visually-hidden')].map((el) => getComputedStyle(el).width);
      expect(hidden).to.deep.equal(['1px', '1px']);
    });

    it('names every availability', async () => {
      const card = await renderCard(makeProduct({ availability: 'out_of_stock' }));
      expect(text(card, 'availability')).to.equal('Sold out');
      card.product = makeProduct({ availability: 'preorder' });
      await card.updateComplete;
      expect(text(card, 'availability')).to.equal('Pre-order');
      card.product = makeProduct({ availability: 'backorder' });
      await card.updateComplete;
      expect(text(card, 'availability')).to.equal('Back-order');
    });

    it('opens in a new tab only when asked, and says so', async () => {
      const card = await renderCard();
      card.target = '_blank';
      await card.updateComplete;
      const link = part(card, 'link') as HTMLAnchorElement;
      expect(link.target).to.equal('_blank');
      expect(link.rel).to.equal('noopener');
      expect(link.textContent!.trim()).to.equal('Product 1 (opens in a new tab)');
    });

    it('has the same height with or without brand, sale price and a long title, and as a skeleton', async () => {
      const wrapper = await fixture<HTMLElement>(html`<div style="display:flex;flex-wrap:wrap;align-items:flex-start;gap:8px">
        <vitrine-product-card .product=${makeProduct({ title: 'Short' })}></vitrine-product-card>
        <vitrine-product-card
          .product=${makeProduct({
            brand: 'A brand with a very long name that does not fit',
            title: 'A very long product title that certainly needs far more than two lines in a narrow card',
            price: { amount: 100, currency: 'EUR' },
            compareAtPrice: { amount: 99999999, currency: 'EUR' },
          })}
        ></vitrine-product-card>
        <vitrine-product-card .product=${makeProduct({ images: [] })}></vitrine-product-card>
        <vitrine-product-card skeleton></vitrine-product-card>
      </div>`);
      const cards = [...wrapper.querySelectorAll('vitrine-product-card')];
      await Promise.all(cards.map((card) => card.updateComplete));
      const heights = cards.map((card) => card.getBoundingClientRect().height);
      // 14rem square image + 11.75rem of rows.
      expect(heights).to.deep.equal([25.75 * REM, 25.75 * REM, 25.75 * REM, 25.75 * REM]);
      expect(cards[3]!.shadowRoot!.querySelector('a')).to.equal(null);
      expect(cards[3]!.shadowRoot!.querySelector('[part="card"]')!.getAttribute('aria-hidden')).to.equal('true');
    });

    it('shows long sale and original prices whole in the narrowest grid card, on two lines, at the same height', async () => {
      const onSale = (locale: string, currency: string, amount: number, compareAt: number) =>
        html`<vitrine-product-card locale=${locale} .product=${makeProduct({ price: { amount, currency }, compareAtPrice: { amount: compareAt, currency } })}></vitrine-product-card>`;
      // 12rem is the grid's narrowest column.
      const wrapper = await fixture<HTMLElement>(html`<div lang="en" style="display:flex;flex-wrap:wrap;align-items:flex-start;gap:8px;--vitrine-card-width:12rem">
        ${onSale('de-CH', 'CHF', 159900, 199900)} ${onSale('sv-SE', 'SEK', 1599900, 1999900)} ${onSale('en-IN', 'INR', 15999900, 19999900)}
        ${onSale('en-US', 'USD', 4900, 5900)}
      </div>`);
      const cards = [...wrapper.querySelectorAll('vitrine-product-card')];
      await Promise.all(cards.map((card) => card.updateComplete));
      const seen = cards.map((card) => {
        const row = part(card, 'price')!;
        const rowBox = row.getBoundingClientRect();
        const [sale, original] = [row.querySelector('.sale')!, part(card, 'compare-at-price')!];
        const amounts = [sale.getBoundingClientRect(), original.getBoundingClientRect()];
        const inside = amounts.every((box) => box.left >= rowBox.left && box.right <= rowBox.right && box.top >= rowBox.top && box.bottom <= rowBox.bottom);
        const unbroken = amounts.every((box) => box.height <= 1.25 * REM);
        const clearOfNextRow = rowBox.bottom <= part(card, 'availability')!.getBoundingClientRect().top;
        const ctaBottom = part(card, 'cta')!.getBoundingClientRect().bottom;
        return {
          amounts: [sale.lastChild!.textContent, original.lastChild!.textContent],
          fits: row.scrollWidth <= row.clientWidth && inside && unbroken && clearOfNextRow,
          lines: amounts[1]!.top >= amounts[0]!.bottom - 1 ? 2 : 1,
          height: card.getBoundingClientRect().height,
          ctaInside: ctaBottom <= card.getBoundingClientRect().bottom - 0.75 * REM + 0.5,
        };
      });
      const height = 12 * REM + 11.75 * REM;
      const price = (locale: string, currency: string, amount: number) => new Intl.NumberFormat(locale, { style: 'currency', currency }).format(amount / 100);
      expect(seen).to.deep.equal([
        { amounts: [price('de-CH', 'CHF', 159900), price('de-CH', 'CHF', 199900)], fits: true, lines: 2, height, ctaInside: true },
        { amounts: [price('sv-SE', 'SEK', 1599900), price('sv-SE', 'SEK', 1999900)], fits: true, lines: 2, height, ctaInside: true },
        { amounts: [price('en-IN', 'INR', 15999900), price('en-IN', 'INR', 19999900)], fits: true, lines: 2, height, ctaInside: true },
        { amounts: ['$49.00', '$59.00'], fits: true, lines: 1, height, ctaInside: true },
      ]);
      await expectNoAxeViolations(wrapper);
    });

    it('shows no call to action when the product has no usable link, at the same height', async () => {
      const wrapper = await fixture<HTMLElement>(html`<div lang="en" style="display:flex;align-items:flex-start;gap:8px">
        <vitrine-product-card .product=${makeProduct({ url: 'javascript:void 0' })}></vitrine-product-card>
        <vitrine-product-card .product=${makeProduct()}></vitrine-product-card>
      </div>`);
      const [unlinked, linked] = [...wrapper.querySelectorAll('vitrine-product-card')];
      await Promise.all([unlinked!.updateComplete, linked!.updateComplete]);
      expect(part(unlinked!, 'cta')?.outerHTML ?? 'none').to.equal('none');
      expect(unlinked!.shadowRoot!.textContent).to.not.include('View product');
      expect(text(linked!, 'cta')).to.equal('View product');
      expect(unlinked!.getBoundingClientRect().height).to.equal(linked!.getBoundingClientRect().height);
      expect(unlinked!.getBoundingClientRect().height).to.equal(25.75 * REM);
      await expectNoAxeViolations(wrapper);
    });

    it('keeps the card edge and the button shape in forced colors, at the same size', async () => {
      await emulateMedia({ forcedColors: 'active' });
      try {
        const card = await renderCard();
        const box = getComputedStyle(part(card, 'card')!);
        const cta = getComputedStyle(part(card, 'cta')!);
        expect([box.outlineStyle, box.outlineWidth]).to.deep.equal(['solid', '1px']);
        expect([cta.outlineStyle, cta.outlineWidth]).to.deep.equal(['solid', '1px']);
        expect(cta.outlineColor).to.not.equal(cta.backgroundColor);
        expect(card.getBoundingClientRect().height).to.equal(25.75 * REM);
        expect(part(card, 'cta')!.getBoundingClientRect().height).to.equal(2.25 * REM);
      } finally {
        await emulateMedia({ forcedColors: 'none' });
      }
    });

    it('keeps the image box when the image ratio is customised', async () => {
      const card = await fixture<VitrineProductCard>(
        html`<vitrine-product-card style="--vitrine-card-image-ratio: 4 / 5; --vitrine-card-width: 16rem" .product=${makeProduct()}></vitrine-product-card>`,
      );
      expect(card.getBoundingClientRect().height).to.equal(20 * REM + 11.75 * REM);
    });
  });

  describe('clicks', () => {
    it('asks the host first: canceling the request stops the navigation, and the click is tracked before it', async () => {
      const product = makeProduct();
      const card = await renderCard(product);
      const navigation = holdNavigation();
      const requests = recordEvents<ProductClickRequestDetail>(document, 'vitrine-product-click-request');
      const tracks = recordEvents<TrackDetail>(document, 'vitrine-track');
      const cancel = (event: Event) => event.preventDefault();
      card.addEventListener('vitrine-product-click-request', cancel);
      try {
        part(card, 'link')!.click();
      } finally {
        navigation.stop();
        requests.stop();
        tracks.stop();
        card.removeEventListener('vitrine-product-click-request', cancel);
      }
      expect(navigation.prevented()).to.equal(true);
      expect(requests.events).to.have.length(1);
      const request = requests.events[0]!;
      expect(request.bubbles && request.composed && request.cancelable).to.equal(true);
      expect(request.detail).to.deep.equal({ product, position: 3, listId: 'summer' });
      // Recorded synchronously inside click(): before any navigation could have started.
      expect(tracked(tracks.events, TrackedEvent.productClicked)).to.deep.equal([
        {
          event: 'Product Clicked',
          properties: {
            product_id: 'p1',
            name: 'Product 1',
            price: 19.99,
            price_minor: 1999,
            currency: 'EUR',
            url: product.url,
            image_url: IMAGE_URL,
            position: 3,
            list_id: 'summer',
          },
        },
      ]);
    });

    it('lets the link navigate when nobody cancels, and still tracks the click', async () => {
      const card = await renderCard();
      const navigation = holdNavigation();
      const tracks = recordEvents<TrackDetail>(card, 'vitrine-track');
      part(card, 'link')!.click();
      navigation.stop();
      tracks.stop();
      expect(navigation.prevented()).to.equal(false);
      expect(tracked(tracks.events, TrackedEvent.productClicked)).to.have.length(1);
    });

    it('leaves a modified click (new tab) to the browser: no request, but tracked', async () => {
      const card = await renderCard();
      const navigation = holdNavigation();
      const requests = recordEvents(card, 'vitrine-product-click-request');
      const tracks = recordEvents<TrackDetail>(card, 'vitrine-track');
      part(card, 'link')!.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, cancelable: true, ctrlKey: true }));
      navigation.stop();
      requests.stop();
      tracks.stop();
      expect(requests.events).to.have.length(0);
      expect(navigation.prevented()).to.equal(false);
      expect(tracked(tracks.events, TrackedEvent.productClicked)).to.have.length(1);
    });
  });

  describe('Product Viewed', () => {
    it('is tracked once after the card is at least half visible for one second', async () => {
      const product = makeProduct();
      const tracks = recordEvents<TrackDetail>(document, 'vitrine-track');
      await renderCard(product);
      await aTimeout(600);
      expect(tracked(tracks.events, TrackedEvent.productViewed)).to.have.length(0);
      await aTimeout(700);
      expect(tracked(tracks.events, TrackedEvent.productViewed)).to.have.length(1);
      await aTimeout(1200);
      tracks.stop();
      const viewed = tracked(tracks.events, TrackedEvent.productViewed);
      expect(viewed).to.have.length(1);
      expect(viewed[0]!.properties).to.include({ product_id: 'p1', position: 3, list_id: 'summer', price_minor: 1999 });
    });

    it('is not tracked when the card is scrolled away before one second', async () => {
      const tracks = recordEvents<TrackDetail>(document, 'vitrine-track');
      const scroller = await fixture<HTMLElement>(html`<div style="block-size: 30rem; overflow: auto">
        <vitrine-product-card .product=${makeProduct()}></vitrine-product-card>
        <div style="block-size: 200rem"></div>
      </div>`);
      await aTimeout(500);
      scroller.scrollTop = 60 * REM;
      await aTimeout(1200);
      tracks.stop();
      expect(tracked(tracks.events, TrackedEvent.productViewed)).to.have.length(0);
    });

    it('is not tracked while less than half of the card is visible', async () => {
      const tracks = recordEvents<TrackDetail>(document, 'vitrine-track');
      // 40% of the 25.75rem card fits in the 10.3rem window.
      await fixture(html`<div style="block-size: 10.3rem; overflow: hidden">
        <vitrine-product-card .product=${makeProduct()}></vitrine-product-card>
      </div>`);
      await aTimeout(1300);
      tracks.stop();
      expect(tracked(tracks.events, TrackedEvent.productViewed)).to.have.length(0);
    });

    it('counts a new product shown by the same card, but not the same product twice', async () => {
      const tracks = recordEvents<TrackDetail>(document, 'vitrine-track');
      const card = await renderCard(makeProduct({}, 1));
      await aTimeout(1200);
      card.product = makeProduct({}, 2);
      await aTimeout(1200);
      card.product = makeProduct({}, 1);
      await aTimeout(1200);
      tracks.stop();
      expect(tracked(tracks.events, TrackedEvent.productViewed).map((d) => d.properties.product_id)).to.deep.equal(['p1', 'p2']);
    });
  });

  describe('language', () => {
    it('follows the nearest lang attribute', async () => {
      const wrapper = await fixture<HTMLElement>(html`<div lang="de-DE"><vitrine-product-card .product=${makeProduct()}></vitrine-product-card></div>`);
      const card = wrapper.querySelector('vitrine-product-card')!;
      await card.updateComplete;
      expect(text(card, 'cta')).to.equal('Zum Produkt');
      expect(text(card, 'availability')).to.equal('Auf Lager');
      expect(text(card, 'price')).to.equal('19,99\u00a0€');
    });

    it('follows setLocale page-wide, and its own locale attribute above that', async () => {
      const card = await renderCard(makeProduct({ availability: 'out_of_stock' }));
      setLocale('de');
      await card.updateComplete;
      expect(text(card, 'availability')).to.equal('Ausverkauft');
      card.locale = 'en-GB';
      await card.updateComplete;
      expect(text(card, 'availability')).to.equal('Sold out');
    });

    it('takes string overrides per instance and page-wide', async () => {
      const card = await renderCard();
      setStrings({ viewProduct: 'See it' });
      await card.updateComplete;
      expect(text(card, 'cta')).to.equal('See it');
      card.strings = { viewProduct: 'Shop now' };
      await card.updateComplete;
      expect(text(card, 'cta')).to.equal('Shop now');
    });
  });

  describe('hostile data', () => {
    it('renders markup in product text as inert text', async () => {
      const payload = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>';
      const card = await renderCard(makeProduct({ title: payload, brand: payload, images: [{ url: IMAGE_URL, alt: payload }] }));
      await aTimeout(100);
      expect(text(card, 'title')).to.equal(payload);
      expect(text(card, 'brand')).to.equal(payload);
      expect(card.shadowRoot!.querySelectorAll('img').length).to.equal(1);
      expect(card.shadowRoot!.querySelector('script')).to.equal(null);
      expect((part(card, 'image') as HTMLImageElement).alt).to.equal('');
      expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
    });

    it('refuses a javascript: URL handed in directly, and reports it', async () => {
      const card = document.createElement('vitrine-product-card');
      card.product = makeProduct({ url: 'javascript:window.__pwned=1' });
      setTimeout(() => document.body.append(card));
      const error = (await oneEvent(card, 'vitrine-error')) as CustomEvent<ErrorDetail>;
      await card.updateComplete;
      expect(error.detail).to.include({ code: 'invalid-data', fatal: false });
      const link = part(card, 'link') as HTMLAnchorElement;
      expect(link.hasAttribute('href')).to.equal(false);
      link.click();
      expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
      card.remove();
    });
  });

  describe('a product handed in directly', () => {
    it('without images shows the card with its placeholder image', async () => {
      const { images: _unused, ...noImages } = makeProduct({ title: 'Linen shirt' });
      const card = await fixture<VitrineProductCard>(html`<vitrine-product-card .product=${noImages as Product}></vitrine-product-card>`);
      expect(text(card, 'title')).to.equal('Linen shirt');
      expect(card.shadowRoot!.querySelector('img')).to.equal(null);
    });

    it('missing its price is reported with the field, throws nothing, and stays a placeholder', async () => {
      const errors: string[] = [];
      const onError = (event: ErrorEvent) => errors.push(event.message);
      window.addEventListener('error', onError);
      const card = document.createElement('vitrine-product-card');
      card.product = { ...makeProduct(), price: undefined } as unknown as Product;
      setTimeout(() => document.body.append(card));
      const error = (await oneEvent(card, 'vitrine-error')) as CustomEvent<ErrorDetail>;
      await card.updateComplete;
      window.removeEventListener('error', onError);
      expect(error.detail).to.include({ code: 'invalid-data', fatal: false, path: 'product.price' });
      expect(part(card, 'title')).to.equal(null);
      expect(errors).to.deep.equal([]);
      card.remove();
    });

    it('with a relative URL links to it, resolved against the page, without an error', async () => {
      const errors = recordEvents<ErrorDetail>(document, 'vitrine-error');
      const card = await renderCard(makeProduct({ url: '/p/relative' }));
      errors.stop();
      expect((part(card, 'link') as HTMLAnchorElement).getAttribute('href')).to.equal(new URL('/p/relative', document.baseURI).href);
      expect(text(card, 'cta')).to.equal('View product');
      expect(errors.events).to.have.length(0);
    });

    it('that is not an object is reported with one console line, and stays a placeholder', async () => {
      const log = captureConsole();
      const card = document.createElement('vitrine-product-card');
      card.product = 0 as unknown as Product;
      setTimeout(() => document.body.append(card));
      const error = (await oneEvent(card, 'vitrine-error')) as CustomEvent<ErrorDetail>;
      await card.updateComplete;
      log.stop();
      expect(error.detail).to.deep.equal({ code: 'invalid-data', message: 'product: expected an object', fatal: false, path: 'product' });
      expect(part(card, 'title')).to.equal(null);
      expect(card.shadowRoot!.querySelector('.skeleton')).to.not.equal(null);
      expect(log.lines).to.deep.equal(['[vitrine] <vitrine-product-card> invalid-data: product: expected an object']);
      card.remove();
    });
  });

  describe('attributes', () => {
    it('reports a position that is not a whole number from 1, once, however often the card renders', async () => {
      const log = captureConsole();
      const errors = recordEvents<ErrorDetail>(document, 'vitrine-error');
      const wrapper = await fixture<HTMLElement>(html`<div lang="en">
        <vitrine-product-card .product=${makeProduct()} position="abc"></vitrine-product-card>
      </div>`);
      const card = wrapper.querySelector('vitrine-product-card')!;
      await card.updateComplete;
      card.product = makeProduct({ title: 'Linen shirt' });
      await card.updateComplete;
      card.listId = 'summer';
      await card.updateComplete;
      errors.stop();
      log.stop();
      expect(text(card, 'title')).to.equal('Linen shirt');
      expect(errors.events.map((event) => event.detail)).to.deep.equal([
        { code: 'invalid-attribute', message: 'position: expected a whole number from 1; the attribute is ignored', fatal: false, path: 'position' },
      ]);
      expect(log.lines).to.have.length(1);
    });
  });

  describe('accessibility', () => {
    it('has no axe violations: regular, on sale, sold out, new tab and skeleton', async () => {
      const wrapper = await fixture<HTMLElement>(html`<div lang="en">
        <vitrine-product-card .product=${makeProduct({ brand: 'Northwind' })}></vitrine-product-card>
        <vitrine-product-card
          .product=${makeProduct({ price: { amount: 8900, currency: 'EUR' }, compareAtPrice: { amount: 11900, currency: 'EUR' } })}
        ></vitrine-product-card>
        <vitrine-product-card .product=${makeProduct({ availability: 'out_of_stock' })}></vitrine-product-card>
        <vitrine-product-card .product=${makeProduct({ availability: 'preorder' })} target="_blank"></vitrine-product-card>
        <vitrine-product-card skeleton></vitrine-product-card>
      </div>`);
      await Promise.all([...wrapper.querySelectorAll('vitrine-product-card')].map((card) => card.updateComplete));
      await expectNoAxeViolations(wrapper);
    });
  });
});
