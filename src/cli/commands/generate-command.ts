import { basename, relative } from 'node:path'
import type { RenameAsk } from '../../diff/rename-types'
import type { MigrationStrategy } from '../../pipeline/migration-strategy'
import { generateMigration, prepareMigration, writePrepared } from '../../pipeline/generate-migration'
import { RenamesUnresolvedError, unresolvedRenameLine } from '../../pipeline/renames-unresolved-error'
import { isNote } from '../../hazards/hazard'
import { hazardLine } from '../../render/hazard-text'
import { renderReport } from '../../render/report'
import { runSummary } from '../../render/run-summary'
import { loadProject } from '../../source/load-config'
import { fileNameParts } from '../../source/migration-files'
import { listsMigrationClasses } from '../../source/migrations-dir'
import { UserError } from '../../source/user-error'
import { announceDatabase } from '../announce-database'
import { warningLine } from '../../hazards/warning'
import { type CliOutput, paintsOf, printNote, printSummary, printWarning } from '../cli-output'
import { ExitCode } from '../exit-codes'
import { refuseBadMigrationName } from '../migration-name-arg'
import { parseRenameFlags } from '../rename-flag'
import { withScratchDatabase } from '../../runner/scratch-database'
import { announceScratch, buildFromMigrations } from './check-from-migrations'

export interface GenerateArgs {
  readonly config: string
  readonly name: string
  readonly timestamp?: number
  /** `--rename` values: `table.old=new` or `old_table=new_table`. */
  readonly rename?: readonly string[]
  /** Drop and add suspected renames nobody decided, instead of stopping. */
  readonly acceptDataLoss?: boolean
  /** `expand-contract` writes a column rename or risky type change as its expand migration. Default `direct`. */
  readonly strategy?: MigrationStrategy
  /** Write the contract migration of the applied expand migrations (`--contract`). */
  readonly contract?: boolean
  /** `--quiet`: print only the files written (and errors). */
  readonly quiet?: boolean
  /** `--dry-run`: print what would be written, writing nothing. */
  readonly dryRun?: boolean
  /** `--from-migrations`: compare the entities with a scratch database built from the migrations folder, not the live one. */
  readonly fromMigrations?: boolean
  /** `--shadow-url`: the server (and credentials) to make that scratch database on. */
  readonly shadowUrl?: string
  /** `--online`: write the changes to existing tables in their online forms, in a migration run outside a transaction. */
  readonly online?: boolean
}

/**
 * generateCommand writes a migration for the pending changes, or says there are none. `ask` decides
 * suspected renames (the terminal prompt); without it, an undecided one stops it with exit code 3. With
 * `fromMigrations` the changes are those between the entities and a scratch database the migrations folder
 * builds, as `check --from-migrations` finds them: no live database is read.
 */
