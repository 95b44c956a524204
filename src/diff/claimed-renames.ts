import type { SchemaModel } from '../model/schema-model'
import type { Operation } from '../operations/operation'
import { tableNames, takenNames } from './taken-names'

/**
 * claimedRenames leaves out each rename of an index or constraint whose new name is not free when it runs:
 * held by an object of `before` that the migration keeps, by an object it creates, or by an earlier rename.
 * A name the migration drops is free, since drops run before these renames (see orderOperations). An object
 * whose rename is left out keeps the database's name. Pure.
 */
export function claimedRenames(ops: readonly Operation[], before: SchemaModel): Operation[] {
  const taken = takenNames(before)
  const names = (schema: string | undefined) => {
    const set = taken.get(schema ?? '') ?? new Set<string>()
    taken.set(schema ?? '', set)
    return set
  }
  for (const op of ops) for (const name of droppedNames(op)) if (name !== undefined) names(tableSchema(op)).delete(name)
  for (const op of ops) for (const name of createdNames(op)) if (name !== undefined) names(tableSchema(op)).add(name)
  return ops.filter((op) => {
    if (op.kind !== 'rename_index' && op.kind !== 'rename_constraint') return true
    const held = names(op.table.schema)
    if (held.has(op.to)) return false
    held.add(op.to)
    return true
  })
}

function tableSchema(op: Operation): string | undefined {
  return 'table' in op ? op.table.schema : undefined
}

function droppedNames(op: Operation): (string | undefined)[] {
  switch (op.kind) {
    case 'drop_table': return tableNames(op.table)
    case 'drop_index': return [op.index.name]
    case 'drop_unique': return [op.unique.name]
    case 'drop_foreign_key': return [op.foreignKey.name]
    case 'drop_check': return [op.check.name]
    case 'drop_primary_key': return [op.primaryKey.name]
    default: return []
  }
}

function createdNames(op: Operation): (string | undefined)[] {
  switch (op.kind) {
    case 'create_table': return tableNames(op.table)
    case 'create_index': return [op.index.name]
    case 'add_unique': return [op.unique.name]
    case 'add_foreign_key': return [op.foreignKey.name]
    case 'add_check': return [op.check.name]
    case 'add_primary_key': return [op.primaryKey.name]
    default: return []
  }
}
