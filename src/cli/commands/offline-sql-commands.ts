import { dialectFor } from '../../dialect/dialect-for'
import { migrationScriptText } from '../../render/migration-script-text'
import { type MigrationScript, downgradeScript, upgradeScript } from '../../runner/migration-script'
import { readsUnknownRows } from '../../runner/recording-query-runner'
import type { DowngradeTarget, UpgradeTarget } from '../../runner/run-plan'
import { loadProject } from '../../source/load-config'
import { announceDatabase } from '../announce-database'
import { type CliOutput, printNote } from '../cli-output'
import { ExitCode } from '../exit-codes'
import type { RunnerArgs } from './runner-commands'

/** upgradeSqlCommand (`upgrade --sql`) prints the SQL `upgrade` would send, changing nothing. */
export async function upgradeSqlCommand(args: RunnerArgs & UpgradeTarget, output: CliOutput): Promise<number> {
  const project = await loadProject(args.config)
  announceDatabase(project, output, { toStderr: true, quiet: args.quiet })
  return printScript(await upgradeScript(project, args), project.dataSource.options, output)
}

/** downgradeSqlCommand (`downgrade --sql`) prints the SQL `downgrade` would send, changing nothing. */
export async function downgradeSqlCommand(args: RunnerArgs & DowngradeTarget, output: CliOutput): Promise<number> {
  const project = await loadProject(args.config)
  announceDatabase(project, output, { toStderr: true, quiet: args.quiet })
  return printScript(await downgradeScript(project, args), project.dataSource.options, output)
}

function printScript(script: MigrationScript, options: Parameters<typeof dialectFor>[0], output: CliOutput): number {
  output.out(migrationScriptText(script, dialectFor(options).migrationScript).trimEnd())
  const reading = [...new Set(script.entries.flatMap((e) => (e.kind === 'statement' && readsUnknownRows(e.call) && e.migration !== undefined ? [e.migration] : [])))]
  if (reading.length > 0) {
    printNote(output, `${reading.join(', ')} read${reading.length === 1 ? 's' : ''} the database while recorded, so the script may differ from a real run there (see the -- offline: comments)`)
  }
  return ExitCode.ok
}
