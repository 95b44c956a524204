import type { MigrationScriptSyntax } from '../dialect'
import { type LiteralSpelling, scalarLiteral } from '../inline-parameters'
import { quoteLiteral } from '../quote'

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
  beforeMigration: ['PRAGMA foreign_keys = OFF'],
  afterMigration: ['PRAGMA foreign_keys = ON'],
  parameters: {
    placeholder: /\?/y,
    indexOf: (_match, nth) => nth,
    dollarQuotes: false,
    bracketNames: true,
    literal: (value) => scalarLiteral(value, spelling),
  },
}
