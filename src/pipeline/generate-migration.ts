import { join } from 'node:path'
import { warningsOf } from '../hazards/warning'
import { type MigrationPlan, namedPlan } from '../plan/migration-plan'
import { renderMigrationFile } from '../render/migration-file'
import { migrationClassName } from '../render/migration-name'
import type { LoadedProject } from '../source/load-config'
import { type CompareOptions, type Comparison, compareProject } from './compare-project'
import { entitiesSnapshotFileName, entitiesSnapshotSource } from './entities-snapshot'
import { UserError } from '../source/user-error'
import { contractDueText } from './expand-contract-finish'
import { contractPlan, expandPlan } from './expand-contract-plans'
import { refuseMigrationClash } from './migration-clash'
import { placedMigrationFormat } from './migrations-placement'
import { RenamesUnresolvedError } from './renames-unresolved-error'
import { shownBy, shownPlan } from './shown-findings'
import { splitAtCommits } from './split-at-commits'
import { type FileToWrite, writeAllWhole } from './write-whole'
import { postWrite } from './post-write'
import { newestApplied } from './unapplied-migrations'
import { migrationSumFileName, sumWithMigrations } from '../source/migration-sum'
import { nextMigrationTimestamp } from './next-migration-timestamp'

/** GenerateOptions decide renames and the strategy (see CompareOptions) and whether unresolved renames may lose data. */
export interface GenerateOptions extends CompareOptions {
  /** Write the drop and add of suspected renames nobody decided, instead of stopping. */
  readonly acceptDataLoss?: boolean
  /** Write nothing: the result names the files that would be written (`generate --dry-run`). */
  readonly dryRun?: boolean
}

/** GenerateResult says what `generate` found and, when there were changes, which files it wrote. */
export interface GenerateResult {
  readonly comparison: Comparison
  /** The migration written, the last when there are several (see `written`). */
  readonly plan: MigrationPlan
  /** Absolute path of the migration written, the last when there are several; undefined when there was nothing to write. */
  readonly file?: string
  /**
   * Every migration written, in the order they run: one, or more when the change is cut where a statement
   * must commit before later ones use it (see splitAtCommits).
   */
  readonly written: readonly { readonly plan: MigrationPlan; readonly file: string }[]
  /**
   * Absolute path of the entities.snapshot.json written: with every migration, and alone when the database
   * matches but the entities' declared facts differ from the folder's snapshot.
   */
  readonly snapshot?: string
}

/**
 * generateMigration compares the project's entities with its database and writes a migration file into the
 * migrations folder, beside it the entities' declared facts (entities.snapshot.json), and adds it to the
 * folder's autogen.sum (see sumWithMigrations). With no changes it writes nothing, or only the snapshot when
 * the facts changed. The files appear all, each whole, or none. A suspected rename nobody decided throws
 * RenamesUnresolvedError, writing nothing, unless `acceptDataLoss`. With strategy `expand-contract`, a
 * change that renames a column or changes a type riskily is written as its expand migration only, at
 * `timestamp`; strategy `contract` writes, once expand is applied, the contract migration that finishes it.
 * While an applied expand migration awaits its contract, other strategies refuse: their migration would
 * drop the old columns without copying what old code wrote into them.
 */
export async function generateMigration(
  project: LoadedProject,
  name: string,
  given?: number,
  options: GenerateOptions = {},
): Promise<GenerateResult> {
  return writePrepared(project, await prepareMigration(project, name, given, options), options)
}

/** PreparedMigration is what generateMigration writes, compared and rendered: writePrepared writes it. */
export interface PreparedMigration {
  readonly comparison: Comparison
  /** The migration planned, the last when there are several (see `plans`). */
  readonly plan: MigrationPlan
  /** The migrations to write, in the order they run; none when the database matches the entities. */
  readonly plans: readonly MigrationPlan[]
  /** Their files, then autogen.sum where the folder has one, then the snapshot; or the snapshot alone, or nothing. */
  readonly files: readonly FileToWrite[]
}

/**
 * prepareMigration is generateMigration up to its writing: it compares and renders, and writes nothing, so
 * that `generate --from-migrations` writes only once its scratch database is gone (after Ctrl-C, not at all).
 */
