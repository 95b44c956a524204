import type { MigrationScriptSyntax } from '../dialect'
import { semicolonEnded } from '../statement'
import { type LiteralSpelling, scalarLiteral } from '../inline-parameters'
import { quoteDoubled, quoteLiteral } from '../quote'

const spelling: LiteralSpelling = {
  true: '1',
  false: '0',
  string: quoteLiteral,
  bytes: (value) => `X'${value.toString('hex')}'`,
}

/**
 * sqliteMigrationScript: TypeORM's better-sqlite3 query runner turns foreign keys off around migrations with
 * the driver's `pragma` call, past `query`: a table rebuilt by a migration would otherwise cascade its DROP.
 * Its queries mark parameters with `?`.
 */
export const sqliteMigrationScript: MigrationScriptSyntax = {
  howToRun: 'with `sqlite3 -bail <database> < <file>`, which stops at the first failing statement (without `-bail`, sqlite3 goes on and commits the rest)',
  statementLines: semicolonEnded,
  // sqlite3 reads a script's text as UTF-8 whatever its locale.
  preamble: [],
  sessionQueries: [],
  beforeMigration: ['PRAGMA foreign_keys = OFF'],
  afterMigration: ['PRAGMA foreign_keys = ON'],
  parameters: {
    placeholder: /\?/y,
    indexOf: (_match, nth) => nth,
    dollarQuotes: false,
    bracketNames: true,
    literal: (value) => scalarLiteral(value, spelling),
  },
  // SQLite has no statement that raises an error outside a trigger; a CHECK does, and names its constraint.
  failingCheck: (query, message) => [
    `CREATE TEMP TABLE ${checkTable} (found INTEGER CONSTRAINT ${quoteDoubled(message)} CHECK (found = 0))`,
    `INSERT INTO ${checkTable} SELECT EXISTS (\n${query}\n)`,
    `DROP TABLE temp.${checkTable}`,
  ],
}

const checkTable = 'typeorm_autogen_check'
