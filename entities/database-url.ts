/** mysqlType is the TypeORM type of a `mysql://` (mysql) or `mariadb://` (mariadb) url, undefined for any other. */
export function mysqlType(url: string | undefined): 'mysql' | 'mariadb' | undefined {
  return url?.startsWith('mariadb://') ? 'mariadb' : url?.startsWith('mysql://') ? 'mysql' : undefined
}

/**
 * quoted is a column name as SQL written inside entities (checks, view expressions) spells it for the
 * database DATABASE_URL names: MySQL and MariaDB read "name" as a string, so they get `name`.
 */
export function quoted(name: string): string {
  return mysqlType(process.env.DATABASE_URL) ? `\`${name}\`` : `"${name}"`
}
