import type { ForeignKeyModel, QualifiedName } from './schema-model'

/** qualifiedKey is a stable map key and sort key for a table or type name. */
export function qualifiedKey(name: QualifiedName): string {
  return name.schema === undefined ? name.name : `${name.schema}.${name.name}`
}

/** sameName says whether two qualified names denote the same object. */
export function sameName(a: QualifiedName, b: QualifiedName): boolean {
  return a.name === b.name && a.schema === b.schema
}

/** nameOf strips a table or type down to its qualified name. */
export function nameOf(q: QualifiedName): QualifiedName {
  return q.schema === undefined ? { name: q.name } : { schema: q.schema, name: q.name }
}

/** referencedTableOf is the name of the table a foreign key references. */
export function referencedTableOf(fk: ForeignKeyModel): QualifiedName {
  return nameOf({ schema: fk.referencedSchema, name: fk.referencedTable })
}

/** byQualifiedName orders tables and types by schema then name. */
export function byQualifiedName(a: QualifiedName, b: QualifiedName): number {
  return compareText(qualifiedKey(a), qualifiedKey(b))
}

/** compareText is a locale-independent string comparison, so that output order never varies by machine. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/**
 * namedIn indexes tables, views or types by qualified name: `namedIn(actual.tables)(name)` finds what
 * `tables.find((t) => sameName(t, name))` finds (the first), without a scan per lookup.
 */
export function namedIn<T extends QualifiedName>(items: readonly T[]): (name: QualifiedName) => T | undefined {
  const index = new Map<string, T>()
  for (const item of items) {
    const key = exactKey(item)
    if (!index.has(key)) index.set(key, item)
  }
  return (name) => index.get(exactKey(name))
}

/** exactKey tells apart what qualifiedKey may not: no schema from an empty one, a dot in a name from a schema's. */
function exactKey(name: QualifiedName): string {
  return name.schema === undefined ? `\u0000${name.name}` : `${name.schema}\u0001${name.name}`
}
