import type { Warning } from '../hazards/warning'
import type { LoadedProject } from '../source/load-config'
import { type Comparison, compareProject } from './compare-project'
import { messageOf } from '../source/user-error'
import { changedObjects } from '../render/run-summary'

/**
 * upgradeVerification compares the database with the entities once an upgrade has applied every migration of
 * the folder, and is the SCHEMA_DIFFERS warning when they differ. It says nothing while migrations are left to
 * apply or the database has applied migrations the folder has not: the entities are then of another version.
 * While an applied expand migration awaits its contract, it is the CONTRACT_DUE warning instead. Where the
 * comparison cannot be made, SCHEMA_DIFFERS says why.
 */
export async function upgradeVerification(project: LoadedProject): Promise<Warning | undefined> {
  let comparison: Comparison
  try {
    comparison = await compareProject(project)
  } catch (err) {
    // The migrations are applied: what stops the comparison (no entity loaded, say) is told, not an error of the run.
    return { code: 'SCHEMA_DIFFERS', message: `the migrations are applied, but the database could not be compared with the entities: ${messageOf(err).replace(/\.$/, '')}` }
  }
  const { unapplied, unknown } = comparison.history
  if (unapplied.length > 0 || unknown.length > 0 || comparison.up.length === 0) return undefined
  // Between expand and contract the database differs by design: the contract is what is missing.
  const contractDue = comparison.warnings.find((w) => w.code === 'CONTRACT_DUE')
  if (contractDue !== undefined) return contractDue
  return {
    code: 'SCHEMA_DIFFERS',
    message: `with every migration applied, the database still differs from the entities (${changedObjects(comparison.up)}, as \`typeorm-autogen check\` counts them): run it to see the changes, then generate the missing migration`,
  }
}
