import { defineOnce } from '../define.js';
import { VitrineRecentOrders } from './recent-orders.component.js';

export * from './recent-orders.component.js';

defineOnce('vitrine-recent-orders', VitrineRecentOrders);

declare global {
  interface HTMLElementTagNameMap {
    'vitrine-recent-orders': VitrineRecentOrders;
  }
}
