import type { MigrationPlan } from '../render/migration-plan'
import { renderMigrationFile } from '../render/migration-file'
import type { LoadedProject } from '../source/load-config'
import { type CompareOptions, type Comparison, compareProject } from './compare-project'
import { entitiesSnapshotFileName, entitiesSnapshotSource } from './entities-snapshot'
import { expandContractPlans } from './expand-contract-plans'
import { refuseMigrationClash } from './migration-clash'
import { refuseUnplaceableMigrations } from './migrations-placement'
import { RenamesUnresolvedError } from './renames-unresolved-error'
import { removeQuietly, writeWhole } from './write-whole'

/** GenerateOptions decide renames and the strategy (see CompareOptions) and whether unresolved renames may lose data. */
export interface GenerateOptions extends CompareOptions {
  /** Write the drop and add of suspected renames nobody decided, instead of stopping. */
  readonly acceptDataLoss?: boolean
}

/** GenerateResult says what `generate` found and, when there were changes, which file it wrote. */
export interface GenerateResult {
  readonly comparison: Comparison
  /** The migration written; with expand and contract, the expand migration. */
  readonly plan: MigrationPlan
  /** Absolute path of the written file; undefined when there was nothing to write. */
  readonly file?: string
  /** With strategy `expand-contract`, when something moved: the contract migration, written after `file`. */
  readonly contract?: { readonly plan: MigrationPlan; readonly file: string }
  /**
   * Absolute path of the entities.snapshot.json written: with every migration, and alone when the database
   * matches but the entities' declared facts differ from the folder's snapshot.
   */
  readonly snapshot?: string
}

/**
 * generateMigration compares the project's entities with its database and writes a migration file into the
 * migrations folder, and beside it the entities' declared facts (entities.snapshot.json). With no changes it
 * writes nothing, or only the snapshot when the facts changed. Each file appears whole or not at all. A suspected
 * rename nobody decided throws RenamesUnresolvedError, writing nothing, unless `acceptDataLoss`. With
 * strategy `expand-contract`, a change that renames a column or changes a type riskily is written as two
 * migrations, expand at `timestamp` and contract at `timestamp + 1` (both or neither); anything else as one.
 */
export async function generateMigration(
  project: LoadedProject,
  name: string,
  timestamp: number = Date.now(),
  options: GenerateOptions = {},
): Promise<GenerateResult> {
  refuseUnplaceableMigrations(project)
  const comparison = await compareProject(project, { ...options, refuseUnappliedMigrations: true })
  if (comparison.suspectedRenames.length > 0 && options.acceptDataLoss !== true) {
    throw new RenamesUnresolvedError(comparison.suspectedRenames)
  }
  if (comparison.expandContract?.phases !== undefined) {
    const pair = expandContractPlans(comparison, comparison.expandContract, name, timestamp)
    refuseMigrationClash(project.migrationsDir, [pair.expand, pair.contract], comparison.history)
    const rendered = [pair.expand, pair.contract].map(renderMigrationFile)
    const expandFile = writeWhole(project.migrationsDir, rendered[0]!.fileName, rendered[0]!.source)
    try {
      const contractFile = writeWhole(project.migrationsDir, rendered[1]!.fileName, rendered[1]!.source)
      const snapshot = writeSnapshot(project, comparison, [expandFile, contractFile])
      return { comparison, plan: pair.expand, file: expandFile, contract: { plan: pair.contract, file: contractFile }, snapshot }
    } catch (err) {
      removeQuietly(expandFile)
      throw err
    }
  }
  const direct = planOf(comparison, name, timestamp)
  const kept = comparison.expandContract?.split.keptInPlace ?? []
  const plan = { ...direct, warnings: [...direct.warnings, ...kept] }
  if (comparison.up.length === 0) {
    return comparison.snapshotOutdated ? { comparison, plan, snapshot: writeSnapshot(project, comparison, []) } : { comparison, plan }
  }
  refuseMigrationClash(project.migrationsDir, [plan], comparison.history)
  const { fileName, source } = renderMigrationFile(plan)
  const file = writeWhole(project.migrationsDir, fileName, source)
  return { comparison, plan, file, snapshot: writeSnapshot(project, comparison, [file]) }
}

/** planOf names a comparison's changes as a migration. */
export function planOf(comparison: Comparison, name: string, timestamp: number): MigrationPlan {
  return {
    name,
    timestamp,
    up: comparison.up,
    upStatements: comparison.upStatements,
    downStatements: comparison.downStatements,
    warnings: comparison.warnings,
    hazards: comparison.hazards,
  }
}

/** writeSnapshot writes the comparison's declared facts as the folder's snapshot; failing, it removes `written`. */
function writeSnapshot(project: LoadedProject, comparison: Comparison, written: readonly string[]): string {
  try {
    return writeWhole(project.migrationsDir, entitiesSnapshotFileName, entitiesSnapshotSource(comparison.declaredFacts), { replace: true })
  } catch (err) {
    for (const file of written) removeQuietly(file)
    throw err
  }
}
