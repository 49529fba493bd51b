import { createRequire } from 'node:module';
import { SchemaSet, type Located, type SchemaObject } from './json-schema.js';

// The schema files ship in @vitrine/core beside the tracker that writes the messages: one definition for both ends.
// Resolved through the package, so this works from the sources, from dist, and when installed from npm.
const requireFromHere = createRequire(import.meta.url);
export const batchSchema = requireFromHere('@vitrine/core/schema/batch.v1.json') as SchemaObject;
export const messageSchema = requireFromHere('@vitrine/core/schema/track-message.v1.json') as SchemaObject;

export const eventSchemas = new SchemaSet([messageSchema, batchSchema]);

/** A site id, as the collector files events under it. */
export const SITE: Located = eventSchemas.schema(`${batchSchema.$id}#/properties/site`);

/** One track message, as the tracker sends it. */
export const MESSAGE: Located = eventSchemas.schema(messageSchema.$id!);

/**
 * The batch as this collector takes it: batch.v1.json, naming its site by `site` or by a Segment write key. The
 * messages are left out here and checked one by one against MESSAGE, so that one bad event does not cost the batch.
 */
export const COLLECTOR_BATCH: Located = {
  document: batchSchema,
  schema: {
    ...batchSchema,
    properties: { ...batchSchema.properties, batch: { ...(batchSchema.properties!.batch as SchemaObject), items: true } },
  },
};
