import type { ColumnModel, TableModel } from '../../model/schema-model'
import type { OperationOf } from '../../operations/operation'
import type { StatementPiece } from '../statement'
import { columnDefinitionSql } from './mysql-column-sql'
import { keptUpdateTimes } from './mysql-kept-update-times'
import { quoteIdent } from './mysql-quote'
import type { MysqlServer } from './mysql-server'
import { baseOf, mysqlBinaryTypes } from './mysql-types'

/**
 * paddedBinaryNarrowing is how a `binary(m)` column becomes a shorter `binary(n)` or `varbinary(n)`, or a type
 * that does not hold bytes (text, a number, a bit, a date), or undefined for any other change. A binary value is
 * padded with zero bytes to the column's length, so every value of a binary(m) is m bytes long, and strict mode
 * refuses to cut even the padding ("Data truncated"): without this, the down of a longer binary failed on every
 * row; the padding is no character or digit either (`'ab'` made binary(10) came back a varchar `'ab\0\0...'`, and
 * `1.5` not at all: "Truncated incorrect DOUBLE value"). The column goes through a varbinary(m) that keeps each value,
 * its padding is trimmed, and then it takes its new type, which pads again where it is a binary. A check before
 * it (see dataLossGuards) fails the migration, changing nothing, while a value is longer than n bytes without
 * its padding, or does not convert.
 */
export function paddedBinaryNarrowing(op: OperationOf<'alter_column'>, server: MysqlServer | undefined, before: TableModel): StatementPiece[] | undefined {
  const { from, to } = op
  if (!narrowsPaddedBinary(from, to)) return undefined
  const table = quoteIdent(op.table.name)
  const column = quoteIdent(from.name)
  return [
    { sql: `ALTER TABLE ${table} MODIFY COLUMN ${columnDefinitionSql({ ...from, type: 'varbinary' }, server)}`, rebuild: op.table.name },
    `UPDATE ${table} SET ${column} = ${withoutZeroPadding(column)}${keptUpdateTimes(before, from.name)}`,
    { sql: `ALTER TABLE ${table} MODIFY COLUMN ${columnDefinitionSql(to, server)}`, rebuild: op.table.name },
  ]
}

/**
 * narrowsPaddedBinary says whether a (not generated) `binary` column becomes a shorter `binary` or `varbinary`, or
 * a type whose values are not bytes (a uuid, made of its 16 bytes whatever they are, is bytes too).
 */
function narrowsPaddedBinary(from: ColumnModel, to: ColumnModel): boolean {
  if (from.computed !== undefined || to.computed !== undefined || baseOf(from.type) !== 'binary') return false
  const target = baseOf(to.type)
  if (target === 'binary' || target === 'varbinary') return (to.length ?? 1) < (from.length ?? 1)
  return !mysqlBinaryTypes.has(target) && target !== 'uuid'
}

/** withoutZeroPadding is a binary value without the zero bytes that pad it (`column` is quoted). */
export function withoutZeroPadding(column: string): string {
  return `TRIM(TRAILING 0x00 FROM ${column})`
}
