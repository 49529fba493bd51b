import { expect } from '@open-wc/testing';
import { readAspectRatio, readClip, type DataIssue } from '@vitrine/core';

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

  it('fails on a bad src or cue, naming the first bad field', () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ id: 'x', src: 'javascript:alert(1)' }, 'src: expected an http(s) URL'],
      [{ id: 'x', src: 'a.mp4', cues: [{ productId: 'a', start: 5, end: 2 }] }, 'cues[0].end: expected a time after start (5)'],
      [{ id: 'x', src: 'a.mp4', cues: [{ productId: 'a', start: -1, end: 2 }] }, 'cues[0].start: expected a number of seconds, 0 or more'],
      [{ id: 'x', src: 'a.mp4', cues: [{ productId: 'a', start: 1, end: 2, x: 120, y: 5 }] }, 'cues[0].x: expected a percentage from 0 to 100'],
    ];
    for (const [input, message] of cases) expect(() => readClip(input, base), message).to.throw(message);
  });

  it('drops a bad optional field, keeps the rest and names each dropped one', () => {
    const issues: DataIssue[] = [];
    const clip = readClip(
      {
        src: 'a.mp4',
        poster: 'javascript:alert(1)',
        aspectRatio: '0:0',
        creatorId: 42,
        captions: [{ src: 'data:text/vtt,WEBVTT' }, { src: 'de.vtt', lang: 'de' }],
        products: 42,
      },
      base,
      issues,
    );
    expect(clip).to.deep.equal({
      src: 'https://cdn.example/clips/a.mp4',
      aspectRatio: 16 / 9,
      cues: [],
      captions: [{ src: 'https://cdn.example/clips/de.vtt', lang: 'de', label: 'de' }],
    });
    expect(issues).to.deep.equal([
      { path: 'id', message: 'id: expected a string' },
      { path: 'aspectRatio', message: 'aspectRatio: expected a width/height ratio such as 16:9 or 1.78' },
      { path: 'captions[0].src', message: 'captions[0].src: expected an http(s) URL' },
      { path: 'poster', message: 'poster: expected an http(s) URL' },
      { path: 'creatorId', message: 'creatorId: expected a string' },
      { path: 'products', message: 'products: expected a feed URL or an array of products' },
    ]);
    expect(readClip({ id: 'x', src: 'a.mp4', captions: 'en.vtt', products: 'data:application/json,[]' }, base, issues).captions).to.deep.equal([]);
    expect(issues.slice(6).map((issue) => issue.message)).to.deep.equal(['captions: expected an array', 'products: expected an http(s) URL']);
  });
});

describe('readAspectRatio', () => {
  it('reads a ratio as a number, a decimal string or width:height', () => {
    expect(readAspectRatio(1.5, 'r')).to.equal(1.5);
    expect(readAspectRatio('1.78', 'r')).to.equal(1.78);
    expect(readAspectRatio(' 2 ', 'r')).to.equal(2);
    expect(readAspectRatio('16:9', 'r')).to.equal(16 / 9);
    expect(readAspectRatio('9 / 16', 'r')).to.equal(9 / 16);
  });

  it('refuses what is not a positive, finite ratio', () => {
    for (const value of ['wide', '-1', '0', '16:0', '0:0', '1.78.2', '1e3', 'Infinity', '', 0, -2, Number.NaN]) {
      expect(() => readAspectRatio(value, 'aspect-ratio'), String(value)).to.throw('aspect-ratio: expected a width/height ratio such as 16:9 or 1.78');
    }
  });
});
