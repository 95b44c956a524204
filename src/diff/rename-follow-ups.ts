import type { DialectCapabilities } from '../dialect/dialect'
import type { SchemaModel } from '../model/schema-model'
import { nameOf, qualifiedKey, sameName } from '../model/qualified-name'
import type { Operation } from '../operations/operation'
import { type NamedConstraint, renameConstraint } from '../operations/rename-constraint'
import { checkKey, exclusionKey, foreignKeyKey, indexKey, uniqueKey } from './constraint-keys'
import { nameKeyFor, takenNames } from './taken-names'

/**
 * followUpRenames renames what is named after a renamed table or column (TypeORM derives index, key and
 * constraint names from them, and enum type names on PostgreSQL), as TypeORM's own renameTable and
 * renameColumn do: in each table of `involved` (keys of tables renamed or with renamed columns), an index or
 * constraint whose definition the entities keep under another name is renamed, and so is an enum type used
 * by one column alone. `model` is the database's schema with the table and column renames already applied.
 * A name already taken in the schema is left alone (the diff then drops and re-creates). Pure.
 */
export function followUpRenames(
  model: SchemaModel,
  desired: SchemaModel,
  involved: ReadonlySet<string>,
  capabilities: DialectCapabilities,
): Operation[] {
  const key = nameKeyFor(capabilities.indexNamesApart)
  const taken = takenNames(model, key)
  const ops: Operation[] = []
  const claim = (schema: string | undefined, to: string, op: Operation) => {
    const names = taken.get(schema ?? '') ?? new Set<string>()
    if (names.has(to)) return
    names.add(to)
    taken.set(schema ?? '', names)
    ops.push(op)
  }
  for (const wanted of desired.tables) {
    if (!involved.has(qualifiedKey(wanted))) continue
    const current = model.tables.find((t) => sameName(t, wanted))
    if (current === undefined) continue
    const table = nameOf(wanted)
    const constraint = (named: NamedConstraint, to: string) => claim(table.schema, to, renameConstraint(table, named, to))
    const from = current.primaryKey
    const to = wanted.primaryKey
    if (from?.name && to?.name && from.name !== to.name && from.columns.join('\0') === to.columns.join('\0')) {
      constraint({ constraint: 'primary_key', primaryKey: from }, to.name)
    }
    for (const [index, to] of renamedPairs(current.indexes, wanted.indexes, indexKey)) {
      claim(table.schema, key.index(to), { kind: 'rename_index', table, from: index.name, to, index })
    }
    for (const [unique, to] of renamedPairs(current.uniques, wanted.uniques, uniqueKey)) {
      claim(table.schema, key.index(to), renameConstraint(table, { constraint: 'unique', unique }, to))
    }
    for (const [foreignKey, to] of renamedPairs(current.foreignKeys, wanted.foreignKeys, foreignKeyKey)) constraint({ constraint: 'foreign_key', foreignKey }, to)
    for (const [check, to] of renamedPairs(current.checks, wanted.checks, checkKey)) constraint({ constraint: 'check', check }, to)
    for (const [exclusion, to] of renamedPairs(current.exclusions ?? [], wanted.exclusions ?? [], exclusionKey)) {
      claim(table.schema, key.index(to), renameConstraint(table, { constraint: 'exclusion', exclusion }, to))
    }
  }
  return capabilities.enumTypes ? [...ops, ...enumRenames(model, desired, involved)] : ops
}

/** renamedPairs pairs, one to one, items only `current` names with the names of items only `wanted` names that have the same key. */
function renamedPairs<T extends { readonly name: string }>(
  current: readonly T[],
  wanted: readonly T[],
  key: (item: T) => string,
): [T, string][] {
  const wantedNames = new Set(wanted.map((w) => w.name))
  const currentNames = new Set(current.map((c) => c.name))
  const free = wanted.filter((w) => !currentNames.has(w.name))
  const pairs: [T, string][] = []
  for (const item of current) {
    if (wantedNames.has(item.name)) continue
    const match = free.findIndex((w) => key(w) === key(item))
    if (match < 0) continue
    pairs.push([item, free[match].name])
    free.splice(match, 1)
  }
  return pairs
}

/**
 * enumRenames renames an enum type when a column of an involved table uses another type in the entities,
 * the old type is used by that column alone and is not wanted any more, and the new one does not exist yet.
 */
function enumRenames(model: SchemaModel, desired: SchemaModel, involved: ReadonlySet<string>): Operation[] {
  const exists = (s: SchemaModel, schema: string | undefined, name: string) => s.enums.some((e) => sameName(e, { schema, name }))
  const users = (schema: string | undefined, name: string) =>
    model.tables.filter((t) => t.schema === schema).flatMap((t) => t.columns.filter((c) => c.enumName === name))
  const claimed = new Set<string>()
  const ops: Operation[] = []
  for (const wanted of desired.tables) {
    const current = involved.has(qualifiedKey(wanted)) ? model.tables.find((t) => sameName(t, wanted)) : undefined
    if (current === undefined) continue
    for (const column of wanted.columns) {
      const before = current.columns.find((c) => c.name === column.name)
      const from = before?.enumName
      const to = column.enumName
      if (from === undefined || to === undefined || from === to) continue
      const schema = wanted.schema
      const key = qualifiedKey({ schema, name: to })
      if (claimed.has(key) || !exists(model, schema, from) || exists(model, schema, to) || exists(desired, schema, from)) continue
      if (users(schema, from).length !== 1) continue
      claimed.add(key)
      ops.push({ kind: 'rename_enum', from: nameWith(schema, from), to: nameWith(schema, to) })
    }
  }
  return ops
}

function nameWith(schema: string | undefined, name: string) {
  return schema === undefined ? { name } : { schema, name }
}
