import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '@vitrine/elements/carousel.js';
import { demoProducts } from './story-data.js';

interface CarouselArgs {
  count: number;
  label: string;
  lang: string;
  dir: 'ltr' | 'rtl';
}

const meta: Meta<CarouselArgs> = {
  title: 'Elements/Carousel',
  component: 'vitrine-carousel',
  args: { count: 24, label: '', lang: 'en', dir: 'ltr' },
  argTypes: { dir: { control: 'inline-radio', options: ['ltr', 'rtl'] } },
  render: ({ count, label, lang, dir }) => html`<div lang=${lang} dir=${dir}>
    <vitrine-carousel .products=${demoProducts(count)} label=${ifDefined(label || undefined)} list-id="storybook"></vitrine-carousel>
  </div>`,
};
export default meta;

type Story = StoryObj<CarouselArgs>;

export const Default: Story = {};

export const FewProducts: Story = { args: { count: 3 } };

/** Virtualised: only the visible cards and a page on either side exist in the DOM. Try End, Home and the arrows. */
export const ThousandProducts: Story = { args: { count: 1_000, label: '1,000 products' } };

export const TenThousandProducts: Story = { args: { count: 10_000, label: '10,000 products' } };

export const German: Story = { args: { lang: 'de' } };

export const RightToLeft: Story = { args: { lang: 'ar', dir: 'rtl' } };

export const Themed: Story = {
  render: (args, context) => html`<div
    style="--vitrine-color-accent: #7c2d12; --vitrine-radius: 0; --vitrine-card-width: 11rem; --vitrine-card-image-ratio: 4 / 5; --vitrine-carousel-gap: 0.5rem"
  >
    ${meta.render!(args, context)}
  </div>`,
};
