import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../packages/collector/dashboard/src/ranking-table/ranking-table.js';
import { lastDays } from '../packages/collector/dashboard/src/report.js';
import { demoReport } from './dashboard-story-data.js';

interface RankingArgs {
  dimension: 'clips' | 'products' | 'creators';
  currency: 'EUR' | 'USD';
  loading: boolean;
  empty: boolean;
  width: string;
}

const meta: Meta<RankingArgs> = {
  title: 'Collector/Ranking table',
  component: 'vitrine-ranking-table',
  args: { dimension: 'clips', currency: 'EUR', loading: false, empty: false, width: '40rem' },
  argTypes: {
    dimension: { control: 'inline-radio', options: ['clips', 'products', 'creators'] },
    currency: { control: 'inline-radio', options: ['EUR', 'USD'] },
  },
  render: (args) => html`<div lang="en-GB" style="max-inline-size:${args.width}">
    <vitrine-ranking-table
      dimension=${args.dimension}
      .report=${demoReport(args.dimension, lastDays(30), args.empty)}
      currency=${args.currency}
      ?loading=${args.loading}
    ></vitrine-ranking-table>
  </div>`,
};
export default meta;

type Story = StoryObj<RankingArgs>;

export const TopClips: Story = {};

export const TopProducts: Story = { args: { dimension: 'products' } };

/** The second creator had €25.00 refunded: it shows under the commission, and ranks the row below the third. */
export const TopCreators: Story = { args: { dimension: 'creators' } };

/** Every column stays: pending moves under confirmed, and the table scrolls sideways inside the card. */
export const PhoneWidth: Story = { args: { width: '343px' } };

export const Loading: Story = { args: { loading: true } };

export const Empty: Story = { args: { empty: true } };
