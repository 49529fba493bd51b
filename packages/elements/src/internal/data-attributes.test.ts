import { expect } from '@open-wc/testing';
import '../catalog/catalog.js';
import '../video/video.js';
import { captureConsole } from '../test/console.js';
import { makeProducts } from '../test/products.js';
import type { ErrorDetail } from './report-error.js';

/**
 * What React 19 (and Vue without `.prop`) leave on an element rendered before Vitrine defined it: the data as an
 * attribute, stringified. The element is created and given it before it is connected, as a framework does.
 */
function rendered(tag: string, attributes: Record<string, string>): { element: HTMLElement; errors: ErrorDetail[] } {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  const errors: ErrorDetail[] = [];
  element.addEventListener('vitrine-error', (event) => errors.push((event as CustomEvent<ErrorDetail>).detail));
  document.body.append(element);
  return { element, errors };
}

describe('data given as an attribute', () => {
  let console: ReturnType<typeof captureConsole>;
  const placed: HTMLElement[] = [];
  beforeEach(() => (console = captureConsole()));
  afterEach(() => {
    console.stop();
    for (const element of placed.splice(0)) element.remove();
  });

  const CASES: Array<[string, string[]]> = [
    ['vitrine-catalog', ['products', 'source', 'strings']],
    ['vitrine-carousel', ['products', 'strings']],
    ['vitrine-product-card', ['product', 'strings']],
    ['vitrine-video', ['products', 'source', 'cues', 'strings']],
  ];
  for (const [tag, names] of CASES) {
    it(`<${tag}> names each of ${names.join(', ')} set as an attribute, once, without a throw`, () => {
      const { element, errors } = rendered(tag, Object.fromEntries(names.map((name) => [name, '[object Object],[object Object]'])));
      placed.push(element);
      expect(errors.map((error) => [error.code, error.path, error.fatal])).to.deep.equal(names.map((name) => ['invalid-attribute', name, false]));
      expect(errors[0]!.message).to.equal(
        `${names[0]}: expected the ${names[0]} property, not an attribute (was the element rendered before Vitrine defined it?); the attribute is ignored`,
      );
      expect(console.lines).to.include(`[vitrine] <${tag}> invalid-attribute: ${errors[0]!.message}`);

      // Moved within the page, it does not say so again.
      document.body.append(element);
      expect(errors).to.have.length(names.length);
    });
  }

  it('says nothing when the data comes as a property', () => {
    const element = document.createElement('vitrine-catalog') as HTMLElement & { products: unknown };
    element.products = makeProducts(2);
    const errors: unknown[] = [];
    element.addEventListener('vitrine-error', (event) => errors.push(event));
    document.body.append(element);
    placed.push(element);
    expect(errors).to.deep.equal([]);
  });
});
