import type { MigrationScriptSyntax } from '../dialect'
import { quoteLiteral } from '../quote'

/**
 * sqliteMigrationScript: TypeORM's better-sqlite3 query runner turns foreign keys off around migrations with
 * the driver's `pragma` call, past `query`: a table rebuilt by a migration would otherwise cascade its DROP.
 * Its queries mark parameters with `?`.
 */
export const sqliteMigrationScript: MigrationScriptSyntax = {
  beforeMigration: ['PRAGMA foreign_keys = OFF'],
  afterMigration: ['PRAGMA foreign_keys = ON'],
  parameters: {
    placeholder: /\?/y,
    indexOf: (_match, nth) => nth,
    dollarQuotes: false,
    bracketNames: true,
    literal: sqliteLiteral,
  },
}

function sqliteLiteral(value: unknown): string | undefined {
  if (value === null || value === undefined) return 'NULL'
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : undefined
  if (typeof value === 'bigint') return String(value)
  if (typeof value === 'boolean') return value ? '1' : '0'
  if (typeof value === 'string') return quoteLiteral(value)
  if (Buffer.isBuffer(value)) return `X'${value.toString('hex')}'`
  return undefined
}
