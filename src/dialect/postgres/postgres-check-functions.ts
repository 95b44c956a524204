import { qualifiedKey } from '../../model/qualified-name'
import type { CheckModel, TableModel } from '../../model/schema-model'
import type { ConstraintRow } from './postgres-catalog-queries'
import { readTokens } from './postgres-expressions'
import { nameOfToken } from './postgres-sql-tokens'

/**
 * withCheckFunctionReads gives each check that calls PL/pgSQL or SQL functions the columns, of the tables read,
 * whose table and column both are names in a function's body (`select ... from subnet where subnet_id = ...`):
 * the database tracks no column a function reads, so a rename or drop of one breaks the check without a word.
 * Names in comments and strings do not count; a body the tokenizer cannot read names none.
 */
export function withCheckFunctionReads(tables: readonly TableModel[], rows: readonly ConstraintRow[]): TableModel[] {
  const bodies = new Map(rows.filter((r) => r.type === 'c' && r.function_bodies.length > 0)
    .map((r) => [checkKey(qualifiedKey({ schema: r.schema, name: r.table }), r.name), r.function_bodies]))
  if (bodies.size === 0) return [...tables]
  const readsOf = (body: readonly string[]) => {
    const names = new Set(body.flatMap((b) => (readTokens(b) ?? []).flatMap((t) => nameOfToken(t) ?? [])))
    return tables.filter((t) => names.has(t.name))
      .flatMap((t) => t.columns.filter((c) => names.has(c.name)).map((c) => ({ table: { schema: t.schema, name: t.name }, column: c.name })))
  }
  return tables.map((table) => {
    const checks = table.checks.map((check): CheckModel => {
      const body = bodies.get(checkKey(qualifiedKey(table), check.name))
      const functionReads = body === undefined ? [] : readsOf(body)
      return functionReads.length === 0 ? check : { ...check, functionReads }
    })
    return checks.some((c, i) => c !== table.checks[i]) ? { ...table, checks } : table
  })
}

function checkKey(table: string, check: string): string {
  return `${table}\u0000${check}`
}
