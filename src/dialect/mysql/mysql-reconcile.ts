import { sameName } from '../../model/qualified-name'
import type { SchemaModel, ViewModel } from '../../model/schema-model'
import { writtenDefinition } from '../../model/written-sql'
import type { DatabaseConnection } from '../dialect'
import type { MysqlConnection } from './mysql-connection'
import type { MysqlServer } from './mysql-server'

/**
 * reconcileMysql settles what the rules cannot, read-only: a table whose entity names no engine takes the
 * database's (the engine is only compared where the entity names one), and view definitions are compared
 * as the server's optimizer prints them (reconcileViews).
 */
export async function reconcileMysql(desired: SchemaModel, actual: SchemaModel, connection: DatabaseConnection): Promise<SchemaModel> {
  const tables = desired.tables.map((t) => {
    const engine = t.engine ?? actual.tables.find((a) => sameName(a, t))?.engine
    return engine === undefined ? t : { ...t, engine }
  })
  return reconcileViews({ ...desired, tables }, actual, connection)
}

/**
 * reconcileViews asks the server, for each entity view whose canonical text differs from the database's
 * view of the same name, how it reads both SELECTs: `EXPLAIN` (`EXPLAIN EXTENDED` on MariaDB) and SHOW
 * WARNINGS print each query as the optimizer rewrote it (note 1003: names qualified and quoted, `*`
 * expanded, aliases added). Where both prints are the same, the entity side takes the database's
 * definition and what it reads. Nothing is created; a SELECT the server refuses is left as written (the diff replaces the view).
 */
export async function reconcileViews(desired: SchemaModel, actual: SchemaModel, connection: DatabaseConnection): Promise<SchemaModel> {
  const candidates = desired.views.flatMap((view) => {
    const other = actual.views.find((v) => sameName(v, view))
    return other !== undefined && other.definition !== view.definition && isOneSelect(writtenDefinition(view)) ? [{ view, other }] : []
  })
  if (candidates.length === 0) return desired
  const { server } = connection as MysqlConnection
  const settled = new Map<ViewModel, ViewModel>()
  for (const { view, other } of candidates) {
    const [mine, theirs] = [await optimizerPrint(connection, server, writtenDefinition(view)), await optimizerPrint(connection, server, writtenDefinition(other))]
    if (mine !== undefined && mine === theirs) settled.set(view, { ...view, definition: other.definition, reads: other.reads })
  }
  return { ...desired, views: desired.views.map((v) => settled.get(v) ?? v) }
}

async function optimizerPrint(connection: DatabaseConnection, server: MysqlServer, select: string): Promise<string | undefined> {
  try {
    await connection.query(`${server.product === 'mariadb' ? 'EXPLAIN EXTENDED' : 'EXPLAIN'} ${select}`)
    const warnings = await connection.query<{ Code: number | string; Message: string }>('SHOW WARNINGS')
    return warnings.find((w) => Number(w.Code) === 1003)?.Message
  } catch {
    return undefined
  }
}

/** isOneSelect: a single SELECT (or WITH ... SELECT) with no statement after it, so that EXPLAIN runs nothing else. */
function isOneSelect(sql: string): boolean {
  return /^\s*\(?\s*(select|with)\b/i.test(sql) && !/;\s*\S/.test(sql.replace(/'(?:[^'\\]|''|\\.)*'/g, "''"))
}
