import { UserError } from '../source/user-error'
import type { ProjectReading } from './read-project'
import type { PlannedChanges } from './plan-changes'
import type { CompareOptions } from './compare-project'
import { type ContractPlan, planContract } from './expand-contract-finish'
import { type ExpandContractPlan, planExpandContract } from './expand-contract-phases'
import { type MeasuredHazards, measureHazards, uncountedHazards } from './measure-hazards'

/** MeasuredChanges are the planned hazards with their rows counted, and the expand or contract migration asked for. */
export interface MeasuredChanges extends MeasuredHazards {
  readonly expandContract?: ExpandContractPlan
  readonly contract?: ContractPlan
}

/**
 * measureChanges counts the data the hazards affect through the reading's read-only connection (unless
 * options.countRows is false), and plans (and counts) the expand or contract migration the strategy asks
 * for. With no strategy, the contract of applied expand migrations is planned too where it can be, so that
 * `check` shows what it still does.
 */
export async function measureChanges(read: ProjectReading, planned: PlannedChanges, options: CompareOptions): Promise<MeasuredChanges> {
  const { dialect, connection, actual, desired, entities } = read
  const measured = options.countRows === false
    ? { hazards: uncountedHazards(planned.findings), warnings: [] }
    : await measureHazards(planned.findings, dialect, connection)
  const expandContract = options.strategy === 'expand-contract'
    ? await planExpandContract({ up: planned.changes.ops, actual, findings: planned.findings, dialect, connection, declared: entities.model })
    : undefined
  const contractInput = { actual, desired, dialect, connection, declared: entities.model, expands: read.contractDue }
  const contract = options.strategy === 'contract'
    ? await planContract(contractInput)
    : options.strategy === undefined && read.contractDue.length > 0
      ? await planContract(contractInput).catch((err: unknown) => (err instanceof UserError ? undefined : Promise.reject(err)))
      : undefined
  return { ...measured, ...(expandContract !== undefined && { expandContract }), ...(contract !== undefined && { contract }) }
}
