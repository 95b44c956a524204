import { type Comparison, compareProject } from '../../pipeline/compare-project'
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
  /** The statements shown: of `up` (default), of `down`, or (format `text`) both. */
  readonly direction?: ReportDirection
  /** `--rename` values: `table.old=new` or `old_table=new_table`. */
  readonly rename?: readonly string[]
  /** `--quiet`: only the essentials (no Database line, warnings or notes). */
  readonly quiet?: boolean
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
  const project = await loadProject(args.config)
  announceDatabase(project, output, { toStderr: args.format !== 'text', quiet: args.quiet })
  const comparison = await compareProject(project, { renames })
  const shown = shownBy(project.settings, args.quiet)
  return { project, comparison, shown, plan: shownPlan(namedPlan(comparison, 'Pending', 0), shown) }
}
