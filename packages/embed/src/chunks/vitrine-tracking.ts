// Loaded by vitrine.js as soon as it runs: the tracker, the destinations, attribution and <vitrine-conversion>.
// Built on its own (not sharing chunks with the elements), so a page pays for nothing else.
export { startTracking } from '../tracking/tracking.js';
