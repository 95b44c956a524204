import { randomBytes } from 'node:crypto'
import { Client } from 'pg'
import { DataSource, type DataSourceOptions } from 'typeorm'
import type { DatabaseConnection } from '../../../src/dialect/dialect'
import { postgresDialect } from '../../../src/dialect/postgres/postgres-dialect'
import type { Statement } from '../../../src/dialect/statement'
import type { SchemaModel } from '../../../src/model/schema-model'
import { readEntities } from '../../../src/source/entity-metadata'

const server = { host: '127.0.0.1', port: 5432, user: 'postgres' } as const

/** PgTestDatabase is a scratch database of its own for one test file, dropped in afterAll. */
export interface PgTestDatabase {
  readonly name: string
  readonly options: DataSourceOptions
  /** exec runs SQL read-write, outside the dialect (setting up, applying compiled statements). */
  exec<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Row[]>
  /** apply runs compiled statements in one transaction, as a migration would. */
  apply(statements: readonly Statement[]): Promise<void>
  /** introspect reads the public schema through the dialect's read-only connection. */
  introspect(schemas?: readonly string[]): Promise<SchemaModel>
  connect(): Promise<DatabaseConnection>
  drop(): Promise<void>
}

async function admin<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ ...server, database: 'postgres' })
  await client.connect()
  try {
    return await work(client)
  } finally {
    await client.end()
  }
}

/** createPgDatabase creates `autogen_pg_<label>_<random>` on the local server. */
export async function createPgDatabase(label: string): Promise<PgTestDatabase> {
  const name = `autogen_pg_${label}_${randomBytes(4).toString('hex')}`
  await admin((c) => c.query(`CREATE DATABASE "${name}"`))
  const client = new Client({ ...server, database: name })
  await client.connect()
  const options: DataSourceOptions = { type: 'postgres', host: server.host, port: server.port, username: server.user, database: name }
  const exec = async <Row>(sql: string, params?: unknown[]) => (await client.query(sql, params)).rows as Row[]
  return {
    name,
    options,
    exec,
    async apply(statements) {
      await client.query('BEGIN')
      try {
        for (const s of statements) await client.query(s.sql)
        await client.query('COMMIT')
      } catch (err) {
        await client.query('ROLLBACK')
        throw err
      }
    },
    async introspect(schemas = ['public']) {
      const connection = await postgresDialect.connect(options)
      try {
        return await postgresDialect.introspect(connection, { schemas, ignoreTables: ['migrations', 'typeorm_metadata'] })
      } finally {
        await connection.close()
      }
    },
    connect: () => postgresDialect.connect(options),
    async drop() {
      await client.end()
      await admin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`))
    },
  }
}

/** EntitiesOnDatabase is a DataSource of entities on a test database, with both sides read as the diff reads them. */
export interface EntitiesOnDatabase {
  readonly dataSource: DataSource
  /** The entities, normalized. */
  readonly desired: SchemaModel
  /** The database, introspected in the entities' schemas. */
  readonly actual: SchemaModel
}

/** entitiesOnDatabase initializes a DataSource of `entities` on `db` (made by TypeORM's synchronize where asked), the caller destroys it. */
export async function entitiesOnDatabase(db: PgTestDatabase, entities: readonly Function[], synchronize: boolean): Promise<EntitiesOnDatabase> {
  const dataSource = new DataSource({ ...db.options, entities: [...entities], synchronize, logging: false } as never)
  await dataSource.initialize()
  const desired = postgresDialect.normalize((await readEntities(dataSource)).model, dataSource.options)
  return { dataSource, desired, actual: await db.introspect(desired.schemas) }
}
