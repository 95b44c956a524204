import { byQualifiedName, compareText, qualifiedKey } from '../../model/qualified-name'
import type { EnumTypeModel, Partition, Partitioning, ReplicaIdentity, SchemaModel, TableModel } from '../../model/schema-model'
import type { DatabaseConnection, IntrospectionScope } from '../dialect'
import {
  type ColumnRow,
  columnsQuery,
  type ConstraintRow,
  constraintsQuery,
  type EnumRow,
  enumsQuery,
  type ExtensionRow,
  extensionsQuery,
  type IndexRow,
  indexesQuery,
  type SchemaRow,
  schemasQuery,
  type TableRow,
  tablesQuery,
  type TriggerRow,
  triggersQuery,
  type ViewRow,
  viewsQuery,
} from './postgres-catalog-queries'
import { canonicalTable } from './postgres-canonical-table'
import { settingsFrom } from './postgres-normalize'
import { searchSchema } from './postgres-search-schema'
import { withCheckFunctionReads } from './postgres-check-functions'
import { checkOf, columnOf, exclusionOf, foreignKeyOf, indexOf, uniqueOf } from './postgres-catalog-rows'
import { triggerOf } from './postgres-triggers'
import { policiesOf } from './postgres-policies'
import { withTriggerFunctionTables } from './postgres-trigger-function-tables'
import { viewOf } from './postgres-view-introspection'

/**
 * introspectPostgres reads the schemas in scope (the connection's current_schema() when none are given) in nine catalog
 * queries, however many tables there are, and returns the canonical model. Where the connection can open another
 * beside it, the queries run on both, in two turns of about the same length: the server reads the catalog on two
 * cores (at 1,000 tables, 280 to 430 ms where one connection took 540 to 780, on a loaded machine).
 */
