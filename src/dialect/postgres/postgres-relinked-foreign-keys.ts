import type { ColumnModel } from '../../model/schema-model'
import type { AlterColumn } from '../../operations/operation'
import type { ChangeSet } from '../../plan/change-set'
import { type Relinked, relinkedForeignKeys } from '../relinked-foreign-keys'
import { foreignKeyClause } from './postgres-constraint-sql'
import { qualified, quoteIdent } from './postgres-quote'
import { postgresTypeFamilies } from './postgres-type-families'

/**
 * postgresRelinkedForeignKeys: PostgreSQL rebuilds a foreign key whose column changes type, and refuses
 * ("foreign key constraint cannot be implemented") where the two ends' types no longer compare, as a uuid key
 * and its references turned into integers do between the two ALTERs. A change within one family of types
 * (integer to bigint, varchar to text) keeps the ends comparable and the key in place.
 */
export function postgresRelinkedForeignKeys(changes: ChangeSet): Relinked {
  const leavesFamily = (op: AlterColumn) => op.changes.includes('type') && familyOf(op.from) !== familyOf(op.to)
  return relinkedForeignKeys(changes, leavesFamily, {
    drop: (table, keys) => `ALTER TABLE ${qualified(table)} ${keys.map((fk) => `DROP CONSTRAINT ${quoteIdent(fk.name)}`).join(', ')}`,
    add: (table, keys) => `ALTER TABLE ${qualified(table)} ${keys.map((fk) => `ADD ${foreignKeyClause(fk)}`).join(', ')}`,
  })
}

function familyOf(column: ColumnModel): string {
  const family = postgresTypeFamilies.find((types) => types.includes(column.type))?.[0] ?? column.enumName ?? column.type
  return column.isArray ? `${family}[]` : family
}
