import { relative } from 'node:path'
import { generateMigration } from '../../pipeline/generate-migration'
import { renderReport } from '../../render/report'
import { loadProject } from '../../source/load-config'
import { UserError } from '../../source/user-error'
import type { CliOutput } from '../cli-output'
import { ExitCode } from '../exit-codes'

export interface GenerateArgs {
  readonly config: string
  readonly name: string
  readonly timestamp?: number
}

/** generateCommand writes a migration for the pending changes, or says there are none. */
export async function generateCommand(args: GenerateArgs, output: CliOutput): Promise<number> {
  if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(args.name)) {
    throw new UserError(`migration name "${args.name}" is not a valid class name: use letters, digits and _ (e.g. AddPostTags)`)
  }
  const project = await loadProject(args.config)
  const result = await generateMigration(project, args.name, args.timestamp)
  if (!result.file) {
    output.out('No changes: the database matches the entities. Nothing written.')
    for (const warning of result.plan.warnings) output.err(`warning: ${warning}`)
    return ExitCode.ok
  }
  output.out(renderReport(result.plan, 'summary'))
  output.out(`Wrote ${relative(process.cwd(), result.file)}`)
  return ExitCode.ok
}
