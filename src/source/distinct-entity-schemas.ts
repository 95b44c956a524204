import type { EntitySchema } from 'typeorm'
import { EntitySchemaTransformer } from 'typeorm/entity-schema/EntitySchemaTransformer'

type Transform = EntitySchemaTransformer['transform']

// TypeORM takes every export its entity globs load: one EntitySchema exported twice (`export const User = ...;
// export default User`, or again from an index.js the glob also matches) becomes two metadatas of one name.
// The application runs with it (TypeORM uses the first), so while we build, each schema object counts once;
// two different schemas of one name still reach the check that names them.

/** withDistinctEntitySchemas runs `work` with TypeORM's schema transformer given each EntitySchema object once, then restores it. */
export async function withDistinctEntitySchemas<T>(work: () => Promise<T>): Promise<T> {
  const prototype = EntitySchemaTransformer.prototype as { transform: Transform }
  const original = prototype.transform
  prototype.transform = function (this: EntitySchemaTransformer, schemas: EntitySchema<unknown>[]) {
    return original.call(this, [...new Set(schemas)])
  }
  try {
    return await work()
  } finally {
    prototype.transform = original
  }
}
