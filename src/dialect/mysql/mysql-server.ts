/**
 * MysqlServer is what the dialect needs to know of the server it talks to, read once per connection:
 * MariaDB and MySQL accept different SQL and store some things differently.
 */
export interface MysqlServer {
  readonly product: 'mariadb' | 'mysql'
  /** major, minor, patch. */
  readonly version: readonly [number, number, number]
  /** The session's sql_mode flags, upper case (`STRICT_TRANS_TABLES`, ...). */
  readonly sqlMode: readonly string[]
}

/** mysqlServerOf reads `SELECT VERSION()` and `@@SESSION.sql_mode` (`10.11.6-MariaDB-0+deb12u1`, `8.0.36`). */
export function mysqlServerOf(versionText: string, sqlMode: string): MysqlServer {
  const [major = 0, minor = 0, patch = 0] = (/^(\d+)\.(\d+)\.(\d+)/.exec(versionText) ?? []).slice(1).map(Number)
  return {
    product: /mariadb/i.test(versionText) ? 'mariadb' : 'mysql',
    version: [major, minor, patch],
    sqlMode: sqlMode.split(',').map((flag) => flag.trim().toUpperCase()).filter((flag) => flag !== ''),
  }
}

/** atLeast is whether the server's version is `major.minor.patch` or newer. */
export function atLeast(server: MysqlServer, major: number, minor = 0, patch = 0): boolean {
  const [a, b, c] = server.version
  return a !== major ? a > major : b !== minor ? b > minor : c >= patch
}

/** strictMode is whether the session rejects values that do not fit rather than truncating them with a warning. */
export function strictMode(server: MysqlServer): boolean {
  return server.sqlMode.includes('STRICT_TRANS_TABLES') || server.sqlMode.includes('STRICT_ALL_TABLES')
}
