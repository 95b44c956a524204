import type { OperationOf } from '../../operations/operation'
import type { StatementPiece } from '../statement'
import { quoteIdent } from './mysql-quote'
import { engineName } from './mysql-table-sql'

const isAria = (engine: string | undefined): boolean => engine?.toLowerCase() === 'aria'

/**
 * engineSwitchSql gives a table its new engine. MariaDB's Aria writes PAGE_CHECKSUM=1 into the table's options,
 * which stay under the next engine, even with PAGE_CHECKSUM=DEFAULT in the same ALTER: a table made Aria and back
 * showed `PAGE_CHECKSUM=1` in SHOW CREATE TABLE. Leaving Aria, a second ALTER, which changes no row, drops it.
 */
export function engineSwitchSql(op: OperationOf<'alter_table_options'>): { readonly clause: string } | { readonly statements: StatementPiece[] } {
  if (op.to.engine === undefined) throw new Error(`mysql: table "${op.table.name}" is given no engine`)
  const clause = `ENGINE=${engineName(op.to.engine)}`
  if (!isAria(op.from.engine) || isAria(op.to.engine)) return { clause }
  const table = quoteIdent(op.table.name)
  return { statements: [{ sql: `ALTER TABLE ${table} ${clause}`, rebuild: op.table.name }, `ALTER TABLE ${table} PAGE_CHECKSUM=DEFAULT, ALGORITHM=INSTANT`] }
}