export async function introspectPostgres(connection: DatabaseConnection, scope: IntrospectionScope): Promise<SchemaModel> {
  const schemas = [...(scope.schemas ?? [settingsFrom(undefined, await searchSchema(connection)).defaultSchema])]
  const scoped = [schemas, [...scope.ignoreTables]]
  // A second connection refused (the server's connection limit) leaves every read to the first.
  const beside = connection.beside?.().catch(() => undefined) ?? Promise.resolve(undefined)
  const read = async <Row>(on: DatabaseConnection | undefined, what: string, sql: string, params: readonly unknown[]): Promise<Row[]> => {
    try {
      return await (on ?? connection).query<Row>(sql, params)
    } catch (err) {
      throw new Error(`postgres: reading ${what} of schemas ${schemas.map((s) => `"${s}"`).join(', ')}`, { cause: err })
    }
  }
  const firstTurn = async () => {
    const schemaRows = await read<SchemaRow>(connection, 'schemas', schemasQuery, [schemas])
    const extensionRows = await read<ExtensionRow>(connection, 'extensions', extensionsQuery, [])
    const tableRows = await read<TableRow>(connection, 'tables', tablesQuery, scoped)
    const columnRows = await read<ColumnRow>(connection, 'columns', columnsQuery, scoped)
    const triggerRows = await read<TriggerRow>(connection, 'triggers', triggersQuery, scoped)
    return { schemaRows, extensionRows, tableRows, columnRows, triggerRows }
  }
  const secondTurn = async (on: DatabaseConnection | undefined) => {
    const constraintRows = await read<ConstraintRow>(on, 'constraints', constraintsQuery, scoped)
    const indexRows = await read<IndexRow>(on, 'indexes', indexesQuery, scoped)
    const enumRows = await read<EnumRow>(on, 'enum types', enumsQuery, scoped)
    const viewRows = await read<ViewRow>(on, 'views', viewsQuery, scoped)
    return { constraintRows, indexRows, enumRows, viewRows }
  }
  const second = beside.then(secondTurn)
  const [{ schemaRows, extensionRows, tableRows, columnRows, triggerRows }, { constraintRows, indexRows, enumRows, viewRows }] = await Promise.all([
    firstTurn().finally(() => second.catch(() => undefined)),
    second,
  ]).finally(() => beside.then((b) => b?.close().catch(() => undefined)))

  const enumTypes: EnumTypeModel[] = enumRows.map((r) => ({ schema: r.schema, name: r.name, values: r.labels }))
  const labels = new Map(enumTypes.map((e) => [qualifiedKey(e), e.values]))
  const rowsOf = <Row extends { schema: string; table: string }>(rows: readonly Row[]) => groupByTable(rows)
  const columns = rowsOf(columnRows)
  const constraints = rowsOf(constraintRows)
  const indexes = rowsOf(indexRows)
  const triggers = rowsOf(triggerRows)

  const tables = tableRows.map((t): TableModel => {
    const key = qualifiedKey(t)
    const own = constraints.get(key) ?? []
    const pk = own.find((c) => c.type === 'p')
    return canonicalTable({
      schema: t.schema,
      name: t.name,
      columns: (columns.get(key) ?? []).sort((a, b) => a.position - b.position).map((c) => columnOf(c, labels)),
      ...(pk && { primaryKey: { name: pk.name, columns: pk.columns } }),
      indexes: (indexes.get(key) ?? []).map(indexOf),
      uniques: own.filter((c) => c.type === 'u').map(uniqueOf),
      foreignKeys: own.filter((c) => c.type === 'f').map(foreignKeyOf),
      checks: own.filter((c) => c.type === 'c').map(checkOf),
      exclusions: own.filter((c) => c.type === 'x').map(exclusionOf),
      ...(t.comment !== null && { comment: t.comment }),
      ...replicaIdentityOf(t),
      ...(t.unlogged && { unlogged: true }),
      ...partitioningOf(t),
      ...(t.inherits !== null && { inherits: t.inherits.map((p) => ({ schema: p.schema, name: p.name })) }),
      ...(triggers.has(key) && {
        triggers: triggers.get(key)!.sort((a, b) => compareText(a.name, b.name)).map((r) => triggerOf(r, (columns.get(key) ?? []).map((c) => c.name))),
      }),
      ...policiesOf(columns.get(key) ?? []),
    })
  })

  return {
    tables: withTriggerFunctionTables(withCheckFunctionReads(tables, constraintRows), triggerRows).sort(byQualifiedName),
    enums: enumTypes.filter((e) => e.schema !== undefined && schemas.includes(e.schema)).sort(byQualifiedName),
    schemas: schemaRows.map((r) => r.name).sort(compareText),
    extensions: extensionRows.map((r) => r.name).sort(compareText),
    views: viewRows.map((v) => viewOf(v, (indexes.get(qualifiedKey(v)) ?? []).map(indexOf))).sort(byQualifiedName),
  }
}

/** replicaIdentityOf is a table's replica identity where it is not its primary key's (PostgreSQL's default). */
function replicaIdentityOf(row: TableRow): { replicaIdentity?: ReplicaIdentity } {
  if (row.replica_identity === 'f') return { replicaIdentity: 'full' }
  if (row.replica_identity === 'n') return { replicaIdentity: 'nothing' }
  if (row.replica_identity === 'i' && row.replica_index !== null) return { replicaIdentity: { index: row.replica_index } }
  return {}
}

/** partitioningOf is a partitioned table's key and partitions, each after the one it belongs to. */
function partitioningOf(row: TableRow): { partitioning?: Partitioning } {
  if (row.partition_key === null) return {}
  const partitions = [...(row.partitions ?? [])]
    .sort((a, b) => a.level - b.level || compareText(a.schema, b.schema) || compareText(a.name, b.name))
    .map((p): Partition => ({
      schema: p.schema, name: p.name, of: { schema: p.of_schema, name: p.of }, bound: p.bound, ...(p.key !== null && { key: p.key }),
    }))
  return { partitioning: { key: row.partition_key, partitions } }
}

function groupByTable<Row extends { schema: string; table: string }>(rows: readonly Row[]): Map<string, Row[]> {
  const groups = new Map<string, Row[]>()
  for (const row of rows) {
    const key = qualifiedKey({ schema: row.schema, name: row.table })
    const group = groups.get(key)
    if (group === undefined) groups.set(key, [row])
    else group.push(row)
  }
  return groups
}
