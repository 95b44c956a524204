import type { DataSource } from 'typeorm'
import { buildEntityMetadata } from '../../src/source/build-metadata'
import type { TestDatabase } from '../support/test-database'
import { type SchemaSpec, tableById } from './schema-spec'
import { idLiteral, quote, tableRef } from './seed-rows'

/** Junction is a ManyToMany's junction table as TypeORM derives it: its name, owner and inverse join columns. */
export interface Junction { readonly table: string; readonly schema?: string; readonly owner: string; readonly inverse: string }

/** Junctions are a schema's junction tables by ManyToMany id. */
export type Junctions = ReadonlyMap<number, Junction>

/** JunctionRows are the (owner id, inverse id) pairs of each junction, by ManyToMany id, sorted. */
export type JunctionRows = Map<number, string[]>

/** junctionsOf asks TypeORM for the junction tables of a DataSource's entities (their relations are `m<id>`). */
export async function junctionsOf(dataSource: DataSource): Promise<Junctions> {
  const junctions = new Map<number, Junction>()
  for (const metadata of await buildEntityMetadata(dataSource)) {
    for (const relation of metadata.manyToManyRelations.filter((r) => r.isOwning)) {
      const junction = relation.junctionEntityMetadata!
      junctions.set(Number(relation.propertyName.slice(1)), {
        table: junction.tableName, ...(junction.schema !== undefined && { schema: junction.schema }), owner: junction.ownerColumns[0]!.databaseName, inverse: junction.inverseColumns[0]!.databaseName,
      })
    }
  }
  return junctions
}

/** junctionInsertSql links each odd row of an owner to one or two rows of the ManyToMany's target. */
export function junctionInsertSql(schema: SchemaSpec, junctions: Junctions): string[] {
  return schema.tables.flatMap((table) => table.manyToMany.flatMap((m) => {
    const target = tableById(schema, m.target)!
    const junction = junctions.get(m.id)!
    const pairs = Array.from({ length: table.rows }, (_, i) => i + 1).filter((row) => row % 2 === 1 && target.rows > 0)
      .flatMap((row) => [...new Set([((row - 1) % target.rows) + 1, target.rows])].map((other) => [row, other] as const))
    return pairs.map(([row, other]) =>
      `INSERT INTO ${tableRef({ name: junction.table, schema: junction.schema })} (${quote(junction.owner)}, ${quote(junction.inverse)}) VALUES (${idLiteral(table, row)}, ${idLiteral(target, other)})`)
  }))
}

/** readJunctionRows reads the junctions of the ManyToManys both `schema` and `other` have. */
export async function readJunctionRows(db: TestDatabase, schema: SchemaSpec, other: SchemaSpec, junctions: Junctions): Promise<JunctionRows> {
  const kept = new Set(other.tables.flatMap((t) => t.manyToMany.map((m) => m.id)))
  const rows: JunctionRows = new Map()
  for (const m of schema.tables.flatMap((t) => t.manyToMany).filter((x) => kept.has(x.id))) {
    const { table, schema, owner, inverse } = junctions.get(m.id)!
    const read = await db.query<{ owner: unknown; inverse: unknown }>(`SELECT ${quote(owner)} AS owner, ${quote(inverse)} AS inverse FROM ${tableRef({ name: table, schema })}`)
    rows.set(m.id, read.map((r) => `${String(r.owner)} -> ${String(r.inverse)}`).sort())
  }
  return rows
}
