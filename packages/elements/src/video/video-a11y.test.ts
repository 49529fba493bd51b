// WCAG 2.2 checks the other video tests do not make: reflow and text spacing of the control bar (1.4.10, 1.4.12),
// focus under the tray (2.4.11), focus rings on the poster and in forced colors, state by more than colour (1.4.1),
// caption contrast (1.4.3).
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import { applyTextSpacing } from '../test/text-spacing.js';
import { PLAYBACK_TIMEOUT, SUMMER_CLIP, animationsDone, part, parts, seek, startPlayback, text, waitForPart } from './test-helpers/video.js';
import type { VitrineVideo } from './video.js';
import './video.js';

/** The summer clip in a box `width` wide (no wider than the screen, unlike the shared helper's 40rem). */
async function renderIn(width: string): Promise<VitrineVideo> {
  const wrapper = await fixture<HTMLElement>(html`<div lang="en" style="inline-size: ${width}"><vitrine-video clip=${SUMMER_CLIP}></vitrine-video></div>`);
  const video = wrapper.querySelector('vitrine-video')!;
  await video.updateComplete;
  await waitForPart(video, 'play-button');
  return video;
}

/** Playing, paused at 2.5 s with the linen shirt's tag showing and both pins in the tray. */
async function withTagAndPins(width: string): Promise<VitrineVideo> {
  const video = await renderIn(width);
  const media = await startPlayback(video);
  media.pause();
  await seek(media, 2.5);
  await waitUntil(() => parts(video, 'tag').length > 0 && parts(video, 'jump').length === 2, 'no tag or pins', { timeout: PLAYBACK_TIMEOUT });
  await Promise.all(parts(video, 'tag').map(animationsDone));
  return video;
}

function expectControlsInsideThePlayer(video: VitrineVideo, when: string): void {
  const frame = part(video, 'frame')!.getBoundingClientRect();
  for (const control of [part(video, 'seek')!, ...parts(video, 'control')].filter((each) => each.checkVisibility())) {
    const box = control.getBoundingClientRect();
    const inside = box.left >= frame.left && box.right <= frame.right && box.top >= frame.top && box.bottom <= frame.bottom;
    expect(inside, `${when}: ${control.getAttribute('part')} is cut off at the player's edge`).to.equal(true);
  }
}

/** Whether the middle of `element` is what a pointer (and an eye) finds there, not something drawn over it. */
function onTop(video: VitrineVideo, element: Element): boolean {
  const box = element.getBoundingClientRect();
  const hit = video.shadowRoot!.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
  return hit !== null && (hit === element || element.contains(hit));
}

const linear = (channel: number) => ((channel /= 255) <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4);
const luminance = (rgb: number[]) => 0.2126 * linear(rgb[0]!) + 0.7152 * linear(rgb[1]!) + 0.0722 * linear(rgb[2]!);
const contrast = (a: number[], b: number[]) => {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light! + 0.05) / (dark! + 0.05);
};
/** `rgb(r, g, b)` or `rgba(r, g, b, a)` drawn over `under`. */
function over(color: string, under: number[]): number[] {
  const [r, g, b, a = 1] = color.match(/[\d.]+/g)!.map(Number);
  return [r!, g!, b!].map((channel, i) => channel * a + under[i]! * (1 - a));
}
const WHITE = [255, 255, 255];

/** From a point to the nearest point of a box (0 inside it). */
const distance = (box: DOMRect, x: number, y: number) => Math.hypot(Math.max(box.left - x, 0, x - box.right), Math.max(box.top - y, 0, y - box.bottom));

