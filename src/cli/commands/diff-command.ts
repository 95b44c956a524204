import { unenforcedSizesNote } from '../../hazards/no-effect-rules'
import { compareProject } from '../../pipeline/compare-project'
import { namedPlan } from '../../plan/migration-plan'
import { isShown, shownBy, shownPlan } from '../../pipeline/shown-findings'
import { runSummary } from '../../render/run-summary'
import { type ReportFormat, type ReportDirection, renderReport } from '../../render/report'
import { loadProject } from '../../source/load-config'
import { announceDatabase } from '../announce-database'
import { warningLine } from '../../hazards/warning'
import { type CliOutput, paintsOf, printNote, printSummary, printWarning } from '../cli-output'
import { ExitCode } from '../exit-codes'
import { parseRenameFlags } from '../rename-flag'

export interface DiffArgs {
  readonly config: string
  readonly format: ReportFormat
  /** The statements shown: of `up` (default), of `down`, or (format `text`) both. */
  readonly direction?: ReportDirection
  /** `--rename` values: `table.old=new` or `old_table=new_table`. */
  readonly rename?: readonly string[]
  /** `--quiet`: only the essentials (no Database line, warnings or notes). */
  readonly quiet?: boolean
}

/**
 * diffCommand prints what `generate` would write, writing nothing. With format `sql`, stdout holds only the
 * script of one direction (nothing without changes) and the warnings go to stderr. Where the database does
 * not enforce declared sizes, a note on stderr says so, once for the project (migration files do not).
 */
export async function diffCommand(args: DiffArgs, output: CliOutput): Promise<number> {
  const renames = parseRenameFlags(args.rename)
  const project = await loadProject(args.config)
  announceDatabase(project, output, { toStderr: args.format !== 'text', quiet: args.quiet })
  const comparison = await compareProject(project, { renames })
  const shown = shownBy(project.settings, args.quiet)
  const plan = shownPlan(namedPlan(comparison, 'Pending', 0), shown)
  const report = renderReport(plan, args.format, args.direction, paintsOf(output).out)
  if (args.format === 'sql') for (const warning of plan.warnings) printWarning(output, warningLine(warning))
  if (report !== '') output.out(report)
  const sizes = unenforcedSizesNote(comparison.dialect.capabilities, comparison.desired)
  if (sizes !== undefined && args.format !== 'json' && isShown({ code: 'NO_SCHEMA_EFFECT', severity: 'info' }, shown)) printNote(output, sizes)
  if (args.format === 'text' && args.quiet !== true) printSummary(output, runSummary([plan]))
  return ExitCode.ok
}
