import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '@vitrine/elements/product-card.js';
import { demoProduct } from './story-data.js';

interface CardArgs {
  title: string;
  brand: string;
  amount: number;
  compareAtAmount: number;
  currency: string;
  availability: 'in_stock' | 'out_of_stock' | 'preorder' | 'backorder';
  locale: string;
  target: string;
  skeleton: boolean;
}

const meta: Meta<CardArgs> = {
  title: 'Elements/Product card',
  component: 'vitrine-product-card',
  args: {
    title: 'Stoneware mug',
    brand: 'Northwind',
    amount: 2400,
    compareAtAmount: 0,
    currency: 'EUR',
    availability: 'in_stock',
    locale: '',
    target: '',
    skeleton: false,
  },
  argTypes: {
    availability: { control: 'select', options: ['in_stock', 'out_of_stock', 'preorder', 'backorder'] },
    target: { control: 'select', options: ['', '_blank'] },
  },
  render: (args) => {
    const product = demoProduct({
      title: args.title,
      brand: args.brand || undefined,
      price: { amount: args.amount, currency: args.currency },
      compareAtPrice: args.compareAtAmount ? { amount: args.compareAtAmount, currency: args.currency } : undefined,
      availability: args.availability,
    });
    return html`<vitrine-product-card
      .product=${product}
      position="1"
      list-id="storybook"
      locale=${ifDefined(args.locale || undefined)}
      target=${ifDefined(args.target || undefined)}
      ?skeleton=${args.skeleton}
    ></vitrine-product-card>`;
  },
};
export default meta;

type Story = StoryObj<CardArgs>;

export const Default: Story = {};

export const SalePrice: Story = {
  args: { title: 'Canvas tote bag', amount: 8900, compareAtAmount: 11900 },
};

export const SoldOut: Story = {
  args: { availability: 'out_of_stock' },
};

export const PreOrder: Story = {
  args: { title: 'Brass desk lamp with a long name that needs two lines and then some more', availability: 'preorder', brand: '' },
};

export const German: Story = {
  args: { locale: 'de-DE', amount: 8900, compareAtAmount: 11900 },
};

export const RightToLeft: Story = {
  args: { title: 'كوب خزفي', locale: 'ar', currency: 'AED', amount: 4500 },
  render: (args, context) => html`<div dir="rtl" lang="ar">${meta.render!(args, context)}</div>`,
};

export const OpensInNewTab: Story = {
  args: { target: '_blank' },
};

/** Two long prices in the narrowest grid card: the original price wraps below, and the card keeps its height. */
export const LongPrices: Story = {
  render: () => html`<div style="display: flex; flex-wrap: wrap; gap: 1rem; align-items: flex-start; --vitrine-card-width: 12rem">
    <vitrine-product-card locale="de-CH" .product=${demoProduct({ price: { amount: 159900, currency: 'CHF' }, compareAtPrice: { amount: 199900, currency: 'CHF' } })}></vitrine-product-card>
    <vitrine-product-card locale="sv-SE" .product=${demoProduct({ price: { amount: 1599900, currency: 'SEK' }, compareAtPrice: { amount: 1999900, currency: 'SEK' } }, 1)}></vitrine-product-card>
    <vitrine-product-card locale="en-IN" .product=${demoProduct({ price: { amount: 15999900, currency: 'INR' }, compareAtPrice: { amount: 19999900, currency: 'INR' } }, 2)}></vitrine-product-card>
  </div>`,
};

/** A product whose link was refused (not http or https): no link and no call to action, at the same height. */
export const WithoutLink: Story = {
  render: () => html`<vitrine-product-card .product=${{ ...demoProduct(), url: 'javascript:void 0' }}></vitrine-product-card>`,
};

export const Skeleton: Story = {
  args: { skeleton: true },
};

/** Every variant side by side: they are all exactly the same height. */
export const SameHeight: Story = {
  render: () => html`<div style="display: flex; flex-wrap: wrap; gap: 1rem; align-items: flex-start">
    <vitrine-product-card .product=${demoProduct({}, 0)}></vitrine-product-card>
    <vitrine-product-card .product=${demoProduct({ brand: undefined, title: 'A very long product title that is clamped to two lines' }, 1)}></vitrine-product-card>
    <vitrine-product-card .product=${demoProduct({ compareAtPrice: { amount: 99900, currency: 'EUR' } }, 2)}></vitrine-product-card>
    <vitrine-product-card skeleton></vitrine-product-card>
  </div>`,
};
