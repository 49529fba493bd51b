import { expect } from '@open-wc/testing';
import {
  TouchStore,
  affiliateLink,
  orderCompletedProperties,
  pickTouch,
  readAttributionOptions,
  readPurchase,
  touchFromClick,
  touchFromUrl,
  type Touch,
} from '@vitrine/core';

const DAY = 86_400_000;
const T0 = Date.UTC(2025, 5, 1, 12);
const KEY = 'vitrine:touches';

const ORDER = { orderId: '1001', currency: 'EUR', total: 4900, items: [{ productId: 'linen-shirt', price: 4900, quantity: 1 }] };

function touchAt(creatorId: string, at: number, clickId = `${creatorId}-${at}`): Touch {
  return { clickId, creatorId, clipId: 'summer', at, source: 'link' };
}

/** The thank-you page: a fresh store on the same storage (a later page view), the script tag's defaults. */
function purchaseOnThankYouPage(now: number, attribution: { model?: string; window?: string } = {}) {
  const options = readAttributionOptions(attribution);
  const touch = pickTouch(new TouchStore(localStorage, () => now).all(), { ...options, now });
  return orderCompletedProperties(readPurchase(ORDER), touch, options.model);
}

function land(url: string, now: number): void {
  const touch = touchFromUrl(url, now);
  if (touch) new TouchStore(localStorage, () => now).add(touch);
}

/** Records console[level] lines for the duration of a test. */
function captureConsole(level: 'warn' | 'error'): { lines: string[]; restore(): void } {
  const original = console[level];
  const lines: string[] = [];
  console[level] = (...args: unknown[]) => void lines.push(args.map(String).join(' '));
  return { lines, restore: () => (console[level] = original) };
}

/** A Storage that refuses everything, as in a sandboxed iframe or with a full quota. */
const blockedStorage = {
  getItem: () => {
    throw new DOMException('blocked', 'SecurityError');
  },
  setItem: () => {
    throw new DOMException('full', 'QuotaExceededError');
  },
  removeItem: () => {
    throw new DOMException('blocked', 'SecurityError');
  },
} as unknown as Storage;

beforeEach(() => localStorage.clear());

describe('attribution, from a creator link to an order', () => {
  it('attributes a purchase 3 days after landing on a creator link to that creator', () => {
    const link = affiliateLink('https://shop.example/p/42', { creator: 'ana', clip: 'summer' });
    land(link, T0);
    const properties = purchaseOnThankYouPage(T0 + 3 * DAY);
    expect(properties.attribution).to.deep.equal({
      click_id: new URL(link).searchParams.get('vt_id'),
      creator_id: 'ana',
      clip_id: 'summer',
      touched_at: new Date(T0).toISOString(),
      source: 'link',
      model: 'last-click',
    });
  });

  it('does not attribute a purchase 31 days later; 30 days still counts', () => {
    land('https://shop.example/?vt_c=ana&vt_id=click-1', T0);
    expect(purchaseOnThankYouPage(T0 + 30 * DAY).attribution).to.include({ creator_id: 'ana' });
    const late = purchaseOnThankYouPage(T0 + 31 * DAY);
    expect(late.attribution).to.equal(undefined);
    expect(JSON.parse(JSON.stringify(late))).to.not.have.property('attribution');
  });

  it('follows a shorter window from data-attribution-window', () => {
    land('https://shop.example/?vt_c=ana', T0);
    expect(purchaseOnThankYouPage(T0 + 6 * DAY, { window: '7' }).attribution).to.include({ creator_id: 'ana' });
    expect(purchaseOnThankYouPage(T0 + 8 * DAY, { window: '7' }).attribution).to.equal(undefined);
  });

  it('gives the sale to the later creator under last-click and to the first under first-click', () => {
    land('https://shop.example/?vt_c=ana&vt_id=ana-click', T0);
    land('https://shop.example/?vt_c=leo&vt_id=leo-click', T0 + 2 * DAY);
    expect(purchaseOnThankYouPage(T0 + 5 * DAY).attribution).to.include({ creator_id: 'leo', click_id: 'leo-click', model: 'last-click' });
    expect(purchaseOnThankYouPage(T0 + 5 * DAY, { model: 'first-click' }).attribution).to.include({ creator_id: 'ana', click_id: 'ana-click', model: 'first-click' });
  });

  it('counts a product click inside a creator clip as a touch', () => {
    land('https://shop.example/?vt_c=ana', T0);
    const click = touchFromClick({ product_id: 'linen-shirt', clip_id: 'summer-lookbook', creator_id: 'mia-outdoors', source: 'tag' }, T0 + DAY)!;
    new TouchStore(localStorage, () => T0 + DAY).add(click);
    expect(purchaseOnThankYouPage(T0 + 2 * DAY).attribution).to.include({ creator_id: 'mia-outdoors', clip_id: 'summer-lookbook', source: 'clip' });
  });
});

