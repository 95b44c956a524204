import type { DataSource, MigrationInterface } from 'typeorm'
import { dialectFor } from '../dialect/dialect-for'
import type { DatabaseConnection } from '../dialect/dialect'
import { migrationNameOf } from '../source/migration-name'
import { UserError } from '../source/user-error'
import { failureOnRows, queryRecorder } from './recording-query-runner'

/**
 * refuseStopsAhead refuses a downgrade of several migrations (`toRevert`, latest first) where the `down` of one after
 * the first would stop at its start on the rows the database holds now: the checks a `down` makes before its first
 * change (a column `up` dropped that cannot come back while the table has rows, say). Otherwise the newer
 * migrations would be reverted, their columns and tables dropped with their values, and the downgrade would then
 * stop halfway. The checks are read by recording each `down` (see leadingChecks) and asked of the database, on a
 * read-only connection; one it cannot answer there (a table a newer `down` makes first) is not asked. The first
 * migration's own checks stop it before any change as they are.
 */
export async function refuseStopsAhead(dataSource: DataSource, toRevert: readonly string[]): Promise<void> {
  const later = toRevert.slice(1).flatMap((name) => {
    const instance = dataSource.migrations.find((m) => migrationNameOf(m) === name)
    return instance === undefined ? [] : [{ name, instance }]
  })
  if (later.length === 0) return
  let connection: DatabaseConnection | undefined
  try {
    for (const { name, instance } of later) {
      for (const check of await leadingChecks(dataSource, instance)) {
        connection ??= await dialectFor(dataSource.options).connect(dataSource.options)
        const rows = await connection.query(check.sql, check.parameters).catch(() => [])
        if (rows.length === 0) continue
        const before = toRevert.slice(0, toRevert.indexOf(name))
        throw new UserError(`nothing was reverted: once ${before.join(', ')} ${before.length === 1 ? 'was' : 'were'} reverted, ${check.message}; ` +
          `fix those rows first, or revert only the migrations after it (\`downgrade --to ${name}\`)`)
      }
    }
  } finally {
    await connection?.close()
  }
}

/** LeadingCheck is a query a `down` makes before its first change, and the message it stops with when the query returns a row. */
interface LeadingCheck {
  readonly sql: string
  readonly parameters?: unknown[]
  readonly message: string
}

/**
 * leadingChecks are the checks `migration`'s `down` makes before it sends anything else: recorded (every query gets
 * no rows), the queries at its start, up to the first that is no check, whose result it reads and which, given one
 * row, make it fail before it sends a query past them (see failureOnRows). A `down` that fails while recorded has
 * none known.
 */
async function leadingChecks(dataSource: DataSource, migration: MigrationInterface): Promise<LeadingCheck[]> {
  const recorder = queryRecorder(dataSource)
  try {
    await migration.down(recorder.runner)
  } catch {
    return []
  } finally {
    await recorder.release()
  }
  const { calls } = recorder
  const leading = calls.findIndex((call) => !call.resultRead)
  const reads = leading === -1 ? calls.length : leading
  const checks: LeadingCheck[] = []
  for (let index = 0; index < reads; index++) {
    const message = await failureOnRows(queryRecorder(dataSource, index), migration, 'down', index, reads - 1)
    // The first query that is no check is a change (MySQL's ALTERs have their results read too): none after it leads.
    if (message === undefined) break
    const { sql, parameters } = calls[index]!
    checks.push({ sql, ...(parameters !== undefined && { parameters: [...parameters] }), message })
  }
  return checks
}
