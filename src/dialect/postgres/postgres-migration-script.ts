import type { MigrationScriptSyntax } from '../dialect'
import { semicolonEnded } from '../statement'
import { type LiteralSpelling, scalarLiteral } from '../inline-parameters'
import { quoteLiteral } from '../quote'

/** stringLiteral is right whatever standard_conforming_strings says: a backslash makes it an E'' string. */
const stringLiteral = (value: string) => (value.includes('\\') ? `E${quoteLiteral(value.replace(/\\/g, '\\\\'))}` : quoteLiteral(value))

const spelling: LiteralSpelling = {
  true: 'TRUE',
  false: 'FALSE',
  string: stringLiteral,
  bytes: (value) => `'\\x${value.toString('hex')}'`,
  date: (value) => stringLiteral(value.toISOString()),
}

/**
 * postgresMigrationScript: TypeORM's PostgreSQL query runner sends everything through `query`, with
 * numbered parameters (`$1`) as node-postgres takes them.
 */
export const postgresMigrationScript: MigrationScriptSyntax = {
  howToRun: 'with `psql -v ON_ERROR_STOP=1 -f <file>`, which stops at the first failing statement (plain psql goes on and commits the rest)',
  statementLines: semicolonEnded,
  // psql takes its client_encoding from its locale (PGCLIENTENCODING aside), which may be another than UTF-8.
  preamble: ["SET client_encoding = 'UTF8'"],
  // TypeORM 0.3's and 1.x's getCurrentSchema and getCurrentDatabase, 1.x's loadTables and getTableNameWithSchema.
  sessionQueries: ['SELECT * FROM current_schema()', 'SELECT * FROM current_database()', 'SELECT current_schema() AS "currentSchema"', 'SELECT current_schema()'],
  beforeMigration: [],
  afterMigration: [],
  parameters: {
    placeholder: /\$(\d+)/y,
    indexOf: (match) => Number(match.slice(1)) - 1,
    dollarQuotes: true,
    bracketNames: false,
    literal: (value) => scalarLiteral(value, spelling),
  },
  // `#variable_conflict use_column` reads a column named like PL/pgSQL's own variable `found` as the column.
  failingCheck: (query, message) => [[
    'DO $typeorm_autogen_check$',
    '#variable_conflict use_column',
    'BEGIN',
    '  IF EXISTS (',
    query,
    '  ) THEN',
    `    RAISE EXCEPTION USING MESSAGE = ${stringLiteral(message)};`,
    '  END IF;',
    'END',
    '$typeorm_autogen_check$',
  ].join('\n')],
}