describe('touchFromUrl', () => {
  it('reads vt_c, vt_k and vt_id', () => {
    expect(touchFromUrl('https://shop.example/p?x=1&vt_c=ana&vt_k=summer&vt_id=abc-123#top', T0)).to.deep.equal({
      clickId: 'abc-123',
      creatorId: 'ana',
      clipId: 'summer',
      at: T0,
      source: 'link',
    });
  });

  it('still counts a link without vt_id, with a fresh click id', () => {
    const first = touchFromUrl('https://shop.example/?vt_c=ana', T0)!;
    const second = touchFromUrl('https://shop.example/?vt_c=ana', T0)!;
    expect(first.creatorId).to.equal('ana');
    expect(first.clipId).to.equal(undefined);
    expect(first.clickId).to.match(/^[\w-]{8,64}$/);
    expect(first.clickId).to.not.equal(second.clickId);
  });

  it('is no touch without a creator', () => {
    expect(touchFromUrl('https://shop.example/?vt_k=summer&vt_id=abc', T0)).to.equal(undefined);
    expect(touchFromUrl('https://shop.example/', T0)).to.equal(undefined);
    expect(touchFromUrl('not a url', T0)).to.equal(undefined);
  });

  const hostile = [
    'vt_c=%3Cscript%3Ealert(1)%3C%2Fscript%3E',
    'vt_c=',
    'vt_c=ana%20smith',
    `vt_c=${'a'.repeat(65)}`,
    'vt_c=an%C3%A4',
    'vt_c=ana&vt_k=%22%3E%3Cimg%20src%3Dx%3E',
    'vt_c=ana&vt_k=',
    'vt_c=ana&vt_id=..%2F..%2Fadmin',
    'vt_c=ana&vt_id=javascript:alert(1)',
  ];
  for (const query of hostile) {
    it(`ignores the hostile link ?${query.slice(0, 40)}`, () => {
      expect(touchFromUrl(`https://shop.example/?${query}`, T0)).to.equal(undefined);
    });
  }
});

describe('touchFromClick', () => {
  it('makes a clip touch with a fresh click id from Product Clicked inside a creator clip', () => {
    const touch = touchFromClick({ product_id: 'linen-shirt', clip_id: 'summer-lookbook', creator_id: 'mia-outdoors' }, T0)!;
    expect(touch).to.include({ creatorId: 'mia-outdoors', clipId: 'summer-lookbook', at: T0, source: 'clip' });
    expect(touch.clickId).to.match(/^[\w-]{8,64}$/);
  });

  it('is no touch for a click outside any creator clip, or with a hostile creator id', () => {
    expect(touchFromClick({ product_id: 'linen-shirt', clip_id: 'summer-lookbook' }, T0)).to.equal(undefined);
    expect(touchFromClick({ product_id: 'linen-shirt', creator_id: '<img src=x>' }, T0)).to.equal(undefined);
    expect(touchFromClick({ product_id: 'linen-shirt', creator_id: 42 }, T0)).to.equal(undefined);
  });

  it('keeps the creator when the clip id is free text, leaving the clip out', () => {
    const touch = touchFromClick({ clip_id: 'Summer lookbook 2025', creator_id: 'mia-outdoors' }, T0)!;
    expect(touch.creatorId).to.equal('mia-outdoors');
    expect(touch.clipId).to.equal(undefined);
  });
});

describe('pickTouch', () => {
  const touches = [touchAt('leo', T0 + 10 * DAY), touchAt('old', T0 - 40 * DAY), touchAt('ana', T0), touchAt('mia', T0 + 20 * DAY)];
  const now = T0 + 35 * DAY;

  it('takes the latest touch within the window under last-click and the earliest under first-click', () => {
    expect(pickTouch(touches, { model: 'last-click', windowDays: 30, now })?.creatorId).to.equal('mia');
    expect(pickTouch(touches, { model: 'first-click', windowDays: 30, now })?.creatorId).to.equal('leo');
    expect(pickTouch(touches, { model: 'first-click', windowDays: 90, now })?.creatorId).to.equal('old');
  });

  it('finds nothing when every touch is older than the window', () => {
    expect(pickTouch(touches, { model: 'last-click', windowDays: 7, now: T0 + 60 * DAY })).to.equal(undefined);
    expect(pickTouch([], { model: 'first-click', windowDays: 30, now })).to.equal(undefined);
  });
});

describe('readAttributionOptions', () => {
  let errors: ReturnType<typeof captureConsole>;
  beforeEach(() => (errors = captureConsole('error')));
  afterEach(() => errors.restore());

  it('defaults to last-click within 30 days', () => {
    expect(readAttributionOptions({})).to.deep.equal({ model: 'last-click', windowDays: 30 });
    expect(readAttributionOptions()).to.deep.equal({ model: 'last-click', windowDays: 30 });
    expect(errors.lines).to.deep.equal([]);
  });

  it('reads the model and a window in whole days', () => {
    expect(readAttributionOptions({ model: 'first-click', window: '7' })).to.deep.equal({ model: 'first-click', windowDays: 7 });
    expect(readAttributionOptions({ model: 'last-click', window: '365' })).to.deep.equal({ model: 'last-click', windowDays: 365 });
  });

  it('logs one [vitrine] line for a bad model and keeps last-click', () => {
    expect(readAttributionOptions({ model: 'linear' })).to.deep.equal({ model: 'last-click', windowDays: 30 });
    expect(errors.lines).to.deep.equal(['[vitrine] data-attribution-model must be "last-click" or "first-click"; "linear" is ignored.']);
  });

  for (const window of ['0', '-3', '7.5', '366', 'two weeks', '']) {
    it(`logs one [vitrine] line for the window "${window}" and keeps 30 days`, () => {
      expect(readAttributionOptions({ window }).windowDays).to.equal(30);
      expect(errors.lines).to.deep.equal([`[vitrine] data-attribution-window must be whole days from 1 to 365; "${window}" is ignored.`]);
    });
  }
});

