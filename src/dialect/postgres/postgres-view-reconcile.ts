import { qualifiedKey } from '../../model/qualified-name'
import type { SchemaModel, ViewColumn, ViewModel } from '../../model/schema-model'
import { writtenDefinition } from '../../model/written-sql'
import type { DatabaseConnection } from '../dialect'
import { portablePrints, viewColumnsOf } from './postgres-catalog-queries'
import { readTokens } from './postgres-expressions'
import { quoteIdent } from './postgres-quote'
import { canonicalView } from './postgres-view-definition'

const PROBE_PREFIX = 'autogen_view_probe_'

interface ProbeRow {
  readonly name: string
  readonly definition: string
  readonly columns: readonly ViewColumn[]
}

/**
 * reconcileViews asks PostgreSQL how it would store each entity view whose text differs from the database's
 * view of the same name: inside one transaction that is always rolled back, each definition becomes a
 * temporary view, and pg_get_viewdef prints it as it prints the database's (qualification, casts, case,
 * parentheses, `*` expanded). The entity side then compares by that print and knows the view's columns
 * (which decide whether CREATE OR REPLACE can change it). The connection is read-only by default; this
 * transaction alone is opened READ WRITE so that temporary views may be created, and nothing of it is kept.
 * A definition the server refuses is left as written (the diff then replaces the view, and the migration
 * reports the server's error).
 */
export async function reconcileViews(desired: SchemaModel, actual: SchemaModel, connection: DatabaseConnection): Promise<SchemaModel> {
  const database = new Map(actual.views.map((v) => [qualifiedKey(v), v]))
  const candidates = desired.views.filter((v) => {
    const other = database.get(qualifiedKey(v))
    return other !== undefined && other.definition !== v.definition && isOneStatement(writtenDefinition(v))
  })
  if (candidates.length === 0) return desired
  const printed = new Map<ViewModel, ProbeRow>()
  await connection.query('BEGIN READ WRITE')
  try {
    for (const [i, view] of candidates.entries()) {
      // Sent apart: a definition that does not parse fails the whole text it is sent in, savepoint and all.
      await connection.query(`SAVEPOINT ${PROBE_PREFIX}point`)
      try {
        await connection.query(`CREATE TEMPORARY VIEW ${quoteIdent(`${PROBE_PREFIX}${i}`)} AS ${writtenDefinition(view)}`)
      } catch {
        await connection.query(`ROLLBACK TO SAVEPOINT ${PROBE_PREFIX}point`)
      }
    }
    const rows = await connection.query<ProbeRow>(probeQuery, [`${PROBE_PREFIX}%`])
    for (const row of rows) printed.set(candidates[Number(row.name.slice(PROBE_PREFIX.length))], row)
  } finally {
    await connection.query('ROLLBACK')
  }
  if (printed.size === 0) return desired
  return {
    ...desired,
    views: desired.views.map((view) => {
      const row = printed.get(view)
      if (!row) return view
      const { definition } = canonicalView({ ...view, definitionSql: row.definition }, view.schema!)
      return { ...view, definition, columns: row.columns }
    }),
  }
}

/** isOneStatement refuses text that would run more than the view's SELECT (a `;` outside quotes). */
function isOneStatement(sql: string): boolean {
  const tokens = readTokens(sql)
  return tokens !== undefined && !tokens.some((t) => t.text === ';')
}

// The probes are created under the session's search_path, as the entities' text is written for it, and printed as the database's views are.
const probeQuery = `WITH ${portablePrints}
SELECT c.relname::text AS name, pg_get_viewdef(c.oid) AS definition, ${viewColumnsOf('c')} AS columns
FROM portable_prints, pg_catalog.pg_class c
WHERE c.relnamespace = pg_my_temp_schema() AND c.relkind = 'v' AND c.relname LIKE $1`
