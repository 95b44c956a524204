import { relative } from 'node:path'
import { exportedClassName, type MigrationFile, migrationFilesIn, migrationIndexesIn, namesOf } from '../source/migration-files'
import { scriptBaseName } from '../source/script-extensions'
import { migrationHash, migrationSumFileName, readSum, sumWithMigrations } from '../source/migration-sum'
import { readMigrationHeader } from '../runner/migration-header'
import { resolveMigrationName } from '../runner/migration-target'
import { UserError } from '../source/user-error'
import { migrationTimestamp } from './migration-order'
import { nextMigrationTimestamp } from './next-migration-timestamp'
import { type FileToWrite, removeQuietly, writeAllWhole } from './write-whole'
import { entitiesSnapshotFileName, entitiesSnapshotSource, readEntitiesSnapshot } from './entities-snapshot'

/** Rebased says what rebaseMigration did to one migration: its old and new name and file. */
export interface Rebased {
  readonly from: { readonly name: string; readonly file: string }
  readonly to: { readonly name: string; readonly file: string }
}

/**
 * rebaseMigration gives the migration `name` of the folder `dir` (with its `subfolders`, see migrationFilesIn; its file name, or a NAME as the runner's
 * targets take it: see resolveMigrationName) a newer timestamp, so that it runs after every other: at least `now`, and newer than every
 * migration of the folder, of `applied` and of `loaded` (the DataSource's, wherever their files are), or exactly
 * `timestamp`, which must be. A migration that is one part of a change cut in parts (its header lists them)
 * moves with the other parts, in their order, on the timestamps that follow. It renames each file (its 13 digits), the class and a `name = '...'` property (their
 * last 13 digits, wherever the files name them, the parts' headers too) and writes the new files into
 * autogen.sum (see sumWithMigrations), all or nothing. It refuses a migration the database applied: there,
 * the name is recorded, and a renamed file would run again.
 */
export function rebaseMigration(
  dir: string, subfolders: boolean, name: string, applied: readonly string[], now: number, timestamp?: number, loaded: readonly string[] = [],
): Rebased[] {
  const files = migrationFilesIn(dir, subfolders)
  const byFile = files.find((f) => f.fileName === name || f.fileName.replace(/\.[^.]+$/, '') === name)
  const target = byFile ?? files.find((f) => f.name === resolveMigrationName(name, namesOf(files)))!
  if (target.name === undefined) {
    throw new UserError(`migration file ${target.fileName} names no migration class: rebase moves a migration TypeORM runs`)
  }
  const group = partsOf(target, files, dir)
  for (const part of group) {
    if (applied.includes(part.name!)) {
      const which = part === target ? `migration ${part.name}` : `${part.name}, a part of the same change as ${target.name},`
      throw new UserError(`${which} is applied to the database: rebase only renames a migration applied nowhere yet; write a new migration for a further change`)
    }
  }
  refuseUnrecordedEdits(dir, group)
  const olds = group.map((part) => {
    const old = migrationTimestamp(part.name!)
    if (old === undefined) throw new UserError(`migration ${part.name} does not end in a 13-digit timestamp, which TypeORM orders migrations by: rename it by hand`)
    return String(old)
  })
  const stamp = nextMigrationTimestamp([...namesOf(files), ...applied, ...loaded], now, timestamp)
  const renames = group.map((part, i) => ({ part, from: olds[i]!, to: String(stamp + i) }))
  const names = new Map(renames.map(({ part, from, to }) => [part.name!, `${part.name!.slice(0, -from.length)}${to}`]))
  const renamed = renames.map(({ part, from, to }) => renamedMigration(part, from, to, names))
  const sum = sumWithMigrations(dir, subfolders, renamed, group.map((part) => part.fileName))
  const written = writeAllWhole(dir, [
    ...renamed.map((file, i) => ({ ...file, replace: file.fileName === group[i]!.fileName })),
    ...(sum === undefined ? [] : [{ fileName: migrationSumFileName, source: sum, replace: true }]),
    ...snapshotRenamed(dir, names),
    ...indexesRenamed(dir, renames.map(({ part, from, to }, i) => ({ part, from, to, fileName: renamed[i]!.fileName }))),
  ])
  group.forEach((part, i) => {
    if (renamed[i]!.fileName !== part.fileName) removeQuietly(part.file)
  })
  return group.map((part, i) => ({ from: { name: part.name!, file: part.file }, to: { name: renamed[i]!.name, file: written[i]! } }))
}

/**
 * refuseUnrecordedEdits stops a rebase of a migration whose file autogen.sum does not hold as it is (edited,
 * filled in since `create`, or never listed): rebase writes the renamed file into the sum, which would record
 * that edit unreviewed and hide it from `check` (MIGRATION_CHANGED, MIGRATION_NOT_IN_SUM).
 */
