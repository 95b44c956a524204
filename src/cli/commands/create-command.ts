import { relative } from 'node:path'
import { createMigration } from '../../pipeline/create-migration'
import { loadProject } from '../../source/load-config'
import type { CliOutput } from '../cli-output'
import { ExitCode } from '../exit-codes'
import { refuseBadMigrationName } from '../migration-name-arg'

export interface CreateArgs {
  readonly config: string
  readonly name: string
  readonly timestamp?: number
}

/** createCommand writes an empty migration, to be filled in by hand (a data migration), without connecting. */
export async function createCommand(args: CreateArgs, output: CliOutput): Promise<number> {
  refuseBadMigrationName(args.name, 'BackfillSlugs')
  const file = await createMigration(await loadProject(args.config), args.name, args.timestamp)
  output.out(`Wrote ${relative(process.cwd(), file)}: fill in up() and down(), then run \`typeorm-autogen hash\` and upgrade.`)
  return ExitCode.ok
}
