import { defineOnce } from '../define.js';
import { VitrineRankingTable } from './ranking-table.component.js';

export * from './ranking-table.component.js';

defineOnce('vitrine-ranking-table', VitrineRankingTable);

declare global {
  interface HTMLElementTagNameMap {
    'vitrine-ranking-table': VitrineRankingTable;
  }
}
