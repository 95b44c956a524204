import { assertMigrationTimestamp } from '../render/migration-name'
import { UserError } from '../source/user-error'

/** parseTimestampFlag reads `--timestamp`: 13 digits, milliseconds since 1970 (TypeORM reads the last 13 digits of a class name). */
export function parseTimestampFlag(value: string | undefined): number | undefined {
  if (value === undefined) return undefined
  const timestamp = /^\d{13}$/.test(value.trim()) ? Number(value) : Number.NaN
  try {
    assertMigrationTimestamp(timestamp)
  } catch {
    throw new UserError(`--timestamp ${value} is not a 13-digit time in milliseconds: pass one like 1700000000000, or leave it out to use the current time`)
  }
  return timestamp
}
