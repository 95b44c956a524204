import { downgrade, migrationStatus, upgrade } from '../../runner/migration-runner'
import { loadProject } from '../../source/load-config'
import type { CliOutput } from '../cli-output'
import { ExitCode } from '../exit-codes'

export interface RunnerArgs {
  readonly config: string
}

/** upgradeCommand applies every pending migration with TypeORM's runner. */
export async function upgradeCommand(args: RunnerArgs, output: CliOutput): Promise<number> {
  const applied = await upgrade(await loadProject(args.config))
  output.out(applied.length === 0 ? 'Up to date: no pending migrations.' : applied.map((name) => `Applied ${name}`).join('\n'))
  return ExitCode.ok
}

/** downgradeCommand reverts the last applied migration. */
export async function downgradeCommand(args: RunnerArgs, output: CliOutput): Promise<number> {
  const reverted = await downgrade(await loadProject(args.config))
  output.out(reverted === undefined ? 'Nothing to revert: no migration is applied.' : `Reverted ${reverted}`)
  return ExitCode.ok
}

/** statusCommand lists the migrations with whether each is applied. */
export async function statusCommand(args: RunnerArgs, output: CliOutput): Promise<number> {
  const migrations = await migrationStatus(await loadProject(args.config))
  if (migrations.length === 0) output.out('No migrations.')
  for (const m of migrations) output.out(`${m.applied ? '[applied]' : '[pending]'} ${m.name}`)
  return ExitCode.ok
}
