import type { DataSourceOptions } from 'typeorm'
import { dialectFor } from '../dialect/dialect-for'
import { UserError, messageOf } from '../source/user-error'

/**
 * missingBaselineAdvice is what to do when the migrations, run on an empty database, change a table none of them
 * created: the database was made another way (by synchronize, by hand) and adopted with the migrations that came
 * after, so nothing builds what it had before the first of them.
 */
export const missingBaselineAdvice = 'the migrations cannot build the schema on an empty database: none before this one creates that table, as where the database was adopted without a baseline migration. ' +
  'Add one, dated before the first migration, that creates the tables the database had then (see "Adopting a database made another way" in the README)'

/**
 * failedOnMissingTable says whether a migration's failure (see nameMigrationErrors) comes from a table that does not
 * exist: the server's "no such table", or TypeORM's own `Table "x" does not exist.`, which its schema helpers
 * (`createIndex`, `addColumn`...) throw before they send anything.
 */
export function failedOnMissingTable(err: unknown, options: DataSourceOptions): boolean {
  for (let link = err; link instanceof Error; link = link.cause) {
    if (/^Table ".+" does not exist\.$/.test(link.message)) return true
    if (dialectFor(options).tableReadFailure?.(link, options)?.kind === 'absent') return true
  }
  return false
}

/** withMissingBaselineAdvice is a migration's failure on a scratch database, with what to do where a table it changes was never created. */
export function withMissingBaselineAdvice(err: unknown, options: DataSourceOptions): unknown {
  if (!failedOnMissingTable(err, options)) return err
  return new UserError(`${messageOf(err)}; ${missingBaselineAdvice}`, { cause: err })
}
