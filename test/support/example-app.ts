import { resolve } from 'node:path'
import { createPostgresDatabase, createSqliteDatabase, type TestDatabase } from './test-database'

/** exampleAppRoot is the repository's own folder, where the example application's ormconfig.ts and entities/ are. */
export const exampleAppRoot = resolve(__dirname, '../..')

/** ExampleAppDatabase is a fresh database and the environment that points the example's ormconfig.ts at it. */
export interface ExampleAppDatabase {
  readonly db: TestDatabase
  readonly env: Record<string, string>
}

/**
 * exampleAppDatabases make, per dialect, a database for the example application: its ormconfig.ts reads the
 * SQLite default (migrations/sqlite) unless DATABASE_URL names a PostgreSQL one (migrations/postgres).
 */
export const exampleAppDatabases: [dialect: 'sqlite' | 'postgres', setup: () => Promise<ExampleAppDatabase>][] = [
  ['sqlite', async () => {
    const db = await createSqliteDatabase()
    return { db, env: { DATABASE_URL: '', AUTOGEN_SQLITE_FILE: (db.options as { database: string }).database } }
  }],
  ['postgres', async () => {
    const db = await createPostgresDatabase('example')
    const { host, port, username, database } = db.options as { host: string; port: number; username: string; database: string }
    return { db, env: { DATABASE_URL: `postgres://${username}@${host}:${port}/${database}` } }
  }],
]
