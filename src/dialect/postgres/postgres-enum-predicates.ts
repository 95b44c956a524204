import type { ChangeSet } from '../../plan/change-set'
import type { Relinked } from '../relinked-foreign-keys'
import { type Statement, statementOf } from '../statement'
import { checkClause, createIndexStatements, dropIndexSql, exclusionClause } from './postgres-constraint-sql'
import { qualified, quoteIdent } from './postgres-quote'
import { rebuiltEnumColumns } from './postgres-rebuilt-enum-columns'
import { namesColumn } from './postgres-regenerated-columns'

/**
 * postgresEnumPredicates: an enum type rebuilt (see alterEnumSql) moves its columns to the new type with
 * `ALTER COLUMN ... TYPE`, which rebuilds the checks, exclusion constraints and partial indexes reading them from their text, where
 * PostgreSQL printed each constant with the old type: `'a'::mood` now names the old type, renamed `mood_old`,
 * and the rebuild fails (`operator does not exist: mood = mood_old`). Those constraints and partial indexes are
 * dropped before the rebuild and created again after it, when the type's name names the new type.
 */
export function postgresEnumPredicates(changes: ChangeSet): Relinked {
  const before = new Map<number, Statement[]>()
  const after = new Map<number, Statement[]>()
  changes.ops.forEach((op, i) => {
    const moved = rebuiltEnumColumns(changes, i)
    const affected = [...new Set(moved.map(({ table }) => table))].map((table) => {
      const columns = moved.filter((m) => m.table === table).map(({ column }) => column.name)
      const reads = (sql: string | undefined) => sql !== undefined && columns.some((column) => namesColumn(sql, column))
      const constraints = [
        ...table.checks.filter((c) => reads(c.expression)).map((c) => ({ name: c.name, clause: checkClause(c) })),
        ...(table.exclusions ?? []).filter((x) => reads(x.definition)).map((x) => ({ name: x.name, clause: exclusionClause(x) })),
      ]
      return { table, constraints, indexes: table.indexes.filter((x) => reads(x.where)) }
    }).filter(({ constraints, indexes }) => constraints.length + indexes.length > 0)
    if (affected.length === 0) return
    before.set(i, affected.flatMap(({ table, constraints, indexes }) => [
      ...(constraints.length > 0 ? [`ALTER TABLE ${qualified(table)} ${constraints.map((c) => `DROP CONSTRAINT ${quoteIdent(c.name)}`).join(', ')}`] : []),
      ...indexes.map((index) => dropIndexSql(table, index)),
    ]).map((sql) => statementOf(sql, [op])))
    after.set(i, affected.flatMap(({ table, constraints, indexes }) => [
      ...(constraints.length > 0 ? [`ALTER TABLE ${qualified(table)} ${constraints.map((c) => `ADD ${c.clause}`).join(', ')}`] : []),
      ...indexes.flatMap((index) => createIndexStatements(table, index)),
    ]).map((sql) => statementOf(sql, [op])))
  })
  return { before, after }
}
