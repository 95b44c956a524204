import type { Warning } from '../hazards/warning'
import type { LoadedProject } from '../source/load-config'
import { compareProject } from './compare-project'

/**
 * upgradeVerification compares the database with the entities once an upgrade has applied every migration of
 * the folder, and is the SCHEMA_DIFFERS warning when they differ. It says nothing while migrations are left to
 * apply or the database has applied migrations the folder has not: the entities are then of another version.
 * While an applied expand migration awaits its contract, it is the CONTRACT_DUE warning instead.
 */
export async function upgradeVerification(project: LoadedProject): Promise<Warning | undefined> {
  const comparison = await compareProject(project)
  const { unapplied, unknown } = comparison.history
  if (unapplied.length > 0 || unknown.length > 0 || comparison.up.length === 0) return undefined
  // Between expand and contract the database differs by design: the contract is what is missing.
  const contractDue = comparison.warnings.find((w) => w.code === 'CONTRACT_DUE')
  if (contractDue !== undefined) return contractDue
  const count = comparison.up.length
  return {
    code: 'SCHEMA_DIFFERS',
    message: `with every migration applied, the database still differs from the entities (${count} change${count === 1 ? '' : 's'}): run \`typeorm-autogen check\` to see them, then generate the missing migration`,
  }
}
