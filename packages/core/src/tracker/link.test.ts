import { expect } from '@open-wc/testing';
import { VitrineError, affiliateLink, touchFromUrl } from '@vitrine/core';

function thrown(run: () => unknown): VitrineError {
  try {
    run();
  } catch (error) {
    expect(error).to.be.instanceOf(VitrineError);
    return error as VitrineError;
  }
  throw new Error('expected a VitrineError');
}

describe('affiliateLink', () => {
  it('adds the creator, the clip and a click id, keeping the shop query and the hash byte for byte', () => {
    const link = affiliateLink('https://shop.example/p/42?utm_source=ig&q=a%20b&flag#reviews', { creator: 'ana', clip: 'summer' });
    const url = new URL(link);
    expect(url.search).to.match(/^\?utm_source=ig&q=a%20b&flag&vt_c=ana&vt_k=summer&vt_id=[\w-]+$/);
    expect(url.hash).to.equal('#reviews');
    expect(url.origin + url.pathname).to.equal('https://shop.example/p/42');
  });

  it('gives every link its own click id', () => {
    const ids = new Set(Array.from({ length: 50 }, () => new URL(affiliateLink('https://shop.example/', { creator: 'ana' })).searchParams.get('vt_id')));
    expect(ids.size).to.equal(50);
    for (const id of ids) expect(id).to.match(/^[\w-]{1,64}$/);
  });

  it('replaces vt_* already in the URL, and drops a stale vt_k when no clip is given', () => {
    const link = affiliateLink('https://shop.example/?vt_c=leo&a=1&vt_k=old-clip&vt_id=old-click&vt_k', { creator: 'ana' });
    const params = new URL(link).searchParams;
    expect(params.getAll('vt_c')).to.deep.equal(['ana']);
    expect(params.has('vt_k')).to.equal(false);
    expect(params.getAll('vt_id')).to.have.length(1);
    expect(params.get('vt_id')).to.not.equal('old-click');
    expect(params.get('a')).to.equal('1');
  });

  it('keeps parameters that only look like ours', () => {
    const params = new URL(affiliateLink('https://shop.example/?vt_cx=1&avt_c=2', { creator: 'ana' })).searchParams;
    expect(params.get('vt_cx')).to.equal('1');
    expect(params.get('avt_c')).to.equal('2');
  });

  it('makes a link that lands as a touch for that creator and click', () => {
    const link = affiliateLink('http://shop.example/sale', { creator: 'mia-outdoors', clip: 'summer_lookbook' });
    const touch = touchFromUrl(link, 1000)!;
    expect(touch).to.include({ creatorId: 'mia-outdoors', clipId: 'summer_lookbook', clickId: new URL(link).searchParams.get('vt_id'), at: 1000, source: 'link' });
  });

  for (const url of ['javascript:alert(1)', 'data:text/html,hi', 'ftp://shop.example/', '/p/42', 'shop.example/p/42', '', 'https://']) {
    it(`refuses ${JSON.stringify(url)}: only absolute http(s) URLs`, () => {
      const error = thrown(() => affiliateLink(url, { creator: 'ana' }));
      expect(error.code).to.equal('invalid-data');
      expect(error.message).to.equal('url: expected an absolute http(s) URL');
    });
  }

  for (const id of ['', 'ana smith', 'anä', '<b>', 'a/b', 'a'.repeat(65), 'ana\n']) {
    it(`refuses ${JSON.stringify(id)} as a creator or clip id`, () => {
      expect(thrown(() => affiliateLink('https://shop.example/', { creator: id })).message).to.equal('creator: expected 1 to 64 letters, digits, "-" or "_"');
      expect(thrown(() => affiliateLink('https://shop.example/', { creator: 'ana', clip: id })).message).to.equal('clip: expected 1 to 64 letters, digits, "-" or "_"');
    });
  }

  it('accepts ids of 64 characters', () => {
    const id = 'A-z_9'.repeat(12) + 'abcd';
    expect(new URL(affiliateLink('https://shop.example/', { creator: id, clip: id })).searchParams.get('vt_c')).to.equal(id);
  });

  it('names the missing creator when a script forgets the options', () => {
    const link = affiliateLink as (url: string, options?: unknown) => string;
    expect(thrown(() => link('https://shop.example/')).message).to.match(/^creator: /);
  });
});
