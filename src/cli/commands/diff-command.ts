import { unenforcedSizesNote } from '../../hazards/no-effect-rules'
import { compareProject } from '../../pipeline/compare-project'
import { planOf } from '../../pipeline/generate-migration'
import { type ReportFormat, type ReportDirection, renderReport } from '../../render/report'
import { loadProject } from '../../source/load-config'
import { announceDatabase } from '../announce-database'
import { warningLine } from '../../hazards/warning'
import type { CliOutput } from '../cli-output'
import { ExitCode } from '../exit-codes'
import { parseRenameFlags } from '../rename-flag'

export interface DiffArgs {
  readonly config: string
  readonly format: ReportFormat
  /** The statements shown: of `up` (default), of `down`, or (format `text`) both. */
  readonly direction?: ReportDirection
  /** `--rename` values: `table.old=new` or `old_table=new_table`. */
  readonly rename?: readonly string[]
}

/**
 * diffCommand prints what `generate` would write, writing nothing. With format `sql`, stdout holds only the
 * script of one direction (nothing without changes) and the warnings go to stderr. Where the database does
 * not enforce declared sizes, a note on stderr says so, once for the project (migration files do not).
 */
export async function diffCommand(args: DiffArgs, output: CliOutput): Promise<number> {
  const renames = parseRenameFlags(args.rename)
  const project = await loadProject(args.config)
  announceDatabase(project, output, { toStderr: args.format !== 'text' })
  const comparison = await compareProject(project, { renames })
  const report = renderReport(planOf(comparison, 'Pending', 0), args.format, args.direction)
  if (args.format === 'sql') for (const warning of comparison.warnings) output.err(`warning: ${warningLine(warning)}`)
  if (report !== '') output.out(report)
  const sizes = unenforcedSizesNote(comparison.dialect.capabilities, comparison.desired)
  if (sizes !== undefined && args.format !== 'json') output.err(`note: ${sizes}`)
  return ExitCode.ok
}
