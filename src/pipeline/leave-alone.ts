import type { SchemaModel } from '../model/schema-model'
import type { SkippedIndex } from '../source/entity-metadata'

/**
 * withoutSkippedIndexes removes from the database's model the indexes the entities declare but the model
 * leaves out (`synchronize: false`, spatial), so that the diff neither drops nor re-creates them.
 */
export function withoutSkippedIndexes(model: SchemaModel, skipped: readonly SkippedIndex[]): SchemaModel {
  if (skipped.length === 0) return model
  const keys = new Set(skipped.map((s) => `${s.table}\0${s.name}`))
  return {
    ...model,
    tables: model.tables.map((t) => ({ ...t, indexes: t.indexes.filter((i) => !keys.has(`${t.name}\0${i.name}`)) })),
  }
}
