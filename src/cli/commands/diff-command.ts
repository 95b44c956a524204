import { compareProject } from '../../pipeline/compare-project'
import { planOf } from '../../pipeline/generate-migration'
import { type ReportFormat, renderReport } from '../../render/report'
import { loadProject } from '../../source/load-config'
import { announceDatabase } from '../announce-database'
import type { CliOutput } from '../cli-output'
import { ExitCode } from '../exit-codes'
import { parseRenameFlags } from '../rename-flag'

export interface DiffArgs {
  readonly config: string
  readonly format: ReportFormat
  /** `--rename` values: `table.old=new` or `old_table=new_table`. */
  readonly rename?: readonly string[]
}

/** diffCommand prints what `generate` would write, writing nothing. */
export async function diffCommand(args: DiffArgs, output: CliOutput): Promise<number> {
  const renames = parseRenameFlags(args.rename)
  const project = await loadProject(args.config)
  announceDatabase(project, output, { toStderr: args.format !== 'text' })
  const comparison = await compareProject(project, { renames })
  output.out(renderReport(planOf(comparison, 'Pending', 0), args.format))
  return ExitCode.ok
}
