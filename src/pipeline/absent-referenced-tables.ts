import type { DataSourceOptions } from 'typeorm'
import type { DatabaseConnection, Dialect } from '../dialect/dialect'
import { compareText, qualifiedKey, referencedTableOf } from '../model/qualified-name'
import type { QualifiedName, SchemaModel } from '../model/schema-model'
import { tableText } from '../hazards/hazard-names'
import { UserError } from '../source/user-error'

/**
 * refuseReferencesToAbsentTables stops `generate` where a foreign key the entities declare references a table
 * the comparison never reads (an entity declared `synchronize: false`, a table of `autogen.ignore`) that the
 * database does not have either: the migration would fail at the key (after the statements before it committed,
 * on MySQL and MariaDB), or on SQLite, which takes such a key, make every write to the table fail from then on.
 */
export async function refuseReferencesToAbsentTables(
  desired: SchemaModel,
  actual: SchemaModel,
  dialect: Pick<Dialect, 'presentTables'>,
  connection: DatabaseConnection,
  options: DataSourceOptions,
): Promise<void> {
  const known = new Set([...desired.tables, ...actual.tables].map(qualifiedKey))
  const unread = new Map<string, { table: QualifiedName; key: string; from: string }>()
  for (const table of desired.tables) {
    for (const key of table.foreignKeys) {
      const referenced = referencedTableOf(key)
      const name = qualifiedKey(referenced)
      if (!known.has(name) && !unread.has(name)) unread.set(name, { table: referenced, key: key.name, from: tableText(table) })
    }
  }
  if (unread.size === 0) return
  const present = new Set((await dialect.presentTables(connection, [...unread.values()].map((u) => u.table), options)).map(qualifiedKey))
  const absent = [...unread.entries()].filter(([name]) => !present.has(name)).sort(([a], [b]) => compareText(a, b))
  if (absent.length === 0) return
  const [, first] = absent[0]!
  const more = absent.length > 1 ? ` (and ${absent.length - 1} more: ${absent.slice(1).map(([, u]) => tableText(u.table)).join(', ')})` : ''
  throw new UserError(
    `foreign key "${first.key}" of ${first.from} references table ${tableText(first.table)}, which the database does not have and the ` +
    `migration would not create (its entity is declared synchronize: false, or autogen.ignore names it)${more}: create it first, ` +
    'in a migration of your own (typeorm-autogen create), run upgrade, then generate again',
  )
}