describe('TouchStore', () => {
  let setItemCalls: string[];
  const originalSetItem = Storage.prototype.setItem;
  beforeEach(() => {
    setItemCalls = [];
    Storage.prototype.setItem = function (key: string, value: string) {
      setItemCalls.push(key);
      originalSetItem.call(this, key, value);
    };
  });
  afterEach(() => (Storage.prototype.setItem = originalSetItem));

  it('keeps touches across a reload, under one localStorage key', () => {
    new TouchStore(localStorage, () => T0).add(touchAt('ana', T0));
    new TouchStore(localStorage, () => T0 + DAY).add(touchAt('leo', T0 + DAY));
    expect(new TouchStore(localStorage, () => T0 + 2 * DAY).all()).to.deep.equal([touchAt('ana', T0), touchAt('leo', T0 + DAY)]);
    expect(Object.keys(localStorage)).to.deep.equal([KEY]);
    expect(JSON.parse(localStorage.getItem(KEY)!)).to.have.length(2);
  });

  it('keeps the newest 20, newest last, whatever order they came in', () => {
    const store = new TouchStore(localStorage, () => T0 + DAY);
    for (let i = 24; i >= 0; i--) store.add(touchAt(`c${i}`, T0 + i * 1000));
    const kept = new TouchStore(localStorage, () => T0 + DAY).all();
    expect(kept.map((t) => t.creatorId)).to.deep.equal(Array.from({ length: 20 }, (_, i) => `c${i + 5}`));
  });

  it('drops touches older than the window when it writes', () => {
    new TouchStore(localStorage, () => T0, 30).add(touchAt('ana', T0));
    new TouchStore(localStorage, () => T0 + 31 * DAY, 30).add(touchAt('leo', T0 + 31 * DAY));
    expect(JSON.parse(localStorage.getItem(KEY)!).map((t: Touch) => t.creatorId)).to.deep.equal(['leo']);
  });

  it('writes nothing while consent is pending, and persist() moves the touches into storage', () => {
    localStorage.setItem(KEY, JSON.stringify([touchAt('ana', T0)]));
    setItemCalls = [];
    const store = new TouchStore(null, () => T0 + DAY);
    store.add(touchAt('leo', T0 + DAY));
    expect(store.all().map((t) => t.creatorId)).to.deep.equal(['leo']);
    expect(setItemCalls).to.deep.equal([]);
    expect(JSON.parse(localStorage.getItem(KEY)!)).to.have.length(1);

    store.persist(localStorage);
    expect(setItemCalls).to.deep.equal([KEY]);
    expect(new TouchStore(localStorage, () => T0 + DAY).all().map((t) => t.creatorId)).to.deep.equal(['ana', 'leo']);
  });

  it('reads corrupt storage as empty and overwrites it on the next add', () => {
    localStorage.setItem(KEY, '{"broken');
    const store = new TouchStore(localStorage, () => T0);
    expect(store.all()).to.deep.equal([]);
    store.add(touchAt('ana', T0));
    expect(JSON.parse(localStorage.getItem(KEY)!)).to.deep.equal([touchAt('ana', T0)]);
  });

  it('drops stored entries that are not touches', () => {
    localStorage.setItem(KEY, JSON.stringify([null, 7, { creatorId: 'x' }, { clickId: 'c', creatorId: '<b>', at: T0 }, touchAt('ana', T0)]));
    expect(new TouchStore(localStorage, () => T0).all()).to.deep.equal([touchAt('ana', T0)]);
  });

  it('falls back to memory when storage throws, with one [vitrine] warning', () => {
    const warnings = captureConsole('warn');
    try {
      const store = new TouchStore(blockedStorage, () => T0);
      store.add(touchAt('ana', T0));
      store.add(touchAt('leo', T0 + 1));
      expect(store.all().map((t) => t.creatorId)).to.deep.equal(['ana', 'leo']);
      store.clear();
      expect(store.all()).to.deep.equal([]);
      expect(warnings.lines).to.have.length(1);
      expect(warnings.lines[0]).to.match(/^\[vitrine\] this browser refuses storage/);
    } finally {
      warnings.restore();
    }
  });

  it('forgets everything on clear()', () => {
    const store = new TouchStore(localStorage, () => T0);
    store.add(touchAt('ana', T0));
    store.clear();
    expect(localStorage.getItem(KEY)).to.equal(null);
    expect(new TouchStore(localStorage, () => T0).all()).to.deep.equal([]);
  });
});
