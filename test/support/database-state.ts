import { execFileSync } from 'node:child_process'
import { mariadbServer, postgresServer, type TestDatabase } from './test-database'

/** DatabaseState is a database's whole schema (TypeORM's tables included) and its migrations table's rows. */
export interface DatabaseState {
  readonly schema: string
  readonly migrations: readonly { readonly name: string; readonly timestamp: number }[]
}

/** databaseState reads a DatabaseState: `pg_dump --schema-only` on PostgreSQL, `mariadb-dump --no-data` on MariaDB, sqlite_master on SQLite. */
export async function databaseState(db: TestDatabase): Promise<DatabaseState> {
  return { schema: await schemaOf(db), migrations: await recordedMigrations(db) }
}

/** recordedMigrations are the rows of TypeORM's migrations table in the order they were recorded, none when it does not exist. */
export async function recordedMigrations(db: TestDatabase): Promise<DatabaseState['migrations']> {
  const hasMigrations = (await db.query<{ n: number | string }>(db.label === 'sqlite'
    ? "SELECT count(*) AS n FROM sqlite_master WHERE name = 'migrations'"
    : db.label === 'mariadb' ? "SELECT count(*) AS n FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = 'migrations'"
    : "SELECT count(*) AS n FROM information_schema.tables WHERE table_name = 'migrations'"))[0]!.n
  if (Number(hasMigrations) === 0) return []
  return (await db.query<{ name: string; timestamp: number | string }>('SELECT name, timestamp FROM migrations ORDER BY id'))
    .map((r) => ({ name: r.name, timestamp: Number(r.timestamp) }))
}

async function schemaOf(db: TestDatabase): Promise<string> {
  if (db.label === 'sqlite') {
    return (await db.query<{ sql: string }>("SELECT type || ' ' || name || ': ' || coalesce(sql, '') AS sql FROM sqlite_master ORDER BY name")).map((r) => r.sql).join('\n')
  }
  const database = (db.options as { database: string }).database
  if (db.label === 'mariadb') {
    return execFileSync('mariadb-dump', ['--no-data', '--skip-comments', '--skip-dump-date', '-h', mariadbServer.host, '-u', mariadbServer.user, database], { encoding: 'utf8' })
      .replace(/ AUTO_INCREMENT=\d+/g, '') // the next id, which rows inserted and deleted advance
      .replaceAll(database, 'DB')
  }
  return execFileSync('pg_dump', ['--schema-only', '--no-owner', '-h', postgresServer.host, '-U', postgresServer.user, database], { encoding: 'utf8' })
    .replace(/^\\(un)?restrict .*$/gm, '') // a random key pg_dump writes on each run
    .replaceAll(database, 'DB')
}
