import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../packages/collector/dashboard/src/recent-orders/recent-orders.js';
import { demoOrders, longIdOrders } from './dashboard-story-data.js';

interface OrdersArgs {
  loading: boolean;
  empty: boolean;
  longIds: boolean;
  width: string;
}

const meta: Meta<OrdersArgs> = {
  title: 'Collector/Recent orders',
  component: 'vitrine-recent-orders',
  args: { loading: false, empty: false, longIds: false, width: '60rem' },
  render: (args) => html`<div lang="en-GB" style="max-inline-size:${args.width}">
    <vitrine-recent-orders .orders=${args.empty ? [] : args.longIds ? longIdOrders : demoOrders} ?loading=${args.loading}></vitrine-recent-orders>
  </div>`,
};
export default meta;

type Story = StoryObj<OrdersArgs>;

/** Pending, confirmed and refunded orders, each in words. */
export const Orders: Story = {};

/** Every column stays; the table scrolls sideways inside the card, which takes keyboard focus to do so. */
export const PhoneWidth: Story = { args: { width: '343px' } };

/** 64-character ids wrap inside their cells; an id's right-to-left override stays inside it. */
export const LongIds: Story = { args: { longIds: true, width: '44rem' } };

export const Loading: Story = { args: { loading: true } };

export const Empty: Story = { args: { empty: true } };
