import { compareProject } from '../../pipeline/compare-project'
import { planOf } from '../../pipeline/generate-migration'
import { type ReportFormat, renderReport } from '../../render/report'
import { loadProject } from '../../source/load-config'
import type { CliOutput } from '../cli-output'
import { ExitCode } from '../exit-codes'
import { parseRenameFlags } from '../rename-flag'

export interface CheckArgs {
  readonly config: string
  readonly format: ReportFormat
  /** `--rename` values: `table.old=new` or `old_table=new_table`. */
  readonly rename?: readonly string[]
}

/**
 * checkCommand exits 0 when the database matches the entities and 1, printing the changes, when a migration
 * is missing or the entities declare a table twice, differently (DECLARATION_CONFLICT).
 */
export async function checkCommand(args: CheckArgs, output: CliOutput): Promise<number> {
  const renames = parseRenameFlags(args.rename)
  const comparison = await compareProject(await loadProject(args.config), { renames })
  const plan = planOf(comparison, 'Pending', 0)
  if (comparison.up.length === 0 && comparison.hazards.length > 0) {
    if (args.format !== 'json') output.err('The database matches the entities, but the entities declare a table twice, differently: make the declarations agree.')
    output.out(renderReport(plan, args.format))
    return ExitCode.changesMissing
  }
  if (comparison.up.length === 0) {
    if (args.format === 'json') output.out(renderReport(plan, 'json'))
    else {
      output.out('OK: the database matches the entities.')
      for (const warning of comparison.warnings) output.err(`warning: ${warning}`)
    }
    return ExitCode.ok
  }
  if (args.format !== 'json') output.err('A migration is missing: the entities differ from the database. Run `typeorm-autogen generate <Name>`.')
  output.out(renderReport(plan, args.format))
  return ExitCode.changesMissing
}
