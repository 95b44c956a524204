import * as fs from 'node:fs'
import * as path from 'node:path'
import { createConnection } from 'mysql2/promise'
import { Client } from 'pg'

const postgresServer = { host: '127.0.0.1', port: 5432, user: 'postgres' } as const
const mariadbServer = { host: '127.0.0.1', port: 3306, user: 'root' } as const

/**
 * BenchDialectSpec is all the benchmark knows of one database: adding a database to the benchmark is adding
 * one entry to benchDialects.
 */
export interface BenchDialectSpec {
  /** The name in tables and logs, e.g. `PostgreSQL`. */
  readonly label: string
  /** A new database for the project in `dir`: a server database name or a file path. */
  newDatabase(dir: string, size: number): string
  /** The DataSource options of the generated ormconfig.ts that say where to connect, as TypeScript source. */
  connectionSource(database: string): string
  /** Makes the empty database (or removes a stale file). */
  create(database: string): Promise<void>
  /** Removes the database; the generated files stay for inspection. */
  drop(database: string): Promise<void>
  /** The server's (or library's) version, for the report. */
  version(): Promise<string>
  /** The entity columns whose type differs per database: an enum `status` and a list of strings `tags`. */
  readonly statusColumn: string
  readonly tagsColumn: string
}

const sqliteSuffixes = ['', '-journal', '-wal', '-shm']

export const benchDialects = {
  postgres: {
    label: 'PostgreSQL',
    newDatabase: (_dir, size) => `autogen_bench_${size}_${Math.random().toString(36).slice(2, 10)}`,
    connectionSource: (database) =>
      `type: 'postgres', host: '${postgresServer.host}', port: ${postgresServer.port}, username: '${postgresServer.user}', database: '${database}',`,
    create: async (database) => void (await postgresAdminQuery(`CREATE DATABASE "${database}"`)),
    drop: async (database) => void (await postgresAdminQuery(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`)),
    version: async () => (await postgresAdminQuery<{ server_version: string }>('SHOW server_version'))[0].server_version,
    statusColumn: `@Column({ type: 'enum', enum: ['draft', 'published', 'archived'], default: 'draft' }) status: string`,
    tagsColumn: `@Column({ type: 'text', array: true, default: '{}' }) tags: string[]`,
  },
  mariadb: {
    label: 'MariaDB',
    newDatabase: (_dir, size) => `autogen_bench_${size}_${Math.random().toString(36).slice(2, 10)}`,
    connectionSource: (database) =>
      `type: 'mariadb', host: '${mariadbServer.host}', port: ${mariadbServer.port}, username: '${mariadbServer.user}', database: '${database}',`,
    create: async (database) => void (await mariadbAdminQuery(`CREATE DATABASE \`${database}\``)),
    drop: async (database) => void (await mariadbAdminQuery(`DROP DATABASE IF EXISTS \`${database}\``)),
    version: async () => (await mariadbAdminQuery<{ version: string }>('SELECT VERSION() AS version'))[0].version,
    statusColumn: `@Column({ type: 'enum', enum: ['draft', 'published', 'archived'], default: 'draft' }) status: string`,
    tagsColumn: `@Column({ type: 'simple-array' }) tags: string[]`,
  },
  sqlite: {
    label: 'SQLite',
    newDatabase: (dir) => path.join(dir, 'bench.sqlite'),
    connectionSource: (database) => `type: 'better-sqlite3', database: ${JSON.stringify(database)},`,
    create: async (database) => fs.rmSync(database, { force: true }),
    drop: async (database) => {
      for (const suffix of sqliteSuffixes) fs.rmSync(database + suffix, { force: true })
    },
    version: async () => {
      const { default: Database } = await import('better-sqlite3')
      const memory = new Database(':memory:')
      try {
        return `${(memory.prepare('select sqlite_version() as v').get() as { v: string }).v} (better-sqlite3)`
      } finally {
        memory.close()
      }
    },
    statusColumn: `@Column({ type: 'simple-enum', enum: ['draft', 'published', 'archived'], default: 'draft' }) status: string`,
    tagsColumn: `@Column({ type: 'simple-array' }) tags: string[]`,
  },
} satisfies Record<string, BenchDialectSpec>

/** BenchDialect is a database the benchmark runs on. */
export type BenchDialect = keyof typeof benchDialects

export const benchDialectNames = Object.keys(benchDialects) as BenchDialect[]

/** defaultBenchDialects are those a run measures unless BENCH_DIALECTS says: MariaDB's would take the full run past 15 minutes. */
export const defaultBenchDialects: readonly BenchDialect[] = ['postgres', 'sqlite']

/** postgresAdminQuery runs one statement on the PostgreSQL server's `postgres` database. */
async function postgresAdminQuery<Row = Record<string, unknown>>(sql: string): Promise<Row[]> {
  const client = new Client({ ...postgresServer, database: 'postgres' })
  await client.connect()
  try {
    return (await client.query(sql)).rows as Row[]
  } finally {
    await client.end()
  }
}

/** mariadbAdminQuery runs one statement on the MariaDB server, in no database. */
async function mariadbAdminQuery<Row = Record<string, unknown>>(sql: string): Promise<Row[]> {
  const connection = await createConnection(mariadbServer)
  try {
    return (await connection.query(sql))[0] as Row[]
  } finally {
    await connection.end()
  }
}
