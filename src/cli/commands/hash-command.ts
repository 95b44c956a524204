import { relative } from 'node:path'
import { writeWhole } from '../../pipeline/write-whole'
import { loadProject } from '../../source/load-config'
import { folderEntries, migrationFilesIn } from '../../source/migration-files'
import { migrationSumFileName, sumEntriesOf, sumText } from '../../source/migration-sum'
import { UserError } from '../../source/user-error'
import type { CliOutput } from '../cli-output'
import { ExitCode } from '../exit-codes'

export interface HashArgs {
  readonly config: string
}

/**
 * hashCommand writes the migrations folder's autogen.sum anew from its files as they are: to adopt it for an
 * existing folder, after resolving a conflict in it, or after an intended edit of a migration applied nowhere.
 * It reads no database.
 */
export async function hashCommand(args: HashArgs, output: CliOutput): Promise<number> {
  const project = await loadProject(args.config)
  const dir = project.migrationsDir
  if (folderEntries(dir).length === 0) {
    throw new UserError(`the migrations folder ${relative(process.cwd(), dir) || '.'} is empty or missing: nothing to hash (generate writes ${migrationSumFileName} with the first migration)`)
  }
  const entries = sumEntriesOf(migrationFilesIn(dir, project.migrationsInSubfolders))
  const file = writeWhole(dir, migrationSumFileName, sumText(entries), { replace: true })
  output.out(`Wrote ${relative(process.cwd(), file)} (${entries.length} migration${entries.length === 1 ? '' : 's'})`)
  return ExitCode.ok
}
