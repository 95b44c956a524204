import type { AlterColumn } from '../../operations/operation'
import type { ChangeSet } from '../../plan/change-set'
import { type RelinkedKeys, relinkedForeignKeys } from '../relinked-foreign-keys'
import { foreignKeyClause } from './mysql-constraint-sql'
import { quoteIdent } from './mysql-quote'
import { switchesStorage } from './mysql-storage-switch'
import { ifExistsSql, type MysqlSyntax } from './mysql-syntax'

/**
 * mysqlRelinkedForeignKeys: MySQL refuses to change the type, length or collation of a column a foreign key
 * uses (on either side) while the key exists ("Cannot change column used in a foreign key constraint").
 * Nor does it drop one while a foreign key uses it, as a switch between VIRTUAL and STORED does. Foreign key
 * names are unique in a MySQL database.
 */
export function mysqlRelinkedForeignKeys(changes: ChangeSet, syntax: MysqlSyntax): RelinkedKeys {
  const retypes = (op: AlterColumn) => op.changes.some((c) => c === 'type' || c === 'size' || c === 'collation')
  // A column switched between VIRTUAL and STORED is dropped and added again (see switchesStorage).
  return relinkedForeignKeys(changes, (op) => retypes(op) || switchesStorage(op), {
    drop: (table, keys) => `ALTER TABLE ${quoteIdent(table.name)} ${keys.map((fk) => `DROP FOREIGN KEY${ifExistsSql(syntax)} ${quoteIdent(fk.name)}`).join(', ')}`,
    add: (table, keys) => `ALTER TABLE ${quoteIdent(table.name)} ${keys.map((fk) => `ADD ${foreignKeyClause(fk, syntax.ifExists)}`).join(', ')}`,
    facts: { autocommits: true },
    addCopies: true,
  })
}
