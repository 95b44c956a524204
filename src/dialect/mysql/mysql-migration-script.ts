import type { MigrationScriptSyntax } from '../dialect'
import { type LiteralSpelling, scalarLiteral } from '../inline-parameters'
import { quoteLiteral } from '../quote'

/**
 * stringLiteral is right whatever the server's sql_mode: a backslash escapes in a MySQL string unless
 * NO_BACKSLASH_ESCAPES is set, so a string holding one is written as its UTF-8 bytes, which both read alike.
 */
const stringLiteral = (value: string) => (value.includes('\\')
  ? `CONVERT(X'${Buffer.from(value, 'utf8').toString('hex')}' USING utf8mb4)`
  : quoteLiteral(value))

const spelling: LiteralSpelling = {
  true: 'TRUE',
  false: 'FALSE',
  string: stringLiteral,
  bytes: (value) => `X'${value.toString('hex')}'`,
}

/**
 * mysqlMigrationScript: TypeORM's MySQL query runner (both `mysql` and `mariadb`) does nothing around a
 * migration (BaseQueryRunner's empty beforeMigration and afterMigration) and marks parameters with `?`, as
 * mysql2 takes them. A date has no literal here: mysql2 writes it in the DataSource's `timezone`.
 */
export const mysqlMigrationScript: MigrationScriptSyntax = {
  howToRun: 'with the `mariadb` or `mysql` client without `--force`, which stops at the first failing statement',
  beforeMigration: [],
  afterMigration: [],
  parameters: {
    placeholder: /\?/y,
    indexOf: (_match, nth) => nth,
    dollarQuotes: false,
    bracketNames: false,
    literal: (value) => scalarLiteral(value, spelling),
  },
}
