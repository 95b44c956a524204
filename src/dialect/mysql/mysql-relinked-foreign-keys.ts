import type { AlterColumn } from '../../operations/operation'
import type { ChangeSet } from '../../plan/change-set'
import { type Relinked, relinkedForeignKeys } from '../relinked-foreign-keys'
import { foreignKeyClause } from './mysql-constraint-sql'
import { quoteIdent } from './mysql-quote'
import { ifExistsSql, type MysqlSyntax } from './mysql-syntax'

/**
 * mysqlRelinkedForeignKeys: MySQL refuses to change the type, length or collation of a column a foreign key
 * uses (on either side) while the key exists ("Cannot change column used in a foreign key constraint").
 * Foreign key names are unique in a MySQL database.
 */
export function mysqlRelinkedForeignKeys(changes: ChangeSet, syntax: MysqlSyntax): Relinked {
  const retypes = (op: AlterColumn) => op.changes.some((c) => c === 'type' || c === 'size' || c === 'collation')
  return relinkedForeignKeys(changes, retypes, {
    drop: (table, keys) => `ALTER TABLE ${quoteIdent(table.name)} ${keys.map((fk) => `DROP FOREIGN KEY${ifExistsSql(syntax)} ${quoteIdent(fk.name)}`).join(', ')}`,
    add: (table, keys) => `ALTER TABLE ${quoteIdent(table.name)} ${keys.map((fk) => `ADD ${foreignKeyClause(fk, syntax.ifExists)}`).join(', ')}`,
    facts: { autocommits: true },
  })
}