describe('<vitrine-video> accessibility', () => {
  it('keeps every control whole in a 288px player (a 320px phone with page margins) and at 320px with user text spacing', async () => {
    const narrow = await withTagAndPins('18rem');
    expectControlsInsideThePlayer(narrow, '288px');
    const phone = await withTagAndPins('20rem');
    // The time wraps only when it must: at 320px it reads on one line.
    const time = part(phone, 'time')!;
    expect(time.getBoundingClientRect().height).to.be.below(2 * parseFloat(getComputedStyle(time).fontSize));
    const removeSpacing = applyTextSpacing(phone);
    try {
      expectControlsInsideThePlayer(phone, '320px with text spacing');
      expect(text(part(phone, 'time'))).to.match(/^0:02 \/ 0:1\d$/);
    } finally {
      removeSpacing();
    }
  });

  for (const width of ['20rem', '40rem']) {
    it(`never leaves keyboard focus hidden under the open tray (${width} player)`, async () => {
      const video = await withTagAndPins(width);
      part(video, 'tray-button')!.focus();
      await sendKeys({ press: 'Enter' });
      await video.updateComplete;
      await animationsDone(part(video, 'tray')!);
      part(video, 'tray-close')!.focus();
      const hidden: string[] = [];
      // Backwards out of the tray, through everything the player has before it.
      for (let active = video.shadowRoot!.activeElement; active; active = video.shadowRoot!.activeElement) {
        if (!onTop(video, active)) hidden.push(active.getAttribute('part')!);
        await sendKeys({ press: 'Shift+Tab' });
      }
      expect(hidden).to.deep.equal([]);
      if (width === '40rem') {
        // Beside a tray that leaves room, the controls stay: the tray button, which closes it again, in plain sight.
        expect(onTop(video, part(video, 'tray-button')!)).to.equal(true);
      } else {
        // A tray as wide as the player keeps the whole height for its products; the controls step aside meanwhile.
        const [frame, tray] = [part(video, 'frame')!, part(video, 'tray')!].map((element) => element.getBoundingClientRect());
        expect([tray!.top, tray!.bottom]).to.deep.equal([frame!.top, frame!.bottom]);
        expect(part(video, 'controls')!.checkVisibility({ visibilityProperty: true })).to.equal(false);
      }
    });
  }

  it('gives every pointer target 24×24px, or (the tray’s product titles) 24px of room around it', async () => {
    const video = await withTagAndPins('40rem');
    part(video, 'tray-button')!.click();
    await video.updateComplete;
    await animationsDone(part(video, 'tray')!);
    // What a pointer can reach: not hidden, nor scrolled out of the tray's list.
    const targets = [...video.shadowRoot!.querySelectorAll('a[href], button, input')].filter((target) => onTop(video, target));
    const boxes = targets.map((target) => target.getBoundingClientRect());
    targets.forEach((target, i) => {
      const box = boxes[i]!;
      if (box.width >= 24 && box.height >= 24) return;
      // WCAG 2.5.8's spacing exception: a 24px circle on the target's centre reaches no other target.
      const [x, y] = [box.left + box.width / 2, box.top + box.height / 2];
      const reached = targets.filter((_, j) => j !== i && distance(boxes[j]!, x, y) < 12).map((other) => other.getAttribute('part'));
      expect(reached, `${target.getAttribute('part')} is ${box.width}×${box.height}px and crowded`).to.deep.equal([]);
    });
    // Seek bar, five buttons, Close, and two products with their jump buttons.
    expect(targets.map((target) => target.getAttribute('part'))).to.have.length(11);
  });

  it('shows that captions are on by more than a colour, also in forced colors', async () => {
    for (const forcedColors of ['none', 'active'] as const) {
      await emulateMedia({ forcedColors });
      try {
        const video = await withTagAndPins('40rem');
        const captions = part(video, 'captions-button')!;
        captions.click();
        await video.updateComplete;
        expect(captions.getAttribute('aria-pressed')).to.equal('true');
        const [on, off] = [getComputedStyle(captions), getComputedStyle(part(video, 'mute')!)];
        const bar = getComputedStyle(part(video, 'controls')!).backgroundColor;
        // A bar under the icon: its shape tells the states apart, whatever colours the system forces.
        expect([off.borderBottomWidth, on.borderBottomStyle], forcedColors).to.deep.equal(['0px', 'solid']);
        expect(parseFloat(on.borderBottomWidth), forcedColors).to.be.at.least(2);
        expect(on.borderBottomColor, forcedColors).to.not.equal(bar);
      } finally {
        await emulateMedia({ forcedColors: 'none' });
      }
    }
  });

  it('draws the seek bar’s focus ring in a colour that shows on the bar in forced colors', async () => {
    await emulateMedia({ forcedColors: 'active' });
    try {
      const video = await withTagAndPins('40rem');
      part(video, 'play-pause')!.focus();
      await sendKeys({ press: 'Shift+Tab' });
      expect(video.shadowRoot!.activeElement?.getAttribute('part')).to.equal('seek');
      const ring = getComputedStyle(part(video, 'seek')!.parentElement!);
      const bar = getComputedStyle(part(video, 'controls')!).backgroundColor;
      expect(ring.outlineStyle).to.equal('solid');
      expect(contrast(over(ring.outlineColor, WHITE), over(bar, WHITE))).to.be.at.least(3);
    } finally {
      await emulateMedia({ forcedColors: 'none' });
    }
  });

  it('tells a screen reader which products appear in the video, once each time they appear', async () => {
    const video = await renderIn('40rem');
    const media = await startPlayback(video);
    media.pause();
    const status = () => text(video.shadowRoot!.querySelector('.frame > [role="status"]'));
    await seek(media, 0.5);
    expect(status()).to.equal('');
    await seek(media, 2.5);
    await waitUntil(() => status() !== '', 'nothing was said', { timeout: PLAYBACK_TIMEOUT });
    expect(status()).to.equal('In the video: Linen shirt');
    // The tag goes: nothing new to say, so nothing is said.
    await seek(media, 5.5);
    await waitUntil(() => parts(video, 'tag').length === 0, 'the tag stayed', { timeout: PLAYBACK_TIMEOUT });
    expect(status()).to.equal('In the video: Linen shirt');
    await seek(media, 6.5);
    await waitUntil(() => status() === 'In the video: Straw sun hat', `said "${status()}"`, { timeout: PLAYBACK_TIMEOUT });
  });

  it('edges a product tag in forced colors, where its shadow is dropped, and in no colour otherwise', async () => {
    for (const forcedColors of ['none', 'active'] as const) {
      await emulateMedia({ forcedColors });
      try {
        const video = await withTagAndPins('40rem');
        const card = getComputedStyle(part(video, 'tag')!.querySelector('.link')!);
        expect([card.outlineStyle, card.outlineWidth], forcedColors).to.deep.equal(['solid', '1px']);
        const visible = !/rgba\(.*, 0\)$/.test(card.outlineColor);
        expect(visible, `${forcedColors}: outline ${card.outlineColor}`).to.equal(forcedColors === 'active');
        if (forcedColors === 'active') expect(contrast(over(card.outlineColor, WHITE), over(card.backgroundColor, WHITE))).to.be.at.least(3);
      } finally {
        await emulateMedia({ forcedColors: 'none' });
      }
    }
  });

  it('rings the focused play button inside the player, in a colour that shows on the brightest poster', async () => {
    const video = await renderIn('40rem');
    const play = part(video, 'play-button')!;
    const before = document.createElement('button');
    video.before(before);
    before.focus();
    await sendKeys({ press: 'Tab' });
    expect(video.shadowRoot!.activeElement).to.equal(play);
    // The button fills the player, which clips anything drawn outside it: the ring must be drawn inward.
    const shadow = getComputedStyle(play).boxShadow;
    expect(shadow, 'no ring drawn inside the button').to.include('inset');
    expect(contrast(over(shadow.match(/rgba?\([^)]*\)/)![0], WHITE), WHITE)).to.be.at.least(3);
  });

  it('sets captions on a backdrop that keeps them readable on the brightest picture', async () => {
    const video = await withTagAndPins('40rem');
    part(video, 'captions-button')!.click();
    await waitUntil(() => text(part(video, 'captions')) !== '', 'no caption', { timeout: PLAYBACK_TIMEOUT });
    const style = getComputedStyle(part(video, 'captions')!);
    // A white frame is the worst case.
    expect(contrast(over(style.color, WHITE), over(style.backgroundColor, WHITE))).to.be.at.least(4.5);
    // The backdrop hugs the text, not the whole width of the picture.
    const box = part(video, 'captions')!.getBoundingClientRect();
    expect(box.width).to.be.below(part(video, 'frame')!.getBoundingClientRect().width * 0.7);
  });
});
