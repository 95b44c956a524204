import { pendingHazardLines, pendingHazards } from '../../pipeline/pending-hazards'
import { shownBy } from '../../pipeline/shown-findings'
import { type MigrationStatus, downgrade, migrationStatus, upgrade } from '../../runner/migration-runner'
import { loadProject } from '../../source/load-config'
import { announceDatabase } from '../announce-database'
import { type CliOutput, paintsOf } from '../cli-output'
import type { Paint } from '../../render/paint'
import { ExitCode } from '../exit-codes'

export interface RunnerArgs {
  readonly config: string
  /** `--quiet`: only the essentials (no Database line, hazards below `warning`). */
  readonly quiet?: boolean
}

/**
 * upgradeCommand applies every pending migration with TypeORM's runner. First it prints, as warnings, the
 * hazards of the pending migration files that no reviewer accepted; they do not stop it.
 */
export async function upgradeCommand(args: RunnerArgs, output: CliOutput): Promise<number> {
  const project = await loadProject(args.config)
  announceDatabase(project, output, { creates: true, quiet: args.quiet })
  const shown = shownBy(project.settings, args.quiet)
  const applied = await upgrade(project, (pending) => {
    for (const line of pendingHazardLines(pendingHazards(project.migrationsDir, pending, shown))) output.err(line)
  })
  output.out(applied.length === 0 ? 'Up to date: no pending migrations.' : applied.map((name) => `Applied ${name}`).join('\n'))
  if (applied.length > 1 && args.quiet !== true) output.out(paintsOf(output).out('ok', `${applied.length} migrations applied`))
  return ExitCode.ok
}

/** downgradeCommand reverts the last applied migration. */
export async function downgradeCommand(args: RunnerArgs, output: CliOutput): Promise<number> {
  const project = await loadProject(args.config)
  announceDatabase(project, output, { creates: true, quiet: args.quiet })
  const reverted = await downgrade(project)
  output.out(reverted === undefined ? 'Nothing to revert: no migration is applied.' : `Reverted ${reverted}`)
  return ExitCode.ok
}

/**
 * statusCommand lists the migrations with whether each is applied, and as unknown the applied ones the project
 * lacks, then warns of the unaccepted hazards of the pending ones.
 */
export async function statusCommand(args: RunnerArgs, output: CliOutput): Promise<number> {
  const project = await loadProject(args.config)
  announceDatabase(project, output, { creates: true, quiet: args.quiet })
  const migrations = await migrationStatus(project)
  if (migrations.length === 0) output.out('No migrations.')
  for (const m of migrations) output.out(statusLine(m, paintsOf(output).out))
  const pending = migrations.filter((m) => !m.applied).map((m) => m.name)
  const shown = shownBy(project.settings, args.quiet)
  for (const line of pendingHazardLines(pendingHazards(project.migrationsDir, pending, shown))) output.err(line)
  return ExitCode.ok
}

function statusLine(m: MigrationStatus, paint: Paint): string {
  if (!m.inProject) return `${paint('danger', '[unknown]')} ${m.name} (applied to the database, no file: switch branch or pull)`
  return `${m.applied ? paint('ok', '[applied]') : paint('warning', '[pending]')} ${m.name}`
}
