import type { SchemaModel, TableModel } from '../model/schema-model'

/** takenNames lists, per schema, every table, index and constraint name: PostgreSQL shares one namespace among many of them. */
export function takenNames(model: SchemaModel): Map<string, Set<string>> {
  const taken = new Map<string, Set<string>>()
  for (const t of model.tables) {
    const names = taken.get(t.schema ?? '') ?? new Set<string>()
    taken.set(t.schema ?? '', names)
    for (const name of tableNames(t)) names.add(name)
  }
  return taken
}

/** tableNames are the names a table holds: its own, its primary key's, its indexes' and constraints'. */
export function tableNames(t: TableModel): string[] {
  const names = [t.name, t.primaryKey?.name, ...[...t.indexes, ...t.uniques, ...t.foreignKeys, ...t.checks].map((x) => x.name)]
  return names.filter((name): name is string => name !== undefined)
}
