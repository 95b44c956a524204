import { type MysqlServer, atLeast } from './mysql-server'

/**
 * MysqlSyntax is what the SQL written depends on in the server: MariaDB 10.5+ takes `IF [NOT] EXISTS` on
 * ADD/DROP COLUMN, INDEX, FOREIGN KEY and CHECK, on RENAME COLUMN/INDEX and on RENAME TABLE (so that a
 * migration failing halfway can be run again); MySQL 8 takes none of them. Unknown server: neither.
 */
export interface MysqlSyntax {
  readonly server: MysqlServer | undefined
  readonly ifExists: boolean
  /** How a check is dropped: `DROP CONSTRAINT` (MariaDB, MySQL 8.0.19+) or `DROP CHECK` (MySQL 8.0.16+). */
  readonly dropCheck: 'DROP CONSTRAINT' | 'DROP CHECK'
}

/** mysqlSyntax is the syntax of `server` (see MysqlSyntax). */
export function mysqlSyntax(server: MysqlServer | undefined): MysqlSyntax {
  const mariadb = server?.product === 'mariadb'
  return {
    server,
    ifExists: mariadb && atLeast(server, 10, 5),
    dropCheck: server?.product === 'mysql' ? 'DROP CHECK' : 'DROP CONSTRAINT',
  }
}

/** ifExistsSql is ` IF EXISTS` where the server takes it. */
export function ifExistsSql(syntax: MysqlSyntax): string {
  return syntax.ifExists ? ' IF EXISTS' : ''
}

/** ifNotExistsSql is ` IF NOT EXISTS` where the server takes it. */
export function ifNotExistsSql(syntax: MysqlSyntax): string {
  return syntax.ifExists ? ' IF NOT EXISTS' : ''
}
