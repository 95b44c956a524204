import type { ProjectReading } from './read-project'
import type { PlannedChanges } from './plan-changes'
import type { CompareOptions } from './compare-project'
import { type ContractPlan, planContract } from './expand-contract-finish'
import { type ExpandContractPlan, planExpandContract } from './expand-contract-phases'
import { type MeasuredHazards, measureHazards } from './measure-hazards'

/** MeasuredChanges are the planned hazards with their rows counted, and the expand or contract migration asked for. */
export interface MeasuredChanges extends MeasuredHazards {
  readonly expandContract?: ExpandContractPlan
  readonly contract?: ContractPlan
}

/**
 * measureChanges counts the data the hazards affect through the reading's read-only connection, and plans
 * (and counts) the expand or contract migration the strategy asks for.
 */
export async function measureChanges(read: ProjectReading, planned: PlannedChanges, options: CompareOptions): Promise<MeasuredChanges> {
  const { dialect, connection, actual, desired, entities } = read
  const measured = await measureHazards(planned.findings, dialect, connection)
  const expandContract = options.strategy === 'expand-contract'
    ? await planExpandContract({ up: planned.changes.ops, actual, findings: planned.findings, dialect, connection, declared: entities.model })
    : undefined
  const contract = options.strategy === 'contract'
    ? await planContract({ actual, desired, dialect, connection, declared: entities.model, expands: read.contractDue })
    : undefined
  return { ...measured, ...(expandContract !== undefined && { expandContract }), ...(contract !== undefined && { contract }) }
}
