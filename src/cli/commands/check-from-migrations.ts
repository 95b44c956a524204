import { relative } from 'node:path'
import { applyPending } from '../../runner/migration-runner'
import { revertAll } from '../../runner/revert-all'
import { type ScratchProject, withScratchDatabase } from '../../runner/scratch-database'
import { setAsideUnrunnable } from '../../runner/unrunnable-migrations'
import { withFailingStatement } from '../../runner/failing-statement'
import { withMissingBaselineAdvice } from '../../runner/missing-baseline'
import { loadProject } from '../../source/load-config'
import { migrationNamesIn } from '../../source/migration-files'
import type { CliOutput } from '../cli-output'
import { parseRenameFlags } from '../rename-flag'
import { type CheckArgs, contractDueAdvice, folderChecksOf, reportPending } from './check-command'
import { compareLoaded } from './pending-comparison'

/** ScratchArgs are the arguments of `check --from-migrations` and `check --drift`. */
export interface ScratchArgs extends CheckArgs {
  /** `--shadow-url`: the server (and credentials) to make the scratch database on. */
  readonly shadowUrl?: string
}

/**
 * checkFromMigrationsCommand builds a scratch database from the migrations folder with TypeORM's runner
 * and compares the entities with it as `check` compares them with the live database (exit 0 or 1). On the
 * same database it checks the folder: every migration runs, reverting them all empties the schema, and (where the dialect allows a key on a missing table) no `down` leaves one there
 * (exit 5 otherwise, see CheckFinding). A migration that fails is an error naming it and its statement.
 */
export async function checkFromMigrationsCommand(args: ScratchArgs, output: CliOutput): Promise<number> {
  const renames = parseRenameFlags(args.rename)
  const project = await loadProject(args.config)
  // Reported once the scratch database is dropped: after Ctrl-C, what failed as it was dropped is not a finding.
  const { pending, notRun, notReverted } = await withScratchDatabase(project, args.shadowUrl, async (scratch) => {
    announceScratch(scratch, args, output)
    const notRun = setAsideUnrunnable(scratch.dataSource, project.migrationsDir, project.migrationsInSubfolders)
    await buildFromMigrations(scratch)
    // The scratch database holds none of the user's rows: counts taken there would say a drop loses nothing.
    const pending = await compareLoaded(scratch.project, args, { renames, connect: scratch.connect, countRows: false })
    return { pending, notRun, notReverted: await revertAll(scratch, pending.comparison.desired.schemas) }
  })
  // The runner applies every migration it can: those it did not are findings, not pending migrations.
  const plan = { ...pending.plan, warnings: pending.plan.warnings.filter((w) => w.code !== 'UNAPPLIED_MIGRATIONS') }
  // No database here has applied any migration: the sum is checked as written, every migration's hazards count.
  const checks = folderChecksOf(args, pending, [], migrationNamesIn(project.migrationsDir, project.migrationsInSubfolders))
  return reportPending(args, { ...pending, plan }, output, { ...checks, folder: [...notRun, ...notReverted, ...checks.folder] }, {
    ok: 'OK: the migrations build the schema the entities declare.',
    advice: pending.comparison.contractDue.length > 0
      ? contractDueAdvice(pending.comparison.contractDue)
      : 'A migration is missing: the entities differ from the schema the migrations build. Run `typeorm-autogen generate <Name>`.',
  })
}

/** buildFromMigrations has TypeORM's runner apply the migrations to the scratch database; a failing one is an error naming its statement. */
export async function buildFromMigrations(scratch: ScratchProject): Promise<void> {
  await applyPending(scratch.dataSource).catch((err: unknown) => {
    throw withMissingBaselineAdvice(withFailingStatement(err), scratch.dataSource.options)
  })
}

/** announceScratch prints the `Database:` line every comparison starts with, naming the scratch database and its source. */
export function announceScratch(scratch: ScratchProject, args: Pick<ScratchArgs, 'format' | 'quiet'>, output: CliOutput): void {
  if (args.quiet === true) return
  const folder = relative(process.cwd(), scratch.project.migrationsDir) || '.'
  const print = args.format === 'text' ? output.out : output.err
  print(`Database: ${scratch.scratch.description} (scratch, built from ${folder})`)
}
