import type { MigrationScriptSyntax } from '../dialect'
import { type LiteralSpelling, scalarLiteral } from '../inline-parameters'
import { quoteLiteral } from '../quote'
import { semicolonEnded } from '../statement'

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
  // TypeORM's runner names the table with the connected database: run in another, the schema changes go there and the records here.
  recordsWhere: (migrationsTable) => {
    const database = /^(.+)\.[^.]+$/.exec(migrationsTable)?.[1]
    return database === undefined ? undefined
      : `It records the migrations in ${migrationsTable.split('.').map((part) => `\`${part}\``).join('.')}, as TypeORM's runner names the table with the database it connected to: run it in database ${database}, or replace that name throughout first`
  },
  // The client connects in its locale's charset (latin1 under LANG=C, utf8mb3 under C.UTF-8) unless told otherwise.
  preamble: ['SET NAMES utf8mb4'],
  // TypeORM's getCurrentDatabase and getCurrentSchema.
  sessionQueries: ['SELECT DATABASE() AS `db_name`', 'SELECT SCHEMA() AS `schema_name`'],
  beforeMigration: [],
  afterMigration: [],
  parameters: {
    placeholder: /\?/y,
    indexOf: (_match, nth) => nth,
    dollarQuotes: false,
    bracketNames: false,
    literal: (value) => scalarLiteral(value, spelling),
  },
  statementLines: (sql) => {
    if (!sql.includes(';')) return semicolonEnded(sql)
    const delimiter = delimiters.find((d) => !sql.includes(d))!
    return [`DELIMITER ${delimiter}`, `${sql}${delimiter}`, 'DELIMITER ;']
  },
  failingCheck: (query, message) => {
    const shown = stringLiteral(shortened(message))
    return [
      `CREATE TEMPORARY TABLE ${checkTable} (failed VARCHAR(${shownLength}) CHARACTER SET utf8mb4 PRIMARY KEY)`,
      `INSERT INTO ${checkTable} VALUES (${shown})`,
      `INSERT INTO ${checkTable} SELECT ${shown} FROM DUAL WHERE EXISTS (\n${query}\n)`,
      `DROP TEMPORARY TABLE ${checkTable}`,
    ]
  },
}

/**
 * The client ends a statement at the first `;` outside quotes, also inside a trigger's BEGIN ... END: such a
 * statement is written under the first of these that its text does not hold (the last one no text does).
 */
const delimiters = ['//', '$$', '@@@', '$typeorm_autogen_delimiter$']

/*
 * A failing check on MySQL and MariaDB inserts its message twice into a temporary table's primary key: the
 * second insert, made only when the query returns a row, fails with "Duplicate entry '<message>'" in every
 * sql_mode and version (MySQL has no SIGNAL outside a stored program, and enforces a CHECK only from 8.0.16).
 * The error shows the entry's start (64 characters on MariaDB 10.11, 192 on MySQL 8), and the client the failing
 * statement with all of it. 190 characters of utf8mb4 fit InnoDB's oldest index limit (767 bytes).
 */
const checkTable = 'typeorm_autogen_check'
const shownLength = 190

function shortened(message: string): string {
  const characters = [...message]
  return characters.length <= shownLength ? message : `${characters.slice(0, shownLength - 3).join('')}...`
}
