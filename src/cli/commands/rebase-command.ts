import { relative } from 'node:path'
import { dialectFor } from '../../dialect/dialect-for'
import { appliedMigrationNames } from '../../pipeline/unapplied-migrations'
import { rebaseMigration } from '../../pipeline/rebase-migration'
import { buildMigrations } from '../../source/build-metadata'
import { loadProject } from '../../source/load-config'
import { migrationNameOf } from '../../source/migration-name'
import { announceDatabase } from '../announce-database'
import type { CliOutput } from '../cli-output'
import { ExitCode } from '../exit-codes'

export interface RebaseArgs {
  readonly config: string
  /** The migration, as TypeORM records it (`AddPostTags1700000000000`), or its file name. */
  readonly name: string
  readonly timestamp?: number
  readonly quiet?: boolean
}

/**
 * rebaseCommand gives a migration the database has not applied a newer timestamp than every other (see
 * rebaseMigration): the way out of a migration left out of order by a merge. It reads the applied
 * migrations through a read-only connection.
 */
export async function rebaseCommand(args: RebaseArgs, output: CliOutput): Promise<number> {
  const project = await loadProject(args.config)
  announceDatabase(project, output, { quiet: args.quiet })
  const { options } = project.dataSource
  const dialect = dialectFor(options)
  const connection = await dialect.connect(options)
  let applied: readonly string[]
  try {
    applied = await appliedMigrationNames(project.dataSource, dialect, connection)
  } finally {
    await connection.close()
  }
  // The DataSource's migrations outside the folder run in timestamp order with it: the new timestamp is newer than theirs too.
  const loaded = (await buildMigrations(project.dataSource)).map(migrationNameOf)
  const shown = (file: string) => relative(process.cwd(), file)
  for (const rebased of rebaseMigration(project.migrationsDir, project.migrationsInSubfolders, args.name, applied, Date.now(), args.timestamp, loaded)) {
    const moved = rebased.from.file === rebased.to.file ? ` in ${shown(rebased.to.file)}` : `: ${shown(rebased.from.file)} is now ${shown(rebased.to.file)}`
    output.out(`Renamed ${rebased.from.name} to ${rebased.to.name}${moved}`)
  }
  return ExitCode.ok
}
