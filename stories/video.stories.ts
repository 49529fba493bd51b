import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '@vitrine/elements/video.js';
import type { VitrineVideo } from '@vitrine/elements/video.js';
import { rawProducts } from './story-data.js';

// The fixture streams from examples/media are served at media/ (see .storybook/main.ts), the clip files at clips/.
// The summer stream carries in-band pins for the examples' products (linen-shirt, sun-hat), which these stories do not
// list: they play the same segments through a playlist without the pins (.storybook/public/streams/), so the only
// tags are the demo products' cues below and nothing is reported as bad data. InBandPins shows the pins.
const STREAM = 'streams/summer-without-pins.m3u8';
const POSTER = 'media/summer/poster.jpg';

/** Three demo products, shown at their moments: a hotspot with a label, a corner tag, another hotspot. */
const cues = [
  { productId: 'demo-1', start: 0.5, end: 4.5, x: 28, y: 62, label: 'On the table' },
  { productId: 'demo-2', start: 2, end: 7 },
  { productId: 'demo-4', start: 7.5, end: 11, x: 70, y: 30 },
];

interface VideoArgs {
  lang: string;
  aspectRatio: string;
  width: string;
  target: '_blank' | '_self';
}

const meta: Meta<VideoArgs> = {
  title: 'Elements/Video',
  component: 'vitrine-video',
  args: { lang: 'en', aspectRatio: '16:9', width: '40rem', target: '_blank' },
  argTypes: {
    aspectRatio: { control: 'inline-radio', options: ['16:9', '4:3', '1:1', '9:16'] },
    target: { control: 'inline-radio', options: ['_blank', '_self'] },
  },
  render: (args) => html`<div lang=${args.lang} style="max-inline-size: ${args.width}">
    <vitrine-video
      src=${STREAM}
      poster=${POSTER}
      aspect-ratio=${args.aspectRatio}
      target=${args.target}
      clip-id="storybook-clip"
      creator-id="storybook-creator"
      .products=${rawProducts(4)}
      .cues=${cues}
    ></vitrine-video>
  </div>`,
};
export default meta;

type Story = StoryObj<VideoArgs>;

/** What a page shows before anyone presses play: poster, play button, product count. No player code is loaded. */
export const Facade: Story = {};

/** Polls until `find` returns something (the player renders its controls once the stream is ready). */
async function until<T>(find: () => T | null | undefined, timeout = 10_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const found = find();
    if (found) return found;
    if (Date.now() - started > timeout) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Muted autoplay at the first cue, then paused on a hotspot and a corner tag. */
/** Until what is appearing has appeared: half faded in, text is fainter than it will be. Hotspots pulse for ever. */
async function entrancesDone(video: VitrineVideo): Promise<void> {
  await video.updateComplete;
  const entrances = video.shadowRoot!.getAnimations().filter((animation) => animation.effect?.getComputedTiming().endTime !== Infinity);
  await Promise.all(entrances.map((animation) => animation.finished.catch(() => undefined)));
}

export const PlayingWithTags: Story = {
  play: async ({ canvasElement }) => {
    const video = canvasElement.querySelector<VitrineVideo>('vitrine-video')!;
    await video.play();
    const media = await until(() => video.shadowRoot!.querySelector('video'));
    await until(() => media.currentTime > 0);
    media.currentTime = 2.5;
    await until(() => video.shadowRoot!.querySelectorAll('[part~="tag"]').length === 2);
    video.pause();
    await entrancesDone(video);
  },
};

/** The tray lists every product in cue order, with "Jump to" and the product link; the video plays on behind it. */
export const TrayOpen: Story = {
  play: async ({ canvasElement }) => {
    const video = canvasElement.querySelector<VitrineVideo>('vitrine-video')!;
    await video.play();
    const button = await until(() => video.shadowRoot!.querySelector<HTMLButtonElement>('[part~="tray-button"]'));
    button.click();
    await entrancesDone(video);
  },
};

/** A clip with in-band pins (EXT-X-DATERANGE in the playlist) and products inline in its clip file. */
export const InBandPins: Story = {
  render: (args) => html`<div lang=${args.lang} style="max-inline-size: 40rem">
    <vitrine-video clip="clips/summer.json"></vitrine-video>
  </div>`,
};

/** A clip file that cannot be loaded: the message and "Try again"; `vitrine-error` shows in the Actions panel. */
export const ClipError: Story = {
  name: 'Error',
  render: (args) => html`<div lang=${args.lang} style="max-inline-size: 40rem">
    <vitrine-video clip="clips/missing.json"></vitrine-video>
  </div>`,
};

/** Segments that fail for good: after the engine's retries, the poster stays with the message. */
export const BrokenStream: Story = {
  render: (args) => html`<div lang=${args.lang} style="max-inline-size: 40rem">
    <vitrine-video src="media/broken/index.m3u8" poster=${POSTER}></vitrine-video>
  </div>`,
  play: async ({ canvasElement }) => {
    await canvasElement.querySelector<VitrineVideo>('vitrine-video')!.play();
  },
};

export const German: Story = { args: { lang: 'de' } };

/** A narrow vertical player, as in a feed of short clips: the 16:9 picture letterboxed, its hotspots on it. */
export const Vertical: Story = { ...PlayingWithTags, args: { aspectRatio: '9:16', width: '18rem' } };

/** A 320px player: the newest two tags, compact, along the top, clear of the captions and the controls. */
export const Narrow: Story = { ...PlayingWithTags, args: { width: '20rem' } };

export const GermanTrayOpen: Story = { ...TrayOpen, args: { lang: 'de' } };

/** A right-to-left page: hotspots stay on their products, the cards read right to left, the time "0:02 / 0:12". */
export const RightToLeft: Story = { ...PlayingWithTags, decorators: [(story) => html`<div dir="rtl">${story()}</div>`] };
