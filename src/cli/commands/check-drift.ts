import { dialectFor } from '../../dialect/dialect-for'
import { compareDrift } from '../../pipeline/drift'
import { renderReport } from '../../render/report'
import { loadProject } from '../../source/load-config'
import { announceDatabase } from '../announce-database'
import { type CliOutput, paintsOf } from '../cli-output'
import { ExitCode } from '../exit-codes'
import type { ScratchArgs } from './check-from-migrations'

/**
 * checkDriftCommand exits 0 when the live database has the schema its applied migrations build, and 4
 * (drift) when it differs, printing each difference and the changes as a report. It never changes the live
 * database and never offers to.
 */
export async function checkDriftCommand(args: ScratchArgs, output: CliOutput): Promise<number> {
  const project = await loadProject(args.config)
  announceDatabase(project, output, { toStderr: args.format !== 'text', quiet: args.quiet })
  const drift = await compareDrift(project, args.shadowUrl)
  // No verdict for github: there it would read the changes as a missing migration; each drift is its own annotation.
  const report = (verdict: string) => renderReport(drift.plan, args.format, args.direction, paintsOf(output).out, {
    problems: drift.findings,
    ...(args.format === 'markdown' && { verdict }),
    ...(args.format === 'sql' && { script: dialectFor(project.dataSource.options).migrationScript }),
  })
  if (drift.findings.length === 0) {
    const ok = 'OK: the live database has the schema its applied migrations build.'
    if (args.format === 'json' || args.format === 'markdown' || args.format === 'github') output.out(report(ok))
    else if (args.format === 'sql') output.err(ok)
    else output.out(paintsOf(output).out('ok', ok))
    return ExitCode.ok
  }
  const verdict = 'Drift: the live database differs from the schema its applied migrations build (changed by hand). To keep a change, write a migration that makes it (its SQL is below), so that every database gets it.'
  if (args.format !== 'json') {
    output.err(verdict)
    for (const finding of drift.findings) output.err(`drift: ${finding.message}`)
  }
  output.out(report(verdict))
  return ExitCode.drift
}
