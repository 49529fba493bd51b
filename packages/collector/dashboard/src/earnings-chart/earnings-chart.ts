import { defineOnce } from '../define.js';
import { VitrineEarningsChart } from './earnings-chart.component.js';

export * from './earnings-chart.component.js';

defineOnce('vitrine-earnings-chart', VitrineEarningsChart);

declare global {
  interface HTMLElementTagNameMap {
    'vitrine-earnings-chart': VitrineEarningsChart;
  }
}
