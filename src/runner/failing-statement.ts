import { UserError } from '../source/user-error'

/**
 * withFailingStatement is a migration's failure (see nameMigrationErrors) as one line that also quotes the
 * statement the database rejected, when TypeORM's QueryFailedError carries it.
 */
export function withFailingStatement(err: unknown): unknown {
  if (!(err instanceof Error)) return err
  const query = (err.cause as { query?: unknown } | undefined)?.query
  if (typeof query !== 'string') return err
  return new UserError(`${err.message.split('\n')[0]}; the failing statement: ${query.replace(/\s+/g, ' ').trim()}`, { cause: err })
}
