import { qualifiedKey, sameName } from '../../model/qualified-name'
import type { TableModel, TriggerModel } from '../../model/schema-model'
import type { TriggerRow } from './postgres-catalog-queries'
import { readTokens } from './postgres-expressions'
import { nameOfToken } from './postgres-sql-tokens'

/**
 * withTriggerFunctionTables gives each trigger whose PL/pgSQL function names other tables of `tables` by name
 * (`insert into omnivore.discover_feed_subscription ...`) those tables (TriggerModel.functionTables): the database
 * tracks no table a function names, so a drop or rename of one breaks the trigger without a word. Names in
 * comments and strings do not count; a body the tokenizer cannot read names none.
 */
export function withTriggerFunctionTables(tables: readonly TableModel[], rows: readonly TriggerRow[]): TableModel[] {
  const bodies = new Map(rows.filter((r) => r.function_body !== null)
    .map((r) => [triggerKey(qualifiedKey({ schema: r.schema, name: r.table }), r.name), r.function_body!]))
  if (bodies.size === 0) return [...tables]
  return tables.map((table) => {
    if (table.triggers === undefined) return table
    const triggers = table.triggers.map((trigger): TriggerModel => {
      const body = bodies.get(triggerKey(qualifiedKey(table), trigger.name))
      if (body === undefined) return trigger
      const names = new Set((readTokens(body) ?? []).flatMap((t) => nameOfToken(t) ?? []))
      const named = tables.filter((t) => names.has(t.name) && !sameName(t, table)).map((t) => ({ ...(t.schema !== undefined && { schema: t.schema }), name: t.name }))
      return named.length === 0 ? trigger : { ...trigger, functionTables: named }
    })
    return triggers.some((t, i) => t !== table.triggers![i]) ? { ...table, triggers } : table
  })
}

function triggerKey(table: string, trigger: string): string {
  return `${table}\u0000${trigger}`
}
