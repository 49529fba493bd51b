// Loaded only when the script tag (or the page) names one of these destinations.
import { FunctionTransport, Ga4Transport, SegmentTransport, type Transport } from '@vitrine/core';
import type { EmbedConfig } from '../loader/config.js';
import type { Destination } from './tracking-api.js';

export type DestinationOption = { kind: 'segment'; options: NonNullable<EmbedConfig['segment']> } | { kind: 'ga4' } | { kind: 'function'; destination: Destination };

export function createDestination(option: DestinationOption): Transport {
  if (option.kind === 'segment') return new SegmentTransport(option.options);
  if (option.kind === 'ga4') return new Ga4Transport();
  return new FunctionTransport(option.destination);
}
