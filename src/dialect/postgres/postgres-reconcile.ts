import type { ColumnModel, SchemaModel, TableModel } from '../../model/schema-model'
import { counterpartIn } from '../counterpart'
import { askTogether } from '../ask-together'
import type { DatabaseConnection, FormerColumn, FormerTable } from '../dialect'
import { columnTypeKey, columnTypeSql } from './postgres-column-sql'
import { reconcileDomainColumns } from './postgres-domain-columns'
import { readTokens } from './postgres-expressions'
import { keepingHeldEnums, withUsersOutside } from './postgres-held-enums'
import { reconcileExpressions } from './postgres-reconcile-expressions'
import { uncountableIncrements } from './postgres-uncountable-increments'
import { booleanNumberDefaults } from './postgres-boolean-number-defaults'
import { unknownCollations } from './postgres-unknown-collations'
import { refuseAll } from '../../source/refusals'
import { reconcileUuidGenerators } from './postgres-uuid-generators'
import { renderSql, skipType } from './postgres-sql-tokens'
import { messageOf } from '../../source/user-error'
import { reconcileViews } from './postgres-view-reconcile'

/** An uncertain default: the entity's and the database's spellings, which rules could not prove equal. */
interface Candidate {
  readonly table: TableModel
  readonly column: ColumnModel
  readonly actual: string
  readonly typeSql: string
}

/**
 * reconcilePostgres refuses, every one at once, an auto-increment column no sequence can fill (uncountableIncrements), a boolean default
 * of a number column (booleanNumberDefaults) and a collation the
 * database does not have (unknownCollations), then settles what the rules could not: columns of domain types (`reconcileDomainColumns`), TypeORM's uuid generators (`reconcileUuidGenerators`),
 * constant defaults (`reconcileDefaults`, one SELECT),
 * CHECK, index predicate and computed expressions (`reconcileExpressions`, one EXPLAIN) and view definitions
 * (`reconcileViews`, temporary views rolled back), keeps the enum types columns outside the diff use
 * (`keepingHeldEnums`), and names those columns of the enum types whose labels change (`withUsersOutside`).
 * Each query is only issued when there is something to ask; none changes the database.
 */
export async function reconcilePostgres(
  desired: SchemaModel, actual: SchemaModel, connection: DatabaseConnection, formerTable?: FormerTable, formerColumn?: FormerColumn, warn: (sentence: string) => void = () => {},
): Promise<SchemaModel> {
  refuseAll([...uncountableIncrements(desired), ...booleanNumberDefaults(desired), ...await unknownCollations(desired, actual, connection)])
  const domains = reconcileDomainColumns(desired, actual, formerTable, formerColumn)
  const defaults = await reconcileDefaults(reconcileUuidGenerators(domains, actual, formerTable, formerColumn), actual, connection, formerTable, warn)
  const expressions = await reconcileExpressions(defaults, actual, connection, formerTable, formerColumn)
  return withUsersOutside(await keepingHeldEnums(await reconcileViews(expressions, actual, connection), actual, connection), actual, connection)
}

/**
 * reconcileDefaults asks PostgreSQL, in ONE read-only SELECT, whether each constant default the entities
 * spell differently from the database yields the same value for the column's type
 * (`(0.5)::numeric(5,2)` and `0.50`); where it does, the entity side takes the database's spelling.
 * Only constants (literals, casts, ARRAY[...], arithmetic; no function calls) are evaluated, so the query has
 * no side effects. Should PostgreSQL refuse the question (an entity default the column's type does not take, `'abc'` for
 * an integer), each default is asked alone: only those it refuses stay as written, each named in a warning.
 */
export async function reconcileDefaults(
  desired: SchemaModel, actual: SchemaModel, connection: DatabaseConnection, formerTable?: FormerTable, warn: (sentence: string) => void = () => {},
): Promise<SchemaModel> {
  const actualTable = counterpartIn(actual, formerTable)
  const candidates = desired.tables.flatMap((table) => {
    const other = actualTable(table)
    return other ? table.columns.flatMap((c) => candidateOf(table, c, other)) : []
  })
  if (candidates.length === 0) return desired
  const same = await askTogether(candidates, (batch) => sameValues(batch, connection), (candidate, err) => {
    warn(`PostgreSQL refuses the default of "${candidate.table.name}"."${candidate.column.name}", ${candidate.column.default}, as ${candidate.typeSql} ` +
      `(${messageOf(err)}): it is compared as written, and a migration setting it fails unless the column's type then takes it`)
    return false
  })
  const settled = new Map<ColumnModel, string>(candidates.filter((_, i) => same[i] === true).map((c) => [c.column, c.actual]))
  if (settled.size === 0) return desired
  return {
    ...desired,
    tables: desired.tables.map((t) => ({
      ...t,
      columns: t.columns.map((c) => (settled.has(c) ? { ...c, default: settled.get(c)! } : c)),
    })),
  }
}

/** sameValues says of each candidate whether both spellings yield one value, asked in one SELECT. */
async function sameValues(candidates: readonly Candidate[], connection: DatabaseConnection): Promise<boolean[]> {
  // Re-rendered from tokens, so that no comment in an expression can swallow the rest of the query.
  const sql = (expression: string) => renderSql(readTokens(expression)!)
  const comparisons = candidates.map((c) =>
    `((${sql(c.column.default!)})::${c.typeSql})::text IS NOT DISTINCT FROM ((${sql(c.actual)})::${c.typeSql})::text`)
  const rows = await connection.query<{ same: boolean[] }>(`SELECT ARRAY[\n  ${comparisons.join(',\n  ')}\n] AS same`)
  return rows[0]?.same ?? []
}

function candidateOf(table: TableModel, column: ColumnModel, actualTable: TableModel): Candidate[] {
  const other = actualTable.columns.find((c) => c.name === column.name)
  if (!other || column.default === undefined || other.default === undefined || column.default === other.default) return []
  if (columnTypeKey(column) !== columnTypeKey(other) || !isConstant(column.default) || !isConstant(other.default)) return []
  return [{ table, column, actual: other.default, typeSql: columnTypeSql(other, actualTable) }]
}

const constantWords: ReadonlySet<string> = new Set(['array', 'null', 'true', 'false', 'and', 'or', 'not', 'is', 'distinct', 'from'])

/**
 * isConstant accepts literals, casts (`::numeric(5,2)`, `::character varying[]`), typed literals
 * (`interval '1 day'`), ARRAY[...] and operators; it refuses function calls, column references, parameters
 * and anything unreadable.
 */
export function isConstant(expression: string): boolean {
  const tokens = readTokens(expression)
  if (!tokens) return false
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!
    if (t.text === '::') {
      i = skipType(tokens, i + 1) - 1
      continue
    }
    if (t.kind === 'param' || t.kind === 'ident' || t.text === ';') return false
    if (t.kind === 'word' && !constantWords.has(t.text.toLowerCase()) && tokens[i + 1]?.kind !== 'string') return false
  }
  return true
}
