import { type CheckFinding, findingLine } from '../../hazards/check-finding'
import { acceptHint } from '../../pipeline/hazard-policy'
import { type CliOutput, paintsOf } from '../cli-output'
import { ExitCode } from '../exit-codes'
import { firstExitCode } from '../exit-precedence'

/** FolderChecks are check's findings beside the comparison: the migrations folder's integrity, and the hazard policy's. */
export interface FolderChecks {
  readonly folder: readonly CheckFinding[]
  readonly policy: readonly CheckFinding[]
}

/**
 * reportFolderChecks prints each finding as one line on stderr (the hazards with how to accept them) and
 * returns the exit code of check as a whole: `changes` (the comparison's), or 5 for the folder, 6 for the
 * policy, whichever comes first in ExitCode's order.
 */
export function reportFolderChecks(output: CliOutput, changes: number, { folder, policy }: FolderChecks): number {
  const paint = paintsOf(output).err
  for (const finding of folder) output.err(paint('danger', findingLine(finding)))
  for (const finding of policy) output.err(paint(finding.severity === 'danger' ? 'danger' : 'warning', findingLine(finding)))
  if (policy.length > 0) output.err(acceptHint)
  return firstExitCode([
    changes,
    ...(folder.length > 0 ? [ExitCode.folderIntegrity] : []),
    ...(policy.length > 0 ? [ExitCode.hazardPolicy] : []),
  ])
}
