import { isLiteralDefault } from '../../model/literal-default'
import type { ColumnModel } from '../../model/schema-model'
import type { ChangeSet } from '../../plan/change-set'
import { literalSql, quoteString } from './mysql-literals'
import { mysqlStringTypes } from './mysql-type-families'
import { baseOf, mysqlNumericTypes } from './mysql-types'

/**
 * valueOnAdd is the value, as MySQL reads it, that every row a table holds takes when `column` is added to it: its
 * default where that is a literal, else, NOT NULL without one, the implicit default the server fills it with
 * (measured on MariaDB 10.11: 0 for a number, '' for a string, the first label of an ENUM, the nil uuid).
 * Undefined where rows may take different values (an expression, a generated value) or NULL, or for a type whose
 * implicit value is not one of those.
 */
export function valueOnAdd(column: ColumnModel): string | undefined {
  if (column.generated !== undefined || column.computed !== undefined) return undefined
  if (column.default !== undefined) return isLiteralDefault(column.default) ? literalSql(column.default) : undefined
  if (column.nullable) return undefined
  const base = baseOf(column.type)
  if (mysqlNumericTypes.has(base) && base !== 'bit' && base !== 'year') return '0'
  if (mysqlStringTypes.has(base)) return "''"
  if (base === 'enum' && column.enumValues?.[0] !== undefined) return quoteString(column.enumValues[0])
  if (base === 'uuid') return "'00000000-0000-0000-0000-000000000000'"
  return undefined
}

/**
 * addedValueAt is valueOnAdd of column `name` of the table of operation `at`, where an operation before `at` adds it
 * and none after that fills, changes or renames it; undefined otherwise.
 */
export function addedValueAt(changes: ChangeSet, at: number, name: string): string | undefined {
  for (let j = at - 1; j >= 0; j--) {
    if (changes.tableAt[j] !== changes.tableAt[at]) continue
    const op = changes.ops[j]!
    if (op.kind === 'add_column' && op.column.name === name) return valueOnAdd(op.column)
    if (op.kind === 'rename_column' && op.to === name) return undefined
    if (op.kind === 'copy_column' && op.to.name === name) return undefined
    if (op.kind === 'alter_column' && op.to.name === name) return undefined
  }
  return undefined
}
