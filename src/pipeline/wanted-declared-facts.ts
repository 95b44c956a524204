import { byQualifiedName, qualifiedKey } from '../model/qualified-name'
import type { TableModel } from '../model/schema-model'
import type { DeclaredFacts, TableFacts } from '../source/declared-facts'

/**
 * wantedDeclaredFacts are the declared facts of the tables compared (`wanted`, normalized), named as those
 * are: a table the entities give no schema gets the one the database gives it (PostgreSQL's `public`), so
 * that the facts meet the operations and the database's tables, and every name as the database keeps it
 * (`storedName`, see Dialect.storedName). `entityTables` are the tables as the entities name them, before
 * normalizing; `ignore` the table names left out, as the database keeps them.
 */
export function wantedDeclaredFacts(
  facts: DeclaredFacts, entityTables: readonly TableModel[], wanted: readonly TableModel[], ignore: readonly string[], storedName: (name: string) => string = (name) => name,
): DeclaredFacts {
  const named = new Set(entityTables.filter((t) => !ignore.includes(storedName(t.name))).map(qualifiedKey))
  const explicit = new Set(entityTables.filter((t) => t.schema !== undefined).map((t) => qualifiedKey({ schema: storedName(t.schema!), name: storedName(t.name) })))
  const schemaOf = (table: TableFacts) => table.schema ?? wanted.find((w) => w.name === table.name && !explicit.has(qualifiedKey(w)))?.schema
  const tables = facts.tables.filter((table) => named.has(qualifiedKey(table))).map((declared): TableFacts => {
    const table = storedNamesOf(declared, storedName)
    const schema = schemaOf(table)
    return schema === undefined ? table : { ...table, schema }
  })
  return { tables: [...tables].sort(byQualifiedName) }
}

function storedNamesOf(table: TableFacts, storedName: (name: string) => string): TableFacts {
  return {
    ...table,
    ...(table.schema !== undefined && { schema: storedName(table.schema) }),
    name: storedName(table.name),
    columns: table.columns.map((column) => ({ ...column, name: storedName(column.name) })),
  }
}
