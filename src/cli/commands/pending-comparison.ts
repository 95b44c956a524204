import { type CompareOptions, type Comparison, compareProject } from '../../pipeline/compare-project'
import { type Shown, shownBy, shownPlan } from '../../pipeline/shown-findings'
import { type MigrationPlan, namedPlan } from '../../plan/migration-plan'
import type { ReportDirection, ReportFormat } from '../../render/report'
import { type LoadedProject, loadProject } from '../../source/load-config'
import { announceDatabase } from '../announce-database'
import type { CliOutput } from '../cli-output'
import { parseRenameFlags } from '../rename-flag'

/** ComparisonArgs are the arguments `diff` and `check` share. */
export interface ComparisonArgs {
  readonly config: string
  readonly format: ReportFormat
  /** The statements shown: of `up` (default), of `down`, or (format `text`) both; `json` and `markdown` hold both. */
  readonly direction?: ReportDirection
  /** `--rename` values: `table.old=new` or `old_table=new_table`. */
  readonly rename?: readonly string[]
  /** `--quiet`: only the essentials (no Database line, warnings or notes). */
  readonly quiet?: boolean
  /** `--online` (diff): the changes to existing tables in their online forms, as `generate --online` writes them; default autogen.online. */
  readonly online?: boolean
}

/** PendingComparison is what `diff` and `check` show: the comparison, and its pending plan as the settings let it be shown. */
export interface PendingComparison {
  readonly project: LoadedProject
  readonly comparison: Comparison
  readonly shown: Shown
  readonly plan: MigrationPlan
}

/**
 * comparePending loads the project, names its database (on stderr for formats other than text), compares it
 * with the entities and keeps of the pending plan what the settings and `--quiet` show.
 */
export async function comparePending(args: ComparisonArgs, output: CliOutput): Promise<PendingComparison> {
  const renames = parseRenameFlags(args.rename)
  // The github format points at the entities' source lines, which only TypeORM's metadata holds.
  const project = await loadProject(args.config, { entityCache: args.format !== 'github' })
  announceDatabase(project, output, { toStderr: args.format !== 'text', quiet: args.quiet })
  return compareLoaded(project, args, { renames, ...((args.online ?? project.settings.online) === true && { online: true }) })
}

/** compareLoaded compares a loaded project's database with its entities and keeps of the pending plan what the settings and `--quiet` show. */
export async function compareLoaded(project: LoadedProject, args: ComparisonArgs, options: CompareOptions): Promise<PendingComparison> {
  const comparison = await compareProject(project, options)
  const shown = shownBy(project.settings, args.quiet)
  // While a contract is due, what is pending is that contract, not the direct diff (which drops the new columns).
  const pending = comparison.contract !== undefined && options.strategy === undefined
    ? namedPlan({ ...comparison.contract.plan, warnings: [...comparison.warnings, ...comparison.contract.plan.warnings] }, 'Pending', 0)
    : namedPlan(comparison, 'Pending', 0)
  return { project, comparison, shown, plan: shownPlan(pending, shown) }
}