function refuseUnrecordedEdits(dir: string, group: readonly MigrationFile[]): void {
  const sum = readSum(dir)
  if (sum.kind !== 'read') return
  for (const part of group) {
    const recorded = sum.entries.find((e) => e.fileName === part.fileName)?.hash
    if (recorded === migrationHash(part.source)) continue
    const unreviewed = 'which rebase would record unreviewed: review it, run `typeorm-autogen hash`, then rebase again'
    if (recorded === undefined) throw new UserError(`migration ${part.name} is not in ${migrationSumFileName} (written by hand or copied in?), ${unreviewed}`)
    const file = relative(process.cwd(), part.file)
    throw new UserError(`migration ${part.name} differs from its line in ${migrationSumFileName} (edited since?), ${unreviewed}; or restore it (git checkout -- ${file})`)
  }
}

/** snapshotRenamed is the folder's entities.snapshot.json naming its migration's new name, where `names` renames it. */
function snapshotRenamed(dir: string, names: ReadonlyMap<string, string>): FileToWrite[] {
  const snapshot = readEntitiesSnapshot(dir)
  const renamed = snapshot.kind === 'read' && snapshot.migration !== undefined ? names.get(snapshot.migration) : undefined
  if (snapshot.kind !== 'read' || renamed === undefined) return []
  return [{ fileName: entitiesSnapshotFileName, source: entitiesSnapshotSource(snapshot.facts, renamed), replace: true }]
}

/** partsOf is the migration and the other parts of its change, in their order; the migration alone where it is whole. */
function partsOf(target: MigrationFile, files: readonly MigrationFile[], dir: string): MigrationFile[] {
  const parts = readMigrationHeader(target.source).parts
  if (parts === undefined || !parts.includes(target.name!)) return [target]
  return parts.map((part) => {
    const file = files.find((f) => f.name === part)
    if (file === undefined) throw new UserError(`${target.name} is a part of one change with ${part}, which is not in ${dir}: rebase the parts together, once all are there`)
    return file
  })
}

/**
 * renamedMigration is the migration's file with `from`, its old timestamp, as `to` in its file name and in every
 * name that ends in it, and the other parts' names (`names`, old to new) where it mentions them.
 */
function renamedMigration(target: MigrationFile, from: string, to: string, names: ReadonlyMap<string, string>): { fileName: string; source: string; name: string } {
  const source = withNamesRenamed(target.source, new Map([...names, ...ownNamesRenamed(target, from, to)]))
  return { fileName: target.fileName.replace(from, to), source, name: `${target.name!.slice(0, -from.length)}${to}` }
}

/** ownNamesRenamed maps the migration's name and class name that end in `from`, its old timestamp, to their names ending in `to`. */
function ownNamesRenamed(target: MigrationFile, from: string, to: string): [string, string][] {
  const className = exportedClassName.exec(target.source)?.[1]
  const own = [...new Set([target.name!, ...(className === undefined ? [] : [className])])].filter((n) => n.endsWith(from))
  return own.map((n) => [n, `${n.slice(0, -from.length)}${to}`])
}

/** withNamesRenamed is `source` with each name of `renames` (old to new) renamed wherever it stands as a whole identifier. */
function withNamesRenamed(source: string, renames: ReadonlyMap<string, string>): string {
  let renamed = source
  for (const [old, next] of renames) renamed = renamed.replace(new RegExp(`(?<![\\w$])${old.replace(/\$/g, '\\$')}(?![\\w$])`, 'g'), next)
  return renamed
}

/**
 * indexesRenamed are the folder's indexes of its migrations (see migrationIndexesIn) that import a rebased
 * migration, with its file's import path and its names renamed, so that the DataSource that lists the
 * migrations from the index still loads.
 */
function indexesRenamed(dir: string, moves: readonly { part: MigrationFile; from: string; to: string; fileName: string }[]): FileToWrite[] {
  const names = new Map(moves.flatMap(({ part, from, to }) => ownNamesRenamed(part, from, to)))
  return migrationIndexesIn(dir).flatMap((index) => {
    let source = index.source
    for (const { part, fileName } of moves) {
      const path = `./${scriptBaseName(part.fileName)}`.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
      source = source.replace(new RegExp(`(['"])${path}(?=(?:\\.[cm]?[jt]s)?\\1)`, 'g'), `$1./${scriptBaseName(fileName)}`)
    }
    if (source === index.source) return []
    return [{ fileName: index.fileName, source: withNamesRenamed(source, names), replace: true }]
  })
}
