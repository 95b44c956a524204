import { UserError } from '../source/user-error'
import { migrationTimestamp } from './migration-order'

/**
 * nextMigrationTimestamp is the timestamp of a new migration, newer than every one of `names` (the folder's, the
 * DataSource's, the database's), so that none is left out of order behind them: `given` (`--timestamp`), which a
 * newer migration refuses, else the current time, or the millisecond after the newest where it is later (a
 * teammate's clock ahead).
 */
export function nextMigrationTimestamp(names: readonly string[], now: number, given: number | undefined): number {
  const newest = Math.max(0, ...names.map((name) => migrationTimestamp(name) ?? 0))
  if (given === undefined) return Math.max(now, newest + 1)
  if (given <= newest) throw new UserError(`--timestamp ${given} is not newer than every migration (the newest is ${newest}): pass a later one, or leave it out`)
  return given
}
