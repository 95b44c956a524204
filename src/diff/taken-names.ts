import type { SchemaModel } from '../model/schema-model'

/** takenNames lists, per schema, every table, index and constraint name: PostgreSQL shares one namespace among many of them. */
export function takenNames(model: SchemaModel): Map<string, Set<string>> {
  const taken = new Map<string, Set<string>>()
  for (const t of model.tables) {
    const names = taken.get(t.schema ?? '') ?? new Set<string>()
    taken.set(t.schema ?? '', names)
    for (const name of [t.name, t.primaryKey?.name, ...[...t.indexes, ...t.uniques, ...t.foreignKeys, ...t.checks].map((x) => x.name)]) {
      if (name !== undefined) names.add(name)
    }
  }
  return taken
}
