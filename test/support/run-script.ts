import { execFileSync } from 'node:child_process'
import Database from 'better-sqlite3'
import { mariadbServer, postgresServer, type TestDatabase } from './test-database'

/**
 * runScript runs an SQL script by hand: psql -f on PostgreSQL, the mariadb client on MariaDB, better-sqlite3's
 * exec on SQLite. With `latin1Client`, the client's connection charset is latin1 (`--default-character-set`,
 * PGCLIENTENCODING), as where the client's locale or configuration is not UTF-8.
 */
export function runScript(db: TestDatabase, script: string, { latin1Client = false } = {}): void {
  if (db.label === 'mariadb') {
    execFileSync('mariadb', [...(latin1Client ? ['--default-character-set=latin1'] : []), '-h', mariadbServer.host, '-u', mariadbServer.user,
      (db.options as { database: string }).database], { input: script, encoding: 'utf8' })
    return
  }
  if (db.label === 'sqlite') {
    const file = new Database((db.options as { database: string }).database)
    try {
      file.exec(script)
    } finally {
      file.close()
    }
    return
  }
  execFileSync('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-h', postgresServer.host, '-U', postgresServer.user, '-d', (db.options as { database: string }).database, '-f', '-'],
    { input: script, encoding: 'utf8', env: { ...process.env, ...(latin1Client && { PGCLIENTENCODING: 'LATIN1' }) } })
}
