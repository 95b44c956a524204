import { compareText, qualifiedKey } from '../model/qualified-name'
import type { Operation, OperationKind } from './operation'
import { tableOf } from './operation'

// Phases run in this order so that every operation finds what it needs: types before the columns that use
// them, foreign keys dropped before what they point at and added after it exists, renames before the
// changes stated under the new names. Reversing a list in this order gives a list that is valid as well.
const phase: { readonly [K in OperationKind]: number } = {
  create_schema: 0,
  create_extension: 0,
  create_enum: 1,
  alter_enum: 1,
  drop_foreign_key: 2,
  drop_check: 3,
  drop_unique: 3,
  drop_index: 3,
  drop_primary_key: 3,
  rename_table: 4,
  rename_column: 5,
  drop_table: 6,
  create_table: 7,
  add_column: 8,
  alter_column: 8,
  drop_column: 8,
  alter_table_comment: 8,
  add_primary_key: 9,
  add_unique: 9,
  add_check: 9,
  create_index: 9,
  add_foreign_key: 10,
  drop_enum: 11,
  drop_extension: 12,
  drop_schema: 12,
}

/** orderOperations sorts operations into execution order, deterministically (phase, table, object name). */
export function orderOperations(ops: readonly Operation[]): Operation[] {
  return ops
    .map((op, index) => ({ op, index, key: sortKey(op) }))
    .sort((a, b) => phase[a.op.kind] - phase[b.op.kind] || compareText(a.key, b.key) || a.index - b.index)
    .map((entry) => entry.op)
}

function sortKey(op: Operation): string {
  const table = tableOf(op)
  return `${table ? qualifiedKey(table) : ''}\0${objectName(op)}`
}

function objectName(op: Operation): string {
  switch (op.kind) {
    case 'create_schema':
    case 'drop_schema': return op.schema
    case 'create_extension':
    case 'drop_extension': return op.extension
    case 'create_enum':
    case 'drop_enum': return qualifiedKey(op.enumType)
    case 'alter_enum': return qualifiedKey(op.to)
    case 'create_table':
    case 'drop_table':
    case 'alter_table_comment': return ''
    case 'rename_table': return qualifiedKey(op.from)
    case 'add_column':
    case 'drop_column': return op.column.name
    case 'alter_column': return op.to.name
    case 'rename_column': return op.from
    case 'add_primary_key':
    case 'drop_primary_key': return ''
    case 'create_index':
    case 'drop_index': return op.index.name
    case 'add_unique':
    case 'drop_unique': return op.unique.name
    case 'add_foreign_key':
    case 'drop_foreign_key': return op.foreignKey.name
    case 'add_check':
    case 'drop_check': return op.check.name
  }
}
