import type { AlterColumn, Operation } from '../../operations/operation'
import type { ChangeSet, TableChange } from '../../plan/change-set'
import { changesType } from '../../plan/column-change'
import { classifyMysqlTypeChange } from './mysql-type-change'
import { integerTypes } from './mysql-type-families'
import { baseOf } from './mysql-types'

/**
 * keepsValues says whether an ALTER of a column leaves each of its values as it was, and equal to the same values
 * as before: its type and size stay, or change to ones that hold every value as it is (a wider integer, a longer
 * string: `safe` and `rewrite` to classifyMysqlTypeChange), with the same charset and collation (which decide what
 * equals what) and no new expression computing it. An integer made a narrower integer (bigint ids an entity
 * declares int) keeps every value it takes too: the migration refuses those that do not fit before its first
 * statement (see dataLossGuards), and strict mode at the ALTER.
 */
export function keepsValues(op: AlterColumn): boolean {
  if (op.changes.includes('collation') || op.changes.includes('computed')) return false
  if (!changesType(op.changes) && !op.changes.includes('enumValues')) return true
  const change = classifyMysqlTypeChange(op.from, op.to)
  return change === 'safe' || change === 'rewrite' || (change === 'narrowing' && [op.from, op.to].every((c) => integerTypes.has(baseOf(c.type))))
}

/**
 * keptBefore says whether columns `columns` of the table of `life` hold, just before operation `at`, the values they
 * hold before the migration, under the same names: no operation of that table before `at` adds, drops, renames,
 * copies into or alters one (but as keepsValues allows), and none creates, drops or renames the table or moves its rows to another engine.
 * What other columns go through does not change them. With `collationsAside`, a column given another charset or
 * collation keeps its values too: the caller compares them as the new one does (see keyComparedAs).
 */
export function keptBefore(changes: ChangeSet, life: TableChange, at: number, columns: readonly string[], collationsAside = false): boolean {
  return life.opIndexes.every((j) => j >= at || !changesValuesOf(changes.ops[j]!, columns, collationsAside))
}

function changesValuesOf(op: Operation, columns: readonly string[], collationsAside: boolean): boolean {
  switch (op.kind) {
    case 'add_column':
    case 'drop_column':
      return columns.includes(op.column.name)
    case 'rename_column':
      return columns.includes(op.from) || columns.includes(op.to)
    case 'copy_column':
      return columns.includes(op.to.name)
    case 'alter_column':
      return columns.includes(op.to.name) && !keepsValues(collationsAside ? { ...op, changes: op.changes.filter((c) => c !== 'collation') } : op)
    case 'create_table':
    case 'drop_table':
    case 'rename_table':
    case 'alter_table_options':
      return true
    default:
      return false
  }
}
