import { pendingHazardLines, pendingHazards } from '../../pipeline/pending-hazards'
import { shownBy } from '../../pipeline/shown-findings'
import { detailsJson, entryJson, jsonText, showJson } from '../../render/migration-log-json'
import { historyLines, showLines, statusLine } from '../../render/migration-log-text'
import { detailsOf } from '../../runner/migration-details'
import { migrationLog } from '../../runner/migration-log'
import { inRange } from '../../runner/migration-range'
import { migrationSql } from '../../runner/migration-sql'
import { type LoadedProject, loadProject } from '../../source/load-config'
import { announceDatabase } from '../announce-database'
import { type CliOutput, paintsOf } from '../cli-output'
import { ExitCode } from '../exit-codes'
import type { RunnerArgs } from './runner-commands'

/** LogArgs are the arguments of `status`, `current`, `history` and `show`. */
export interface LogArgs extends RunnerArgs {
  readonly format: 'text' | 'json'
}

async function projectFor(args: LogArgs, output: CliOutput, toStderr = false): Promise<LoadedProject> {
  const project = await loadProject(args.config)
  announceDatabase(project, output, { quiet: args.quiet, toStderr: toStderr || args.format === 'json' })
  return project
}

/**
 * statusCommand lists the migrations with whether each is applied, and as unknown the applied ones the project
 * lacks, then warns of the unaccepted hazards of the pending ones.
 */
export async function statusCommand(args: LogArgs, output: CliOutput): Promise<number> {
  const project = await projectFor(args, output)
  const { entries } = await migrationLog(project)
  if (args.format === 'json') output.out(jsonText({ migrations: entries.map(entryJson) }))
  else {
    if (entries.length === 0) output.out('No migrations.')
    for (const entry of entries) output.out(statusLine(entry, paintsOf(output).out))
  }
  const pending = entries.filter((m) => m.state === 'pending').map((m) => m.name)
  const shown = shownBy(project.settings, args.quiet)
  for (const line of pendingHazardLines(pendingHazards(project.migrationsDir, project.migrationsInSubfolders, pending, shown))) output.err(line)
  return ExitCode.ok
}

/**
 * currentCommand prints the last applied migration, and nothing (`null` in JSON) when none is; `--verbose`, as
 * Alembic's `current -v`, prints it as `history --verbose` does.
 */
export async function currentCommand(args: LogArgs & { readonly verbose?: boolean }, output: CliOutput): Promise<number> {
  const { current, entries } = await migrationLog(await projectFor(args, output, true))
  const entry = entries.find((e) => e.name === current)
  if (args.format === 'json') output.out(jsonText({ current: current ?? null }))
  else if (args.verbose === true && entry !== undefined) output.out(historyLines(detailsOf(entry), true, paintsOf(output).out).join('\n'))
  else if (current !== undefined) output.out(current)
  return ExitCode.ok
}

/**
 * historyCommand lists the migrations in order with their change summaries and hazards (`--verbose`: their whole
 * headers); with `-r FROM:TO`, those of that range; with `-i`, as Alembic's `history -i`, the newest marked `(head)` and
 * the last applied `(current)`.
 */
export async function historyCommand(
  args: LogArgs & { readonly verbose?: boolean; readonly range?: string; readonly indicateCurrent?: boolean },
  output: CliOutput,
): Promise<number> {
  const log = await migrationLog(await projectFor(args, output))
  const { entries } = args.range === undefined ? log : inRange(log, args.range)
  const details = entries.map(detailsOf)
  const head = log.entries.filter((entry) => entry.state !== 'unknown').at(-1)?.name
  const marksOf = (name: string) => (args.indicateCurrent !== true ? '' : `${name === head ? ' (head)' : ''}${name === log.current ? ' (current)' : ''}`)
  if (args.format === 'json') output.out(jsonText({ migrations: details.map(detailsJson) }))
  else if (details.length === 0) output.out(args.range === undefined || log.entries.length === 0 ? 'No migrations.' : `No migration in the range ${args.range}.`)
  else output.out(details.flatMap((d) => historyLines(d, args.verbose === true, paintsOf(output).out, marksOf(d.name))).join('\n'))
  return ExitCode.ok
}

/** showCommand prints one migration's summary, hazards, and the SQL of its up and down, recorded without running them. */
export async function showCommand(args: LogArgs & { readonly name: string }, output: CliOutput): Promise<number> {
  const { entry, up, down } = await migrationSql(await projectFor(args, output), args.name)
  const details = detailsOf(entry)
  output.out(args.format === 'json' ? jsonText(showJson(details, up, down)) : showLines(details, up, down, paintsOf(output).out).join('\n'))
  return ExitCode.ok
}
