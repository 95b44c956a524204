import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import type { DatabaseTarget } from '../dialect/dialect'
import { dialectFor } from '../dialect/dialect-for'
import { warningLine } from '../hazards/warning'
import { shownBy, warningShown } from '../pipeline/shown-findings'
import type { LoadedProject } from '../source/load-config'
import type { CliOutput } from './cli-output'

/** AnnounceOptions say where the database line goes. */
export interface AnnounceOptions {
  /** The command prints SQL or JSON on stdout: the line goes to stderr so that stdout stays machine-readable. */
  readonly toStderr?: boolean
  /** `--quiet`: print nothing, not even the warnings about the database's path. */
  readonly quiet?: boolean
}

/**
 * announceDatabase prints first `Database: <what and where>` (never a password), then warnings about how its
 * path was read (DATABASE_PATH, which `autogen.ignore` and `--quiet` leave out as any warning). It returns the
 * target described, for a command that creates the database (upgrade, stamp) to print its `creation` once it
 * knows it will.
 */
export function announceDatabase(project: LoadedProject, output: CliOutput, options: AnnounceOptions = {}): DatabaseTarget {
  const { options: dataSourceOptions } = project.dataSource
  const target = dialectFor(dataSourceOptions).describeTarget(dataSourceOptions, expectedFolders(project.configPath))
  const print = options.toStderr === true ? output.err : output.out
  if (options.quiet !== true) print(`Database: ${target.description}`)
  const shown = shownBy(project.settings, options.quiet)
  if (warningShown('DATABASE_PATH', shown)) {
    for (const message of target.warnings) output.err(`warning: ${warningLine({ code: 'DATABASE_PATH', message })}`)
  }
  return target
}

/** expectedFolders are where a user may run from: the config's folder, then the project's (nearest package.json above it). */
function expectedFolders(configPath: string): string[] {
  const folders = [dirname(configPath)]
  for (let dir = folders[0]!; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) {
      if (dir !== folders[0]) folders.push(dir)
      return folders
    }
    if (dirname(dir) === dir) return folders
  }
}
