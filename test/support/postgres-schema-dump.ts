import { execFileSync } from 'node:child_process'
import { postgresServer, type TestDatabase } from './test-database'

/** postgresSchemaDump is `pg_dump --schema-only` of a test database, without the migrations table. */
export function postgresSchemaDump(db: TestDatabase): string {
  const database = (db.options as { database: string }).database
  return execFileSync('pg_dump', [
    '--schema-only', '--no-owner', '-h', postgresServer.host, '-U', postgresServer.user,
    '-T', 'migrations', '-T', 'migrations_id_seq', database,
  ], { encoding: 'utf8' }).replace(/^\\(un)?restrict .*$/gm, '') // a random key pg_dump writes on each run
}
