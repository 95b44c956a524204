import { columnDefinitionSql } from '../../../src/dialect/postgres/postgres-column-sql'
import { postgresDialect } from '../../../src/dialect/postgres/postgres-dialect'
import { col, pgSchema, pgTable } from './pg-models'

// Canonical forms are for comparing: a column is written with its own text, parenthesized where DEFAULT needs it.

const table = { schema: 'public', name: 't' }
const written = (type: string, text: string) =>
  columnDefinitionSql(postgresDialect.normalize(pgSchema([pgTable('t', [col('c', type, { default: text, nullable: true })])])).tables[0]!.columns[0]!, table)

it.each([
  ['timestamp', "(now() at time zone 'utc')", `"c" timestamp DEFAULT (now() at time zone 'utc')`],
  ['timestamp', "now() AT TIME ZONE 'utc'", `"c" timestamp DEFAULT (now() AT TIME ZONE 'utc')`],
  ['timestamptz', 'now()', `"c" timestamptz DEFAULT now()`],
  ['integer', "'1'::int", `"c" integer DEFAULT '1'::int`],
  ['integer', '-5', `"c" integer DEFAULT -5`],
  ['integer', '1 + 2', `"c" integer DEFAULT (1 + 2)`],
  ['interval', "interval '1 day'", `"c" interval DEFAULT (interval '1 day')`],
  ['integer[]', 'ARRAY[1,2]', `"c" integer[] DEFAULT ARRAY[1,2]`],
  ['text', "'it''s'", `"c" text DEFAULT 'it''s'`],
])('a %s default written %s', (type, text, sql) => {
  expect(written(type, text)).toBe(sql)
})
