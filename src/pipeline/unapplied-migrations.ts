import { type Warning, warningsOf } from '../hazards/warning'
import type { DataSource } from 'typeorm'
import type { DatabaseConnection, Dialect } from '../dialect/dialect'
import { knownMigrations } from '../runner/migration-runner'
import { inRunOrder } from '../runner/migration-target'
import { UserError } from '../source/user-error'
import { readingMigrationsTable } from '../runner/unreadable-migrations-table'
import { migrationsTableOf } from './ignored-tables'
import { newestOf } from './migration-order'

/** MigrationHistory is what the project and its database each know of the migrations. */
export interface MigrationHistory {
  /** Names recorded in the database's migrations table. */
  readonly applied: readonly string[]
  /** The project's migrations: the DataSource's loaded ones, then the other files of the migrations folder. */
  readonly known: readonly string[]
  /** Known migrations the database has not applied: a diff repeats their changes. */
  readonly unapplied: readonly string[]
  /** Applied migrations the project does not have (another branch's): a diff reverts their changes. */
  readonly unknown: readonly string[]
}

/** historyOf compares the project's known migrations with the names the database recorded. */
export function historyOf(known: readonly string[], applied: readonly string[]): MigrationHistory {
  const recorded = new Set(applied)
  const knownSet = new Set(known)
  return {
    applied,
    known,
    unapplied: known.filter((name) => !recorded.has(name)),
    unknown: applied.filter((name) => !knownSet.has(name)),
  }
}

/**
 * migrationHistory reads the applied names with one query on `connection` and compares them with the project's.
 * Where the runner does not load the folder (`runsFolder`, see runsMigrationsFolder), a file of it the
 * DataSource does not load is known but never pending: `upgrade` would not run it.
 */
export async function migrationHistory(
  dataSource: DataSource,
  loadedMigrations: readonly string[],
  migrationsDir: string,
  subfolders: boolean,
  runsFolder: boolean,
  dialect: Dialect,
  connection: DatabaseConnection,
): Promise<MigrationHistory> {
  const applied = await appliedMigrationNames(dataSource, dialect, connection)
  const history = historyOf(knownMigrations(loadedMigrations, migrationsDir, subfolders), applied)
  if (runsFolder) return history
  const loaded = new Set(loadedMigrations)
  return { ...history, unapplied: history.unapplied.filter((name) => loaded.has(name)) }
}

/**
 * appliedMigrationNames reads the names recorded in the DataSource's migrations table on `connection`, none
 * when it does not exist; a user who cannot read it is told what to grant (see readingMigrationsTable).
 */
export function appliedMigrationNames(dataSource: DataSource, dialect: Dialect, connection: DatabaseConnection): Promise<readonly string[]> {
  return readingMigrationsTable(dataSource, () => dialect.appliedMigrations(connection, migrationsTableOf(dataSource), dataSource.options))
}

/** historyWarnings are the sentences about migrations the database and the project disagree on. */
export function historyWarnings(history: MigrationHistory): Warning[] {
  return [
    ...warningsOf('UNKNOWN_MIGRATIONS', history.unknown.length > 0 ? [unknownText(history.unknown)] : []),
    ...warningsOf('UNAPPLIED_MIGRATIONS', history.unapplied.length > 0 ? [unappliedText(history.unapplied)] : []),
  ]
}

/** unappliedText is the sentence that tells what unapplied migrations mean and what to do. */
export function unappliedText(names: readonly string[]): string {
  const last = inRunOrder(names).at(-1)!
  return `${counted(names, 'is', 'are')} not applied to the database yet (${listedMigrations(names)}): run \`typeorm-autogen upgrade\` first, ` +
    `or a new migration would repeat their changes; where the database has them already (made by synchronize or by hand), ` +
    `record them with \`typeorm-autogen stamp ${last}\` instead`
}

/** unknownText is the sentence that tells what applied migrations without a file mean and what to do. */
export function unknownText(names: readonly string[]): string {
  return `${appliedNotHere(names)}, or the new migration reverts ${names.length === 1 ? 'its' : 'their'} changes`
}

/**
 * unknownAtUpgradeText is the sentence `upgrade` warns with of applied migrations without a file; where the project
 * has none at all, the DataSource's migrations option more likely misses them (run from another folder).
 */
export function unknownAtUpgradeText(names: readonly string[], noneKnown: boolean, cwd = process.cwd()): string {
  const why = noneKnown ? `; the project has no migration at all: check the DataSource's migrations option, whose globs are read against ${cwd}` : ''
  return `${appliedNotHere(names)}${why}`
}

/** appliedNotHere says that migrations are applied to the database but not in the project, and how to get them. */
function appliedNotHere(names: readonly string[]): string {
  return `${counted(names, 'is', 'are')} applied to the database but not in this project (${listedMigrations(names)}): switch branch or pull to get ${names.length === 1 ? 'it' : 'them'}`
}

/**
 * refuseUnapplied stops `generate` on a database whose migrations and the project's differ: applied ones the
 * project lacks, or the project's not applied yet, as Alembic does.
 */
export function refuseUnapplied(history: MigrationHistory): void {
  if (history.unknown.length > 0) throw new UserError(unknownText(history.unknown))
  if (history.unapplied.length > 0) throw new UserError(unappliedText(history.unapplied))
}

function counted(names: readonly string[], one: string, many: string): string {
  return `${names.length} migration${names.length === 1 ? ` ${one}` : `s ${many}`}`
}

/** listedMigrations names at most three migrations, and how many more there are. */
export function listedMigrations(names: readonly string[]): string {
  return names.length <= 3 ? names.join(', ') : `${names.slice(0, 3).join(', ')} and ${names.length - 3} more`
}

/** atLastMigration says whether the database has applied every migration of the project and no other. */
export function atLastMigration(history: MigrationHistory): boolean {
  return history.unapplied.length === 0 && history.unknown.length === 0
}

/** newestApplied is the name of the applied migration with the latest timestamp, else the last one recorded. */
export function newestApplied(history: MigrationHistory): string | undefined {
  return newestOf(history.applied)?.name ?? history.applied.at(-1)
}