export async function generateCommand(args: GenerateArgs, output: CliOutput, ask?: RenameAsk): Promise<number> {
  refuseBadMigrationName(args.name, 'AddPostTags')
  if (args.contract === true && args.strategy !== undefined && args.strategy !== 'direct') {
    throw new UserError('--contract writes the contract of an applied expand migration: leave out --strategy')
  }
  const strategy = args.contract === true ? 'contract' : args.strategy
  const direct = strategy === undefined || strategy === 'direct'
  if (args.online === true && !direct) {
    throw new UserError('--online writes the direct migration in its online forms: leave out --strategy and --contract')
  }
  const renames = parseRenameFlags(args.rename)
  const project = await loadProject(args.config, { entityCache: true })
  // --accept-data-loss answers every suspected rename with no: nothing is asked.
  // autogen.online asks for the online forms of the direct migration only; --online with another strategy is refused above.
  const online = args.online ?? (direct ? project.settings.online : undefined)
  const options = { renames, ask: args.acceptDataLoss ? undefined : ask, acceptDataLoss: args.acceptDataLoss, strategy, dryRun: args.dryRun, online }
  let result: Awaited<ReturnType<typeof generateMigration>>
  try {
    if (args.fromMigrations === true) {
      const prepared = await withScratchDatabase(project, args.shadowUrl, async (scratch) => {
        announceScratch(scratch, { format: 'text', quiet: args.quiet }, output)
        await buildFromMigrations(scratch)
        // The scratch database holds none of the user's rows: counts taken there would say a drop loses nothing.
        return prepareMigration(scratch.project, args.name, args.timestamp, { ...options, connect: scratch.connect, countRows: false })
      })
      // Written once the scratch database is dropped: after Ctrl-C, from a reading of it half dropped, never.
      result = writePrepared(project, prepared, options)
    } else {
      announceDatabase(project, output, { quiet: args.quiet })
      result = await generateMigration(project, args.name, args.timestamp, options)
    }
  } catch (err) {
    if (!(err instanceof RenamesUnresolvedError)) throw err
    for (const rename of err.renames) output.err(`typeorm-autogen: ${unresolvedRenameLine(rename)}`)
    return ExitCode.renameUnresolved
  }
  if (!result.file) {
    if (args.quiet === true) return ExitCode.ok
    if (result.snapshot === undefined) output.out('No changes: the database matches the entities. Nothing written.')
    else if (result.comparison.warnings.some((w) => w.code === 'SNAPSHOT_UNREADABLE')) {
      output.out('No changes: the database matches the entities.')
      output.out(`${wrote(args)} ${relative(process.cwd(), result.snapshot)} only, in place of the one that could not be read.`)
    } else {
      output.out('No schema changes: the database matches the entities. The entities changed in ways the database cannot see (see the notes).')
      output.out(`${wrote(args)} ${relative(process.cwd(), result.snapshot)} only, so these notes are not repeated.`)
    }
    for (const warning of result.plan.warnings) printWarning(output, warningLine(warning))
    for (const hazard of result.plan.hazards ?? []) (isNote(hazard) ? printNote : printWarning)(output, hazardLine(hazard))
    const { history, actual } = result.comparison
    if (args.fromMigrations !== true && history.known.length === 0 && history.applied.length === 0 && actual.tables.length > 0) {
      printNote(output, 'the project has no migrations yet, and the database has the tables of the entities already (made by synchronize or by hand): ' +
        'to adopt it, write the first migration with `typeorm-autogen generate Init --from-migrations`, then record it with `typeorm-autogen stamp Init`')
    }
    return ExitCode.ok
  }
  for (const { plan, file } of result.written) {
    if (args.quiet !== true) output.out(renderReport(plan, 'summary', 'up', paintsOf(output).out))
    output.out(`${wrote(args)} ${relative(process.cwd(), file)}`)
  }
  if (args.dryRun === true) output.out('Dry run: nothing was written.')
  if (args.quiet === true) return ExitCode.ok
  if (args.dryRun !== true && listsMigrationClasses(project.dataSource)) {
    for (const { file } of result.written) {
      const parts = fileNameParts(basename(file))
      const migration = parts === undefined ? relative(process.cwd(), file) : `${parts.name}${parts.timestamp} (${relative(process.cwd(), file)})`
      printNote(output, `the DataSource lists its migrations as classes: add ${migration} to them, or TypeORM's CLI and the application's migrationsRun will not run it (upgrade here does)`)
    }
  }
  if (result.written.length > 1) output.out(`The change is written as ${result.written.length} migrations, each run in its own transaction: see their headers.`)
  if (result.plan.phase?.step === 'expand') {
    output.out('Run it (upgrade), deploy the code that uses the new columns, then write the contract with `generate <Name> --contract`.')
  } else if (strategy === 'expand-contract') {
    const why = result.plan.warnings.some((w) => w.code === 'KEPT_IN_PLACE')
      ? 'each column rename or risky type change stays in place, see KEPT_IN_PLACE'
      : 'no column rename or risky type change'
    output.out(`Nothing to expand and contract (${why}): wrote one ordinary migration.`)
  }
  printSummary(output, runSummary(result.written.map((w) => w.plan)))
  return ExitCode.ok
}

function wrote(args: GenerateArgs): string {
  return args.dryRun === true ? 'Would write' : 'Wrote'
}
