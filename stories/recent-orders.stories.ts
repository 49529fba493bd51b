import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../packages/collector/dashboard/src/recent-orders/recent-orders.js';
import { demoOrders } from './dashboard-story-data.js';

interface OrdersArgs {
  loading: boolean;
  empty: boolean;
  width: string;
}

const meta: Meta<OrdersArgs> = {
  title: 'Collector/Recent orders',
  component: 'vitrine-recent-orders',
  args: { loading: false, empty: false, width: '60rem' },
  render: (args) => html`<div lang="en-GB" style="max-inline-size:${args.width}">
    <vitrine-recent-orders .orders=${args.empty ? [] : demoOrders} ?loading=${args.loading}></vitrine-recent-orders>
  </div>`,
};
export default meta;

type Story = StoryObj<OrdersArgs>;

/** Pending, confirmed and refunded orders, each in words. */
export const Orders: Story = {};

export const PhoneWidth: Story = { args: { width: '343px' } };

export const Loading: Story = { args: { loading: true } };

export const Empty: Story = { args: { empty: true } };
