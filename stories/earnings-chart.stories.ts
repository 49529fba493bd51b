import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../packages/collector/dashboard/src/earnings-chart/earnings-chart.js';
import { lastDays } from '../packages/collector/dashboard/src/report.js';
import { demoReport } from './dashboard-story-data.js';

interface ChartArgs {
  days: number;
  currency: 'EUR' | 'USD';
  loading: boolean;
  empty: boolean;
  width: string;
}

const meta: Meta<ChartArgs> = {
  title: 'Collector/Earnings chart',
  component: 'vitrine-earnings-chart',
  args: { days: 30, currency: 'EUR', loading: false, empty: false, width: '48rem' },
  argTypes: {
    days: { control: 'inline-radio', options: [7, 30, 90] },
    currency: { control: 'inline-radio', options: ['EUR', 'USD'] },
  },
  render: (args) => html`<div lang="en-GB" style="max-inline-size:${args.width}">
    <vitrine-earnings-chart .report=${demoReport('days', lastDays(args.days), args.empty)} currency=${args.currency} ?loading=${args.loading}></vitrine-earnings-chart>
  </div>`,
};
export default meta;

type Story = StoryObj<ChartArgs>;

/** Confirmed bars solid, the last days pending (hatched), one refund below the line. */
export const ThirtyDays: Story = {};

export const NinetyDays: Story = { args: { days: 90 } };

export const Loading: Story = { args: { loading: true } };

export const Empty: Story = { args: { empty: true } };

export const PhoneWidth: Story = { args: { width: '343px' } };
