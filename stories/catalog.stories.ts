import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { VitrineError, type ProductSource } from '@vitrine/core';
import '@vitrine/elements/catalog.js';
import { rawProducts } from './story-data.js';

interface CatalogArgs {
  layout: 'carousel' | 'grid';
  search: string;
  sort: 'featured' | 'price-asc' | 'price-desc' | 'title';
  limit: number | undefined;
  lang: string;
  dir: 'ltr' | 'rtl';
}

/** Never answers: the catalog stays in its loading state. */
const pendingSource: ProductSource = {
  list: () => new Promise(() => {}),
  get: () => new Promise(() => {}),
};

/** Always fails the way an unreachable feed does. */
const failingSource: ProductSource = {
  list: () => Promise.reject(new VitrineError('source-unreachable', 'could not reach the product feed (storybook demo)')),
  get: () => Promise.reject(new VitrineError('source-unreachable', 'could not reach the product feed (storybook demo)')),
};

const meta: Meta<CatalogArgs> = {
  title: 'Elements/Catalog',
  component: 'vitrine-catalog',
  args: { layout: 'carousel', search: '', sort: 'featured', limit: undefined, lang: 'en', dir: 'ltr' },
  argTypes: {
    layout: { control: 'inline-radio', options: ['carousel', 'grid'] },
    sort: { control: 'select', options: ['featured', 'price-asc', 'price-desc', 'title'] },
    dir: { control: 'inline-radio', options: ['ltr', 'rtl'] },
  },
  render: (args) => html`<div lang=${args.lang} dir=${args.dir}>
    <vitrine-catalog
      src="feeds/northwind.json"
      layout=${args.layout}
      search=${ifDefined(args.search || undefined)}
      sort=${args.sort}
      limit=${ifDefined(args.limit)}
    ></vitrine-catalog>
  </div>`,
};
export default meta;

type Story = StoryObj<CatalogArgs>;

/** From a JSON feed URL (`src="feeds/northwind.json"`), with the feed's title as heading. */
export const Default: Story = {};

export const Grid: Story = { args: { layout: 'grid' } };

export const SortedAndLimited: Story = { args: { sort: 'price-desc', limit: 4 } };

export const Search: Story = { args: { search: 'mug' } };

export const German: Story = { args: { lang: 'de' } };

export const RightToLeft: Story = { args: { lang: 'ar', dir: 'rtl' } };

export const Loading: Story = {
  render: (args) => html`<vitrine-catalog .source=${pendingSource} layout=${args.layout}></vitrine-catalog>`,
};

/** A grid with a limit loads as that many skeleton cards, so a feed that fills it shifts nothing. */
export const LoadingGridWithLimit: Story = {
  render: () => html`<vitrine-catalog .source=${pendingSource} layout="grid" limit="6"></vitrine-catalog>`,
};

/** 320px wide: the title gets two lines instead of being cut. */
export const Narrow: Story = {
  render: (args) => html`<div lang=${args.lang} dir=${args.dir} style="inline-size: 20rem">
    <vitrine-catalog .products=${{ title: 'Northwind summer collection', products: rawProducts(6) }} layout=${args.layout}></vitrine-catalog>
  </div>`,
};

export const Empty: Story = {
  render: (args) => html`<vitrine-catalog .products=${[]} layout=${args.layout}></vitrine-catalog>`,
};

export const Error: Story = {
  render: (args) => html`<vitrine-catalog .source=${failingSource} layout=${args.layout}></vitrine-catalog>`,
};

/** Inline data (`products` property), 1,000 products in a virtualised carousel. */
export const ThousandProducts: Story = {
  render: (args) => html`<vitrine-catalog .products=${{ title: '1,000 products', products: rawProducts(1_000) }} layout=${args.layout}></vitrine-catalog>`,
};

export const ThousandProductsGrid: Story = {
  args: { layout: 'grid', limit: 60 },
  render: (args) => html`<vitrine-catalog .products=${rawProducts(1_000)} layout="grid" limit=${args.limit ?? 60}></vitrine-catalog>`,
};

/** A feed where two products are broken: the rest render, and `vitrine-error` (non-fatal) names the first bad field. */
export const PartlyBadFeed: Story = {
  render: () => {
    const products: unknown[] = rawProducts(6);
    (products[1] as { price: unknown }).price = { amount: 1999, currency: 'EURO' };
    (products[3] as { url: string }).url = 'javascript:alert(1)';
    return html`<vitrine-catalog .products=${products}></vitrine-catalog>`;
  },
};
