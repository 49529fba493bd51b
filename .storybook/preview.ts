import { action } from 'storybook/actions';
import type { Preview } from '@storybook/web-components-vite';

const logClickRequest = action('vitrine-product-click-request (canceled)');
const logTrack = action('vitrine-track');
const logLoad = action('vitrine-load');
const logError = action('vitrine-error');

// The demo products have no pages: clicks are canceled (as a host with its own quick view would) and every event
// the elements emit shows up in the Actions panel.
document.addEventListener('vitrine-product-click-request', (event) => {
  event.preventDefault();
  logClickRequest(event.detail);
});
document.addEventListener('vitrine-track', (event) => logTrack(event.detail));
document.addEventListener('vitrine-load', (event) => logLoad(event.detail));
document.addEventListener('vitrine-error', (event) => logError(event.detail));

const preview: Preview = {
  parameters: {
    layout: 'padded',
    controls: { expanded: true },
  },
};

export default preview;
