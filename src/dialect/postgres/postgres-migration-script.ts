import type { MigrationScriptSyntax } from '../dialect'
import { quoteLiteral } from '../quote'

/**
 * postgresMigrationScript: TypeORM's PostgreSQL query runner sends everything through `query`, with
 * numbered parameters (`$1`) as node-postgres takes them.
 */
export const postgresMigrationScript: MigrationScriptSyntax = {
  beforeMigration: [],
  afterMigration: [],
  parameters: {
    placeholder: /\$(\d+)/y,
    indexOf: (match) => Number(match.slice(1)) - 1,
    dollarQuotes: true,
    bracketNames: false,
    literal: postgresLiteral,
  },
}

function postgresLiteral(value: unknown): string | undefined {
  if (value === null || value === undefined) return 'NULL'
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : undefined
  if (typeof value === 'bigint') return String(value)
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE'
  if (typeof value === 'string') return stringLiteral(value)
  if (value instanceof Date) return stringLiteral(value.toISOString())
  if (Buffer.isBuffer(value)) return `'\\x${value.toString('hex')}'`
  return undefined
}

/** stringLiteral is right whatever standard_conforming_strings says: a backslash makes it an E'' string. */
function stringLiteral(value: string): string {
  return value.includes('\\') ? `E${quoteLiteral(value.replace(/\\/g, '\\\\'))}` : quoteLiteral(value)
}
