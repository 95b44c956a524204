import type { OperationOf } from '../../operations/operation'
import { quoteDoubled } from '../quote'
import type { StatementPiece } from '../statement'
import { columnDefinitionSql } from './mysql-column-sql'
import { quoteIdent } from './mysql-quote'
import type { MysqlServer } from './mysql-server'
import { baseOf } from './mysql-types'

/**
 * paddedBinaryNarrowing is how a `binary(m)` column becomes a shorter `binary(n)` or `varbinary(n)`, or undefined
 * for any other change. A binary value is padded with zero bytes to the column's length, so every value of a
 * binary(m) is m bytes long, and strict mode refuses to cut even the padding ("Data truncated"): without this,
 * the down of a longer binary failed on every row. The column goes through a varbinary(m) that keeps each value,
 * its padding is trimmed, and then it takes its new type, which pads again where it is a binary. First a check
 * fails the migration, changing nothing, while a value is longer than n bytes without its padding.
 */
export function paddedBinaryNarrowing(op: OperationOf<'alter_column'>, server: MysqlServer | undefined): StatementPiece[] | undefined {
  const { from, to } = op
  const fromLength = from.length ?? 1
  const toLength = to.length ?? 1
  if (baseOf(from.type) !== 'binary' || !['binary', 'varbinary'].includes(baseOf(to.type)) || toLength >= fromLength) return undefined
  if (from.computed !== undefined || to.computed !== undefined) return undefined
  const table = quoteIdent(op.table.name)
  const column = quoteIdent(from.name)
  const unpadded = withoutZeroPadding(column)
  return [
    {
      sql: `SELECT 1 FROM ${table} WHERE LENGTH(${unpadded}) > ${toLength} LIMIT 1`,
      failIfRows: `rows of ${quoteDoubled(op.table.name)}.${quoteDoubled(from.name)} hold more than ${toLength} bytes besides their zero padding, ` +
        `which ${to.type}(${toLength}) cannot keep: shorten them first; nothing of the table was changed`,
    },
    { sql: `ALTER TABLE ${table} MODIFY COLUMN ${columnDefinitionSql({ ...from, type: 'varbinary' }, server)}`, rebuild: op.table.name },
    `UPDATE ${table} SET ${column} = ${unpadded}`,
    { sql: `ALTER TABLE ${table} MODIFY COLUMN ${columnDefinitionSql(to, server)}`, rebuild: op.table.name },
  ]
}

/** withoutZeroPadding is a binary value without the zero bytes that pad it (`column` is quoted). */
export function withoutZeroPadding(column: string): string {
  return `TRIM(TRAILING 0x00 FROM ${column})`
}
