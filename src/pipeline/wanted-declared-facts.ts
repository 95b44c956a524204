import { byQualifiedName, qualifiedKey } from '../model/qualified-name'
import type { TableModel } from '../model/schema-model'
import type { DeclaredFacts, TableFacts } from '../source/declared-facts'

/**
 * wantedDeclaredFacts are the declared facts of the tables compared (`wanted`, normalized), named as those
 * are: a table the entities give no schema gets the one the database gives it (PostgreSQL's `public`), so
 * that the facts meet the operations and the database's tables. `entityTables` are the tables as the entities
 * name them, before normalizing; `ignore` the table names left out.
 */
export function wantedDeclaredFacts(facts: DeclaredFacts, entityTables: readonly TableModel[], wanted: readonly TableModel[], ignore: readonly string[]): DeclaredFacts {
  const named = new Set(entityTables.filter((t) => !ignore.includes(t.name)).map(qualifiedKey))
  const explicit = new Set(entityTables.filter((t) => t.schema !== undefined).map(qualifiedKey))
  const schemaOf = (table: TableFacts) => table.schema ?? wanted.find((w) => w.name === table.name && !explicit.has(qualifiedKey(w)))?.schema
  const tables = facts.tables.filter((table) => named.has(qualifiedKey(table))).map((table): TableFacts => {
    const schema = schemaOf(table)
    return schema === undefined ? table : { ...table, schema }
  })
  return { tables: [...tables].sort(byQualifiedName) }
}
