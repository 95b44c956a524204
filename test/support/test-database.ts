import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { createConnection } from 'mysql2/promise'
import { Client } from 'pg'
import type { DataSourceOptions } from 'typeorm'

/** TestDatabase is a real, empty database made for one test file, and how to read and remove it. */
export interface TestDatabase {
  readonly label: string
  readonly options: DataSourceOptions
  /** A scratch folder for migrations and other files, removed with the database. */
  readonly dir: string
  query<Row = Record<string, unknown>>(sql: string): Promise<Row[]>
  drop(): Promise<void>
}

/** createSqliteDatabase makes a database file path in a fresh temp folder (the file itself is created by the first migration). */
export async function createSqliteDatabase(): Promise<TestDatabase> {
  const dir = mkdtempSync(join(tmpdir(), 'autogen-sqlite-'))
  const file = join(dir, 'test.sqlite')
  return {
    label: 'sqlite',
    dir,
    options: { type: 'better-sqlite3', database: file },
    async query<Row>(sql: string) {
      const db = new Database(file)
      try {
        const statement = db.prepare(sql)
        return (statement.reader ? statement.all() : (statement.run(), [])) as Row[]
      } catch (err) {
        // better-sqlite3's native addon keeps the SqliteError class of the first Jest realm that loaded it,
        // so its errors fail instanceof checks in later test files: rethrow as this realm's Error.
        throw new Error((err as Error).message)
      } finally {
        db.close()
      }
    },
    async drop() {
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

export const postgresServer = { host: '127.0.0.1', port: 5432, user: 'postgres' }

/** createPostgresDatabase creates a uniquely named database on the local server. */
export async function createPostgresDatabase(prefix: string): Promise<TestDatabase> {
  const name = `autogen_${prefix}_${process.pid}_${Math.random().toString(36).slice(2, 8)}`
  await adminQuery(`CREATE DATABASE "${name}"`)
  const dir = mkdtempSync(join(tmpdir(), 'autogen-pg-'))
  return {
    label: 'postgres',
    dir,
    options: { type: 'postgres', host: postgresServer.host, port: postgresServer.port, username: postgresServer.user, database: name },
    async query<Row>(sql: string) {
      const client = new Client({ ...postgresServer, database: name })
      await client.connect()
      try {
        return (await client.query(sql)).rows as Row[]
      } finally {
        await client.end()
      }
    },
    async drop() {
      rmSync(dir, { recursive: true, force: true })
      await adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
    },
  }
}

async function adminQuery(sql: string): Promise<void> {
  const client = new Client({ ...postgresServer, database: 'postgres' })
  await client.connect()
  try {
    await client.query(sql)
  } finally {
    await client.end()
  }
}

/**
 * createPostgresDatabaseOnPath creates a database with the schema `schema`, set to `search_path = <schema>, public`
 * (ALTER DATABASE), so that its sessions resolve unqualified names, and TypeORM puts tables, in that schema.
 */
export async function createPostgresDatabaseOnPath(prefix: string, schema: string): Promise<TestDatabase> {
  const db = await createPostgresDatabase(prefix)
  await db.query(`CREATE SCHEMA "${schema}"`)
  await db.query(`ALTER DATABASE "${db.options.database as string}" SET search_path = "${schema}", public`)
  return db
}

export const mariadbServer = { host: '127.0.0.1', port: 3306, user: 'root' }

/**
 * createMariaDbDatabase creates a uniquely named database on the local MariaDB server. Its `query` runs with
 * ANSI_QUOTES added to the session's sql_mode, so that tests shared with the other dialects may write
 * `"authorId"`; what the tool runs keeps the server's own sql_mode.
 */
export async function createMariaDbDatabase(prefix: string): Promise<TestDatabase> {
  const name = `autogen_${prefix}_${process.pid}_${Math.random().toString(36).slice(2, 8)}`
  await mariadbQuery(undefined, `CREATE DATABASE \`${name}\``)
  const dir = mkdtempSync(join(tmpdir(), 'autogen-mariadb-'))
  return {
    label: 'mariadb',
    dir,
    options: { type: 'mariadb', host: mariadbServer.host, port: mariadbServer.port, username: mariadbServer.user, database: name },
    query: <Row>(sql: string) => mariadbQuery<Row>(name, sql),
    async drop() {
      rmSync(dir, { recursive: true, force: true })
      await mariadbQuery(undefined, `DROP DATABASE IF EXISTS \`${name}\``)
    },
  }
}

async function mariadbQuery<Row>(database: string | undefined, sql: string): Promise<Row[]> {
  const connection = await createConnection({ ...mariadbServer, database, dateStrings: true, supportBigNumbers: true, bigNumberStrings: true })
  try {
    await connection.query(`SET SESSION sql_mode = CONCAT(@@SESSION.sql_mode, ',ANSI_QUOTES')`)
    const [rows] = await connection.query(sql)
    return (Array.isArray(rows) ? rows : []) as Row[]
  } finally {
    await connection.end()
  }
}

/** allDialects is bothDialects and MariaDB. */
export function allDialects(prefix: string): Array<[string, () => Promise<TestDatabase>]> {
  return [...bothDialects(prefix), ['mariadb', () => createMariaDbDatabase(prefix)]]
}

/** bothDialects lists each dialect with a factory of its test database, for `describe.each`. */
export function bothDialects(prefix: string): Array<[string, () => Promise<TestDatabase>]> {
  return [
    ['sqlite', createSqliteDatabase],
    ['postgres', () => createPostgresDatabase(prefix)],
  ]
}

/** inQuotesOf writes SQL written with double-quoted names in the quotes of the dialect `label` names (backticks on MariaDB). */
export function inQuotesOf(label: string, sql: string): string {
  return label === 'mariadb' ? sql.replace(/"/g, '`') : sql
}
