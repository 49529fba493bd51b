import { expect } from '@open-wc/testing';
import { CueTimeline, cueKey } from './cue-timeline.js';
import { formatTime } from './time.js';
import { keyAction } from './video-keys.js';

describe('CueTimeline', () => {
  it('shows a cue from its start up to, not including, its end', () => {
    const timeline = new CueTimeline();
    timeline.setClipCues([
      { productId: 'hat', start: 6, end: 9 },
      { productId: 'shirt', start: 2, end: 5, x: 30, y: 40 },
    ]);
    const at = (time: number) => timeline.activeAt(time).map((cue) => cue.productId);
    expect(at(1.99)).to.deep.equal([]);
    expect(at(2)).to.deep.equal(['shirt']);
    expect(at(4.99)).to.deep.equal(['shirt']);
    expect(at(5)).to.deep.equal([]);
    expect(at(8)).to.deep.equal(['hat']);
    expect(timeline.cues.map((cue) => cue.productId)).to.deep.equal(['shirt', 'hat']);
  });

  it('merges in-band pins, keeping the clip file’s cue when both name the same moment', () => {
    const timeline = new CueTimeline();
    timeline.setClipCues([{ productId: 'shirt', start: 2, end: 5, x: 30, y: 40, label: 'Worn by Mia' }]);
    const changed = timeline.setStreamCues([
      { id: 'pin-1', productId: 'shirt', start: 2.004, end: 5.004 },
      { id: 'pin-2', productId: 'hat', start: 6, end: 9 },
      { id: 'pin-3', productId: 'shirt', start: 10, end: Number.POSITIVE_INFINITY },
    ]);
    expect(changed).to.equal(true);
    expect(timeline.cues.map((cue) => [cue.productId, cue.start, cue.label])).to.deep.equal([
      ['shirt', 2, 'Worn by Mia'],
      ['hat', 6, undefined],
      ['shirt', 10, undefined],
    ]);
    expect(timeline.activeAt(1e6).map((cue) => cue.productId)).to.deep.equal(['shirt']);
    expect([...timeline.firstCues().entries()].map(([id, cue]) => [id, cue.start])).to.deep.equal([
      ['shirt', 2],
      ['hat', 6],
    ]);
  });

  it('reports no change when the stream repeats its pins, and drops pins that end before they start', () => {
    const timeline = new CueTimeline();
    const pins = [{ id: 'a', productId: 'hat', start: 6, end: 9 }];
    expect(timeline.setStreamCues(pins)).to.equal(true);
    expect(timeline.setStreamCues([...pins])).to.equal(false);
    expect(timeline.setStreamCues([...pins, { id: 'b', productId: 'belt', start: 3, end: 3 }])).to.equal(false);
    expect(cueKey('hat', 6.04)).to.equal(cueKey('hat', 5.96));
  });
});

describe('video helpers', () => {
  it('writes positions the way players do', () => {
    expect([0, 5.9, 65, 3723, Number.NaN, -1].map(formatTime)).to.deep.equal(['0:00', '0:05', '1:05', '1:02:03', '0:00', '0:00']);
  });

  it('maps keys to player actions, leaving Space on a button and modified keys alone', () => {
    const key = (init: KeyboardEventInit, target: Element = document.body) => {
      const event = new KeyboardEvent('keydown', { ...init, bubbles: true, composed: true });
      let action: string | undefined;
      target.addEventListener('keydown', (e) => (action = keyAction(e as KeyboardEvent, false)), { once: true });
      target.dispatchEvent(event);
      return action;
    };
    const button = document.createElement('button');
    document.body.append(button);
    expect([key({ key: 'k' }), key({ key: 'M' }), key({ key: 'ArrowLeft' }), key({ key: 'ArrowRight' }), key({ key: ' ' })]).to.deep.equal([
      'toggle-play',
      'toggle-mute',
      'back',
      'forward',
      'toggle-play',
    ]);
    expect([key({ key: ' ' }, button), key({ key: 'k', ctrlKey: true }), key({ key: 'Escape' }), key({ key: 'x' })]).to.deep.equal([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    button.remove();
  });
});
