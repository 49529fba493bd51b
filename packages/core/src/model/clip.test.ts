import { expect } from '@open-wc/testing';
import { readClip } from '@vitrine/core';

const base = 'https://cdn.example/clips/summer.json';

describe('readClip', () => {
  it('reads a clip, resolving its URLs against the clip file and sorting cues by start', () => {
    const clip = readClip(
      {
        id: 'summer',
        src: '../media/summer/index.m3u8',
        poster: '../media/summer/poster.jpg',
        aspectRatio: '9:16',
        creatorId: 'ana',
        captions: [{ src: 'en.vtt', lang: 'en', label: 'English' }],
        products: '/feeds/summer.json',
        cues: [
          { productId: 'b', start: 6, end: 9 },
          { productId: 'a', start: 2, end: 5, x: 30, y: 60, label: 'The shirt' },
        ],
        unknown: true,
      },
      base,
    );
    expect(clip.src).to.equal('https://cdn.example/media/summer/index.m3u8');
    expect(clip.poster).to.equal('https://cdn.example/media/summer/poster.jpg');
    expect(clip.aspectRatio).to.equal(9 / 16);
    expect(clip.products).to.equal('https://cdn.example/feeds/summer.json');
    expect(clip.captions).to.deep.equal([{ src: 'https://cdn.example/clips/en.vtt', lang: 'en', label: 'English' }]);
    expect(clip.cues.map((c) => c.productId)).to.deep.equal(['a', 'b']);
    expect(clip.cues[0]).to.deep.equal({ productId: 'a', start: 2, end: 5, x: 30, y: 60, label: 'The shirt' });
    expect(clip).to.not.have.property('unknown');
  });

  it('defaults to 16:9 with no cues, captions or products', () => {
    const clip = readClip({ id: 1, src: 'https://cdn.example/a.mp4' });
    expect(clip).to.deep.equal({ id: '1', src: 'https://cdn.example/a.mp4', aspectRatio: 16 / 9, cues: [], captions: [] });
  });

  it('names the first bad field', () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ id: 'x', src: 'javascript:alert(1)' }, 'src: expected an http(s) URL'],
      [{ id: 'x', src: 'a.mp4', aspectRatio: 'wide' }, 'aspectRatio: expected a width/height ratio such as 16:9 or 1.78'],
      [{ id: 'x', src: 'a.mp4', cues: [{ productId: 'a', start: 5, end: 2 }] }, 'cues[0].end: expected a time after start (5)'],
      [{ id: 'x', src: 'a.mp4', cues: [{ productId: 'a', start: -1, end: 2 }] }, 'cues[0].start: expected a number of seconds, 0 or more'],
      [{ id: 'x', src: 'a.mp4', cues: [{ productId: 'a', start: 1, end: 2, x: 120, y: 5 }] }, 'cues[0].x: expected a percentage from 0 to 100'],
      [{ id: 'x', src: 'a.mp4', poster: 'data:image/png;base64,AAAA' }, 'poster: expected an http(s) URL'],
    ];
    for (const [input, message] of cases) expect(() => readClip(input, base), message).to.throw(message);
  });
});
