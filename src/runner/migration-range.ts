import { UserError } from '../source/user-error'
import type { MigrationLog } from './migration-log'
import { namesBase, resolveMigrationName } from './migration-target'

/**
 * inRange is the part of a log that Alembic's `history -r FROM:TO` names, both ends included: each end a
 * migration target (`head`, `base`, a NAME, `head-2`) or `current` (the last applied), an empty one the first or
 * the last (`AddTags:` is AddTags and every migration after it).
 */
export function inRange(log: MigrationLog, range: string): MigrationLog {
  const ends = /^([^:]*):([^:]*)$/.exec(range)
  if (ends === null) throw new UserError(`history -r ${range} is no range: give FROM:TO (base:head, AddTags:, :current, head-2:head)`)
  const names = log.entries.map((entry) => entry.name)
  const indexOf = (end: string, open: number) => {
    if (end === '') return open
    if (end === 'current' && !names.includes(end)) return log.current === undefined ? -1 : names.indexOf(log.current)
    return namesBase(end, names) ? -1 : names.indexOf(resolveMigrationName(end, names))
  }
  const from = Math.max(indexOf(ends[1]!, 0), 0)
  const to = indexOf(ends[2]!, names.length - 1)
  return { ...log, entries: log.entries.slice(from, to + 1) }
}