export async function prepareMigration(
  project: LoadedProject,
  name: string,
  given?: number,
  options: GenerateOptions = {},
): Promise<PreparedMigration> {
  const format = placedMigrationFormat(project)
  const comparison = await compareProject(project, { ...options, refuseUnappliedMigrations: true })
  if (comparison.contractDue.length > 0 && options.strategy !== 'contract') throw new UserError(contractDueText(comparison.contractDue))
  if (comparison.suspectedRenames.length > 0 && options.acceptDataLoss !== true) {
    throw new RenamesUnresolvedError(comparison.suspectedRenames)
  }
  const { known, applied } = comparison.history
  // A --timestamp another migration has is refused for that, which names the migration.
  if (given !== undefined) refuseMigrationClash(project.migrationsDir, [{ name, timestamp: given }], comparison.history, format)
  const timestamp = nextMigrationTimestamp([...known, ...applied], Date.now(), given)
  const plan = shownPlan(planned(comparison, name, timestamp), shownBy(project.settings))
  if (plan.up.length === 0) {
    return { comparison, plan, plans: [], files: comparison.snapshotOutdated ? [snapshotFile(comparison, newestApplied(comparison.history))] : [] }
  }
  const plans = splitAtCommits(plan, comparison.actual, comparison.dialect)
  refuseMigrationClash(project.migrationsDir, plans, comparison.history, format)
  const migrations = plans.map((p) => renderMigrationFile(p, format))
  const sum = sumWithMigrations(project.migrationsDir, project.migrationsInSubfolders, migrations)
  const files = [
    ...migrations,
    ...(sum === undefined ? [] : [{ fileName: migrationSumFileName, source: sum, replace: true }]),
    snapshotFile(comparison, migrationClassName(plans.at(-1)!.name, plans.at(-1)!.timestamp)),
  ]
  return { comparison, plan: plans.at(-1)!, plans, files }
}

/**
 * writePrepared writes a prepared migration's files whole into the migrations folder (see writeAllWhole), its
 * migrations as `autogen.postWrite` leaves them (see postWrite), or with `dryRun` only names them.
 */
export function writePrepared(project: LoadedProject, prepared: PreparedMigration, options: Pick<GenerateOptions, 'dryRun'> = {}): GenerateResult {
  const { comparison, plan, plans } = prepared
  const dir = project.migrationsDir
  const files = options.dryRun === true ? prepared.files.map((f) => join(dir, f.fileName)) : writeAllWhole(dir, postWritten(project, prepared))
  if (plans.length === 0) return { comparison, plan, written: [], ...(files.length > 0 && { snapshot: files[0] }) }
  const written = plans.map((p, i) => ({ plan: p, file: files[i]! }))
  return { comparison, plan, file: files[plans.length - 1], written, snapshot: files.at(-1) }
}

/** postWritten is a prepared migration's files with its migrations run through autogen.postWrite, and autogen.sum recording them so. */
function postWritten(project: LoadedProject, prepared: PreparedMigration): readonly FileToWrite[] {
  const count = prepared.plans.length
  if (count === 0 || (project.settings.postWrite ?? []).length === 0) return prepared.files
  const migrations = postWrite(project.settings, project.migrationsDir, prepared.files.slice(0, count))
  const sum = sumWithMigrations(project.migrationsDir, project.migrationsInSubfolders, migrations)
  return [...migrations, ...prepared.files.slice(count).map((f) => f.fileName === migrationSumFileName && sum !== undefined ? { ...f, source: sum } : f)]
}

/** planned is the one migration the comparison asks for: the contract, the expand, or the direct change. */
function planned(comparison: Comparison, name: string, timestamp: number): MigrationPlan {
  if (comparison.contract !== undefined) return contractPlan(comparison, comparison.contract, name, timestamp)
  if (comparison.expandContract?.expand !== undefined) return expandPlan(comparison, comparison.expandContract, name, timestamp)
  const direct = namedPlan(comparison, name, timestamp)
  return { ...direct, warnings: [...direct.warnings, ...warningsOf('KEPT_IN_PLACE', comparison.expandContract?.split.keptInPlace ?? [])] }
}

/** snapshotFile is the folder's snapshot of the comparison's declared facts, the entities of `migration`. */
function snapshotFile(comparison: Comparison, migration: string | undefined): FileToWrite {
  return { fileName: entitiesSnapshotFileName, source: entitiesSnapshotSource(comparison.declaredFacts, migration), replace: true }
}
