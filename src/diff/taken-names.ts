import type { SchemaModel, TableModel } from '../model/schema-model'

/**
 * NameKey is how a name is held in the sets takenNames makes. Where index names are apart from the other names
 * (see DialectCapabilities.indexNamesApart), an index or unique key's name is held as `index <name>`.
 */
export interface NameKey {
  readonly index: (name: string) => string
}

/** nameKeyFor is the NameKey of a dialect whose index names are apart from the others' (`indexNamesApart`) or not. */
export function nameKeyFor(indexNamesApart: boolean | undefined): NameKey {
  return { index: indexNamesApart === true ? (name) => `index ${name}` : (name) => name }
}

/** takenNames lists, per schema, every table, index and constraint name: PostgreSQL shares one namespace among many of them. */
export function takenNames(model: SchemaModel, key: NameKey = nameKeyFor(false)): Map<string, Set<string>> {
  const taken = new Map<string, Set<string>>()
  for (const t of model.tables) {
    const names = taken.get(t.schema ?? '') ?? new Set<string>()
    taken.set(t.schema ?? '', names)
    for (const name of tableNames(t, key)) names.add(name)
  }
  return taken
}

/** tableNames are the names a table holds: its own, its primary key's, its indexes' and constraints'. */
export function tableNames(t: TableModel, key: NameKey = nameKeyFor(false)): string[] {
  return [t.name, ...ownedNames(t, key)]
}

/** ownedNames are the names of a table's primary key, indexes and constraints (an exclusion constraint's is its index's too). */
export function ownedNames(t: TableModel, key: NameKey = nameKeyFor(false)): string[] {
  const names = [t.primaryKey?.name, ...[...t.foreignKeys, ...t.checks].map((x) => x.name)]
  const indexed = [...t.indexes, ...t.uniques, ...(t.exclusions ?? [])]
  return [...names.filter((name): name is string => name !== undefined), ...indexed.map((x) => key.index(x.name))]
}
