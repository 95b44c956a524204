import { type MigrationFile, migrationFilesIn, namesOf } from '../source/migration-files'
import { migrationSumFileName, sumWithMigrations } from '../source/migration-sum'
import { UserError } from '../source/user-error'
import { migrationTimestamp } from './migration-order'
import { removeQuietly, writeAllWhole } from './write-whole'

/** Rebased says what rebaseMigration did: the migration's old and new name and file. */
export interface Rebased {
  readonly from: { readonly name: string; readonly file: string }
  readonly to: { readonly name: string; readonly file: string }
}

/**
 * rebaseMigration gives the migration `name` of the folder `dir` (its name as TypeORM records it, or its
 * file name) a newer timestamp, so that it runs after every other: at least `now`, and newer than every
 * migration of the folder and of `applied` (or exactly `timestamp`, which must be). It renames the file
 * (its 13 digits), the class and a `name = '...'` property (their last 13 digits, wherever the file names
 * them) and writes the new file into autogen.sum (see sumWithMigrations), all or nothing. It refuses a migration the database
 * applied: there, the name is recorded, and a renamed file would run again.
 */
export function rebaseMigration(dir: string, name: string, applied: readonly string[], now: number, timestamp?: number): Rebased {
  const files = migrationFilesIn(dir)
  const target = files.find((f) => f.name === name || f.fileName === name || f.fileName.replace(/\.[^.]+$/, '') === name)
  if (target?.name === undefined) {
    throw new UserError(`no migration ${name} in ${dir}: name it as \`typeorm-autogen status\` lists it (e.g. AddPostTags1700000000000)`)
  }
  if (applied.includes(target.name)) {
    throw new UserError(`migration ${target.name} is applied to the database: rebase only renames a migration applied nowhere yet; write a new migration for a further change`)
  }
  const old = migrationTimestamp(target.name)
  if (old === undefined) throw new UserError(`migration ${target.name} does not end in a 13-digit timestamp, which TypeORM orders migrations by: rename it by hand`)
  const newest = Math.max(...[...namesOf(files), ...applied].map((n) => migrationTimestamp(n) ?? 0))
  const stamp = timestamp ?? Math.max(now, newest + 1)
  if (stamp <= newest) throw new UserError(`--timestamp ${stamp} is not newer than every migration (the newest is ${newest}): pass a later one, or leave it out`)
  const renamed = renamedMigration(target, String(old), String(stamp))
  const sum = sumWithMigrations(dir, [renamed], [target.fileName])
  const written = writeAllWhole(dir, [
    { ...renamed, replace: renamed.fileName === target.fileName },
    ...(sum === undefined ? [] : [{ fileName: migrationSumFileName, source: sum, replace: true }]),
  ])
  if (renamed.fileName !== target.fileName) removeQuietly(target.file)
  return { from: { name: target.name, file: target.file }, to: { name: renamed.name, file: written[0]! } }
}

/** renamedMigration is the migration's file with `from`, the old timestamp, as `to` in its file name and every name that ends in it. */
function renamedMigration(target: MigrationFile, from: string, to: string): { fileName: string; source: string; name: string } {
  const className = /\bexport\s+(?:default\s+)?class\s+([A-Za-z_$][\w$]*)/.exec(target.source)?.[1]
  const names = [...new Set([target.name!, ...(className === undefined ? [] : [className])])].filter((n) => n.endsWith(from))
  let source = target.source
  for (const n of names) source = source.replace(new RegExp(`(?<![\\w$])${n.replace(/\$/g, '\\$')}(?![\\w$])`, 'g'), `${n.slice(0, -from.length)}${to}`)
  return { fileName: target.fileName.replace(from, to), source, name: `${target.name!.slice(0, -from.length)}${to}` }
}
