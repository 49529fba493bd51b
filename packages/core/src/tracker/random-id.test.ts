import { expect } from '@open-wc/testing';
import { randomId } from './random-id.js';

describe('randomId', () => {
  it('is a v4 UUID where the browser has crypto.randomUUID', () => {
    expect(randomId()).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('is 32 random hex digits on a plain-http page, where randomUUID is missing', () => {
    // Shadows the prototype's method on this one object, as an insecure context leaves it out.
    Object.defineProperty(crypto, 'randomUUID', { value: undefined, configurable: true });
    try {
      const ids = Array.from({ length: 50 }, randomId);
      for (const id of ids) expect(id).to.match(/^[0-9a-f]{32}$/);
      expect(new Set(ids).size).to.equal(50);
    } finally {
      delete (crypto as { randomUUID?: unknown }).randomUUID;
    }
    expect(randomId()).to.have.length(36);
  });
});
