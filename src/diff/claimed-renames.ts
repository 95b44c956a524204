import type { SchemaModel } from '../model/schema-model'
import type { Operation } from '../operations/operation'
import { type NameKey, nameKeyFor, tableNames, takenNames } from './taken-names'

/**
 * claimedRenames leaves out each rename of an index or constraint whose new name is not free when it runs:
 * held by an object of `before` that the migration keeps, by an object it creates, or by an earlier rename.
 * A name the migration drops is free, since drops run before these renames (see orderOperations). An object
 * whose rename is left out keeps the database's name. `indexNamesApart`: index names do not collide with the
 * others (see DialectCapabilities). Pure.
 */
export function claimedRenames(ops: readonly Operation[], before: SchemaModel, indexNamesApart?: boolean): Operation[] {
  const key = nameKeyFor(indexNamesApart)
  const taken = takenNames(before, key)
  const names = (schema: string | undefined) => {
    const set = taken.get(schema ?? '') ?? new Set<string>()
    taken.set(schema ?? '', set)
    return set
  }
  for (const op of ops) for (const name of droppedNames(op, key)) if (name !== undefined) names(tableSchema(op)).delete(name)
  for (const op of ops) for (const name of createdNames(op, key)) if (name !== undefined) names(tableSchema(op)).add(name)
  return ops.filter((op) => {
    if (op.kind !== 'rename_index' && op.kind !== 'rename_constraint') return true
    const held = names(op.table.schema)
    const to = op.kind === 'rename_index' || op.constraint === 'unique' ? key.index(op.to) : op.to
    if (held.has(to)) return false
    held.add(to)
    return true
  })
}

function tableSchema(op: Operation): string | undefined {
  return 'table' in op ? op.table.schema : undefined
}

function droppedNames(op: Operation, key: NameKey): (string | undefined)[] {
  switch (op.kind) {
    case 'drop_table': return tableNames(op.table, key)
    case 'drop_index': return [key.index(op.index.name)]
    case 'drop_unique': return [key.index(op.unique.name)]
    case 'drop_foreign_key': return [op.foreignKey.name]
    case 'drop_check': return [op.check.name]
    case 'drop_exclusion': return [key.index(op.exclusion.name)]
    case 'drop_primary_key': return [op.primaryKey.name]
    default: return []
  }
}

function createdNames(op: Operation, key: NameKey): (string | undefined)[] {
  switch (op.kind) {
    case 'create_table': return tableNames(op.table, key)
    case 'create_index': return [key.index(op.index.name)]
    case 'add_unique': return [key.index(op.unique.name)]
    case 'add_foreign_key': return [op.foreignKey.name]
    case 'add_check': return [op.check.name]
    case 'add_exclusion': return [key.index(op.exclusion.name)]
    case 'add_primary_key': return [op.primaryKey.name]
    default: return []
  }
}
