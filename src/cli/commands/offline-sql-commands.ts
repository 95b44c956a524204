import { dialectFor } from '../../dialect/dialect-for'
import { migrationScriptText } from '../../render/migration-script-text'
import { type MigrationScript, downgradeScript, upgradeScript } from '../../runner/migration-script'
import type { DowngradeTarget, UpgradeTarget } from '../../runner/run-plan'
import { type LoadedProject, loadProject } from '../../source/load-config'
import { announceDatabase } from '../announce-database'
import { type CliOutput, printNote } from '../cli-output'
import { withConsoleOnStderr } from '../console-on-stderr'
import { ExitCode } from '../exit-codes'
import type { RunnerArgs } from './runner-commands'

/** upgradeSqlCommand (`upgrade --sql`) prints the SQL `upgrade` would send, changing nothing. */
export async function upgradeSqlCommand(args: RunnerArgs & UpgradeTarget, output: CliOutput): Promise<number> {
  return printRecorded(args, output, (project) => upgradeScript(project, args))
}

/** downgradeSqlCommand (`downgrade --sql`) prints the SQL `downgrade` would send, changing nothing. */
export async function downgradeSqlCommand(args: RunnerArgs & DowngradeTarget, output: CliOutput): Promise<number> {
  return printRecorded(args, output, (project) => downgradeScript(project, args))
}

/** printRecorded prints the script `record` makes, with what the project prints meanwhile kept out of it. */
async function printRecorded(args: RunnerArgs, output: CliOutput, record: (project: LoadedProject) => Promise<MigrationScript>): Promise<number> {
  const { project, script } = await withConsoleOnStderr(async () => {
    const project = await loadProject(args.config)
    announceDatabase(project, output, { toStderr: true, quiet: args.quiet })
    return { project, script: await record(project) }
  })
  return printScript(script, project.dataSource.options, output)
}

function printScript(script: MigrationScript, options: Parameters<typeof dialectFor>[0], output: CliOutput): number {
  output.out(migrationScriptText(script, dialectFor(options).migrationScript).trimEnd())
  const reading = [...new Set(script.entries.flatMap((e) => (e.kind === 'statement' && e.call.resultRead && e.migration !== undefined ? [e.migration] : [])))]
  if (reading.length > 0) {
    printNote(output, `${reading.join(', ')} read${reading.length === 1 ? 's' : ''} the database while recorded, so the script may differ from a real run there (see the -- offline: comments)`)
  }
  return ExitCode.ok
}
