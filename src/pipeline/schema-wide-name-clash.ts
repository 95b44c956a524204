import type { DialectCapabilities, SchemaWideName } from '../dialect/dialect'
import { qualifiedKey } from '../model/qualified-name'
import type { SchemaModel, TableModel } from '../model/schema-model'
import { refuseAll } from '../source/refusals'

/**
 * refuseSchemaWideNameClashes stops a comparison, naming every one, where the entities give objects of two tables one name that
 * the database wants unique in the schema (see DialectCapabilities.schemaWideNames): a named `@Index`,
 * foreign key or `@Check` on a base class names the one of every entity extending it, and the migration would
 * fail on the second.
 */
export function refuseSchemaWideNameClashes(desired: SchemaModel, capabilities: DialectCapabilities): void {
  const kinds = capabilities.schemaWideNames ?? []
  if (kinds.length === 0) return
  const holders = new Map<string, { readonly table: TableModel; readonly kind: SchemaWideName }>()
  const clashes: string[] = []
  for (const table of desired.tables) {
    for (const { kind, name } of namedObjects(table, kinds)) {
      const key = JSON.stringify([table.schema ?? '', name])
      const holder = holders.get(key)
      if (holder === undefined) holders.set(key, { table, kind })
      else if (holder.table !== table) {
        const where = capabilities.schemas ? 'schema' : 'database'
        clashes.push(
          `"${name}" names the ${holder.kind} of table ${qualifiedKey(holder.table)} and the ${kind} of table ${qualifiedKey(table)}, but the database wants it unique in the ${where}: ` +
          `give one of them another name (a name given on a base class names the ${kind} of every entity that extends it)`,
        )
      }
    }
  }
  refuseAll(clashes)
}

function namedObjects(table: TableModel, kinds: readonly SchemaWideName[]): { readonly kind: SchemaWideName; readonly name: string }[] {
  return [
    ...(kinds.includes('index') ? table.indexes.map((i) => ({ kind: 'index' as const, name: i.name })) : []),
    ...(kinds.includes('unique') ? table.uniques.map((u) => ({ kind: 'unique' as const, name: u.name })) : []),
    ...(kinds.includes('primary key') && table.primaryKey?.name !== undefined ? [{ kind: 'primary key' as const, name: table.primaryKey.name }] : []),
    ...(kinds.includes('foreign key') ? table.foreignKeys.map((f) => ({ kind: 'foreign key' as const, name: f.name })) : []),
    ...(kinds.includes('check') ? table.checks.map((c) => ({ kind: 'check' as const, name: c.name })) : []),
    ...(kinds.includes('exclusion') ? (table.exclusions ?? []).map((x) => ({ kind: 'exclusion' as const, name: x.name })) : []),
  ]
}
