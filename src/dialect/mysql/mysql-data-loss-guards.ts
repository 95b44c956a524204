import type { Operation } from '../../operations/operation'
import { quoteDoubled, quoteLiteral } from '../quote'
import type { Statement } from '../statement'
import { narrowsPaddedBinary, withoutZeroPadding } from './mysql-binary-narrowing'
import { holdsValues } from './mysql-probes'
import { quoteIdent } from './mysql-quote'

/**
 * dataLossGuards are the checks run before the ALTER of table `table` (its name then) carrying out `op`, for
 * the rows that the ALTER cannot keep: those holding a label an ENUM or SET loses, and NULLs of a column made
 * NOT NULL, and values of a binary made shorter that are longer than it without their zero padding (see
 * paddedBinaryNarrowing, which the ALTER fails on in any mode). In strict mode the ALTER fails on the others; outside it (a sql_mode without STRICT_TRANS_TABLES or
 * STRICT_ALL_TABLES, which the server running the migration may have though the one it was generated on had
 * not) the ALTER succeeds and turns them into '' or the type's implicit default with a warning only. Each check
 * fails the migration, before the ALTER, while such rows exist.
 */
export function dataLossGuards(op: Operation, table: string): Statement[] {
  if (op.kind !== 'alter_column') return []
  const { from, to } = op
  const column = quoteIdent(from.name)
  const named = `${quoteDoubled(table)}.${quoteDoubled(from.name)}`
  const guard = (condition: string, failIfRows: string): Statement => ({
    sql: `SELECT 1 FROM ${quoteIdent(table)} WHERE ${condition} LIMIT 1`,
    operations: [op],
    failIfRows,
  })
  const removed = to.enumValues === undefined ? [] : (from.enumValues ?? []).filter((label) => !to.enumValues!.includes(label))
  return [
    ...(removed.length === 0 ? [] : [guard(holdsValues(column, removed),
      `rows of ${named} hold ${removed.map(quoteLiteral).join(', ')}, which the column no longer takes: move them to another value first ` +
        '(outside strict mode the server would silently drop those values); nothing of the table was changed')]),
    ...(from.nullable && !to.nullable ? [guard(`${column} IS NULL`,
      `rows of ${named} hold NULL, which the column no longer takes: fill them first ` +
        "(outside strict mode the server would silently write its type's implicit default, '' or 0, there); nothing of the table was changed")] : []),
    ...(narrowsPaddedBinary(from, to) ? [guard(`LENGTH(${withoutZeroPadding(column)}) > ${to.length ?? 1}`,
      `rows of ${named} hold more than ${to.length ?? 1} bytes besides their zero padding, ` +
        `which ${to.type}(${to.length ?? 1}) cannot keep: shorten them first; nothing of the table was changed`)] : []),
  ]
}
