import type { DataSource } from 'typeorm'
import { dialectFor } from '../dialect/dialect-for'
import type { TableReadFailure } from '../dialect/dialect'
import { migrationsTableOf } from '../pipeline/ignored-tables'
import { UserError } from '../source/user-error'

/**
 * readingMigrationsTable runs `read`, a read of TypeORM's migrations table, and turns the server refusing the
 * user the right to read it into a UserError that says what to grant, instead of the driver's bare
 * "permission denied".
 */
export async function readingMigrationsTable<T>(dataSource: DataSource, read: () => Promise<T>): Promise<T> {
  try {
    return await read()
  } catch (err) {
    const failure = failureOf(dataSource, err)
    throw failure?.kind === 'denied' ? unreadable(dataSource, failure, err) : err
  }
}

/**
 * probedMigrationsTable answers whether TypeORM's migrations table exists where a catalog did not list it: the
 * catalogs (information_schema) hide a table the user has no rights on, and the migrations would all be taken
 * for pending. `probe` reads the table: it exists when that succeeds, it does not when the server says there
 * is no such table, and the server refusing the user is a UserError that says what to grant. Where the
 * database has no rights per table, the catalog is right and nothing is read.
 */
export async function probedMigrationsTable(dataSource: DataSource, probe: () => Promise<unknown>): Promise<boolean> {
  if (dialectFor(dataSource.options).tableReadFailure === undefined) return false
  try {
    await readingMigrationsTable(dataSource, probe)
    return true
  } catch (err) {
    if (failureOf(dataSource, err)?.kind === 'absent') return false
    throw err
  }
}

function failureOf(dataSource: DataSource, err: unknown): TableReadFailure | undefined {
  return dialectFor(dataSource.options).tableReadFailure?.(err, dataSource.options)
}

function unreadable(dataSource: DataSource, failure: Extract<TableReadFailure, { kind: 'denied' }>, cause: unknown): UserError {
  const table = migrationsTableOf(dataSource)
  return new UserError(failure.shownToExist
    ? `the migrations table "${table}" exists but user "${failure.user}" cannot read it (permission denied): ` +
      'grant SELECT on it (and INSERT, DELETE to run migrations), or connect as its owner'
    : `user "${failure.user}" cannot read the migrations table "${table}" (permission denied; the server does not tell such a user whether it exists): ` +
      'grant SELECT on it (and CREATE, INSERT, DELETE to run migrations), or connect as a user who can', { cause })
}
