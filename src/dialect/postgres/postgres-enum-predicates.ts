import { sameName } from '../../model/qualified-name'
import type { QualifiedName } from '../../model/schema-model'
import type { ChangeSet } from '../../plan/change-set'
import type { Relinked } from '../relinked-foreign-keys'
import { type Statement, statementOf } from '../statement'
import { checkClause, createIndexSql, dropIndexSql } from './postgres-constraint-sql'
import { onlyAdds } from './postgres-enum-sql'
import { qualified, quoteIdent } from './postgres-quote'
import { namesColumn } from './postgres-regenerated-columns'

/**
 * postgresEnumPredicates: an enum type rebuilt (see alterEnumSql) moves its columns to the new type with
 * `ALTER COLUMN ... TYPE`, which rebuilds the checks and partial indexes reading them from their text, where
 * PostgreSQL printed each constant with the old type: `'a'::mood` now names the old type, renamed `mood_old`,
 * and the rebuild fails (`operator does not exist: mood = mood_old`). Those checks and partial indexes are
 * dropped before the rebuild and created again after it, when the type's name names the new type.
 */
export function postgresEnumPredicates(changes: ChangeSet): Relinked {
  const before = new Map<number, Statement[]>()
  const after = new Map<number, Statement[]>()
  changes.ops.forEach((op, i) => {
    if (op.kind !== 'alter_enum' || onlyAdds(op.from.values, op.to.values)) return
    const tables = changes.schemaAt(i).tables
    const reading = (table: QualifiedName) => {
      const found = tables.find((t) => sameName(t, table))
      const columns = op.users.filter((user) => sameName(user.table, table)).map((user) => user.column.name)
      const reads = (sql: string | undefined) => sql !== undefined && columns.some((column) => namesColumn(sql, column))
      return found === undefined ? undefined : { table: found, checks: found.checks.filter((c) => reads(c.expression)), indexes: found.indexes.filter((x) => reads(x.where)) }
    }
    const affected = uniqueTables(op.users.map((user) => user.table)).flatMap((name) => reading(name) ?? [])
      .filter(({ checks, indexes }) => checks.length + indexes.length > 0)
    if (affected.length === 0) return
    before.set(i, affected.flatMap(({ table, checks, indexes }) => [
      ...(checks.length > 0 ? [`ALTER TABLE ${qualified(table)} ${checks.map((c) => `DROP CONSTRAINT ${quoteIdent(c.name)}`).join(', ')}`] : []),
      ...indexes.map((index) => dropIndexSql(table, index)),
    ]).map((sql) => statementOf(sql, [op])))
    after.set(i, affected.flatMap(({ table, checks, indexes }) => [
      ...(checks.length > 0 ? [`ALTER TABLE ${qualified(table)} ${checks.map((c) => `ADD ${checkClause(c)}`).join(', ')}`] : []),
      ...indexes.map((index) => createIndexSql(table, index)),
    ]).map((sql) => statementOf(sql, [op])))
  })
  return { before, after }
}

function uniqueTables(names: readonly QualifiedName[]): QualifiedName[] {
  return names.filter((name, i) => names.findIndex((other) => sameName(other, name)) === i)
}
