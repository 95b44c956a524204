import { mkdirSync, renameSync, writeFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import type { MigrationPlan } from '../render/migration-plan'
import { renderMigrationFile } from '../render/migration-file'
import type { LoadedProject } from '../source/load-config'
import { UserError } from '../source/user-error'
import { type CompareOptions, type Comparison, compareProject } from './compare-project'
import { expandContractPlans } from './expand-contract-plans'
import { RenamesUnresolvedError } from './renames-unresolved-error'

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
}

/**
 * generateMigration compares the project's entities with its database and writes a migration file into the
 * migrations folder. With no changes it writes nothing. The file appears whole or not at all. A suspected
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
  const comparison = await compareProject(project, { ...options, refuseUnappliedMigrations: true })
  if (comparison.suspectedRenames.length > 0 && options.acceptDataLoss !== true) {
    throw new RenamesUnresolvedError(comparison.suspectedRenames)
  }
  if (comparison.expandContract?.phases !== undefined) {
    const pair = expandContractPlans(comparison, comparison.expandContract, name, timestamp)
    const rendered = [pair.expand, pair.contract].map(renderMigrationFile)
    const expandFile = writeWhole(project.migrationsDir, rendered[0]!.fileName, rendered[0]!.source)
    try {
      const contractFile = writeWhole(project.migrationsDir, rendered[1]!.fileName, rendered[1]!.source)
      return { comparison, plan: pair.expand, file: expandFile, contract: { plan: pair.contract, file: contractFile } }
    } catch (err) {
      removeQuietly(expandFile)
      throw err
    }
  }
  const direct = planOf(comparison, name, timestamp)
  const kept = comparison.expandContract?.split.keptInPlace ?? []
  const plan = { ...direct, warnings: [...direct.warnings, ...kept] }
  if (comparison.up.length === 0) return { comparison, plan }
  const { fileName, source } = renderMigrationFile(plan)
  return { comparison, plan, file: writeWhole(project.migrationsDir, fileName, source) }
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

function writeWhole(dir: string, fileName: string, source: string): string {
  const file = join(dir, fileName)
  const temporary = join(dir, `.${fileName}.partial`)
  try {
    mkdirSync(dir, { recursive: true })
    writeFileSync(temporary, source, { flag: 'wx' })
    renameSync(temporary, file)
    return file
  } catch (err) {
    removeQuietly(temporary)
    const reason = (err as NodeJS.ErrnoException).code ?? (err as Error).message
    throw new UserError(
      `cannot write ${fileName} into the migrations folder ${dir} (${reason}): make it writable or set autogen.migrationsDir`,
      { cause: err },
    )
  }
}

function removeQuietly(file: string): void {
  try {
    rmSync(file, { force: true })
  } catch {
    // Nothing was written there, or the folder is not one: there is nothing to clean up.
  }
}
